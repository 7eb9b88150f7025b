// File > Export Notes… as the reader meets it: a dialog of colour and tag filters and a grouping
// before the file chooser, remembered between exports, and a file named after the document.
#include "annotationactions.h"
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "exportnotesdialog.h"
#include "mainwindow.h"
#include "notesexportactions.h"
#include "windowfixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

class TestUiExportNotes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void theFileIsNamedAfterTheDocumentTitle();
    void theDialogCountsWhatTheFiltersKeep();
    void theExportKeepsOnlyTheChosenColoursGroupedByColour();
    void theChoiceIsRememberedForTheNextExport();
    void exportNotesAsksThenWritesTheChosenFile();

private:
    MainWindow *window() const { return m_parts.window.get(); }
    AnnotationController *controller() const { return m_parts.annotations->controller(); }
    NotesExportActions *notes() const { return m_parts.notesExport; }
    // A highlight of the first occurrence of needle in the open document.
    QUuid highlight(const QString &needle, AnnotationColor color, const QStringList &tags = {});
    QString readFile(const QString &path);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    AssembledWindow m_parts;
};

void TestUiExportNotes::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiExportNotes::init()
{
    const QString db = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(db);
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    m_parts = WindowFixture::shownAssembledWindow(m_settings.get(), db);
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(MainWindow::bundledDocumentPath());
    QVERIFY(changed.wait(20000));
    QVERIFY(controller()->store());
}

void TestUiExportNotes::cleanup()
{
    m_parts = {};
    m_settings.reset();
}

QUuid TestUiExportNotes::highlight(const QString &needle, AnnotationColor color, const QStringList &tags)
{
    const qsizetype at = window()->document()->text().indexOf(needle);
    if (at < 0)
        return {};
    const QUuid id = controller()->highlight(at, at + needle.size(), color);
    if (!id.isNull() && !tags.isEmpty() && !controller()->setTags(id, tags))
        return {};
    return id;
}

QString TestUiExportNotes::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void TestUiExportNotes::theFileIsNamedAfterTheDocumentTitle()
{
    // The bundled file is resources/…/quality-outline-and-commentary.txt; its title is the outline's.
    QCOMPARE(window()->document()->title(), u"质量强国建设纲要"_s);
    QCOMPARE(notes()->suggestedFileName(), u"质量强国建设纲要 notes.md"_s);

    // A title with characters a file name cannot hold keeps its words and loses those.
    const QString path = m_dir.filePath(u"plain-name.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Growth: A/B Plan?\n\nThe first paragraph of the plan says what it is for.\n");
    file.close();
    QSignalSpy changed(window(), &MainWindow::documentChanged);
    window()->openFile(path);
    QVERIFY(changed.wait(20000));
    const QString name = notes()->suggestedFileName();
    QVERIFY2(!name.contains(u'/') && !name.contains(u':') && !name.contains(u'?'), qPrintable(name));
    QVERIFY2(name.startsWith(u"Growth A B Plan"_s) || name.startsWith(u"plain-name"_s), qPrintable(name));
    QVERIFY(name.endsWith(u" notes.md"_s));
}

void TestUiExportNotes::theDialogCountsWhatTheFiltersKeep()
{
    QVERIFY(!highlight(u"质量强国"_s, AnnotationColor::Yellow, { u"目标"_s }).isNull());
    QVERIFY(!highlight(u"质量发展"_s, AnnotationColor::Green).isNull());
    QVERIFY(!highlight(u"产品质量"_s, AnnotationColor::Blue, { u"制造"_s, u"目标"_s }).isNull());
    const auto all = controller()->store()->list(window()->document()->hash());
    QVERIFY(all);
    QCOMPARE(all.value().size(), 3);

    ExportNotesDialog dialog(all.value(), m_settings.get());
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(dialog.countLabel()->text().contains(u"3 of 3"_s));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.tagList()->count(), 2); // each tag once

    dialog.colorBox(AnnotationColor::Yellow)->setChecked(false);
    QCOMPARE(dialog.selectedCount(), 2);
    QCOMPARE(dialog.options().colors,
        (QList<AnnotationColor> {
            AnnotationColor::Green, AnnotationColor::Blue, AnnotationColor::Pink, AnnotationColor::Purple }));
    QVERIFY(dialog.countLabel()->text().contains(u"2 of 3"_s));

    // A tag narrows to the notes that carry it.
    const QList<QListWidgetItem *> tagged = dialog.tagList()->findItems(u"目标"_s, Qt::MatchExactly);
    QCOMPARE(tagged.size(), 1);
    tagged.first()->setCheckState(Qt::Checked);
    QCOMPARE(dialog.selectedCount(), 1); // the blue one; the yellow one is left out by its colour
    QCOMPARE(dialog.options().tags, QStringList { u"目标"_s });

    for (AnnotationColor color : allAnnotationColors())
        dialog.colorBox(color)->setChecked(false);
    QCOMPARE(dialog.selectedCount(), 0);
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog.countLabel()->text().contains(u"No notes"_s));
}

void TestUiExportNotes::theExportKeepsOnlyTheChosenColoursGroupedByColour()
{
    QVERIFY(!highlight(u"质量强国"_s, AnnotationColor::Yellow).isNull());
    QVERIFY(!highlight(u"质量发展"_s, AnnotationColor::Green).isNull());
    ExportOptions options;
    options.colors = { AnnotationColor::Green };
    options.groupBy = ExportOptions::GroupBy::Color;
    const QString md = m_dir.filePath(u"green.md"_s);
    QVERIFY(notes()->exportTo(md, options));
    const QString markdown = readFile(md);
    QVERIFY2(markdown.contains(u"> 质量发展"_s), qPrintable(markdown));
    QVERIFY2(!markdown.contains(u"> 质量强国"_s), qPrintable(markdown));
    QVERIFY2(markdown.contains(u"\n## Green"_s), qPrintable(markdown)); // grouped under its colour

    options.colors = { AnnotationColor::Purple };
    const QString none = m_dir.filePath(u"none.md"_s);
    QVERIFY(!notes()->exportTo(none, options));
    QVERIFY(!QFile::exists(none));
}

void TestUiExportNotes::theChoiceIsRememberedForTheNextExport()
{
    QVERIFY(!highlight(u"质量强国"_s, AnnotationColor::Pink, { u"评论"_s }).isNull());
    const auto all = controller()->store()->list(window()->document()->hash());
    QVERIFY(all);
    {
        ExportNotesDialog dialog(all.value(), m_settings.get());
        dialog.colorBox(AnnotationColor::Yellow)->setChecked(false);
        dialog.colorBox(AnnotationColor::Blue)->setChecked(false);
        dialog.tagList()->item(0)->setCheckState(Qt::Checked);
        dialog.groupBox()->setCurrentIndex(1);
        QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    ExportNotesDialog again(all.value(), m_settings.get());
    QVERIFY(!again.colorBox(AnnotationColor::Yellow)->isChecked());
    QVERIFY(!again.colorBox(AnnotationColor::Blue)->isChecked());
    QVERIFY(again.colorBox(AnnotationColor::Pink)->isChecked());
    QCOMPARE(again.tagList()->item(0)->checkState(), Qt::Checked);
    QCOMPARE(again.options().groupBy, ExportOptions::GroupBy::Color);

    // Cancel leaves the remembered choice as it was.
    {
        ExportNotesDialog cancelled(all.value(), m_settings.get());
        cancelled.colorBox(AnnotationColor::Yellow)->setChecked(true);
        QTest::mouseClick(cancelled.buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    }
    ExportNotesDialog third(all.value(), m_settings.get());
    QVERIFY(!third.colorBox(AnnotationColor::Yellow)->isChecked());
}

// The whole path from the menu: the dialog, then the file chooser offering the title's name.
void TestUiExportNotes::exportNotesAsksThenWritesTheChosenFile()
{
    QVERIFY(!highlight(u"质量强国"_s, AnnotationColor::Yellow).isNull());
    QVERIFY(!highlight(u"质量发展"_s, AnnotationColor::Green).isNull());
    QApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
    const QString target = m_dir.filePath(u"chosen"_s); // no suffix: the Markdown filter adds .md
    QString offered;
    bool sawDialog = false;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<ExportNotesDialog *>(modal)) {
            sawDialog = true;
            dialog->colorBox(AnnotationColor::Yellow)->setChecked(false);
            dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        } else if (auto *files = qobject_cast<QFileDialog *>(modal)) {
            offered = files->findChild<QLineEdit *>(u"fileNameEdit"_s)->text();
            files->setDirectory(m_dir.path());
            files->findChild<QLineEdit *>(u"fileNameEdit"_s)->setText(u"chosen"_s);
            QMetaObject::invokeMethod(files, "accept", Qt::QueuedConnection);
        }
    });
    poll.start();
    notes()->exportAction()->trigger();
    poll.stop();
    QVERIFY(sawDialog);
    QCOMPARE(offered, u"质量强国建设纲要 notes.md"_s);
    const QString markdown = readFile(target + u".md"_s);
    QVERIFY2(markdown.contains(u"> 质量发展"_s), qPrintable(window()->statusBar()->currentMessage()));
    QVERIFY(!QFile::exists(m_dir.filePath(u"质量强国建设纲要 notes.md"_s)));
    QVERIFY2(!markdown.contains(u"> 质量强国"_s), qPrintable(markdown));
    QCOMPARE(m_settings->value(u"export/folder"_s).toString(), m_dir.path());
}

QTEST_MAIN(TestUiExportNotes)
#include "tst_ui_exportnotes.moc"
