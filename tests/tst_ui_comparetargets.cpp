// View > Compare Targets: the open document's targets beside those of the recent documents.
#include "comparetargetsdialog.h"
#include "comparisonmodel.h"
#include "importer.h"
#include "windowfixture.h"

#include <QAction>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

const QString dataDir = QStringLiteral(PIZHU_TEST_DATA_DIR "/targets/");

QStringList headers(const QAbstractItemModel *model)
{
    QStringList labels;
    for (int c = 0; c < model->columnCount(); ++c)
        labels.append(model->headerData(c, Qt::Horizontal).toString());
    return labels;
}

QStringList rowOf(const QAbstractItemModel *model, const QString &indicator)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data().toString() != indicator)
            continue;
        QStringList cells;
        for (int c = 1; c < model->columnCount(); ++c)
            cells.append(model->index(r, c).data().toString());
        return cells;
    }
    return {};
}

} // namespace

class TestCompareTargets : public QObject
{
    Q_OBJECT

private slots:
    void comparesTheOpenDocumentWithOthers();
    void viewMenuComparesWithTheRecentFiles();
};

void TestCompareTargets::comparesTheOpenDocumentWithOthers()
{
    auto imported = Importer().importFile(dataDir + u"compare-2024.txt"_s);
    QVERIFY(imported.ok());
    const auto open = std::make_shared<const Document>(std::move(imported).value());
    CompareTargetsDialog dialog;
    QSignalSpy compared(&dialog, &CompareTargetsDialog::compared);
    // Out of order, with a file that is gone and one that holds no targets.
    dialog.compare(open, dataDir + u"compare-2024.txt"_s,
        { dataDir + u"compare-2023.txt"_s, u"/nonexistent/2021.txt"_s,
            QStringLiteral(PIZHU_FIXTURES_DIR "/public/en-alice-in-wonderland-pg11.txt"),
            dataDir + u"compare-2022.txt"_s, dataDir + u"compare-2024.txt"_s });
    QVERIFY(compared.wait(20000));
    QCOMPARE(compared.first().first().toInt(), 3);
    QCOMPARE(headers(dialog.model()), (QStringList { u"Indicator"_s, u"2022"_s, u"2023"_s, u"2024"_s }));
    QCOMPARE(
        rowOf(dialog.model(), u"国内生产总值增长"_s), (QStringList { u"约 5.5%"_s, u"约 5%"_s, u"约 5%"_s }));
    QCOMPARE(dialog.view()->model(), dialog.model());
    QVERIFY2(dialog.status().contains(u"2 left out"_s), qPrintable(dialog.status()));
}

void TestCompareTargets::viewMenuComparesWithTheRecentFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto settings = WindowFixture::settingsForCurrentTest(dir);
    settings->setValue(
        u"recentFiles"_s, QStringList { dataDir + u"compare-2023.txt"_s, dataDir + u"compare-2022.txt"_s });
    AssembledWindow parts = WindowFixture::shownAssembledWindow(settings.get(), dir.filePath(u"notes.db"_s));
    QVERIFY(QTest::qWaitForWindowExposed(parts.window.get()));
    QSignalSpy changed(parts.window.get(), &MainWindow::documentChanged);
    parts.window->openFileNow(dataDir + u"compare-2024.txt"_s);
    QVERIFY(changed.size() > 0 || changed.wait(10000));

    auto *action = parts.window->findChild<QAction *>(u"compareTargetsAction"_s);
    QVERIFY(action);
    QVERIFY(!action->shortcut().isEmpty());
    action->trigger();
    auto *dialog = parts.window->findChild<CompareTargetsDialog *>();
    QVERIFY(dialog);
    QSignalSpy compared(dialog, &CompareTargetsDialog::compared);
    QVERIFY(compared.wait(20000));
    QVERIFY(dialog->isVisible());
    QCOMPARE(headers(dialog->model()), (QStringList { u"Indicator"_s, u"2022"_s, u"2023"_s, u"2024"_s }));
    QCOMPARE(rowOf(dialog->model(), u"城镇新增就业"_s),
        (QStringList { u"≥ 1100万人"_s, u"约 1200万人"_s, u"≥ 1200万人"_s }));
}

QTEST_MAIN(TestCompareTargets)
#include "tst_ui_comparetargets.moc"
