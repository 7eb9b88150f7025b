// Feeds arbitrary word boxes to the PDF layout (PdfLayout) and the importer behind it: what a
// damaged or hostile PDF can make Poppler report. Words at any place and size, off the page, at
// infinity or NaN, empty or holding line breaks and form feeds, and an outline naming any of them. Besides a
// crash or a sanitizer report, a bug is laid-out text whose lines do not match its description line for line
// (the analysis would then read the text alone), or a Document that fails FuzzCheck.
#include "documentcheck.h"
#include "importer.h"
#include "layoutanalyzer.h"
#include "pdflayout.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace {

// Words a PDF's text layer holds, the awkward ones included.
const char16_t *const Words[] = { u"质量", u"强国建设纲要", u"一、", u"（一）", u"1.", u"CHAPTER", u"The",
    u"quality", u"— 3 —", u"12", u"。", u" ", u"\n", u"\f", u"第 3 页", u"\u200B", u"ﬁ", u"⼀", u"——", u"",
    u"a\nb", u"\u3000", u"Page", u"of", u"6" };

double coordinate(uint8_t b, double scale)
{
    switch (b) {
    case 0xFF:
        return std::numeric_limits<double>::quiet_NaN();
    case 0xFE:
        return std::numeric_limits<double>::infinity();
    case 0xFD:
        return -1e300;
    default:
        return double(b) * scale;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    QList<Pizhu::PageWords> pages(1 + data[0] % 4);
    for (Pizhu::PageWords &page : pages)
        page.size = QSizeF(595, 842);
    if (data[0] & 0x80)
        pages.first().size = QSizeF(coordinate(data[0] & 0x7F, 1), -1); // a page of no sensible size
    // Each word: page, x, y, width, height, which text.
    for (size_t i = 1; i + 6 <= size; i += 6) {
        const uint8_t *w = data + i;
        Pizhu::PageWord word;
        const size_t kinds = sizeof(Words) / sizeof(Words[0]);
        word.text = QString::fromUtf16(Words[w[5] % kinds]);
        if (w[5] >= 0xF0)
            word.text = word.text.repeated(1 + w[5] % 7);
        word.font = (w[4] & 3) == 0 ? QString()
            : (w[4] & 3) == 1       ? QStringLiteral("ABCDEF+Serif")
                                    : QStringLiteral("Sans-Bold");
        word.box = QRectF(
            coordinate(w[1], 2.5), coordinate(w[2], 3.5), coordinate(w[3], 0.5), coordinate(w[4], 0.25));
        pages[w[0] % pages.size()].words.append(word);
    }
    // An outline whose entries name any of the words, on any page or none, at any depth.
    QList<Pizhu::PdfBookmark> bookmarks;
    if (data[size - 1] & 1)
        for (size_t i = 1; i + 6 <= size && bookmarks.size() < 8; i += 6) {
            const size_t kinds = sizeof(Words) / sizeof(Words[0]);
            bookmarks.append(
                { QString::fromUtf16(Words[data[i + 5] % kinds]), int(data[i]) % int(pages.size() + 2) - 1,
                    data[i + 2] == 0xFF ? -1.0 : data[i + 2] / 254.0, int(data[i + 3]) });
        }
    const Pizhu::LaidOutPages laidOut = Pizhu::PdfLayout::layOut(pages, bookmarks);
    FuzzCheck::check(laidOut.pages.size() == pages.size());
    qsizetype lines = 0;
    for (const QString &page : laidOut.pages)
        for (const QStringView line : QStringView(page).split(u'\n')) {
            const bool blank = std::all_of(line.begin(), line.end(), Pizhu::LayoutAnalyzer::isBlankChar);
            FuzzCheck::check(!blank || page.isEmpty()); // an empty page has no lines; no other line is blank
            lines += !blank;
            FuzzCheck::check(!line.contains(u'\f'));
        }
    FuzzCheck::check(lines == laidOut.lines.size());
    const auto doc = Pizhu::Importer().importLaidOut(laidOut);
    if (doc.ok())
        FuzzCheck::checkDocument(doc.value());
    else
        FuzzCheck::check(doc.error() == Pizhu::ImportError::Empty);
    return 0;
}
