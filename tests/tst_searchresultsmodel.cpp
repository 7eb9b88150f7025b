#include "importer.h"
#include "searchresultsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

std::shared_ptr<const TextSearcher> searcherFor(const QString &text)
{
    auto doc = Importer().importText(text);
    if (!doc)
        qFatal("import failed");
    return std::make_shared<const TextSearcher>(std::move(doc).value());
}

const QString Text = u"质量强国建设纲要\n\n一、形势背景\n质量是人类生产生活的重要保障。到 2025 "
                     u"年，质量整体水平进一步全面提高。\n\n"
                     "二、总体要求\n（一）指导思想。以推动高质量发展为主题。\n"_s;

} // namespace

class TestSearchResultsModel : public QObject
{
    Q_OBJECT

private slots:
    void modelStaysConsistentThroughResets_data();
    void modelStaysConsistentThroughResets();
    void rowsShowSectionAndContextOfEachMatch();
    void clearLeavesNoRows();
    void markupInTheTextStaysText();
};

void TestSearchResultsModel::modelStaysConsistentThroughResets_data()
{
    QTest::addColumn<QStringList>("queries");
    QTest::newRow("one search") << QStringList { u"质量"_s };
    QTest::newRow("narrowing the query") << QStringList { u"质"_s, u"质量"_s, u"质量强国"_s };
    QTest::newRow("to nothing and back") << QStringList { u"质量"_s, u"无此词"_s, u"质量"_s };
}

void TestSearchResultsModel::modelStaysConsistentThroughResets()
{
    QFETCH(QStringList, queries);
    const auto searcher = searcherFor(Text);
    SearchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QString &q : queries) {
        const QList<SearchMatch> matches = searcher->search(q);
        model.setResults(searcher, matches);
        QCOMPARE(model.rowCount(), matches.size());
        QCOMPARE(model.columnCount(), int(SearchResultsModel::ColumnCount));
    }
}

void TestSearchResultsModel::rowsShowSectionAndContextOfEachMatch()
{
    const auto searcher = searcherFor(Text);
    const QList<SearchMatch> matches = searcher->search(u"质量"_s);
    QVERIFY(matches.size() >= 4);
    SearchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(searcher, matches);
    for (int row = 0; row < matches.size(); ++row) {
        const SearchMatch &m = matches.at(row);
        const QModelIndex section = model.index(row, SearchResultsModel::SectionColumn);
        const QModelIndex context = model.index(row, SearchResultsModel::ContextColumn);
        QCOMPARE(section.data().toString(), m.sectionPath.last());
        QCOMPARE(
            section.data(Qt::ToolTipRole).toString(), u"<p>%1</p>"_s.arg(m.sectionPath.join(u" &gt; "_s)));
        QCOMPARE(section.data(SearchResultsModel::StartRole).value<qsizetype>(), m.range.start);
        QCOMPARE(section.data(SearchResultsModel::EndRole).value<qsizetype>(), m.range.end);
        QCOMPARE(section.data(SearchResultsModel::MatchTextRole).toString(), u"质量"_s);
        const QString line = context.data().toString();
        QVERIFY(line.contains(u"质量"_s));
        QVERIFY(!line.contains(u'\n'));
        QCOMPARE(line,
            section.data(SearchResultsModel::ContextBeforeRole).toString() + u"质量"_s
                + section.data(SearchResultsModel::ContextAfterRole).toString());
    }
    // The one under a run-in heading names it.
    QCOMPARE(model.index(int(matches.size()) - 1, 0)
                 .data(SearchResultsModel::SectionPathRole)
                 .toStringList()
                 .last(),
        u"（一）指导思想"_s);
}

void TestSearchResultsModel::clearLeavesNoRows()
{
    const auto searcher = searcherFor(Text);
    SearchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(searcher, searcher->search(u"质量"_s));
    QVERIFY(model.rowCount() > 0);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.index(0, 0).isValid());
}

void TestSearchResultsModel::markupInTheTextStaysText()
{
    const auto searcher = searcherFor(u"<b>一、总则</b>\n<i>质量</i>第一。\n"_s);
    SearchResultsModel model;
    model.setResults(searcher, searcher->search(u"质量"_s));
    QCOMPARE(model.rowCount(), 1);
    const QString tip = model.index(0, 0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"&lt;b&gt;"_s) && !tip.contains(u"<b>"_s), qPrintable(tip));
    QVERIFY(model.index(0, 1).data().toString().contains(u"<i>质量</i>"_s)); // plain text, as written
}

QTEST_GUILESS_MAIN(TestSearchResultsModel)
#include "tst_searchresultsmodel.moc"
