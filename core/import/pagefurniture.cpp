#include "pagefurniture.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// Running headers differ from page to page only in their numbers ("报告 — 3", "Chapter 1 · 12").
QString furnitureKey(QStringView line)
{
    QString key;
    key.reserve(line.size());
    for (QChar c : line) {
        if (c.isDigit())
            key += u'#';
        else if (!c.isSpace())
            key += c;
    }
    return key;
}

QString printedNumber(QStringView line)
{
    QString digits;
    for (QChar c : line)
        if (c.isDigit())
            digits += QChar(u'0' + c.digitValue());
        else if (!digits.isEmpty())
            break;
    return digits;
}

constexpr int MaxFurnitureLength = 40;

} // namespace

bool PageFurniture::isPageNumberLine(QStringView line)
{
    if (line.isEmpty() || line.size() > 16)
        return false;
    // Asked of every short line: the pattern is run only on lines that can open like one of its
    // alternatives (a dash, 第, a digit, "Page"). A supplementary-plane digit is a surrogate.
    const QChar first = line.front();
    if (!first.isDigit() && !first.isHighSurrogate() && first != u'第' && first != u'P' && first != u'p'
        && first != u'—' && first != u'–' && first != u'-' && first != u'－')
        return false;
    static const QRegularExpression re(
        u"^(?:[—–\\-－]\\s*\\d{1,4}\\s*[—–\\-－]"
        // 第3页, 第3页共6页, 第3页/共6页, 第3页，共6页, 第3页/6
        "|第\\s*\\d{1,4}\\s*页(?:\\s*[,，/／]?\\s*共\\s*\\d{1,4}\\s*页|\\s*[/／]\\s*\\d{1,4}\\s*页?)?"
        "|\\d{1,4}\\s*/\\s*\\d{1,4}|[Pp]age\\s+\\d{1,4}(?:\\s+of\\s+\\d{1,4})?)$"_s);
    return re.match(line).hasMatch();
}

QStringList PageFurniture::strip(QList<SourceLine> &lines, const QString &source, RepairCounts &counts)
{
    const bool paged = std::any_of(
        lines.cbegin(), lines.cend(), [](const SourceLine &l) { return l.pageMarker || l.afterFormFeed; });
    if (!paged)
        return {};

    auto text = [&source](const SourceLine &l) { return QStringView(source).sliced(l.start, l.length); };
    // A bare number is a page number only right next to a form feed (pdftotext puts the footer's
    // number just before it); elsewhere it may be text ("3" in a table).
    auto bareNumber = [&](const SourceLine &l) {
        const QStringView t = text(l);
        return t.size() <= 4 && std::all_of(t.begin(), t.end(), [](QChar c) { return c.isDigit(); });
    };
    const qsizetype count = lines.size();
    for (qsizetype i = 0; i < count; ++i) {
        const bool nextToFeed = lines[i].afterFormFeed || (i + 1 < count && lines[i + 1].afterFormFeed)
            || (i + 1 == count && i > 0);
        if (nextToFeed && bareNumber(lines[i]))
            lines[i].pageMarker = true;
    }

    // Number the pages. A page number that comes before any text of its page is a header and
    // names the page after it; otherwise it is a footer and names the page it ends.
    const bool headerStyle = lines.first().pageMarker;
    QStringList labels { QString() };
    int page = 1;
    bool contentOnPage = false, pendingBreak = false;
    QList<qsizetype> firstOfPage { -1 }, lastOfPage { -1 };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        SourceLine &l = lines[i];
        if (l.pageMarker) {
            const int labelled = headerStyle && contentOnPage ? page + 1 : page;
            while (labels.size() < labelled)
                labels.append(QString());
            labels[labelled - 1] = printedNumber(text(l));
            pendingBreak = true;
            ++counts.pageNumbers;
            continue;
        }
        if (l.afterFormFeed)
            pendingBreak = true;
        if (pendingBreak && contentOnPage) {
            ++page;
            contentOnPage = false;
            firstOfPage.append(-1);
            lastOfPage.append(-1);
            while (labels.size() < page)
                labels.append(QString());
        }
        pendingBreak = false;
        l.page = page;
        if (!contentOnPage)
            firstOfPage[page - 1] = i;
        lastOfPage[page - 1] = i;
        contentOnPage = true;
    }
    counts.pageBreaks = page - 1;

    // Running headers and footers: the same short line first (or last) on many pages.
    QList<bool> furniture(lines.size(), false);
    auto markRecurring = [&](const QList<qsizetype> &ends) {
        QHash<QString, int> seen;
        for (qsizetype i : ends)
            if (i >= 0 && lines[i].length <= MaxFurnitureLength)
                ++seen[furnitureKey(text(lines[i]))];
        const int needed = std::max(3, int(ends.size()) / 3);
        for (qsizetype i : ends)
            if (i >= 0 && lines[i].length <= MaxFurnitureLength
                && seen.value(furnitureKey(text(lines[i]))) >= needed)
                furniture[i] = true;
    };
    // Where the page layout is known (PdfLayout), it has found the furniture by where it stands, and
    // a title that opens page 1 with the running header's words is no header.
    const bool laidOut
        = std::any_of(lines.cbegin(), lines.cend(), [](const SourceLine &l) { return l.laidOutStart; });
    for (qsizetype i = 0; i < lines.size(); ++i)
        furniture[i] = lines[i].laidOutFurniture;
    if (!laidOut) {
        markRecurring(firstOfPage);
        markRecurring(lastOfPage);
    }
    // A line cut by the page edge is sometimes drawn on both pages: the same line last on one page
    // and first on the next (headers and footers aside) is one line.
    auto firstKept = [&](qsizetype i) {
        while (i >= 0 && i < lines.size() && (furniture[i] || lines[i].pageMarker))
            ++i;
        return i < lines.size() ? i : -1;
    };
    auto lastKept = [&](qsizetype i) {
        while (i >= 0 && (furniture[i] || lines[i].pageMarker))
            --i;
        return i;
    };
    for (qsizetype p = 1; p < firstOfPage.size(); ++p) {
        if (lastOfPage[p - 1] < 0 || firstOfPage[p] < 0)
            continue;
        const qsizetype last = lastKept(lastOfPage[p - 1]), first = firstKept(firstOfPage[p]);
        if (last >= 0 && first > last && lines[first].page == p + 1 && lines[first].length >= 8
            && text(lines[last]) == text(lines[first]))
            furniture[first] = true;
    }

    QList<SourceLine> kept;
    kept.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const SourceLine &l = lines[i];
        if (l.pageMarker)
            continue;
        if (furniture[i]) {
            ++counts.runningHeaders;
            continue;
        }
        // Blank lines around a page break say nothing about paragraphs.
        if (!kept.isEmpty() && kept.last().page != l.page)
            kept.last().blanksAfter = 0;
        kept.append(l);
    }
    lines = std::move(kept);
    labels.resize(page);
    return labels;
}

} // namespace Pizhu
