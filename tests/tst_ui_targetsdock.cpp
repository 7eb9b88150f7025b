#include "importer.h"
#include "targetmodel.h"
#include "targetsdock.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

std::shared_ptr<const Document> bundledDocument()
{
    auto result = Importer().importFile(
        QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    if (!result)
        qFatal("cannot import the bundled document");
    return std::make_shared<const Document>(std::move(result).value());
}

} // namespace

class TestTargetsDock : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsTheDocumentsTargets();
    void emptiesForNoDocument();
    void aNewerDocumentWinsOverARunningExtraction();
    void activatingARowGivesItsRange();
    void highlightButtonRequestsEverySelectedTarget();
    void highlightButtonNeedsASelection();
    void clickingAHeaderSortsByValue();
    void copiesTheTableAsMarkdown();
    void showsEachRowsSentenceAndComparatorsInWords();
    void exportsCsvWithBom();
    void exportFailsOnAnUnwritablePath();

private:
    std::unique_ptr<TargetsDock> m_dock;
    std::shared_ptr<const Document> m_doc;
};

void TestTargetsDock::init()
{
    m_doc = bundledDocument();
    m_dock = std::make_unique<TargetsDock>();
    new QAbstractItemModelTester(
        m_dock->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_dock.get());
    m_dock->resize(700, 300);
    m_dock->show();
    QSignalSpy ready(m_dock.get(), &TargetsDock::targetsReady);
    m_dock->setDocument(m_doc);
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.first().first().toInt(), 4);
}

void TestTargetsDock::cleanup()
{
    m_dock.reset();
    m_doc.reset();
}

void TestTargetsDock::showsTheDocumentsTargets()
{
    QCOMPARE(m_dock->model()->rowCount(), 4);
    QCOMPARE(m_dock->windowTitle(), u"Targets (4)"_s);
    QCOMPARE(
        m_dock->model()->index(0, TargetModel::IndicatorColumn).data().toString(), u"制造业质量竞争力指数"_s);
    QVERIFY(m_dock->copyMarkdownAction()->isEnabled());
    QVERIFY(m_dock->exportCsvAction()->isEnabled());
}

void TestTargetsDock::emptiesForNoDocument()
{
    QSignalSpy ready(m_dock.get(), &TargetsDock::targetsReady);
    m_dock->setDocument(nullptr);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(m_dock->model()->rowCount(), 0);
    QVERIFY(!m_dock->copyMarkdownAction()->isEnabled());
    QCOMPARE(m_dock->windowTitle(), u"Targets"_s);
}

void TestTargetsDock::aNewerDocumentWinsOverARunningExtraction()
{
    QSignalSpy ready(m_dock.get(), &TargetsDock::targetsReady);
    m_dock->setDocument(m_doc);
    m_dock->setDocument(nullptr);
    // Let the first extraction finish and deliver: its result must be dropped.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.first().first().toInt(), 0);
    QCOMPARE(m_dock->model()->rowCount(), 0);
}

void TestTargetsDock::activatingARowGivesItsRange()
{
    QSignalSpy activated(m_dock.get(), &TargetsDock::targetActivated);
    QTableView *view = m_dock->view();
    const QModelIndex index = m_dock->model()->index(2, TargetModel::ValueColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    QCOMPARE(activated.size(), 1);
    const Target *t = m_dock->model()->targetAt(index);
    QCOMPARE(activated.first().at(0).value<qsizetype>(), t->start);
    QCOMPARE(activated.first().at(1).value<qsizetype>(), t->end);
    QCOMPARE(m_doc->text().mid(t->start, t->end - t->start), u"食品抽检合格率均达到 98%以上"_s);
}

void TestTargetsDock::highlightButtonRequestsEverySelectedTarget()
{
    QSignalSpy requested(m_dock.get(), &TargetsDock::highlightRequested);
    QTableView *view = m_dock->view();
    view->selectionModel()->select(
        m_dock->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(
        m_dock->model()->index(3, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(m_dock->highlightButton()->isEnabled());
    QTest::mouseClick(m_dock->highlightButton(), Qt::LeftButton);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(0).at(0).value<qsizetype>(), m_dock->model()->targets().at(1).start);
    QCOMPARE(requested.at(1).at(1).value<qsizetype>(), m_dock->model()->targets().at(3).end);
}

void TestTargetsDock::highlightButtonNeedsASelection()
{
    m_dock->view()->clearSelection();
    QVERIFY(!m_dock->highlightButton()->isEnabled());
}

void TestTargetsDock::clickingAHeaderSortsByValue()
{
    QHeaderView *header = m_dock->view()->horizontalHeader();
    const int x = header->sectionViewportPosition(TargetModel::ValueColumn)
        + header->sectionSize(TargetModel::ValueColumn) / 2;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    // The cells read "≥ 98%": the numbers they sort by are the model's sort keys.
    QList<double> values;
    for (int row = 0; row < m_dock->model()->rowCount(); ++row)
        values.append(
            m_dock->model()->index(row, TargetModel::ValueColumn).data(TargetModel::SortRole).toDouble());
    QCOMPARE(values.count(0.0), 0);
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    if (header->sortIndicatorOrder() == Qt::DescendingOrder)
        std::reverse(sorted.begin(), sorted.end());
    QCOMPARE(values, sorted);
    QCOMPARE(header->sortIndicatorSection(), int(TargetModel::ValueColumn));
}

void TestTargetsDock::showsEachRowsSentenceAndComparatorsInWords()
{
    QTableView *view = m_dock->view();
    QHeaderView *header = view->horizontalHeader();
    QVERIFY(!header->isSectionHidden(TargetModel::SentenceColumn));
    QVERIFY(header->sectionSize(TargetModel::SentenceColumn) > 0);
    QCOMPARE(
        m_dock->model()->headerData(TargetModel::SentenceColumn, Qt::Horizontal).toString(), u"Sentence"_s);
    int food = -1;
    for (int row = 0; row < m_dock->model()->rowCount(); ++row)
        if (m_dock->model()->index(row, TargetModel::IndicatorColumn).data().toString() == u"食品抽检合格率")
            food = row;
    QVERIFY(food >= 0);
    QCOMPARE(m_dock->model()->index(food, TargetModel::ValueColumn).data().toString(), u"≥ 98%"_s);
    const QString sentence = m_dock->model()->index(food, TargetModel::SentenceColumn).data().toString();
    QVERIFY2(sentence.contains(u"农产品质量安全例行监测合格率和食品抽检合格率均达到 98%以上"_s),
        qPrintable(sentence));
    // The view shows the sentence column where the reader can see it, beside the value.
    const QRect cell = view->visualRect(m_dock->model()->index(food, TargetModel::SentenceColumn));
    QVERIFY(cell.isValid());
    QVERIFY(header->sectionViewportPosition(TargetModel::SentenceColumn)
        > header->sectionViewportPosition(TargetModel::ValueColumn));
}

void TestTargetsDock::copiesTheTableAsMarkdown()
{
    m_dock->copyMarkdownAction()->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    // The columns and words of the table on screen, the sentence included.
    QVERIFY2(
        text.startsWith(u"| Indicator | Direction | Value | Change | Horizon | Section | Sentence |\n"_s),
        qPrintable(text));
    QCOMPARE(text.count(u'\n'), 6);
    QVERIFY2(text.contains(u"| 食品抽检合格率 | "_s), qPrintable(text));
    QVERIFY2(text.contains(u"≥ 98%"_s), qPrintable(text));
    QVERIFY2(text.contains(u"食品抽检合格率均达到 98%以上"_s), qPrintable(text));
}

void TestTargetsDock::exportsCsvWithBom()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"targets.csv"_s);
    QVERIFY(m_dock->exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "indicator,"));
    QCOMPARE(bytes.count("\r\n"), 5);
}

void TestTargetsDock::exportFailsOnAnUnwritablePath()
{
    QVERIFY(!m_dock->exportCsv(u"/nonexistent-directory/targets.csv"_s));
}

QTEST_MAIN(TestTargetsDock)
#include "tst_ui_targetsdock.moc"
