// The rules PdfLayout reads typeset pages by, on pages whose words are placed by hand: each case is
// the smallest page that shows one rule exactly, where a PDF typeset at run time (tst_ui_pdflayout)
// shows it only where its lines happen to fall so.
#include "importer.h"
#include "pdflayout.h"

#include <QTest>

#include <algorithm>
#include <array>

using namespace Pizhu;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr double Em = 16; // the body type's size, in points
constexpr double ColumnLeft = 80;
constexpr double RowHeight = 28;

const QString Prose
    = u"质量是人类生产生活的重要保障党的十八大以来在以习近平同志为核心的党中央坚强领导下我国质量事业"
      "实现跨越式发展质量强国建设取得历史性成效全民质量意识显著提高质量管理和品牌发展能力明显增强"_s;

QString chinese(qsizetype count, qsizetype from = 0)
{
    QString text;
    while (text.size() < count)
        text += Prose.at((from + text.size()) % Prose.size());
    return text;
}

// As a word processor sets them: a Chinese character or mark an em wide, a figure a little over half.
double advance(QChar c)
{
    return c.unicode() >= 0x2E80 ? Em : 0.55 * Em;
}

// Adds a line on row (each row a line's height below the one before) starting at x: its words are
// the pieces of text between '|', set side by side with no room between them (Poppler gives a word
// where Chinese meets figures).
void addLine(PageWords &page, int row, double x, const QString &text)
{
    const double top = 100 + RowHeight * row;
    for (const QString &piece : text.split(u'|')) {
        PageWord word;
        word.text = piece;
        word.font = u"ABCDEF+NotoSerifCJKsc-Regular"_s;
        const double start = x;
        for (QChar c : piece) {
            word.chars.append(QRectF(x, top, advance(c), 1.3 * Em));
            x += advance(c);
        }
        word.box = QRectF(start, top, x - start, 1.3 * Em);
        page.words.append(word);
    }
}

// Adds the words of text (parted by spaces) on row from x, a quarter of an em apart, in points of
// type size; returns where the last one ends.
double addWords(PageWords &page, int row, double x, const QString &text, double points = Em,
    const QString &face = u"ABCDEF+DejaVuSerif"_s)
{
    const double top = 100 + RowHeight * row;
    for (const QString &piece : text.split(u' ', Qt::SkipEmptyParts)) {
        PageWord word;
        word.text = piece;
        word.font = face;
        const double start = x;
        for (QChar c : piece) {
            const double w = advance(c) * points / Em;
            word.chars.append(QRectF(x, top, w, 1.3 * points));
            x += w;
        }
        word.box = QRectF(start, top, x - start, 1.3 * points);
        page.words.append(word);
        x += 0.25 * points;
    }
    return x - 0.25 * points;
}

// The text of each laid-out line, over all pages.
QStringList linesOf(const LaidOutPages &laidOut)
{
    QStringList lines;
    for (const QString &page : laidOut.pages)
        lines += page.split(u'\n');
    return lines;
}

PageWords a4()
{
    PageWords page;
    page.size = QSizeF(595, 842);
    return page;
}

} // namespace

class TestPdfLayoutRules : public QObject
{
    Q_OBJECT

private slots:
    void aMarkThatNeverStartsALineGoesDownWithTheCharacterBefore_data();
    void aMarkThatNeverStartsALineGoesDownWithTheCharacterBefore();
    void aTitleAndNotesAcrossTwoColumnsLeaveThemTwo();
    void headingsNumberedAlikeAtTheTopOfPagesAreNoRunningHeader();
    void aListInANarrowColumnLeavesTheColumnWhereItsProseStarts();
    void aListItemGoesOnAtTheTopOfTheNextColumn();
    void aTableRowWhoseFirstCellIsFullAndWrapsIsOneRow();
    void aSignatureAndItsDateSetToTheRightAreTwoBlocks();
    void aQuotationSetInFromBothSidesIsOneBlock();
    void twoColumnsThatStartAtTheTopOfThePageStartThere();
    void aTitleThatNearlyFillsItsLineOpensTheTitleBlock();
    void linesOfDialogueOneUnderTheOtherAreNoQuotation();
    void aRightColumnOfOneLineIsReadInTheDocumentsGutter();
    void aLastPageOfTwoLinesAColumnGoesOnInItsColumns();
    void aTableWhoseFullCellsTouchTheNextKeepsItsRows();
    void wordsAHyphenatingTypesetterBrokeAreReadWhole();
    void withoutHyphenationEveryHyphenStays();
    void aNumberedHeadingThatAsksAQuestionIsAHeading();
};

void TestPdfLayoutRules::aMarkThatNeverStartsALineGoesDownWithTheCharacterBefore_data()
{
    QTest::addColumn<QString>("opening");
    QTest::addColumn<bool>(
        "oneWord"); // with the figures after it, as Poppler gives it when no gap parts them
    QTest::newRow("a comma after it") << u"贫、"_s << false;
    QTest::newRow("a stop and a closing quote after it") << u"帽。”"_s << false;
    QTest::newRow("an opening quote before it") << u"“科"_s << false;
    QTest::newRow("a comma after it, one word with figures") << u"贫、"_s << true;
}

// "贫、" went down together, since "、" may not start a line (nor "“" end one): the line before ends
// two characters short of the column (and a little more, for its figures), yet its paragraph goes on.
void TestPdfLayoutRules::aMarkThatNeverStartsALineGoesDownWithTheCharacterBefore()
{
    QFETCH(QString, opening);
    QFETCH(bool, oneWord);
    PageWords page = a4();
    addLine(page, 0, ColumnLeft + 2 * Em, chinese(25)); // a paragraph's indented first line
    for (int row = 1; row <= 3; ++row)
        addLine(page, row, ColumnLeft, chinese(27, 25 * row)); // full lines: the column is 27 wide
    // 1.8 characters short; with one word, 2.35: "贫、" and a little more, but more than two
    // characters' share of "贫、52".
    addLine(page, 4, ColumnLeft, chinese(13, 7) + (oneWord ? u"|551|"_s : u"|5512|"_s) + chinese(10, 40));
    addLine(page, 5, ColumnLeft, opening + (oneWord ? u""_s : u"|"_s) + u"52|"_s + chinese(15, 3) + u"。"_s);
    addLine(page, 6, ColumnLeft + 2 * Em, chinese(25, 11)); // the next paragraph
    for (int row = 7; row <= 9; ++row)
        addLine(page, row, ColumnLeft, chinese(27, 9 * row));
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    QCOMPARE(laidOut.lines.size(), 10);
    const QStringList lines = laidOut.pages.first().split(u'\n');
    QVERIFY(lines.at(5).startsWith(opening + u"52"_s));
    QVERIFY(laidOut.lines.at(0).startsBlock);
    QVERIFY2(!laidOut.lines.at(5).startsBlock, "the line goes on from the one before");
    QVERIFY(laidOut.lines.at(6).startsBlock);
}

// A page of two columns under a title centred across both (its words fall on either side of the
// gutter, none across it) and over a footnote set across the page; the right column holds three
// lines only. The title and the note stay whole, and the columns are read one after the other.
void TestPdfLayoutRules::aTitleAndNotesAcrossTwoColumnsLeaveThemTwo()
{
    PageWords page = a4();
    const double gutterRight = 312;
    const QString title = u"A Report on the Quality of Workshops"_s;
    // Centred on the page, set in 20 points: "the" ends just before the middle and "Quality" starts after.
    double width = addWords(page, 0, 0, title, 20);
    page.words.clear();
    addWords(page, 0, 297.5 - width / 2, title, 20);
    for (int row = 2; row < 20; ++row)
        addLine(page, row, ColumnLeft, chinese(row == 19 ? 8 : 13, row * 13));
    for (int row = 2; row < 5; ++row)
        addLine(page, row, gutterRight, chinese(row == 4 ? 6 : 12, row * 7 + 100));
    addWords(page, 22, ColumnLeft,
        u"1 Figures from the annual survey of the guild, counted by hand in the river ports"_s, 9);
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QCOMPARE(lines.first(), title);
    QCOMPARE(laidOut.lines.first().typeRank, 0); // a title, not a heading
    QCOMPARE(lines.size(), 1 + 18 + 3 + 1);
    QCOMPARE(lines.at(1), chinese(13, 2 * 13)); // the left column first, its lines whole
    QCOMPARE(lines.at(19), chinese(12, 2 * 7 + 100)); // then the right one
    QVERIFY(lines.last().startsWith(u"1 Figures"_s));
}

// Every part starts on a new page, its heading at the page's top: "3 The Work of Part 3", "4 The
// Work of Part 4" are alike but for their digits, as a running header with its page number is,
// yet in heading type they are headings.
void TestPdfLayoutRules::headingsNumberedAlikeAtTheTopOfPagesAreNoRunningHeader()
{
    QList<PageWords> pages;
    for (int p = 0; p < 4; ++p) {
        PageWords page = a4();
        addWords(page, 0, ColumnLeft, u"%1 The Work of Part %1"_s.arg(p + 1), 22);
        addLine(page, 1, ColumnLeft + 2 * Em, chinese(25, p * 17));
        for (int row = 2; row < 12; ++row)
            addLine(page, row, ColumnLeft, chinese(row == 11 ? 9 : 27, p * 31 + row * 5));
        pages.append(page);
    }
    const LaidOutPages laidOut = PdfLayout::layOut(pages);
    const QStringList lines = linesOf(laidOut);
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(u"The Work of Part"_s)) {
            QVERIFY2(!laidOut.lines.at(i).furniture, qPrintable(lines.at(i)));
            QVERIFY2(laidOut.lines.at(i).typeRank > 0, qPrintable(lines.at(i)));
        }
}

// A narrow column holds more of a list's lines (under their items' text, past the labels) than
// of prose (at the column's start): both go on from full lines. The column starts at the left of
// the two, so the paragraph after the list, indented less than the list's text, is a paragraph.
void TestPdfLayoutRules::aListInANarrowColumnLeavesTheColumnWhereItsProseStarts()
{
    PageWords page = a4();
    int row = 0;
    addLine(page, row++, ColumnLeft + Em, chinese(11));
    addLine(page, row++, ColumnLeft, chinese(12, 11));
    addLine(page, row++, ColumnLeft, chinese(5, 23)); // the paragraph ends short
    for (int item = 0; item < 3; ++item) {
        addLine(page, row, ColumnLeft, u"%1."_s.arg(item + 1));
        addLine(page, row++, ColumnLeft + 2 * Em, chinese(10, item * 30 + 40)); // the label's text...
        for (int k = 0; k < 3; ++k)
            addLine(page, row++, ColumnLeft + 2 * Em,
                chinese(10, item * 30 + k * 10 + 50)); // ...its lines under it
    }
    const int after = row;
    addLine(page, row++, ColumnLeft + Em, chinese(11, 90)); // the next paragraph, after a full line
    addLine(page, row++, ColumnLeft, chinese(12, 101));
    addLine(page, row++, ColumnLeft, chinese(4, 113));
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QCOMPARE(lines.size(), row);
    QCOMPARE(lines.at(3).left(2), u"1."_s);
    QVERIFY(laidOut.lines.at(3).startsBlock);
    QVERIFY(!laidOut.lines.at(4).startsBlock); // an item's lines go on
    QVERIFY2(laidOut.lines.at(after).startsBlock, qPrintable(lines.at(after)));
    QVERIFY(!laidOut.lines.at(after + 1).startsBlock);
}

// An item of a list with a hanging indent runs from the foot of the left column to the top of the
// right one, whose prose goes on below it: the item's lines there stand as far into that column as
// its text stood past its label.
void TestPdfLayoutRules::aListItemGoesOnAtTheTopOfTheNextColumn()
{
    PageWords page = a4();
    const double right = 312;
    for (int row = 0; row < 20; ++row) {
        if (row % 5 == 0) {
            addLine(page, row, ColumnLeft, u"%1."_s.arg(row / 5 + 1));
            addLine(page, row, ColumnLeft + 2 * Em, chinese(10, row * 7));
        } else {
            addLine(page, row, ColumnLeft + 2 * Em, chinese(row % 5 == 4 && row < 19 ? 6 : 10, row * 11));
        }
    }
    addLine(page, 0, right + 2 * Em, chinese(10, 3)); // the last item goes on...
    addLine(page, 1, right + 2 * Em, chinese(4, 13)); // ...and ends
    for (int row = 2; row < 20; ++row) // then paragraphs, their first lines indented two characters
        addLine(page, row, row % 6 == 2 ? right + 2 * Em : right,
            chinese(row % 6 == 1 ? 5 : (row % 6 == 2 ? 10 : 12), row * 13));
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QCOMPARE(lines.size(), 40);
    QCOMPARE(lines.at(20), chinese(10, 3)); // the right column's first line
    QVERIFY2(!laidOut.lines.at(20).startsBlock, "an item goes on in the next column");
    QVERIFY(!laidOut.lines.at(21).startsBlock);
    QVERIFY(laidOut.lines.at(22).startsBlock); // the paragraph after it
    QVERIFY(!laidOut.lines.at(23).startsBlock);
}

// A table of three columns at 80, 230 and 380 points. The second row's name fills its cell, so
// that its figures follow it after no more room than a word's, and goes on in a second line under
// it: the row reads as one line, the name whole, then its figures.
void TestPdfLayoutRules::aTableRowWhoseFirstCellIsFullAndWrapsIsOneRow()
{
    PageWords page = a4();
    int row = 0;
    addLine(page, row++, ColumnLeft + 2 * Em, chinese(25));
    for (int k = 0; k < 3; ++k)
        addLine(page, row++, ColumnLeft, chinese(k == 2 ? 7 : 27, 25 + 27 * k));
    const int table = row;
    const QList<QStringList> rows { { u"指标"_s, u"2020年"_s, u"2025年目标"_s },
        { u"制造业产品质量合格"_s, u"84.0"_s, u"86.0"_s }, { u"率及质量竞争力指数"_s },
        { u"服务质量满意度"_s, u"80.3"_s, u"82.0"_s } };
    for (const QStringList &cells : rows) {
        for (qsizetype c = 0; c < cells.size(); ++c)
            addLine(page, row, ColumnLeft + 150 * double(c), cells.at(c));
        ++row;
    }
    addLine(page, row++, ColumnLeft + 2 * Em, chinese(25, 50));
    addLine(page, row++, ColumnLeft, chinese(9, 75));
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QCOMPARE(lines.size(), row - 1);
    QCOMPARE(lines.at(table), u"指标 2020年 2025年目标"_s);
    QCOMPARE(lines.at(table + 1), u"制造业产品质量合格率及质量竞争力指数 84.0 86.0"_s);
    QCOMPARE(lines.at(table + 2), u"服务质量满意度 80.3 82.0"_s);
    for (int i = table; i < table + 4; ++i)
        QVERIFY2(laidOut.lines.at(i).startsBlock, qPrintable(lines.at(i)));
    QVERIFY(!laidOut.lines.at(table + 4).startsBlock); // the paragraph's last line
}

// A document closes with its issuer and the date, each on a line set to the right, two characters
// short of the column's end: neither line leaves room for the next one's start, and neither is
// centred, yet they are two blocks.
void TestPdfLayoutRules::aSignatureAndItsDateSetToTheRightAreTwoBlocks()
{
    PageWords page = a4();
    int row = 0;
    for (int p = 0; p < 2; ++p) {
        addLine(page, row++, ColumnLeft + 2 * Em, chinese(25, p * 40));
        addLine(page, row++, ColumnLeft, chinese(27, p * 40 + 25));
        addLine(page, row++, ColumnLeft, chinese(11, p * 40 + 52));
    }
    const double end = ColumnLeft + 25 * Em; // two characters short of the column's 27
    addLine(page, row++, end - 3 * Em, u"国务院"_s);
    const QString date = u"2023|年|2|月|6|日"_s;
    addLine(page, row++, end - (3 + 0.55 * 6) * Em, date);
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QCOMPARE(lines.size(), row);
    QCOMPARE(lines.at(row - 1), u"2023年2月6日"_s);
    QVERIFY(laidOut.lines.at(row - 2).startsBlock);
    QVERIFY2(laidOut.lines.at(row - 1).startsBlock, "the date is a block of its own");
}

// A quotation set in by three characters from both sides of the column, its lines justified to its
// own right end: its lines after the first stand where an indented first line would, and each
// ends short of the column's end, yet they go on; the paragraph after it starts anew.
void TestPdfLayoutRules::aQuotationSetInFromBothSidesIsOneBlock()
{
    PageWords page = a4();
    int row = 0;
    addLine(page, row++, ColumnLeft + 2 * Em, chinese(25));
    addLine(page, row++, ColumnLeft, chinese(27, 25));
    addLine(page, row++, ColumnLeft, chinese(10, 52));
    const int quotation = row;
    for (int k = 0; k < 4; ++k)
        addLine(page, row++, ColumnLeft + 3 * Em, chinese(k == 3 ? 8 : 21, 62 + 21 * k));
    addLine(page, row++, ColumnLeft + 2 * Em, chinese(25, 20));
    addLine(page, row++, ColumnLeft, chinese(27, 45));
    addLine(page, row++, ColumnLeft, chinese(6, 72));
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    QCOMPARE(laidOut.lines.size(), row);
    QVERIFY(laidOut.lines.at(quotation).startsBlock);
    for (int k = 1; k < 4; ++k)
        QVERIFY2(!laidOut.lines.at(quotation + k).startsBlock, qPrintable(QString::number(k)));
    QVERIFY(laidOut.lines.at(quotation + 4).startsBlock);
    QVERIFY(!laidOut.lines.at(quotation + 5).startsBlock);
}

// A page with no running header: the columns' first lines stand in the band a header would take,
// and are still read each in its column.
void TestPdfLayoutRules::twoColumnsThatStartAtTheTopOfThePageStartThere()
{
    PageWords page = a4();
    for (int row = 0; row < 24; ++row) {
        addLine(page, row, ColumnLeft, chinese(row % 6 == 5 ? 7 : 13, row * 13));
        addLine(page, row, 312, chinese(row % 7 == 6 ? 5 : 12, row * 11 + 200));
    }
    for (PageWord &word : page.words) { // move it all up to the page's top: the first row at 45 points
        word.box.translate(0, -55);
        for (QRectF &c : word.chars)
            c.translate(0, -55);
    }
    addWords(page, 26, 297.5 - 0.55 * 10 / 2, u"3"_s, 10); // the page number, centred
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QCOMPARE(lines.size(), 24 + 24 + 1);
    // Each column's lines whole and one after the other; the page number, wherever it falls, is
    // furniture.
    const qsizetype number = lines.indexOf(u"3"_s);
    QVERIFY(number >= 0);
    QVERIFY(laidOut.lines.at(number).furniture);
    QStringList text = lines;
    text.removeAt(number);
    for (int row = 0; row < 24; ++row) {
        QCOMPARE(text.at(row), chinese(row % 6 == 5 ? 7 : 13, row * 13));
        QCOMPARE(text.at(24 + row), chinese(row % 7 == 6 ? 5 : 12, row * 11 + 200));
    }
}

// A novel's opening: its title in large type, centred, nearly as wide as the column; its author and
// edition centred in italic at the body's size; paragraphs flush, parted by space (so the only
// indented lines are these). All three are title lines, none a heading.
void TestPdfLayoutRules::aTitleThatNearlyFillsItsLineOpensTheTitleBlock()
{
    PageWords page = a4();
    const double columnEnd = ColumnLeft + 27 * Em;
    auto centredAt = [&](int row, const QString &text, double points, const QString &face) {
        const double width = addWords(page, row, 0, text, points, face);
        page.words.resize(page.words.size() - text.count(u' ') - 1);
        addWords(page, row, (ColumnLeft + columnEnd - width) / 2, text, points, face);
    };
    centredAt(0, u"ALICE'S ADVENTURES IN WONDERLAND AGAIN"_s, 21, u"ABCDEF+DejaVuSans-Bold"_s);
    centredAt(2, u"Lewis Carroll"_s, Em, u"ABCDEF+DejaVuSerif-Italic"_s);
    centredAt(3, u"THE MILLENNIUM FULCRUM EDITION 3.0"_s, Em, u"ABCDEF+DejaVuSerif-Italic"_s);
    const QString words
        = u"It was the best of times and the worst of times for the quality of the goods that "
          "the workshops of the town sent out along the river to the markets"_s;
    for (int row = 5; row < 20; ++row) {
        // A line of words up to the column's end, or a paragraph's short last line.
        QString line;
        for (const QString &word : words.split(u' ')) {
            const QString longer = line.isEmpty() ? word : line + u' ' + word;
            if (addWords(page, 40, 0, longer) > 27 * Em || (row % 4 == 0 && longer.size() > 30))
                break;
            line = longer;
        }
        page.words.erase(std::remove_if(page.words.begin(), page.words.end(),
                             [](const PageWord &w) { return w.box.top() > 100 + 39 * RowHeight; }),
            page.words.end());
        addWords(page, row + row / 4, ColumnLeft, line);
    }
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const QStringList lines = linesOf(laidOut);
    QVERIFY(lines.size() > 4);
    QCOMPARE(lines.at(0), u"ALICE'S ADVENTURES IN WONDERLAND AGAIN"_s);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(laidOut.lines.at(i).typeRank == 0, qPrintable(lines.at(i)));
}

// Ragged lines of dialogue, each a paragraph, stand one under the other at the indent and end
// short of the column: no block set in from both sides (that has its lines justified to one end),
// and each is a paragraph.
void TestPdfLayoutRules::linesOfDialogueOneUnderTheOtherAreNoQuotation()
{
    PageWords page = a4();
    constexpr double Small = 9; // points: a line holds some seventy characters
    const QString prose = u"Alice thought she might as well wait, as she had nothing else to do, and perhaps "
                          "after all it might tell her something worth hearing. For some minutes it puffed "
                          "away without speaking, but at last it unfolded its arms, took the hookah out of "
                          "its mouth again, and said, So you think you are changed, do you?"_s;
    // A paragraph in ragged lines: words up to the column's end.
    int row = 0;
    auto paragraph = [&](const QString &text) {
        QString line;
        double x = ColumnLeft + Em;
        for (const QString &word : text.split(u' ')) {
            const QString longer = line.isEmpty() ? word : line + u' ' + word;
            if (addWords(page, 40, 0, longer, Small) > ColumnLeft + 27 * Em - x) {
                addWords(page, row++, x, line, Small);
                x = ColumnLeft;
                line = word;
            } else {
                line = longer;
            }
            page.words.erase(std::remove_if(page.words.begin(), page.words.end(),
                                 [](const PageWord &w) { return w.box.top() > 100 + 39 * RowHeight; }),
                page.words.end());
        }
        addWords(page, row++, x, line, Small);
    };
    paragraph(prose);
    const int dialogue = row;
    // The first and the third end at one place: as long, in other words.
    const QStringList lines { u"This sounded promising, certainly: Alice turned and came back again."_s,
        u"'Keep your temper,' said the Caterpillar."_s,
        u"This sounded different, certainly: Alice turned and came back again."_s,
        u"'No,' said the Caterpillar."_s };
    for (const QString &line : lines)
        paragraph(line);
    addWords(page, row++, ColumnLeft, u"* * *"_s, Small); // a break in the scene
    paragraph(prose);
    const int last = row; // and two more at the page's foot
    paragraph(u"'Who are YOU?' said the Caterpillar, and went on smoking its long hookah."_s);
    paragraph(u"'I hardly know, sir,' said Alice."_s);
    QCOMPARE(row, last + 2); // each one line
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    QCOMPARE(laidOut.lines.size(), row);
    for (int i : { dialogue, dialogue + 1, dialogue + 2, dialogue + 3, dialogue + 4, last, last + 1 })
        QVERIFY2(laidOut.lines.at(i).startsBlock, qPrintable(QString::number(i)));
}

// The middle page of three in two columns has one line in its right column, at the top, where a
// page without a running header has its columns' first lines: too little for the page alone to
// show a gutter, but the pages around it show where it is. The line is read after the left
// column, not run into the left column's first line.
void TestPdfLayoutRules::aRightColumnOfOneLineIsReadInTheDocumentsGutter()
{
    const double gutterRight = 312;
    QList<PageWords> pages;
    for (int p = 0; p < 3; ++p) {
        PageWords page = a4();
        const int firstRow = p == 1 ? -2 : 0; // -2: in the band above the body
        for (int row = firstRow; row < 23; ++row)
            addLine(page, row, ColumnLeft, chinese(13, p * 100 + row * 13 + 26));
        for (int row = firstRow; row < (p == 1 ? -1 : 23); ++row)
            addLine(page, row, gutterRight, chinese(13, p * 100 + row * 7 + 200));
        pages.append(page);
    }
    const LaidOutPages laidOut = PdfLayout::layOut(pages);
    QCOMPARE(laidOut.pages.size(), 3);
    const QStringList middle = laidOut.pages.at(1).split(u'\n');
    QCOMPARE(middle.size(), 25 + 1);
    QCOMPARE(middle.first(), chinese(13, 100 - 2 * 13 + 26));
    QCOMPARE(middle.last(), chinese(13, 100 - 2 * 7 + 200));
}

// The last page holds two lines of each column, in the band at its top: too few to measure its
// columns by, so they are the columns the other pages have. The paragraph that runs on to it from
// the page before goes on through both of its columns, its full lines ending nothing.
void TestPdfLayoutRules::aLastPageOfTwoLinesAColumnGoesOnInItsColumns()
{
    const double gutterRight = 312;
    PageWords first = a4();
    addLine(first, 0, ColumnLeft + 2 * Em, chinese(11, 300));
    for (int row = 1; row < 23; ++row)
        addLine(first, row, ColumnLeft, chinese(13, row * 13));
    for (int row = 0; row < 23; ++row)
        addLine(first, row, gutterRight, chinese(13, row * 7 + 200));
    PageWords last = a4();
    addLine(last, -2, ColumnLeft, chinese(13, 500));
    addLine(last, -1, ColumnLeft, chinese(13, 513));
    addLine(last, -2, gutterRight, chinese(13, 526));
    addLine(last, -1, gutterRight, chinese(6, 539) + u"。"_s);
    const LaidOutPages laidOut = PdfLayout::layOut({ first, last });
    QCOMPARE(laidOut.pages.size(), 2);
    QCOMPARE(laidOut.pages.at(1).split(u'\n'),
        QStringList({ chinese(13, 500), chinese(13, 513), chinese(13, 526), chinese(6, 539) + u"。"_s }));
    const qsizetype onLast = laidOut.lines.size() - 4;
    QVERIFY(onLast > 0);
    for (qsizetype i = onLast; i < laidOut.lines.size(); ++i)
        QVERIFY2(!laidOut.lines.at(i).startsBlock, qPrintable(QString::number(i - onLast)));
}

// A table set tight: where a cell is full, less than a character parts it from the next
// ("制造业产84.0"), and the head's "2020年" nearly meets "2025年". No row shows all three cells
// by its gaps, but the head and the first row together do; each row is one block, its wrapped
// cells read into it.
void TestPdfLayoutRules::aTableWhoseFullCellsTouchTheNextKeepsItsRows()
{
    PageWords page = a4();
    addLine(page, 0, ColumnLeft + 2 * Em, chinese(25));
    addLine(page, 1, ColumnLeft, chinese(10, 25) + u"。"_s);
    const double second = ColumnLeft + 70, third = ColumnLeft + 140;
    const QList<QStringList> rows { { u"指标"_s, u"2020|年"_s, u"2025|年"_s }, { {}, {}, u"目标"_s },
        { u"制造业产"_s, u"84.0"_s, u"86.0"_s }, { u"品质量合"_s }, { u"格率及竞"_s }, { u"争力指数"_s },
        { u"服务质量"_s, u"80.3"_s, u"82.0"_s }, { u"满意度"_s } };
    for (qsizetype r = 0; r < rows.size(); ++r)
        for (qsizetype c = 0; c < rows.at(r).size(); ++c)
            if (!rows.at(r).at(c).isEmpty())
                addLine(
                    page, int(r) + 2, std::array { ColumnLeft, second, third }[size_t(c)], rows.at(r).at(c));
    addLine(page, 10, ColumnLeft + 2 * Em, chinese(25, 50));
    addLine(page, 11, ColumnLeft, chinese(12, 75) + u"。"_s);
    const LaidOutPages laidOut = PdfLayout::layOut({ page });
    const Document doc = Importer().importLaidOut(laidOut).value();
    QStringList blocks;
    for (const Part &part : doc.parts())
        for (const Block &b : part.blocks)
            blocks << b.text;
    QCOMPARE(blocks,
        QStringList({ chinese(25) + chinese(10, 25) + u"。"_s, u"指标 2020年 2025年目标"_s,
            u"制造业产品质量合格率及竞争力指数 84.0 86.0"_s, u"服务质量满意度 80.3 82.0"_s,
            chinese(25, 50) + chinese(12, 75) + u"。"_s }));
}

namespace {

// Sets an English paragraph from row on, its first line indented, each line but the last justified
// to the column's end (27 characters wide, as in the tests above); returns the row after it.
int addParagraph(PageWords &page, int row, const QStringList &lines)
{
    const double columnEnd = ColumnLeft + 27 * Em;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const double left = i == 0 ? ColumnLeft + 2 * Em : ColumnLeft;
        const QStringList words = lines.at(i).split(u' ');
        // Set once to measure, then again with the room left shared out between the words.
        PageWords measure = a4();
        const double natural = addWords(measure, 0, left, lines.at(i)) - left;
        const double room = i + 1 == lines.size() || words.size() < 2
            ? 0
            : (columnEnd - left - natural) / double(words.size() - 1);
        double x = left;
        for (const QString &w : words)
            x = addWords(page, row, x, w) + 0.25 * Em + room;
        ++row;
    }
    return row;
}

PageWords paragraphPage(const QStringList &lines)
{
    PageWords page = a4();
    addParagraph(page, 0, lines);
    return page;
}

QString paragraphOf(const QStringList &lines)
{
    const Document doc = Importer().importLaidOut(PdfLayout::layOut({ paragraphPage(lines) })).value();
    QStringList texts;
    for (const Part &part : doc.parts())
        for (const Block &b : part.blocks)
            texts << b.text;
    return texts.join(u"\n"_s);
}

} // namespace

// A typesetter that hyphenates broke "disappoint-ment" and "gar-den", which the paragraph also has
// whole, and "well-known" (written so further on): more words broken than hyphens of their own
// tells it hyphenates, and the words it broke are read whole. "a-piece" keeps its hyphen, since
// hyphenation never leaves one letter. The text still maps to the source, where the hyphens stay.
void TestPdfLayoutRules::wordsAHyphenatingTypesetterBrokeAreReadWhole()
{
    const QStringList lines { u"Her disappointment was curious and the well-"_s,
        u"known garden was curious too, to her disappoint-"_s,
        u"ment it was so curious to see that the little gar-"_s,
        u"den held a cake for each of them, and one more a-"_s,
        u"piece was for the well-known queen of the garden."_s };
    QCOMPARE(paragraphOf(lines),
        u"Her disappointment was curious and the well-known garden was curious too, to her "
        "disappointment it was so curious to see that the little garden held a cake for each of "
        "them, and one more a-piece was for the well-known queen of the garden."_s);

    const LaidOutPages laidOut = PdfLayout::layOut({ paragraphPage(lines) });
    const Document doc = Importer().importLaidOut(laidOut).value();
    const Block &block = doc.parts().first().blocks.first();
    const QString source = laidOut.pages.first();
    const qsizetype broken = block.text.indexOf(u"disappointment it"_s);
    QVERIFY(broken > 0);
    QCOMPARE(source.mid(block.sourceOffsetAt(broken), 11), u"disappoint-"_s);
    // "ment" stands on the next line of the source, after the hyphen and the line break.
    QCOMPARE(source.mid(block.sourceOffsetAt(broken + 10), 4), u"ment"_s);
}

// A typesetter that does not hyphenate breaks lines only at hyphens already there. One word broken
// that the paragraph has whole ("to-" / "day", and "today") is too little to say otherwise: the
// hyphens at its lines' ends stay.
void TestPdfLayoutRules::withoutHyphenationEveryHyphenStays()
{
    const QStringList lines { u"She had been to the palace today, and would go to-"_s,
        u"day again, said the well-known queen of the after-"_s,
        u"noon, for she had seen a great many tables, three-"_s, u"legged tables too."_s };
    QCOMPARE(paragraphOf(lines),
        u"She had been to the palace today, and would go to-day again, said the well-known queen of "
        "the after-noon, for she had seen a great many tables, three-legged tables too."_s);
}

// Chapters numbered and set in bold at the body's size, each on a line of its own: one asks a
// question. A numbered line that reads as a sentence is a note or a list entry in plain text, but
// set as a heading it is one.
void TestPdfLayoutRules::aNumberedHeadingThatAsksAQuestionIsAHeading()
{
    PageWords page = a4();
    const QStringList paragraph { u"The Mock Turtle sighed deeply, and drew the back of one"_s,
        u"flapper across his eyes. He looked at Alice, and tried to speak,"_s,
        u"but for a minute or two sobs choked his voice."_s };
    int row = 0;
    for (const QString &title :
        { u"10. The Lobster Quadrille"_s, u"11. Who Stole the Tarts?"_s, u"12. Alice's Evidence"_s }) {
        addWords(page, row++, ColumnLeft, title, Em, u"ABCDEF+DejaVuSerif-Bold"_s);
        row = addParagraph(page, row, paragraph) + 1;
    }
    const Document doc = Importer().importLaidOut(PdfLayout::layOut({ page })).value();
    QStringList headings;
    for (const Part &part : doc.parts())
        for (const Block &b : part.blocks)
            if (b.kind == BlockKind::Heading)
                headings << b.text;
    QCOMPARE(headings,
        QStringList(
            { u"10. The Lobster Quadrille"_s, u"11. Who Stole the Tarts?"_s, u"12. Alice's Evidence"_s }));
}

QTEST_GUILESS_MAIN(TestPdfLayoutRules)
#include "tst_pdflayoutrules.moc"
