// The interface in Simplified Chinese has no English left. With Pizhu's zh_CN translation and Qt's
// own installed, as the application installs them for --lang zh_CN, the assembled window with the
// bundled document, every panel, the find bar and the search results open, shows no English word
// in a widget, an action, a menu or a column header; nor do the text's context menu and a message
// box's buttons. The commands' --help and a Markdown export follow the language too, while the
// English export stays as it was.
#include "documentview.h"
#include "findactions.h"
#include "findbar.h"
#include "mainwindow.h"
#include "pagedfixture.h"
#include "searchresultsdock.h"
#include "targetmodel.h"
#include "targetsactions.h"
#include "targetsdock.h"
#include "windowfixture.h"

#include "clirun.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

// The English words in an interface text: runs of three or more Latin letters, less the names
// that stay as they are in a Chinese interface (formats, keys, Qt) and file names.
QStringList englishWords(QString text)
{
    static const QStringList allowed { u"PDF"_s, u"Markdown"_s, u"JSON"_s, u"CSV"_s, u"Ctrl"_s, u"Shift"_s,
        u"Alt"_s, u"Esc"_s, u"Enter"_s, u"Del"_s, u"Home"_s, u"Tab"_s, u"Unicode"_s, u"zhiliang"_s };
    static const QRegularExpression fileName(u"[\\w.-]+\\.(txt|md|markdown|pdf|csv|json)\\b"_s);
    static const QRegularExpression word(u"[A-Za-z]{3,}"_s);
    text.remove(fileName);
    text.remove(u'&');
    QStringList found;
    for (const QRegularExpressionMatch &m : word.globalMatch(text))
        if (!allowed.contains(m.captured()))
            found << m.captured();
    return found;
}

} // namespace

class TestUiZhCn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void windowHasNoEnglishLeft();
    void qtsOwnButtonsAndMenusAreChinese();
    void helpIsChineseForLangOrLocale();
    void fileErrorsAreChinese();
    void markdownExportFollowsTheLanguage();

private:
    // Records where English shows: "what: text".
    void check(const QString &what, const QString &text);
    void checkMenu(const QString &where, const QMenu *menu);
    void checkWidget(const QWidget *widget);
    CliRun::Result pizhu(const QStringList &args, const QString &locale);

    QTemporaryDir m_dir;
    QTranslator m_own;
    QTranslator m_qt;
    QStringList m_english;
};

void TestUiZhCn::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // As app/interfacelanguage.cpp does for --lang zh_CN.
    const QLocale chinese(QLocale::Chinese, QLocale::China);
    QLocale::setDefault(chinese);
    QVERIFY2(m_own.load(QStringLiteral(PIZHU_QM_FILE)), PIZHU_QM_FILE);
    QVERIFY2(m_qt.load(chinese, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
        "Qt's own Chinese translation (Debian's qt6-translations-l10n) is not installed");
    QCoreApplication::installTranslator(&m_own);
    QCoreApplication::installTranslator(&m_qt);
}

void TestUiZhCn::cleanupTestCase()
{
    QCoreApplication::removeTranslator(&m_qt);
    QCoreApplication::removeTranslator(&m_own);
    QLocale::setDefault(QLocale::c());
}

void TestUiZhCn::check(const QString &what, const QString &text)
{
    const QStringList words = englishWords(text);
    if (!words.isEmpty())
        m_english << u"%1: “%2” (%3)"_s.arg(what, text, words.join(u", "_s));
}

void TestUiZhCn::checkMenu(const QString &where, const QMenu *menu)
{
    const QString path = where + u" > "_s + menu->title();
    check(u"menu"_s, menu->title());
    for (const QAction *a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible())
            continue;
        check(u"action in "_s + path, a->text());
        check(u"tooltip of an action in "_s + path, a->toolTip());
        check(u"status tip of an action in "_s + path, a->statusTip());
        if (a->menu())
            checkMenu(path, a->menu());
    }
}

void TestUiZhCn::checkWidget(const QWidget *widget)
{
    const QString name = QString::fromLatin1(widget->metaObject()->className());
    check(u"tooltip of "_s + name, widget->toolTip());
    if (widget->isWindow() || qobject_cast<const QDockWidget *>(widget))
        check(u"title of "_s + name, widget->windowTitle());
    if (auto *label = qobject_cast<const QLabel *>(widget))
        check(name, label->text());
    if (auto *button = qobject_cast<const QAbstractButton *>(widget))
        check(name, button->text());
    if (auto *edit = qobject_cast<const QLineEdit *>(widget))
        check(u"placeholder of "_s + name, edit->placeholderText());
    if (auto *combo = qobject_cast<const QComboBox *>(widget))
        for (int i = 0; i < combo->count(); ++i)
            check(name, combo->itemText(i));
    if (auto *tabs = qobject_cast<const QTabBar *>(widget))
        for (int i = 0; i < tabs->count(); ++i)
            check(name, tabs->tabText(i));
    // The column headers; the rows are the document's own words.
    if (auto *view = qobject_cast<const QAbstractItemView *>(widget); view && view->model()) {
        for (int c = 0; c < view->model()->columnCount(); ++c)
            check(u"header of "_s + name, view->model()->headerData(c, Qt::Horizontal).toString());
    }
    for (const QAction *a : widget->actions())
        if (a->isVisible() && !a->isSeparator())
            check(u"action of "_s + name, a->text());
}

void TestUiZhCn::windowHasNoEnglishLeft()
{
    const auto settings = WindowFixture::settingsForCurrentTest(m_dir);
    AssembledWindow parts
        = WindowFixture::shownAssembledWindow(settings.get(), m_dir.filePath(u"notes.sqlite"_s));
    MainWindow *window = parts.window.get();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QSignalSpy changed(window, &MainWindow::documentChanged);
    window->openFile(MainWindow::bundledDocumentPath());
    QVERIFY(changed.wait(20000));

    // Every panel, the Targets with their table filled.
    for (QDockWidget *dock : window->findChildren<QDockWidget *>())
        if (!dock->isVisible())
            dock->toggleViewAction()->trigger();
    TargetsDock *targets = parts.targets->dock();
    QTRY_VERIFY(targets->isVisible());
    QTRY_VERIFY(targets->model()->rowCount() > 0);
    // The find bar with matches, and so the search results.
    DocumentView *view = window->mainView();
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QTest::keyClick(view, Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = parts.find->bar();
    QTRY_VERIFY(bar && bar->isVisible());
    auto *field = bar->findChild<QLineEdit *>(u"findField"_s);
    QVERIFY(field);
    for (QChar c : u"质量"_s)
        QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
    QTRY_VERIFY(parts.find->dock()->view()->model()->rowCount() > 0);
    QTRY_VERIFY(parts.find->dock()->isVisible());
    QCoreApplication::processEvents();

    m_english.clear();
    check(u"window title"_s, window->windowTitle());
    for (const QAction *a : window->menuBar()->actions())
        if (a->menu())
            checkMenu(u"menu bar"_s, a->menu());
    for (const QWidget *w : window->findChildren<QWidget *>())
        if (w->isVisible())
            checkWidget(w);
    // The text's context menu: Qt's Copy and Select All with the highlight commands.
    const std::unique_ptr<QMenu> menu(view->createStandardContextMenu(view->viewport()->rect().center()));
    checkMenu(u"the text's context menu"_s, menu.get());
    const std::unique_ptr<QMenu> fieldMenu(field->createStandardContextMenu());
    checkMenu(u"the find field's context menu"_s, fieldMenu.get());

    QVERIFY2(
        m_english.isEmpty(), qPrintable(u"English in the Chinese interface:\n"_s + m_english.join(u'\n')));
    // The walk saw the panels it was meant to: the Targets' and the results' headers in Chinese.
    QCOMPARE(targets->model()->headerData(0, Qt::Horizontal).toString(), u"指标"_s);
    QCOMPARE(parts.find->dock()->view()->model()->headerData(0, Qt::Horizontal).toString(), u"章节"_s);
}

void TestUiZhCn::qtsOwnButtonsAndMenusAreChinese()
{
    // The About box's OK and any dialog's buttons come from Qt's translation, not Pizhu's.
    QDialogButtonBox box(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Ok)->text(), u"确定"_s);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), u"取消"_s);
    QLineEdit edit(u"文字"_s);
    const std::unique_ptr<QMenu> menu(edit.createStandardContextMenu());
    m_english.clear();
    checkMenu(u"a line edit's context menu"_s, menu.get());
    QVERIFY2(m_english.isEmpty(), qPrintable(m_english.join(u'\n')));
}

CliRun::Result TestUiZhCn::pizhu(const QStringList &args, const QString &locale)
{
    CliRun::Options options;
    options.env.insert(u"LC_ALL"_s, locale);
    options.env.remove(u"LANGUAGE"_s);
    return CliRun::pizhu(args, options);
}

void TestUiZhCn::helpIsChineseForLangOrLocale()
{
    static const QRegularExpression han(u"\\p{Han}"_s);
    const CliRun::Result english = pizhu({ u"--help"_s }, u"C.UTF-8"_s);
    QCOMPARE(english.exitCode, 0);
    QVERIFY2(english.out.contains(u"Commands:"_s), qPrintable(english.out));
    QVERIFY(english.out.contains(u"print the outline"_s));

    for (const auto &[args, locale] :
        { std::pair { QStringList { u"--help"_s, u"--lang"_s, u"zh_CN"_s }, u"C.UTF-8"_s },
            std::pair { QStringList { u"--lang=zh_CN"_s, u"--help"_s }, u"C.UTF-8"_s },
            std::pair { QStringList { u"--help"_s }, u"zh_CN.UTF-8"_s } }) {
        const CliRun::Result chinese = pizhu(args, locale);
        const QString what = args.join(u' ') + u" with LC_ALL="_s + locale;
        QVERIFY2(chinese.exitCode == 0, qPrintable(what + u": "_s + chinese.err));
        QVERIFY2(chinese.out.contains(u"命令："_s), qPrintable(what + u":\n"_s + chinese.out));
        // Each command's summary too, not only the frame around them.
        QVERIFY2(chinese.out.contains(u"输出大纲"_s), qPrintable(what + u":\n"_s + chinese.out));
        QVERIFY2(!chinese.out.contains(u"print the outline"_s), qPrintable(what));
        QVERIFY(chinese.out.contains(han));
    }
    // --lang en wins over a Chinese locale.
    QVERIFY(pizhu({ u"--help"_s, u"--lang"_s, u"en"_s }, u"zh_CN.UTF-8"_s).out.contains(u"Commands:"_s));
}

void TestUiZhCn::fileErrorsAreChinese()
{
    const QString missing = m_dir.filePath(u"missing.txt"_s);
    const CliRun::Result english = pizhu({ u"outline"_s, missing }, u"C.UTF-8"_s);
    QCOMPARE(english.exitCode, 3);
    QCOMPARE(english.err, u"pizhu: %1: no such file\n"_s.arg(missing));
    const CliRun::Result chinese = pizhu({ u"outline"_s, missing, u"--lang"_s, u"zh_CN"_s }, u"C.UTF-8"_s);
    QCOMPARE(chinese.exitCode, 3);
    QCOMPARE(chinese.err, u"pizhu: %1: 没有这个文件\n"_s.arg(missing));
}

void TestUiZhCn::markdownExportFollowsTheLanguage()
{
    const QString file = m_dir.filePath(u"paged.txt"_s);
    const QString db = m_dir.filePath(u"export.sqlite"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(PagedFixture::text().toUtf8());
    }
    const CliRun::Result added
        = pizhu({ u"note"_s, u"add"_s, file, u"--quote"_s, u"质量是人类生产生活的重要保障"_s, u"--color"_s,
                    u"yellow"_s, u"--db"_s, db },
            u"C.UTF-8"_s);
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));

    const CliRun::Result english = pizhu({ u"export"_s, file, u"--db"_s, db }, u"C.UTF-8"_s);
    QVERIFY2(english.exitCode == 0, qPrintable(english.err));
    QVERIFY2(english.out.contains(u"\n\n— p. 7\n\n"_s), qPrintable(english.out));
    QVERIFY2(english.out.contains(u"*Yellow"_s), qPrintable(english.out));
    QVERIFY(!english.out.contains(u"黄色"_s));

    for (const auto &[args, locale] : { std::pair { QStringList { u"--lang"_s, u"zh_CN"_s }, u"C.UTF-8"_s },
             std::pair { QStringList {}, u"zh_CN.UTF-8"_s } }) {
        const CliRun::Result chinese = pizhu(args + QStringList { u"export"_s, file, u"--db"_s, db }, locale);
        QVERIFY2(chinese.exitCode == 0, qPrintable(chinese.err));
        QVERIFY2(chinese.out.contains(u"\n\n— 第 7 页\n\n"_s), qPrintable(chinese.out));
        QVERIFY2(chinese.out.contains(u"*黄色"_s), qPrintable(chinese.out));
        QVERIFY2(!chinese.out.contains(u"Yellow"_s), qPrintable(chinese.out));
    }
    // --lang en over a Chinese locale: the English export, byte for byte but for its time.
    static const QRegularExpression exportedAt(u"\nexported_at: [^\n]*"_s);
    const QString again
        = pizhu({ u"export"_s, file, u"--db"_s, db, u"--lang"_s, u"en"_s }, u"zh_CN.UTF-8"_s).out;
    QCOMPARE(QString(again).remove(exportedAt), QString(english.out).remove(exportedAt));
}

QTEST_MAIN(TestUiZhCn)
#include "tst_ui_zhcn.moc"
