// The status bar names the page the reader is on, next to the percentage, for a document with
// pages; a document without pages shows the percentage alone.

#include "documentview.h"
#include "mainwindow.h"

#include "pagedfixture.h"

#include <QFile>
#include <QLabel>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

class TestPageStatus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void statusBarNamesThePageBesideThePercentage();
    void documentWithoutPagesShowsThePercentageAlone();

private:
    void openAndWait(MainWindow &window, const QString &path);
    QString progressText(const MainWindow &window) const;

    QTemporaryDir m_dir;
};

void TestPageStatus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestPageStatus::openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy changed(&window, &MainWindow::documentChanged);
    window.openFile(path);
    QVERIFY(changed.wait(20000));
    QCoreApplication::processEvents();
}

QString TestPageStatus::progressText(const MainWindow &window) const
{
    const QLabel *label = window.findChild<QLabel *>(u"readingProgress"_s);
    return label ? label->text() : QString();
}

void TestPageStatus::statusBarNamesThePageBesideThePercentage()
{
    // Long enough to scroll: the fixture's three pages many times over, printed 7, 8, 9, 10, ...
    QString text;
    for (int copy = 0; copy < 12; ++copy) {
        QString pages = PagedFixture::text();
        for (int n = 9; n >= 7; --n)
            pages.replace(u"— %1 —"_s.arg(n), u"— %1 —"_s.arg(n + copy * 3));
        text += pages + u"\f"_s;
    }
    const QString path = m_dir.filePath(u"extracted.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();

    QSettings settings(m_dir.filePath(u"paged.ini"_s), QSettings::IniFormat);
    MainWindow window(&settings);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    openAndWait(window, path);
    QVERIFY(window.document()->pageCount() >= 30);
    QCOMPARE(progressText(window), u"p. 7 · 0%"_s);

    // Scrolled well down, the label follows the line at the top of the pane.
    DocumentView *view = window.mainView();
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
    QCoreApplication::processEvents();
    const QString page = window.document()->pageLabelAt(view->topOffset());
    QVERIFY(page.toInt() > 7);
    const QString shown = progressText(window);
    QVERIFY2(shown.startsWith(u"p. %1 · "_s.arg(page)) && shown.endsWith(u'%') && !shown.endsWith(u" 0%"_s),
        qPrintable(shown));
}

void TestPageStatus::documentWithoutPagesShowsThePercentageAlone()
{
    QSettings settings(m_dir.filePath(u"plain.ini"_s), QSettings::IniFormat);
    MainWindow window(&settings);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString path = m_dir.filePath(u"plain.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"单篇文件\n\n一、第一章\n正文。\n二、第二章\n更多正文。\n"_s.toUtf8());
    file.close();
    openAndWait(window, path);
    QCOMPARE(window.document()->pageCount(), 0);
    QCOMPARE(progressText(window), u"0%"_s);
}

QTEST_MAIN(TestPageStatus)
#include "tst_ui_pagestatus.moc"
