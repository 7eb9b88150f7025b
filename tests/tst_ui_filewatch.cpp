// The open file removed, changed or replaced behind the window's back: the document stays readable
// and annotatable, and the bar above the panes says what happened, with Reload when there is a
// newer file to read.
#include "annotationactions.h"
#include "annotationcontroller.h"
#include "annotationlistmodel.h"
#include "annotationstore.h"
#include "documentview.h"
#include "filewatchactions.h"
#include "mainwindow.h"
#include "windowfixture.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

const QString Version1 = u"一、总体要求\n\n坚持质量第一，推动高质量发展。\n\n二、主要任务\n\n"
                         "提升产品质量，建设质量强国。\n"_s;
const QString Version2
    = u"一、总体要求\n\n新增的一段：全面提升质量水平。\n\n坚持质量第一，推动高质量发展。\n\n"
      "二、主要任务\n\n提升产品质量，建设质量强国。\n"_s;

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) > 0;
}

// How editors save: a new file beside the old one, renamed over it (rename(2) replaces the target;
// QFile::rename does not).
bool replaceByRename(const QString &path, const QString &text)
{
    const QString temp = path + u".saving"_s;
    return writeFile(temp, text)
        && std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(path).constData()) == 0;
}

} // namespace

class TestUiFileWatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bundledDocumentIsNotWatched();
    void removedFileKeepsTextAndHighlightingAndSaysSo();
    void changedFileOffersReloadAndReloadShowsNewText();
    void replacedByRenameIsDetectedEveryTime();
    void fileRemovedAndPutBackAsItWasClearsTheNotice();
    void noticePushesThePanesDownInsteadOfCovering();

private:
    void openAndWait(const QString &path);
    FileWatchActions *watch() const { return m_watch; }

    QTemporaryDir m_dir;
    QString m_file;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    FileWatchActions *m_watch = nullptr;
    AnnotationActions *m_annotations = nullptr; // on a database of the test's own
};

void TestUiFileWatch::initTestCase()
{
    Q_INIT_RESOURCE(resources);
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiFileWatch::init()
{
    // Each test has a folder of its own, so that one test's files never wake another's watcher.
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    const QString db = m_dir.filePath(name + u".sqlite"_s);
    QFile::remove(db);
    AssembledWindow parts = WindowFixture::shownAssembledWindow(m_settings.get(), db);
    m_window = std::move(parts.window);
    m_watch = parts.fileWatch;
    m_annotations = parts.annotations;
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QDir(m_dir.path()).mkpath(name));
    m_file = m_dir.filePath(name + u"/政策.txt"_s);
    QVERIFY(writeFile(m_file, Version1));
}

void TestUiFileWatch::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestUiFileWatch::openAndWait(const QString &path)
{
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(path);
    QVERIFY(changed.wait(20000));
}

void TestUiFileWatch::bundledDocumentIsNotWatched()
{
    openAndWait(MainWindow::bundledDocumentPath());
    QVERIFY(watch()->watchedPath().isEmpty());
    openAndWait(m_file);
    QCOMPARE(watch()->watchedPath(), m_file);
    QVERIFY(watch()->notice()->isHidden());
}

void TestUiFileWatch::removedFileKeepsTextAndHighlightingAndSaysSo()
{
    openAndWait(m_file);
    AnnotationController *controller = m_annotations->controller();
    QVERIFY(controller->store());
    const QString text = m_window->document()->text();

    QVERIFY(QFile::remove(m_file));
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Removed);
    QTRY_VERIFY(watch()->notice()->isVisible());
    const QString notice = watch()->noticeText();
    QVERIFY2(notice.contains(u"“政策.txt” was removed"_s), qPrintable(notice));
    // When it was opened, in hours and minutes.
    const QString when = watch()->openedAtText();
    QVERIFY2(
        QRegularExpression(u"^\\d{1,2}[:.]\\d{2}(?![:.]\\d)"_s).match(when).hasMatch(), qPrintable(when));
    QVERIFY2(notice.endsWith(u"You are reading the copy opened at %1."_s.arg(when)), qPrintable(notice));
    QVERIFY(!watch()->reloadAction()->isVisible()); // nothing to reload from

    // Still readable and still annotatable: the text is in memory, the notes keyed by its hash.
    QCOMPARE(m_window->document()->text(), text);
    QVERIFY(m_window->mainView()->hasContent());
    const qsizetype at = text.indexOf(u"质量第一"_s);
    QVERIFY(at >= 0);
    const QUuid id = controller->highlight(at, at + 4, AnnotationColor::Yellow);
    QVERIFY(!id.isNull());
    const auto stored = controller->store()->list(m_window->document()->hash());
    QVERIFY(stored.ok());
    QCOMPARE(stored->size(), qsizetype(1));
    QCOMPARE(stored->first().anchor.quote, u"质量第一"_s);

    QTest::mouseClick(watch()->dismissButton(), Qt::LeftButton);
    QVERIFY(watch()->notice()->isHidden());
}

void TestUiFileWatch::changedFileOffersReloadAndReloadShowsNewText()
{
    openAndWait(m_file);
    AnnotationController *controller = m_annotations->controller();
    const qsizetype at = m_window->document()->text().indexOf(u"建设质量强国"_s);
    QVERIFY(!controller->highlight(at, at + 6, AnnotationColor::Green).isNull());

    QVERIFY(writeFile(m_file, Version2)); // written in place
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Changed);
    QTRY_VERIFY(watch()->notice()->isVisible());
    QVERIFY2(watch()->noticeText().contains(u"changed on disk"_s), qPrintable(watch()->noticeText()));
    QVERIFY(watch()->reloadAction()->isVisible());
    QVERIFY(!m_window->document()->text().contains(u"新增的一段"_s)); // nothing reloads by itself

    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    QTest::mouseClick(watch()->reloadButton(), Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QVERIFY(m_window->document()->text().contains(u"新增的一段"_s));
    QVERIFY(watch()->notice()->isHidden());
    QCOMPARE(watch()->fileState(), FileWatchActions::FileState::Unchanged);
    // The highlight moved with its text, as for any changed document.
    QCOMPARE(controller->model()->rowCount(), 1);
    const qsizetype now = m_window->document()->text().indexOf(u"建设质量强国"_s);
    QVERIFY(now > at);
    QVERIFY(controller->annotationAt(now + 1));
}

void TestUiFileWatch::replacedByRenameIsDetectedEveryTime()
{
    openAndWait(m_file);
    QVERIFY(replaceByRename(m_file, Version2));
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Changed);
    QTRY_VERIFY(watch()->notice()->isVisible());

    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    watch()->reloadAction()->trigger();
    QVERIFY(changed.wait(20000));
    QVERIFY(m_window->document()->text().contains(u"新增的一段"_s));
    QCOMPARE(watch()->fileState(), FileWatchActions::FileState::Unchanged);

    // The watch was set again on the new file: a second save the same way is seen too.
    QVERIFY(replaceByRename(m_file, Version1 + u"\n三、保障措施\n\n加强组织领导。\n"_s));
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Changed);
    QTRY_VERIFY(watch()->notice()->isVisible());
}

void TestUiFileWatch::fileRemovedAndPutBackAsItWasClearsTheNotice()
{
    openAndWait(m_file);
    QVERIFY(QFile::remove(m_file));
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Removed);
    // Back with other bytes: a newer file to reload.
    QVERIFY(writeFile(m_file, Version2));
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Changed);
    QTRY_VERIFY(watch()->reloadAction()->isVisible());
    // Back as it was (a new modification time, the same bytes): nothing to say.
    QVERIFY(writeFile(m_file, Version1));
    QTRY_COMPARE(watch()->fileState(), FileWatchActions::FileState::Unchanged);
    QVERIFY(watch()->notice()->isHidden());
}

void TestUiFileWatch::noticePushesThePanesDownInsteadOfCovering()
{
    openAndWait(m_file);
    const int top = m_window->mainView()->mapTo(m_window.get(), QPoint(0, 0)).y();
    QVERIFY(QFile::remove(m_file));
    QTRY_VERIFY(watch()->notice()->isVisible());
    QTRY_VERIFY(m_window->mainView()->mapTo(m_window.get(), QPoint(0, 0)).y() > top);
    const QRect bar(watch()->notice()->mapTo(m_window.get(), QPoint(0, 0)), watch()->notice()->size());
    QVERIFY(bar.bottom() < m_window->mainView()->mapTo(m_window.get(), QPoint(0, 0)).y());
    QVERIFY(bar.width() >= m_window->mainView()->width()); // across the panes, not one of them
}

QTEST_MAIN(TestUiFileWatch)
#include "tst_ui_filewatch.moc"
