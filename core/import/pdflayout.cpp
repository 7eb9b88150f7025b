#include "pdflayout.h"

#include "layoutanalyzer.h"
#include "pagefurniture.h"
#include "pdflines.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Pizhu {

namespace {

using PdfLines::Line;

// Longer than this, a line in another face is a sentence set off (a quotation), not a heading.
constexpr qsizetype MaxFaceHeadingChars = 40;

// The value most often seen, counting each by its weight, after rounding to step.
double mostCommon(const QList<std::pair<double, double>> &valuesAndWeights, double step, double fallback)
{
    QHash<qint64, double> votes;
    for (const auto &[value, weight] : valuesAndWeights)
        votes[qRound64(value / step)] += weight;
    qint64 best = 0;
    double bestVotes = -1;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it)
        if (it.value() > bestVotes || (it.value() == bestVotes && it.key() < best)) {
            best = it.key();
            bestVotes = it.value();
        }
    return bestVotes < 0 ? fallback : double(best) * step;
}

struct Column
{
    double left = 0, right = 0;
};

// Where the body's lines end (nine in ten end before this) and start. A paragraph's lines after
// its first start at the column and follow a full line; its first line follows the last line of
// the paragraph before, which is most often short. So the column starts where lines seldom follow
// a short line, whatever most lines do: on a page of one-line paragraphs of dialogue most lines
// stand at the indent, and in a list with hanging indents most stand past the numbers. Where no
// place has lines enough to tell, where most lines start.
Column columnOf(const QList<const Line *> &bodyLines, Column fallback)
{
    if (bodyLines.size() < 6)
        return fallback;
    QList<double> rights;
    QList<std::pair<double, double>> lefts;
    for (const Line *l : bodyLines) {
        rights.append(l->right);
        lefts.append({ l->left, 1.0 });
    }
    std::sort(rights.begin(), rights.end());
    const double right = rights.at(qsizetype(0.9 * double(rights.size() - 1)));
    struct Starts
    {
        int lines = 0, afterShort = 0;
    };
    QHash<qint64, Starts> starts;
    const Line *above = nullptr;
    for (const Line *l : bodyLines) {
        if (above && above->page == l->page && above->top < l->top) {
            Starts &s = starts[qRound64(l->left)];
            ++s.lines;
            s.afterShort += above->right + l->firstUnit + 0.3 * l->height < right; // room for its first word
        }
        above = l;
    }
    const int enough = std::max(2, int(0.05 * double(bodyLines.size())));
    auto shareOf = [](const Starts &s) { return double(s.afterShort) / double(s.lines); };
    double bestShare = 2;
    for (const Starts &s : std::as_const(starts))
        if (s.lines >= enough)
            bestShare = std::min(bestShare, shareOf(s));
    // Of the places where lines follow a full line at least as often as a short one, the leftmost: a
    // list's lines under their items' text, or a quotation's, go on from full lines as the column's
    // own do, and flush lines (a list's labels) follow short ones there too.
    qint64 best = 0;
    int bestLines = 0;
    for (auto it = starts.cbegin(); it != starts.cend(); ++it)
        if (it.value().lines >= enough && shareOf(it.value()) <= std::max(0.5, bestShare + 0.1)
            && (bestLines == 0 || it.key() < best)) {
            best = it.key();
            bestLines = it.value().lines;
        }
    return { bestLines > 0 ? double(best) : mostCommon(lefts, 1.0, fallback.left), right };
}

// Type of one size: heights within an eighth of the larger.
bool sameSize(const Line &a, const Line &b)
{
    return std::abs(a.height - b.height) <= 0.12 * std::max(a.height, b.height);
}

// A run of a line's text that stands in one cell of a table row, with its glyphs.
struct Piece
{
    QString text;
    QList<QRectF> glyphs;
    double left = 1e9, right = -1e9;
};

// The line cut where its cells start (the spaces put before them are left out).
QList<Piece> piecesOf(const Line &line, const QList<double> &cellStarts)
{
    QList<Piece> pieces(1);
    for (qsizetype i = 0; i < line.text.size() && i < line.glyphs.size(); ++i) {
        const QRectF &g = line.glyphs.at(i);
        if (g.width() < 0 && i + 1 < line.glyphs.size() && !pieces.last().text.isEmpty()) {
            const double nextLeft = line.glyphs.at(i + 1).left();
            if (std::any_of(cellStarts.cbegin() + 1, cellStarts.cend(),
                    [nextLeft](double x) { return std::abs(x - nextLeft) < 0.5; })) {
                pieces.append(Piece());
                continue;
            }
        }
        Piece &piece = pieces.last();
        piece.text += line.text.at(i);
        piece.glyphs.append(g);
        if (g.width() >= 0) {
            piece.left = std::min(piece.left, g.left());
            piece.right = std::max(piece.right, g.right());
        }
    }
    return pieces;
}

// The line's text without its spaces, and with its digits as '#' when digitsAlike, and its height on
// the page: what a running header or footer keeps from page to page.
QString furnitureKey(const Line &line, bool digitsAlike)
{
    QString key;
    for (QChar c : line.text)
        if (!c.isSpace())
            key += digitsAlike && c.isDigit() ? u'#' : c;
    return key + u'@' + QString::number(qRound64(line.top / 6.0));
}

// Latin letters: the words a typesetter hyphenates.
bool isLatinLetter(QChar c)
{
    return c.isLetter() && c.unicode() < 0x2E80;
}

// A line that ends in a hyphen after a letter, and whose paragraph goes on with a lower-case
// letter on the next line (or both are in capitals), broke a word there ("disappoint-" / "ment"),
// unless the hyphen is the word's own ("three-" / "legged"). Without a dictionary, the document
// tells: a word written whole elsewhere in it (and never with a hyphen) was broken; written with
// its hyphen elsewhere, it keeps it. A document with more of the first than of the second, two at
// least, was set by a typesetter that hyphenates: there the breaks it says nothing of are taken for
// the typesetter's too (far the more common), unless a piece is a single letter ("a-" / "piece"),
// which hyphenation never leaves. In a document set without hyphenation every hyphen stays.
void findSoftHyphens(QList<QList<Line>> &lines)
{
    QSet<QString> words, hyphenated;
    auto endsInHyphen = [](const QString &t) {
        return t.size() >= 2 && t.back() == u'-' && isLatinLetter(t.at(t.size() - 2));
    };
    bool afterHyphen = false; // the line before ends in a hyphen after a letter
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page) {
            if (l.furniture)
                continue;
            const QString &t = l.text;
            for (qsizetype i = 0; i < t.size();) {
                if (!isLatinLetter(t.at(i))) {
                    ++i;
                    continue;
                }
                qsizetype end = i;
                while (end < t.size() && isLatinLetter(t.at(end)))
                    ++end;
                // Not the pieces of a word that may be broken across lines, whatever they are.
                const bool piece = (end + 1 == t.size() && endsInHyphen(t)) || (i == 0 && afterHyphen);
                if (!piece)
                    words.insert(t.sliced(i, end - i).toLower());
                // "well-known" within a line: a word with a hyphen of its own.
                if (end + 1 < t.size() && t.at(end) == u'-' && isLatinLetter(t.at(end + 1))) {
                    qsizetype after = end + 1;
                    while (after < t.size() && isLatinLetter(t.at(after)))
                        ++after;
                    hyphenated.insert(t.sliced(i, after - i).toLower());
                }
                i = end;
            }
            afterHyphen = endsInHyphen(t);
        }
    // Lines ending in hyphens the document shows to be the typesetter's, how many it shows to be
    // the word's, and the lines it says nothing of.
    QList<Line *> broken, undecided;
    int own = 0;
    Line *open = nullptr; // the last line of the text's flow so far
    for (QList<Line> &page : lines)
        for (Line &l : page) {
            if (l.furniture || l.note)
                continue;
            Line *before = open;
            open = &l;
            if (!before || l.startsBlock || l.text.isEmpty() || !isLatinLetter(l.text.front())
                || !endsInHyphen(before->text))
                continue;
            const QString &t = before->text;
            qsizetype start = t.size() - 2;
            while (start > 0 && isLatinLetter(t.at(start - 1)))
                --start;
            const QString head = t.sliced(start, t.size() - 1 - start).toLower();
            qsizetype end = 0;
            while (end < l.text.size() && isLatinLetter(l.text.at(end)))
                ++end;
            // The next line goes on in lower case, or the word is in capitals ("EVERY-" / "BODY").
            const QString tailAsSet = l.text.first(end);
            const QString headAsSet = t.sliced(start, t.size() - 1 - start);
            if (!tailAsSet.front().isLower()
                && !(headAsSet == headAsSet.toUpper() && tailAsSet == tailAsSet.toUpper()))
                continue;
            const QString tail = tailAsSet.toLower();
            const bool whole = words.contains(head + tail);
            const bool withHyphen = hyphenated.contains(head + u'-' + tail);
            if (whole && !withHyphen) {
                broken.append(before);
            } else if (withHyphen && !whole) {
                ++own;
            } else if (whole || (head.size() >= 2 && tail.size() >= 2)) {
                undecided.append(before); // both forms elsewhere ("to-day", "today"), or neither
            }
        }
    // A typesetter that hyphenates has broken words the document also has whole; one that does not
    // breaks lines only at hyphens already there, and then none goes.
    if (broken.size() < 2 || broken.size() <= own)
        return;
    for (Line *l : std::as_const(broken) + std::as_const(undecided))
        l->softHyphen = true;
}

} // namespace

LaidOutPages PdfLayout::layOut(const QList<PageWords> &pages, const QList<PdfBookmark> &bookmarks)
{
    // The pages of one document share their columns: a page of two whose right column holds a line
    // or two (a section's end) is read in the gutter the other pages show.
    QList<double> gutters;
    gutters.reserve(pages.size());
    QList<double> found;
    for (const PageWords &page : pages) {
        gutters.append(PdfLines::gutterOf(page));
        if (gutters.last() >= 0)
            found.append(gutters.last());
    }
    double documentGutter = -1;
    if (!found.isEmpty() && found.size() * 4 >= pages.size()) { // not a table's page or two in a book

        std::sort(found.begin(), found.end());
        documentGutter = found.at(found.size() / 2);
    }
    QList<QList<Line>> lines;
    lines.reserve(pages.size());
    for (qsizetype p = 0; p < pages.size(); ++p) {
        double gutter = gutters.at(p);
        if (gutter < 0 && documentGutter >= 0 && PdfLines::keepsGutterClear(pages.at(p), documentGutter))
            gutter = documentGutter;
        lines.append(PdfLines::linesOf(pages.at(p), int(p), gutter));
    }

    // Running headers and footers: the same text at the same height, in the band above or below
    // the text, on many pages; page numbers there on any page. A line the same but for its digits
    // ("Page 3 of 12", "Chapter 3 · The River") is one when it stands on a few pages more and is
    // set no larger than the body: headings numbered alike ("3 Methods", "4 Results") open pages
    // at the same height too.
    QHash<QString, int> pagesWithKey, pagesWithText;
    // The band: the page's first and last lines, and whatever else stands in its top or bottom
    // sixth (a header in two lines, a page number under a footer).
    auto inBand = [&](const Line &l) {
        const QList<Line> &page = lines.at(l.page);
        const double height = pages.at(l.page).size.height();
        return &l == &page.first() || &l == &page.last()
            || (height > 0 && (l.bottom <= height / 6 || l.top >= height * 5 / 6));
    };
    QList<std::pair<double, double>> allHeights;
    for (const QList<Line> &page : std::as_const(lines)) {
        QSet<QString> keys, texts;
        for (const Line &l : page) {
            allHeights.append({ l.height, double(l.text.size()) });
            if (inBand(l)) {
                keys.insert(furnitureKey(l, true));
                texts.insert(furnitureKey(l, false));
            }
        }
        for (const QString &k : std::as_const(keys))
            ++pagesWithKey[k];
        for (const QString &t : std::as_const(texts))
            ++pagesWithText[t];
    }
    const double roughBody = mostCommon(allHeights, 0.5, 12.0);
    const int needed = std::max(2, int(std::ceil(0.3 * double(pages.size()))));
    for (QList<Line> &page : lines)
        for (Line &l : page) {
            if (!inBand(l))
                continue;
            const bool number = PageFurniture::isPageNumberLine(l.text)
                || (l.text.size() <= 4
                    && std::all_of(l.text.cbegin(), l.text.cend(), [](QChar c) { return c.isDigit(); }));
            l.furniture = number || pagesWithText.value(furnitureKey(l, false)) >= needed
                || (pagesWithKey.value(furnitureKey(l, true)) >= std::max(3, needed)
                    && l.height <= 1.12 * roughBody);
        }

    // The body type: the height most characters are set in.
    QList<std::pair<double, double>> heights;
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page)
            if (!l.furniture)
                heights.append({ l.height, double(l.text.size()) });
    const double body = mostCommon(heights, 0.5, 12.0);
    auto isBody = [body](const Line &l) { return std::abs(l.height - body) <= 0.1 * body; };
    auto larger = [body](const Line &l) { return l.height > 1.12 * body; };

    // The text column, for the whole document and, where a page has enough lines of its own, for
    // that page (facing pages have mirrored margins).
    QList<const Line *> allBody;
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page)
            if (!l.furniture && isBody(l))
                allBody.append(&l);
    const Column overall = columnOf(allBody,
        allBody.isEmpty() ? Column { 0, 0 }
                          : Column { (*std::min_element(allBody.cbegin(), allBody.cend(),
                                          [](auto a, auto b) { return a->left < b->left; }))
                                         ->left,
                              (*std::max_element(allBody.cbegin(), allBody.cend(), [](auto a, auto b) {
                                  return a->right < b->right;
                              }))->right });
    // The left and the right column of pages of two, over all of them: what a page's column holding
    // too few lines to measure (a last page's) goes by.
    Column sides[3] = { overall, overall, overall };
    for (int side = 1; side <= 2; ++side) {
        QList<const Line *> inSide;
        for (const Line *l : std::as_const(allBody))
            if (l->column == side)
                inSide.append(l);
        if (!inSide.isEmpty())
            sides[side] = columnOf(inSide, overall);
    }
    // Each column of each page: a page's one column, or the left and right one of two.
    QHash<qsizetype, Column> columns;
    QHash<qsizetype, double> rightmost; // the right end of each column's rightmost line
    auto columnKey = [](const Line &l) { return qsizetype(l.page) * 3 + l.column; };
    for (const QList<Line> &page : std::as_const(lines)) {
        QHash<qsizetype, QList<const Line *>> body;
        for (const Line &l : page)
            if (!l.furniture && isBody(l)) {
                body[columnKey(l)].append(&l);
                rightmost[columnKey(l)] = std::max(rightmost.value(columnKey(l), l.right), l.right);
            }
        for (auto it = body.cbegin(); it != body.cend(); ++it)
            columns.insert(it.key(), columnOf(it.value(), sides[it.key() % 3]));
    }
    // What spans both columns of a page (a title over them) stands in the width of both: from the
    // left one's start to the right end of the right one (which may hold too few lines to measure).
    auto columnFor = [&](const Line &l) {
        const qsizetype page = qsizetype(l.page) * 3;
        if (l.column == 0 && columns.contains(page + 1) && columns.contains(page + 2))
            return Column { columns.value(page + 1).left, rightmost.value(page + 2) };
        return columns.value(columnKey(l), sides[l.column]);
    };

    // The usual space between one body line and the next on a page: more than that by a quarter
    // of a line is the space typesetters put between paragraphs.
    QList<std::pair<double, double>> gaps;
    for (const QList<Line> &page : std::as_const(lines)) {
        const Line *above = nullptr;
        for (const Line &l : page) {
            if (l.furniture)
                continue;
            if (above && isBody(*above) && isBody(l))
                gaps.append({ l.top - above->bottom, 1.0 });
            above = &l;
        }
    }
    const double usualGap = mostCommon(gaps, 0.5, 0.0);

    // The indent paragraphs open with, measured on indented lines that run to the column's end (a
    // paragraph's first line most often does, a centred line never): a first line that stands
    // there is no centred line, however alike its margins happen to be.
    QList<std::pair<double, double>> indents;
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page) {
            const Column c = columnFor(l);
            const double indent = l.left - c.left;
            if (!l.furniture && isBody(l) && indent > 0.5 * l.height && indent < 10 * l.height
                && l.right > c.right - 2 * l.height)
                indents.append({ indent, 1.0 });
        }
    const double paragraphIndent = mostCommon(indents, 1.0, -1000.0);

    for (QList<Line> &page : lines) {
        Line *above = nullptr;
        for (Line &l : page) {
            if (l.furniture || l.note)
                continue;
            if (above && above->column == l.column && std::abs(above->left - l.left) < 0.25 * l.height
                && sameSize(*above, l) && l.top - above->bottom <= usualGap + 0.25 * l.height) {
                above->startsWithNeighbour = true;
                l.startsWithNeighbour = true;
            }
            if (above && above->column == l.column && above->labelEnd >= 0
                && std::abs(above->labelEnd - l.left) < 0.25 * l.height
                && l.left > above->left + 0.5 * l.height
                && l.top - above->bottom <= usualGap + 0.25 * l.height)
                above->opensHangingItem = true;
            above = &l;
        }
    }
    auto centred = [&](const Line &l) {
        const Column c = columnFor(l);
        // A line of body type at the paragraph indent is a paragraph's first line that stopped early.
        return !l.startsWithNeighbour
            && (!isBody(l) || std::abs(l.left - c.left - paragraphIndent) > 0.25 * l.height)
            && l.left - c.left > 0.5 * l.height
            && l.right < c.right - 0.5 * l.height
            // Both margins alike: a paragraph's indented first line that stops early is not centred.
            && std::abs((l.left + l.right) / 2 - (c.left + c.right) / 2) < 0.5 * l.height;
    };
    // A centred line that runs on: margins alike (and in body type, not the column's own), no room
    // in it for the next line's first word, and the next line centred (or running on itself) in the same
    // type, at the usual distance. Found from the foot of each page up, for a title of three lines.
    auto sameType = [](const Line &a, const Line &b) {
        return sameSize(a, b) && (a.face.isEmpty() || b.face.isEmpty() || a.face == b.face);
    };
    for (QList<Line> &page : lines) {
        const Line *next = nullptr;
        for (qsizetype i = page.size() - 1; i >= 0; --i) {
            Line &l = page[i];
            if (l.furniture || l.note)
                continue;
            const Column c = columnFor(l);
            const double h = l.height;
            l.wrapsCentred = next && (centred(*next) || next->wrapsCentred) && sameType(l, *next)
                && next->top - l.bottom <= usualGap + 0.25 * h && (!isBody(l) || l.left > c.left + 0.25 * h)
                && std::abs((l.left + l.right) / 2 - (c.left + c.right) / 2) < 0.5 * h
                && l.right - l.left + next->firstUnit + 0.3 * h > c.right - c.left;
            next = &l;
        }
    }
    // Footnotes: lines in smaller type below the last line of body type on their page.
    for (QList<Line> &page : lines) {
        double bodyEnd = -1;
        for (const Line &l : page)
            if (!l.furniture && isBody(l))
                bodyEnd = std::max(bodyEnd, l.bottom);
        for (Line &l : page)
            l.note = bodyEnd >= 0 && !l.furniture && l.height < 0.9 * body && l.top >= bodyEnd - 0.1 * body;
    }

    // Cuts l into the cells that start at starts (its own start first), each where a glyph starts
    // after a little room (more than a justified line of Chinese spreads its characters by; prose
    // set on the same grid of characters as the cells has none): a table row then. False, and l as
    // it was, when one of them does not.
    auto cutIntoCells = [](Line &l, const QList<double> &starts) {
        if (starts.isEmpty() || std::abs(l.left - starts.first()) > 0.5 * l.height)
            return false;
        QList<qsizetype> cuts; // glyphs that start a cell
        for (qsizetype j = 1; j < l.glyphs.size(); ++j) {
            const QRectF &g = l.glyphs.at(j);
            const QRectF &last = l.glyphs.at(j - 1);
            const bool room = last.width() < 0 || g.left() - last.right() >= 0.12 * l.height;
            if (g.width() >= 0 && room && std::any_of(starts.cbegin() + 1, starts.cend(), [&g](double x) {
                    return std::abs(g.left() - x) < 0.5;
                }))
                cuts.append(j);
        }
        if (cuts.size() != starts.size() - 1)
            return false;
        l.cellStarts = { l.left };
        for (auto it = cuts.crbegin(); it != cuts.crend(); ++it) {
            l.cellStarts.insert(1, l.glyphs.at(*it).left());
            if (l.glyphs.at(*it - 1).width() >= 0) { // no space before it yet
                l.text.insert(*it, u' ');
                l.glyphs.insert(*it, QRectF(0, 0, -1, 0));
            }
        }
        l.cells = int(l.cellStarts.size());
        l.tableRow = true;
        return true;
    };

    // A table in a narrow column: where a cell is full, less than a character parts it from the
    // next ("制造业产84.0"), so no row shows all its cells by its gaps. Two rows a few lines apart
    // that show some, at different places, show them together: where each of those places starts
    // a word of both, after a little room, both are rows of that many cells.
    for (QList<Line> &page : lines)
        for (qsizetype i = 0; i < page.size(); ++i) {
            Line &l = page[i];
            if (l.furniture || l.note || l.cells < 2)
                continue;
            for (qsizetype j = i + 1; j < page.size() && j <= i + 4; ++j) {
                const Line &above = page.at(j - 1);
                Line &m = page[j];
                if (m.furniture || m.note || m.column != l.column || !sameSize(m, l)
                    || m.top - above.bottom > usualGap + 0.25 * l.height)
                    break;
                if (m.cells < 2)
                    continue;
                QList<double> starts = l.cellStarts;
                for (double x : std::as_const(m.cellStarts))
                    if (std::none_of(starts.cbegin(), starts.cend(),
                            [&](double y) { return std::abs(x - y) < 0.5 * l.height; }))
                        starts.append(x);
                std::sort(starts.begin(), starts.end());
                if (starts.size() < 3 || (starts.size() == l.cells && starts.size() == m.cells))
                    break;
                Line cutL = l, cutM = m;
                if (cutIntoCells(cutL, starts) && cutIntoCells(cutM, starts)) {
                    l = std::move(cutL);
                    m = std::move(cutM);
                }
                break;
            }
        }

    // Table rows. A row whose cells are parted by gaps alike (cells alike in length) looks like a
    // justified line of a few words in a narrow column: it is a row when the row next to it on
    // the page has as many cells, each starting where its own does.
    auto cellsAligned = [](const Line &a, const Line &b) {
        if (a.cells != b.cells || a.cellStarts.size() != b.cellStarts.size())
            return false;
        const double h = std::max(a.height, b.height);
        for (qsizetype i = 0; i < a.cellStarts.size(); ++i)
            if (std::abs(a.cellStarts.at(i) - b.cellStarts.at(i)) > 0.6 * h)
                return false;
        return true;
    };
    for (QList<Line> &page : lines) {
        const Line *before = nullptr;
        for (qsizetype i = 0; i < page.size(); ++i) {
            Line &l = page[i];
            if (l.furniture || l.cells < 3)
                continue;
            const Line *after = nullptr;
            for (qsizetype j = i + 1; j < page.size() && !after; ++j)
                if (!page.at(j).furniture)
                    after = &page.at(j);
            l.tableRow = l.tableRow || !l.evenGaps || (before && cellsAligned(*before, l))
                || (after && cellsAligned(l, *after));
            before = &l;
        }
    }

    // A row whose first cell is full leaves no gap wider than a word's before the next cell: it is
    // a row where it starts at each cell of the row above or below it (cutIntoCells).
    for (int round = 0; round < 2; ++round)
        for (QList<Line> &page : lines)
            for (qsizetype i = 0; i < page.size(); ++i) {
                Line &l = page[i];
                if (l.tableRow || l.furniture || l.note)
                    continue;
                const Line *rows[]
                    = { i > 0 ? &page.at(i - 1) : nullptr, i + 1 < page.size() ? &page.at(i + 1) : nullptr };
                for (const Line *beside : rows) {
                    if (!beside || !beside->tableRow || beside->column != l.column
                        || std::abs(l.left - beside->cellStarts.first()) > 0.5 * l.height)
                        continue;
                    if (cutIntoCells(l, beside->cellStarts))
                        break;
                }
            }

    // A row whose cells wrap: the lines below it, at the usual distance, whose words stand inside
    // some of its cells and not all (a long name in the first cell goes on under it, the figures
    // beside it do not), are read into those cells. The row stays one line, its cells in order.
    for (QList<Line> &page : lines)
        for (qsizetype i = 0; i < page.size(); ++i) {
            Line &row = page[i];
            if (!row.tableRow || row.furniture)
                continue;
            QList<Piece> cells = piecesOf(row, row.cellStarts);
            while (i + 1 < page.size()) {
                const Line &next = page.at(i + 1);
                const double h = row.height;
                if (next.furniture || next.note || next.tableRow || next.column != row.column
                    || !sameSize(next, row) || next.top - row.bottom > usualGap + 0.25 * h)
                    break;
                const QList<Piece> more = piecesOf(next, next.cellStarts);
                // Each piece inside one cell of the row, no two in the same one, fewer than all.
                QList<qsizetype> into;
                for (const Piece &piece : more) {
                    qsizetype cell = -1;
                    for (qsizetype c = 0; c < row.cellStarts.size(); ++c)
                        if (piece.left >= row.cellStarts.at(c) - 0.5 * h)
                            cell = c;
                    const double cellEnd
                        = cell + 1 < row.cellStarts.size() ? row.cellStarts.at(cell + 1) : row.right + h;
                    if (cell < 0 || cell >= cells.size() || piece.right > cellEnd || into.contains(cell))
                        break;
                    into.append(cell);
                }
                if (into.size() != more.size() || into.size() >= cells.size())
                    break;
                for (qsizetype k = 0; k < more.size(); ++k) {
                    Piece &cell = cells[into.at(k)];
                    // Chinese goes on without a space; words are parted by one.
                    if (!cell.text.isEmpty() && !LayoutAnalyzer::isCjk(cell.text.back())
                        && !LayoutAnalyzer::isCjk(more.at(k).text.front())) {
                        cell.text += u' ';
                        cell.glyphs.append(QRectF(0, 0, -1, 0));
                    }
                    cell.text += more.at(k).text;
                    cell.glyphs += more.at(k).glyphs;
                }
                row.bottom = std::max(row.bottom, next.bottom);
                page.removeAt(i + 1);
            }
            row.text.clear();
            row.glyphs.clear();
            for (const Piece &cell : std::as_const(cells)) {
                if (!row.text.isEmpty()) {
                    row.text += u' ';
                    row.glyphs.append(QRectF(0, 0, -1, 0));
                }
                row.text += cell.text;
                row.glyphs += cell.glyphs;
            }
        }

    // Blocks set in from both sides: runs of lines in one type, one under the other at the usual
    // distance, starting at one place past the column's start, all but the last ending at one place
    // short of its end. Inside one, a line at its start goes on unless the line before
    // left room at that end.
    for (QList<Line> &page : lines) {
        QList<Line *> run;
        auto closeRun = [&] {
            if (run.size() >= 3) { // two lines alike in length say nothing
                const Column c = columnFor(*run.first());
                const double h = run.first()->height;
                double end = -1e9;
                for (const Line *l : std::as_const(run))
                    end = std::max(end, l->right);
                // Justified: every line but the last ends there (lines of dialogue that happen to
                // stand one under the other end anywhere).
                const bool justified = std::all_of(
                    run.cbegin(), run.cend() - 1, [&](const Line *l) { return l->right > end - 0.25 * h; });
                if (justified && end < c.right - 0.5 * h && run.first()->left > c.left + 0.5 * h)
                    for (qsizetype k = 1; k < run.size(); ++k)
                        run[k]->insetRight = end;
            }
            run.clear();
        };
        for (Line &l : page) {
            if (l.furniture || l.note)
                continue;
            const Line *last = run.isEmpty() ? nullptr : run.last();
            if (!last || last->column != l.column || std::abs(last->left - l.left) >= 0.25 * l.height
                || !sameSize(*last, l) || l.top - last->bottom > usualGap + 0.25 * l.height)
                closeRun();
            run.append(&l);
        }
        closeRun();
    }

    // A footnote starts with its mark, or after a note line that ended short; the text's own flow
    // goes on past the notes, so a paragraph that a page's notes interrupt is one paragraph.
    const Line *previous = nullptr;
    const Line *previousNote = nullptr;
    // A list item set with a hanging indent: its label stands out at the left, and its lines after
    // the first start where its text does, like an indented first line. Where that is, and how far
    // past its label, which in the next column or on the next page is how far its lines stand into
    // the column (-1: not in such an item).
    double hanging = -1, hangingIndent = -1;
    for (QList<Line> &page : lines)
        for (Line &l : page) {
            if (l.furniture)
                continue;
            if (l.note) {
                const QChar first = l.text.front();
                const bool marked = first.isDigit() || (first >= u'\u2460' && first <= u'\u24FF')
                    || first == u'*' || first == u'[' || first == u'注' || first == u'〔' || first == u'（';
                l.startsBlock = !previousNote || previousNote->page != l.page || marked
                    || previousNote->right + l.firstUnit + 0.3 * l.height < columnFor(l).right;
                previousNote = &l;
                continue;
            }
            if (!previous) {
                l.startsBlock = true;
            } else if (previous->wrapsCentred) {
                l.startsBlock = false;
            } else {
                const Column c = columnFor(l);
                const double h = l.height;
                const bool sizeChanged = !sameSize(l, *previous);
                const double indent = l.left - c.left;
                const bool indented = indent > 0.5 * h && indent < 10 * h && l.insetRight < 0;
                // Room at the end of the line before for this line's first word: a paragraph's
                // last line, or a line that ends on purpose (a title, a date line).
                const double end = l.insetRight >= 0 ? l.insetRight : columnFor(*previous).right;
                const bool endedShort = previous->right + l.firstUnit + 0.3 * h < end;
                const bool spacedApart = previous->page == l.page && !gaps.isEmpty()
                    && l.top - previous->bottom > usualGap + 0.25 * std::max(h, previous->height);
                // A table row (three cells or more) is a block of its own, never prose.
                const bool row = l.tableRow || previous->tableRow;
                // A whole line in another face than the whole line before (a heading in bold or in
                // 黑体 after body text in 仿宋): a line with bold words among others says nothing.
                const bool faceChanged
                    = !l.face.isEmpty() && !previous->face.isEmpty() && l.face != previous->face;
                const bool itemGoesOn = hanging >= 0
                    && (std::abs(l.left - hanging) < 0.25 * h
                        || ((l.column != previous->column || l.page != previous->page)
                            && std::abs(indent - hangingIndent) < 0.25 * h));
                const bool nextItem = hanging >= 0 && l.labelEnd >= 0 && l.left < hanging - 0.25 * h;
                // A line that starts past the first two fifths of the column is set apart on
                // purpose (a signature and the date under it, set to the right): a block of its own.
                const bool farRight = indent > 0.4 * (c.right - c.left);
                l.startsBlock = (indented && !itemGoesOn) || nextItem || l.opensHangingItem || sizeChanged
                    || endedShort || spacedApart || row || faceChanged || farRight || centred(l)
                    || centred(*previous);
                if (itemGoesOn)
                    hanging = l.left; // in this column
            }
            if (l.startsBlock) {
                hanging = l.labelEnd > l.left ? l.labelEnd : -1;
                hangingIndent = hanging - l.left;
            }
            previous = &l;
        }

    // The centred lines that open the document are its title block (title, date line, author), in
    // whatever type: titles, not headings of the outline. The first may be set large enough to
    // nearly fill the column: then its margins, however narrow, are alike.
    [&] {
        bool first = true;
        for (QList<Line> &page : lines)
            for (Line &l : page) {
                if (l.furniture)
                    continue;
                const Column c = columnFor(l);
                const bool wideTitle = first && larger(l) && l.left > c.left + 0.1 * l.height
                    && std::abs((l.left - c.left) - (c.right - l.right)) < 0.25 * l.height;
                if (!centred(l) && !l.wrapsCentred && !wideTitle)
                    return;
                l.titleBlock = true;
                first = false;
            }
    }();
    // The PDF's own outline: each entry names the line on its page that reads as its title (or
    // begins it, for a title set over two lines), the one nearest the place it points at.
    auto squeezed = [](const QString &s) {
        QString out;
        for (QChar c : s)
            if (!c.isSpace())
                out += c;
        return out;
    };
    for (const PdfBookmark &mark : bookmarks) {
        const QString title = squeezed(mark.title);
        if (mark.page < 0 || mark.page >= lines.size() || title.isEmpty())
            continue;
        QList<Line> &page = lines[mark.page];
        const double pageHeight = pages.at(mark.page).size.height();
        qsizetype best = -1;
        double bestDistance = 1e18;
        for (qsizetype i = 0; i < page.size(); ++i) {
            const Line &l = page.at(i);
            const QString text = squeezed(l.text);
            if (l.furniture || l.note || text.isEmpty()
                || !(text.startsWith(title) || title.startsWith(text)))
                continue;
            const double distance
                = mark.top >= 0 && pageHeight > 0 ? std::abs(l.top / pageHeight - mark.top) : double(i);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        if (best < 0)
            continue;
        Line &heading = page[best];
        heading.outlineDepth = mark.depth;
        heading.startsBlock = true;
        // A title that fits its line is a block of its own: what follows starts the next one.
        if (squeezed(heading.text).size() >= title.size() && best + 1 < page.size())
            page[best + 1].startsBlock = true;
    }

    // Heading ranks by type size, largest first.
    QList<qint64> sizes;
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page)
            if (!l.furniture && !l.titleBlock && l.startsBlock && larger(l)
                && !sizes.contains(qRound64(l.height * 2)))
                sizes.append(qRound64(l.height * 2));
    std::sort(sizes.begin(), sizes.end(), std::greater<>());

    // The body's face: the one most characters of body-size lines are set in. A short line in body
    // type but another face, alone in its block (the line after it starts the next), is a heading
    // ranked below those in larger type.
    QHash<QString, double> faceVotes;
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page)
            if (!l.furniture && !l.note && isBody(l) && !l.face.isEmpty())
                faceVotes[l.face] += double(l.text.size());
    QString bodyFace;
    for (auto it = faceVotes.cbegin(); it != faceVotes.cend(); ++it)
        if (bodyFace.isEmpty() || it.value() > faceVotes.value(bodyFace))
            bodyFace = it.key();
    QSet<const Line *> faceHeadings;
    const Line *before = nullptr;
    for (const QList<Line> &page : std::as_const(lines))
        for (const Line &l : page) {
            if (l.furniture || l.note)
                continue;
            if (before && before->startsBlock && l.startsBlock && !before->titleBlock && isBody(*before)
                && !before->face.isEmpty() && !bodyFace.isEmpty() && before->face != bodyFace
                && before->text.size() <= MaxFaceHeadingChars)
                faceHeadings.insert(before);
            before = &l;
        }

    findSoftHyphens(lines);

    // Footnotes are read where the paragraph they interrupt ends: held back until the text's next
    // block starts (on a later page, if the paragraph goes on there; they then count as that page's).
    LaidOutPages out;
    QList<const Line *> heldNotes;
    QStringList texts;
    for (const PageWords &page : pages)
        out.glyphs.addPage(page.size);
    auto put = [&](const Line &l) {
        if (!texts.isEmpty())
            out.glyphs.appendGaps(1); // the line break
        texts.append(l.text);
        for (const QRectF &g : l.glyphs) {
            if (g.width() < 0)
                out.glyphs.appendGaps(1);
            else
                out.glyphs.appendGlyph(l.page, g);
        }
        LaidOutLine hint;
        hint.startsBlock = l.startsBlock;
        hint.furniture = l.furniture;
        hint.note = l.note;
        hint.softHyphen = l.softHyphen;
        if (l.outlineDepth >= 0) {
            hint.typeRank = quint8(std::min(l.outlineDepth + 1, 9));
            hint.outlined = true;
        } else if (bookmarks.isEmpty() && !l.furniture && !l.note && !l.titleBlock && l.startsBlock
            && larger(l)) {
            hint.typeRank = quint8(std::min<qsizetype>(3, sizes.indexOf(qRound64(l.height * 2)) + 1));
        } else if (bookmarks.isEmpty() && faceHeadings.contains(&l)) {
            hint.typeRank = quint8(std::min<qsizetype>(3, sizes.size() + 1));
        }
        out.lines.append(hint);
    };
    for (const QList<Line> &page : std::as_const(lines)) {
        if (&page != &lines.first())
            out.glyphs.appendGaps(2); // "\n\f" between pages (Importer::importLaidOut)
        for (const Line &l : page) {
            if (l.note) {
                heldNotes.append(&l);
                continue;
            }
            if (!l.furniture && l.startsBlock) {
                for (const Line *n : std::as_const(heldNotes))
                    put(*n);
                heldNotes.clear();
            }
            put(l);
        }
        if (&page == &lines.last()) {
            for (const Line *n : std::as_const(heldNotes))
                put(*n);
        }
        out.pages.append(texts.join(u'\n'));
        texts.clear();
    }
    return out;
}

} // namespace Pizhu
