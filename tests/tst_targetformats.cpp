#include "targetformats.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Target makeTarget(const QString &indicator, Target::Direction direction, Target::Comparator comparator,
    const QString &value, const QString &unit)
{
    Target t;
    t.indicator = indicator;
    t.direction = direction;
    t.comparator = comparator;
    t.value = value;
    t.low = t.high = value.section(u'-', 0, 0).toDouble();
    t.unit = unit;
    t.horizon = u"2023"_s;
    t.sectionPath = { u"政府工作报告"_s, u"二、对今年政府工作的建议"_s };
    t.figureStart = 15116;
    t.figureEnd = 15120;
    t.indicatorStart = t.start = 15109;
    t.end = t.figureEnd;
    return t;
}

} // namespace

class TestTargetFormats : public QObject
{
    Q_OBJECT

private slots:
    void tsvWritesTheIssueColumns_data();
    void tsvWritesTheIssueColumns();
    void tsvKeepsOneLinePerTarget();
    void csvStartsWithBomAndUsesCrLf();
    void csvQuotesFields_data();
    void csvQuotesFields();
    void markdownEscapesDocumentText_data();
    void markdownEscapesDocumentText();
    void markdownTableHasOneRowPerTarget();
    void jsonRoundTripsEveryField();
    void everyFormatCarriesTheChangeAndTheSentence();
    void parsesFormatNames_data();
    void parsesFormatNames();
};

void TestTargetFormats::tsvWritesTheIssueColumns_data()
{
    QTest::addColumn<Target>("target");
    QTest::addColumn<QString>("line");
    QTest::newRow("增长5%左右 is up ~ 5 %")
        << makeTarget(u"国内生产总值"_s, Target::Direction::Up, Target::Comparator::About, u"5"_s, u"%"_s)
        << u"国内生产总值\tup\t~\t5\t%\t2023\t政府工作报告 > 二、对今年政府工作的建议\t15116\t\t\n"_s;
    QTest::newRow("合格率达到 94% is level = 94 %")
        << makeTarget(u"制造业产品质量合格率"_s, Target::Direction::Level, Target::Comparator::Equal, u"94"_s,
               u"%"_s)
        << u"制造业产品质量合格率\tlevel\t=\t94\t%\t2023\t政府工作报告 > 二、对今年政府工作的建议\t15116\t\t\n"_s;
    QTest::newRow("a range is written 6-6.5")
        << makeTarget(u"国内生产总值"_s, Target::Direction::Up, Target::Comparator::Range, u"6-6.5"_s, u"%"_s)
        << u"国内生产总值\tup\trange\t6-6.5\t%\t2023\t政府工作报告 > 二、对今年政府工作的建议\t15116\t\t\n"_s;
    QTest::newRow("down with at most")
        << makeTarget(u"能耗"_s, Target::Direction::Down, Target::Comparator::AtMost, u"3"_s, u"%"_s)
        << u"能耗\tdown\t<=\t3\t%\t2023\t政府工作报告 > 二、对今年政府工作的建议\t15116\t\t\n"_s;
    QTest::newRow("at least and an empty unit")
        << makeTarget(u"指数"_s, Target::Direction::Level, Target::Comparator::AtLeast, u"86"_s, QString())
        << u"指数\tlevel\t>=\t86\t\t2023\t政府工作报告 > 二、对今年政府工作的建议\t15116\t\t\n"_s;
}

void TestTargetFormats::tsvWritesTheIssueColumns()
{
    QFETCH(Target, target);
    QFETCH(QString, line);
    QCOMPARE(TargetFormats::toTsv({ target }), line);
}

void TestTargetFormats::tsvKeepsOneLinePerTarget()
{
    Target t = makeTarget(u"a\tb\nc"_s, Target::Direction::Up, Target::Comparator::Equal, u"1"_s, u"%"_s);
    const QString tsv = TargetFormats::toTsv({ t, t });
    QCOMPARE(tsv.count(u'\n'), 2);
    QCOMPARE(tsv.section(u'\n', 0, 0).count(u'\t'), 9);
}

void TestTargetFormats::csvStartsWithBomAndUsesCrLf()
{
    const QByteArray csv = TargetFormats::toCsv(
        { makeTarget(u"国内生产总值"_s, Target::Direction::Up, Target::Comparator::About, u"5"_s, u"%"_s) });
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(csv.mid(3));
    QCOMPARE(text,
        u"indicator,direction,comparator,value,unit,horizon,section,start,change,sentence\r\n"
        u"国内生产总值,up,~,5,%,2023,政府工作报告 > 二、对今年政府工作的建议,15116,,\r\n"_s);
}

void TestTargetFormats::csvQuotesFields_data()
{
    QTest::addColumn<QString>("indicator");
    QTest::addColumn<QString>("field");
    QTest::newRow("a comma") << u"A,B"_s << u"\"A,B\""_s;
    QTest::newRow("a double quote") << u"所谓\"指标\""_s << u"\"所谓\"\"指标\"\"\""_s;
    QTest::newRow("a line break") << u"A\nB"_s << u"\"A\nB\""_s;
    QTest::newRow("a formula") << u"=1+2"_s << u"'=1+2"_s;
    QTest::newRow("a plain Chinese field") << u"粮食产量"_s << u"粮食产量"_s;
    QTest::newRow("an ideographic comma stays unquoted") << u"能耗、排放"_s << u"能耗、排放"_s;
}

void TestTargetFormats::csvQuotesFields()
{
    QFETCH(QString, indicator);
    QFETCH(QString, field);
    const QByteArray csv = TargetFormats::toCsv(
        { makeTarget(indicator, Target::Direction::Up, Target::Comparator::Equal, u"1"_s, u"%"_s) });
    const QString text = QString::fromUtf8(csv.mid(3));
    const QString row = text.mid(text.indexOf(u"\r\n") + 2);
    QVERIFY2(row.startsWith(field + u",up,"_s), qPrintable(row));
}

void TestTargetFormats::markdownEscapesDocumentText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("a table pipe") << u"A|B"_s << u"A\\|B"_s;
    QTest::newRow("emphasis") << u"*重点*_指标_"_s << u"\\*重点\\*\\_指标\\_"_s;
    QTest::newRow("an HTML tag") << u"<script>"_s << u"\\<script\\>"_s;
    QTest::newRow("a link") << u"[链接](http://x)"_s << u"\\[链接\\]\\(http://x\\)"_s;
    QTest::newRow("a backslash") << u"a\\b"_s << u"a\\\\b"_s;
    QTest::newRow("code and entities") << u"`x` &amp;"_s << u"\\`x\\` \\&amp;"_s;
    QTest::newRow("a line break becomes a space") << u"A\nB"_s << u"A B"_s;
    QTest::newRow("Chinese text is left alone") << u"制造业产品质量合格率"_s << u"制造业产品质量合格率"_s;
}

void TestTargetFormats::markdownEscapesDocumentText()
{
    QFETCH(QString, text);
    QFETCH(QString, escaped);
    QCOMPARE(TargetFormats::escapeMarkdown(text), escaped);
}

void TestTargetFormats::markdownTableHasOneRowPerTarget()
{
    const Target a = makeTarget(u"A|B"_s, Target::Direction::Up, Target::Comparator::AtLeast, u"6"_s, u"%"_s);
    const Target b = makeTarget(
        u"粮食产量"_s, Target::Direction::Level, Target::Comparator::AtLeast, u"1.3"_s, u"万亿斤"_s);
    const QStringList lines = TargetFormats::toMarkdown({ a, b }).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    // An unescaped | in a cell would add a column: every row has the header's cell count.
    const auto cells = [](const QString &line) {
        qsizetype n = 0;
        for (qsizetype i = 0; i < line.size(); ++i)
            if (line.at(i) == u'|' && (i == 0 || line.at(i - 1) != u'\\'))
                ++n;
        return n;
    };
    for (const QString &line : lines)
        QCOMPARE(cells(line), cells(lines.first()));
    QVERIFY(lines.at(3).startsWith(u"| 粮食产量 | level | \\>= | 1\\.3 | 万亿斤 |"_s));
}

void TestTargetFormats::jsonRoundTripsEveryField()
{
    const Target t
        = makeTarget(u"国内生产总值"_s, Target::Direction::Up, Target::Comparator::Range, u"6-6.5"_s, u"%"_s);
    const QJsonDocument doc = QJsonDocument::fromJson(TargetFormats::toJson({ t }));
    QVERIFY(doc.isArray());
    const QJsonObject o = doc.array().first().toObject();
    QCOMPARE(o.value(u"indicator").toString(), t.indicator);
    QCOMPARE(o.value(u"direction").toString(), u"up"_s);
    QCOMPARE(o.value(u"comparator").toString(), u"range"_s);
    QCOMPARE(o.value(u"value").toString(), u"6-6.5"_s);
    QCOMPARE(o.value(u"unit").toString(), u"%"_s);
    QCOMPARE(o.value(u"horizon").toString(), u"2023"_s);
    QCOMPARE(o.value(u"section").toArray().size(), 2);
    QCOMPARE(qsizetype(o.value(u"figureStart").toDouble()), t.figureStart);
    QCOMPARE(qsizetype(o.value(u"end").toDouble()), t.end);
}

void TestTargetFormats::everyFormatCarriesTheChangeAndTheSentence()
{
    Target t = makeTarget(
        u"赤字规模"_s, Target::Direction::Level, Target::Comparator::Equal, u"4.06"_s, u"万亿元"_s);
    t.change = u"+1800亿元"_s;
    t.changeBase = u"上年年初预算"_s;
    t.sentence = u"赤字规模4.06万亿元，比上年年初预算增加1800亿元。"_s;
    QCOMPARE(t.changeText(), u"+1800亿元 on last year (年初预算)"_s);
    QVERIFY(TargetFormats::toTsv({ t }).endsWith(
        u"\t15116\t+1800亿元 on last year (年初预算)\t赤字规模4.06万亿元，比上年年初预算增加1800亿元。\n"_s));
    // The change starts with +, which a spreadsheet would run: it gets the guard.
    QVERIFY(
        QString::fromUtf8(TargetFormats::toCsv({ t }))
            .endsWith(
                u",15116,'+1800亿元 on last year (年初预算),赤字规模4.06万亿元，比上年年初预算增加1800亿元。\r\n"_s));
    QVERIFY(
        TargetFormats::toMarkdown({ t }).contains(u"| 15116 | \\+1800亿元 on last year \\(年初预算\\) |"_s));
    const QJsonObject o = QJsonDocument::fromJson(TargetFormats::toJson({ t })).array().first().toObject();
    QCOMPARE(o.value(u"change").toString(), u"+1800亿元"_s);
    QCOMPARE(o.value(u"changeBase").toString(), u"上年年初预算"_s);
    QCOMPARE(o.value(u"sentence").toString(), t.sentence);
}

void TestTargetFormats::parsesFormatNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("format"); // -1: refused
    QTest::newRow("tsv") << u"tsv"_s << int(TargetFormats::Format::Tsv);
    QTest::newRow("csv") << u"csv"_s << int(TargetFormats::Format::Csv);
    QTest::newRow("markdown") << u"markdown"_s << int(TargetFormats::Format::Markdown);
    QTest::newRow("md") << u"md"_s << int(TargetFormats::Format::Markdown);
    QTest::newRow("json") << u"json"_s << int(TargetFormats::Format::Json);
    QTest::newRow("unknown") << u"xlsx"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestTargetFormats::parsesFormatNames()
{
    QFETCH(QString, name);
    QFETCH(int, format);
    const auto parsed = TargetFormats::parse(name);
    QCOMPARE(parsed ? int(*parsed) : -1, format);
}

QTEST_GUILESS_MAIN(TestTargetFormats)
#include "tst_targetformats.moc"
