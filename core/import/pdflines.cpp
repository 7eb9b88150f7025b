#include "pdflines.h"

#include "layoutanalyzer.h"

#include <algorithm>
#include <cmath>

namespace Pizhu::PdfLines {

namespace {

// The word's text as one line may hold it: no line or page breaks of its own, no blank ends; and
// the box of each of its characters.
struct Word
{
    QString text;
    QRectF box;
    QString face;
    QList<QRectF> glyphs;
};

Word cleanWord(const PageWord &word)
{
    QString t = word.text;
    for (QChar &c : t)
        if (c == u'\n' || c == u'\r' || c == u'\f' || c == u'\v' || c == QChar::LineSeparator
            || c == QChar::ParagraphSeparator)
            c = u' ';
    qsizetype s = 0, e = t.size();
    while (s < e && LayoutAnalyzer::isBlankChar(t.at(s)))
        ++s;
    while (e > s && LayoutAnalyzer::isBlankChar(t.at(e - 1)))
        --e;
    Word w { t.sliced(s, e - s), word.box, {}, {} };
    const bool placed = std::all_of(word.chars.cbegin(), word.chars.cend(), [](const QRectF &r) {
        return std::isfinite(r.x()) && std::isfinite(r.y()) && std::isfinite(r.width())
            && std::isfinite(r.height());
    });
    if (word.chars.size() == word.text.size() && placed) {
        w.glyphs = word.chars.sliced(s, e - s);
    } else {
        // No boxes of its own: the word's box shared evenly by its characters, blanks included.
        const double each = word.box.width() / double(std::max<qsizetype>(word.text.size(), 1));
        w.glyphs.reserve(e - s);
        for (qsizetype i = s; i < e; ++i)
            w.glyphs.append(
                QRectF(word.box.left() + each * double(i), word.box.top(), each, word.box.height()));
    }
    return w;
}

// "ABCDEF+NotoSansCJKsc-Bold" is "NotoSansCJKsc-Bold": the prefix names the subset embedded, which
// differs between documents and even within one.
QString faceOf(const QString &font)
{
    const qsizetype plus = font.indexOf(u'+');
    return plus == 6 ? font.sliced(7) : font;
}

// "1." "12)" "(a)" "（3）" "iv." "一、" "•": what numbers or marks a list item, before its text.
bool isListLabel(QStringView label)
{
    static const QString marks = QStringLiteral("•·▪◦●○■□►▶‣⁃–-*");
    if (label.size() == 1 && marks.contains(label.front()))
        return true;
    const bool open = label.startsWith(u'(') || label.startsWith(u'（');
    if (open)
        label = label.sliced(1);
    if (!label.isEmpty() && QStringView(u".、)）").contains(label.back()))
        label.chop(1);
    else if (!open)
        return false; // "12" alone is a number, not a label
    if (label.isEmpty() || label.size() > 4)
        return false;
    const auto all = [label](auto is) { return std::all_of(label.begin(), label.end(), is); };
    return all([](QChar c) { return c.isDigit(); }) || (label.size() == 1 && label.front().isLetter())
        || all([](QChar c) { return QStringView(u"ivxlcIVXLC").contains(c); })
        || all([](QChar c) { return QStringView(u"一二三四五六七八九十").contains(c); });
}

// The words of a page that can be placed, their text as one line may hold it.
QList<Word> wordsOf(const PageWords &page)
{
    QList<Word> words;
    words.reserve(page.words.size());
    for (const PageWord &pw : page.words) {
        Word w = cleanWord(pw);
        // A damaged PDF can place a word at infinity, nowhere (NaN) or far beyond any page (PDF's
        // user space ends at 14,400 units): such a box would break the ordering the sorts below
        // rely on, or the rounding of positions, so the word is left out of the layout.
        const QRectF &b = pw.box;
        const auto sane = [](double v) { return std::isfinite(v) && std::abs(v) < 1e6; };
        if (!w.text.isEmpty() && sane(b.x()) && sane(b.y()) && sane(b.width()) && sane(b.height())
            && b.height() > 0 && b.width() >= 0) {
            w.face = faceOf(pw.font);
            words.append(std::move(w));
        }
    }
    return words;
}

// Words on one baseline make a line: sorted by their vertical centre, a word joins the line above
// while its centre lies within that line's first word. The lines come in the order they stand.
QList<Line> linesFrom(QList<Word> words, int pageIndex, int column)
{
    std::stable_sort(words.begin(), words.end(),
        [](const Word &a, const Word &b) { return a.box.center().y() < b.box.center().y(); });
    QList<QList<Word>> groups;
    for (Word &w : words) {
        if (!groups.isEmpty()) {
            const QRectF &first = groups.last().first().box;
            const double y = w.box.center().y();
            if (y >= first.top() && y <= first.bottom()) {
                groups.last().append(std::move(w));
                continue;
            }
        }
        groups.append({ std::move(w) });
    }
    QList<Line> lines;
    lines.reserve(groups.size());
    for (QList<Word> &group : groups) {
        std::stable_sort(group.begin(), group.end(),
            [](const Word &a, const Word &b) { return a.box.left() < b.box.left(); });
        Line line;
        line.page = pageIndex;
        line.column = column;
        line.left = group.first().box.left();
        line.cellStarts = { line.left };
        line.top = group.first().box.top();
        line.bottom = group.first().box.bottom();
        qsizetype longest = -1;
        double smallestGap = 1e9, largestGap = -1e9;
        for (qsizetype i = 0; i < group.size(); ++i) {
            const Word &w = group.at(i);
            if (i > 0) {
                const Word &before = group.at(i - 1);
                // Words drawn apart are separate words, except in Chinese, which has no spaces
                // (a justified line spreads its characters).
                const double gap = w.box.left() - before.box.right();
                const double h = std::min(w.box.height(), before.box.height());
                // A gap of well over a character (the box is about 1.4 of its type's size) parts the
                // cells of a table row, Chinese too.
                const bool cellGap = gap > 1.2 * h;
                line.cells += cellGap;
                if (cellGap)
                    line.cellStarts.append(w.box.left());
                if (gap > 0.1 * h) {
                    smallestGap = std::min(smallestGap, gap);
                    largestGap = std::max(largestGap, gap);
                    line.evenGaps = largestGap - smallestGap < 0.2 * h;
                }
                // Between Chinese and Latin letters or digits, typesetters put a quarter of a
                // character of their own ("2023 年" drawn, "2023年" written): a space there is
                // one wider than half a character.
                const bool cjkBefore = LayoutAnalyzer::isCjk(before.text.back());
                const bool cjkAfter = LayoutAnalyzer::isCjk(w.text.front());
                const double wordGap = cjkBefore && cjkAfter ? 1e9 : (cjkBefore || cjkAfter ? 0.4 : 0.1) * h;
                if (gap > wordGap || cellGap) {
                    line.text += u' ';
                    line.glyphs.append(QRectF(0, 0, -1, 0));
                }
            }
            line.text += w.text;
            line.glyphs += w.glyphs;
            line.right = std::max(line.right, w.box.right());
            line.top = std::min(line.top, w.box.top());
            line.bottom = std::max(line.bottom, w.box.bottom());
            if (w.text.size() > longest) {
                longest = w.text.size();
                line.height = w.box.height();
            }
        }
        const qsizetype gap = line.text.indexOf(u' ');
        if (gap > 0 && gap + 1 < line.glyphs.size() && line.glyphs.at(gap + 1).width() >= 0
            && isListLabel(QStringView(line.text).first(gap)))
            line.labelEnd = line.glyphs.at(gap + 1).left();
        line.face = group.first().face;
        for (const Word &w : std::as_const(group))
            if (w.face != line.face)
                line.face.clear();
        // The first thing that could have moved up to the line before: a Chinese character, or
        // the run of other characters up to the first Chinese one ("——2023年" starts with "——2023").
        // Chinese line breaking moves more with it: an opening quote or bracket never ends a line,
        // and a comma, stop or closing bracket never starts one ("贫、" goes down together).
        const Word &first = group.first();
        qsizetype unit = 1;
        if (!LayoutAnalyzer::isCjk(first.text.front()))
            while (unit < first.text.size() && !LayoutAnalyzer::isCjk(first.text.at(unit))
                && first.text.at(unit) != u' ')
                ++unit;
        static const QString noLineEnd = QStringLiteral("（(［[｛{〔〈《「『【〖“‘");
        static const QString noLineStart = QStringLiteral("、。，．；：？！）］｝〕〉》」』】〗”’…—％");
        if (unit == 1 && unit < first.text.size() && noLineEnd.contains(first.text.front()))
            ++unit;
        while (unit < first.text.size() && noLineStart.contains(first.text.at(unit)))
            ++unit;
        // Its glyphs tell its width; without them a share of the word's, which is short of it
        // where figures narrower than characters follow ("贫、52").
        const bool glyphsKnown
            = first.glyphs.size() == first.text.size() && first.glyphs.at(unit - 1).width() >= 0;
        line.firstUnit = glyphsKnown ? first.glyphs.at(unit - 1).right() - first.glyphs.first().left()
                                     : first.box.width() * double(unit) / double(first.text.size());
        lines.append(std::move(line));
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) { return a.top < b.top; });
    return lines;
}

// The x of the gutter between two columns of text, or a negative number for a page of one
// column: a band in the middle of the page that hardly any row of words crosses, with at least a
// twentieth of the page's text (by its width: a line of Chinese is often one word) on either side:
// a section's last page may hold two lines in its right column. (A
// page of Chinese prose in one column has its lines' runs cross the middle; English lines have
// spaces there, but not all at the same place.) words: sorted by the height of their middle.
double gutterAmong(const QList<Word> &words, double pageWidth)
{
    const qsizetype n = words.size();
    if (n < 8 || !(pageWidth > 0 && pageWidth < 30000))
        return -1;
    double width = 0; // of all the words, end to end
    for (const Word &w : words)
        width += w.box.width();
    // Rows of words: a gutter lets hardly any row across (one in thirty: a figure's caption), however
    // many words the others have. The words come sorted by their middle's height.
    qsizetype rows = 0;
    double rowBottom = -1e9;
    for (const Word &w : words)
        if (w.box.center().y() > rowBottom) {
            ++rows;
            rowBottom = w.box.bottom();
        }
    // The widest run of clear positions; its middle is the gutter.
    double best = -1;
    qsizetype bandStart = -1, bestBand = 0;
    for (int x = int(pageWidth * 0.35); x <= int(pageWidth * 0.65); ++x) {
        double before = 0, after = 0;
        qsizetype crossing = 0;
        for (const Word &w : words) {
            before += w.box.right() <= x ? w.box.width() : 0;
            after += w.box.left() >= x ? w.box.width() : 0;
            crossing += w.box.right() > x && w.box.left() < x;
        }
        const bool clear = crossing * 100 <= rows * 3 && before >= 0.05 * width && after >= 0.05 * width;
        if (!clear) {
            bandStart = -1;
            continue;
        }
        if (bandStart < 0)
            bandStart = x;
        const qsizetype band = x - bandStart + 1;
        if (band > bestBand) {
            bestBand = band;
            best = bandStart + band / 2.0;
        }
    }
    return bestBand >= 8 ? best : -1; // a gutter is a few points wide at least
}

} // namespace

namespace {

// Words in the page's top and bottom tenth belong to neither column: a running header or a page
// number centred over the gutter is one line, not a word in each column, and no sign of one.
bool inMargin(const Word &w, double pageHeight)
{
    const double y = w.box.center().y();
    return pageHeight > 0 && (y < 0.09 * pageHeight || y > 0.91 * pageHeight);
}

// The words of the page outside its top and bottom tenth, sorted by the height of their middle.
QList<Word> bodyOf(const QList<Word> &words, double pageHeight)
{
    QList<Word> body;
    for (const Word &w : words)
        if (!inMargin(w, pageHeight))
            body.append(w);
    std::stable_sort(body.begin(), body.end(),
        [](const Word &a, const Word &b) { return a.box.center().y() < b.box.center().y(); });
    return body;
}

} // namespace

double gutterOf(const PageWords &page)
{
    QList<Word> body = bodyOf(wordsOf(page), page.size.height());
    // Rows at the top and the foot of the page that run on across its middle (a title centred over
    // two columns, its date line, footnotes set across the page) are no sign against a gutter
    // between them.
    QList<qsizetype> rowStarts; // where each row of body starts, and its end last
    for (qsizetype i = 0; i < body.size(); ++i)
        if (rowStarts.isEmpty() || body.at(i).box.center().y() > body.at(rowStarts.last()).box.bottom())
            rowStarts.append(i);
    rowStarts.append(body.size());
    const double middle = page.size.width() / 2;
    auto spansMiddle = [&](qsizetype row) {
        double leftEnd = -1e9, rightStart = 1e9, height = 0;
        for (qsizetype i = rowStarts.at(row); i < rowStarts.at(row + 1); ++i) {
            const QRectF &b = body.at(i).box;
            if (b.left() < middle && b.right() > middle)
                return true;
            if (b.right() <= middle)
                leftEnd = std::max(leftEnd, b.right());
            else
                rightStart = std::min(rightStart, b.left());
            height = std::max(height, b.height());
        }
        return rightStart - leftEnd < 0.6 * height; // words parted only as words are
    };
    // A few rows only: a page of prose with a table amid it spans the middle everywhere else.
    const qsizetype rowCount = rowStarts.size() - 1;
    const qsizetype fewRows = rowCount / 5;
    qsizetype firstRow = 0, endRow = rowCount;
    while (firstRow < fewRows && spansMiddle(firstRow))
        ++firstRow;
    while (endRow > rowCount - fewRows && spansMiddle(endRow - 1))
        --endRow;
    body = body.mid(rowStarts.at(firstRow), rowStarts.at(endRow) - rowStarts.at(firstRow));
    return gutterAmong(body, page.size.width());
}

bool keepsGutterClear(const PageWords &page, double gutter)
{
    const QList<Word> words = wordsOf(page);
    const QList<Word> body = bodyOf(words, page.size.height());
    qsizetype rows = 0, crossing = 0;
    double rowBottom = -1e9;
    bool rowCrosses = false;
    constexpr double HalfBand = 4; // gutterOf asks for a band of 8 points at least
    for (const Word &w : body) {
        if (w.box.center().y() > rowBottom) {
            ++rows;
            rowBottom = w.box.bottom();
            rowCrosses = false;
        }
        if (!rowCrosses && w.box.right() > gutter - HalfBand && w.box.left() < gutter + HalfBand) {
            rowCrosses = true;
            ++crossing;
        }
    }
    // (A last page may hold no body at all: a line or two of each column in the band at its top.)
    if (crossing * 100 > rows * 3)
        return false;
    // Text on both sides, on rows that leave the gutter clear (the right column's one line may
    // stand in the band above the body, where the columns' first lines are on a page without a
    // running header).
    bool leftText = false, rightText = false;
    for (const Word &w : words) {
        if (w.box.right() > gutter - HalfBand && w.box.left() < gutter + HalfBand)
            continue;
        const double y = w.box.center().y();
        const bool rowClear = std::none_of(words.cbegin(), words.cend(), [&](const Word &o) {
            return y >= o.box.top() && y <= o.box.bottom() && o.box.right() > gutter - HalfBand
                && o.box.left() < gutter + HalfBand;
        });
        if (rowClear)
            (w.box.left() >= gutter ? rightText : leftText) = true;
        if (leftText && rightText)
            return true;
    }
    return false;
}

QList<Line> linesOf(const PageWords &page, int pageIndex, double gutter)
{
    QList<Word> words = wordsOf(page);
    if (gutter < 0)
        return linesFrom(std::move(words), pageIndex, 0);
    const double height = page.size.height();
    auto inBand = [height](const Word &w) { return inMargin(w, height); };
    // A word across the gutter spans both columns, and so does the rest of its line: a title
    // centred over the columns has words on either side of the gutter too.
    QList<std::pair<double, double>> spanningRows;
    for (const Word &w : std::as_const(words))
        if (!inBand(w) && w.box.left() < gutter && w.box.right() > gutter)
            spanningRows.append({ w.box.top(), w.box.bottom() });
    auto onSpanningRow = [&](const Word &w) {
        const double y = w.box.center().y();
        return std::any_of(spanningRows.cbegin(), spanningRows.cend(),
            [y](const auto &row) { return y >= row.first && y <= row.second; });
    };
    // In the bands above and below the text, a line runs across (a running header centred over
    // the gutter, whether or not a word of it crosses it) unless its words leave the gutter clear:
    // where the page has no header, the columns' first lines stand there.
    auto bandLineAcross = [&](const Word &w) {
        double leftEnd = -1e9, rightStart = 1e9;
        for (const Word &o : std::as_const(words)) {
            const double y = o.box.center().y();
            if (y < w.box.top() || y > w.box.bottom())
                continue;
            if (o.box.left() < gutter && o.box.right() > gutter)
                return true;
            if (o.box.right() <= gutter)
                leftEnd = std::max(leftEnd, o.box.right());
            else
                rightStart = std::min(rightStart, o.box.left());
        }
        return rightStart - leftEnd < 0.6 * w.box.height();
    };
    QList<Word> left, right, spanning;
    for (Word &w : words) {
        QList<Word> &side = (inBand(w) && bandLineAcross(w)) || onSpanningRow(w) ? spanning
            : w.box.right() <= gutter                                            ? left
                                                                                 : right;
        side.append(std::move(w));
    }
    const QList<Line> leftLines = linesFrom(std::move(left), pageIndex, 1);
    const QList<Line> rightLines = linesFrom(std::move(right), pageIndex, 2);
    const double columnsTop = std::min(leftLines.isEmpty() ? 1e9 : leftLines.first().top,
        rightLines.isEmpty() ? 1e9 : rightLines.first().top);
    QList<Line> above, below;
    for (Line &l : linesFrom(std::move(spanning), pageIndex, 0))
        (l.bottom <= columnsTop ? above : below).append(std::move(l));
    return above + leftLines + rightLines + below;
}

} // namespace Pizhu::PdfLines
