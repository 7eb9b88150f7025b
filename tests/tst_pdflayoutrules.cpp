// The rules PdfLayout reads typeset pages by, on pages whose words are placed by hand: each case is
// the smallest page that shows one rule exactly, where a PDF typeset at run time (tst_ui_pdflayout)
// shows it only where its lines happen to fall so.
#include "pdflayout.h"

#include <QTest>

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
    const double top = 60 + RowHeight * row;
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
};

void TestPdfLayoutRules::aMarkThatNeverStartsALineGoesDownWithTheCharacterBefore_data()
{
    QTest::addColumn<QString>("opening");
    QTest::newRow("a comma after it") << u"贫、"_s;
    QTest::newRow("a stop and a closing quote after it") << u"帽。”"_s;
    QTest::newRow("an opening quote before it") << u"“科"_s;
}

// "贫、" went down together, since "、" may not start a line (nor "“" end one): the line before ends
// two characters short of the column (and a little more, for its figures), yet its paragraph goes on.
void TestPdfLayoutRules::aMarkThatNeverStartsALineGoesDownWithTheCharacterBefore()
{
    QFETCH(QString, opening);
    PageWords page = a4();
    addLine(page, 0, ColumnLeft + 2 * Em, chinese(25)); // a paragraph's indented first line
    for (int row = 1; row <= 3; ++row)
        addLine(page, row, ColumnLeft, chinese(27, 25 * row)); // full lines: the column is 27 wide
    addLine(page, 4, ColumnLeft, chinese(13, 7) + u"|5512|"_s + chinese(10, 40));
    addLine(page, 5, ColumnLeft, opening + u"|52|"_s + chinese(15, 3) + u"。"_s);
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

QTEST_GUILESS_MAIN(TestPdfLayoutRules)
#include "tst_pdflayoutrules.moc"
