// Searching the notes of every document: the Search Notes dock, going to a hit (in the open
// document or another one), and the Annotations panel's filter through the store's FTS5 index.
#include "anchoring.h"
#include "annotationactions.h"
#include "annotationcontroller.h"
#include "annotationlistmodel.h"
#include "annotationsdock.h"
#include "annotationstore.h"
#include "documentview.h"
#include "importer.h"
#include "mainwindow.h"
#include "notesearchmodel.h"
#include "notessearchactions.h"
#include "notessearchdock.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

// Long enough that a note near the end is far below the first screen.
QString fixtureText(const QString &title, const QString &topic)
{
    QString text = title + u"\n\n一、总体要求\n\n"_s;
    for (int i = 1; i <= 120; ++i) {
        if (i == 60)
            text += u"二、主要任务\n\n"_s;
        text += u"第%1段：推进%2工作，健全制度体系，完善标准规范，强化监督管理，持续提升整体水平。\n\n"_s
                    .arg(i)
                    .arg(topic);
    }
    return text;
}

void writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0)
        qFatal("cannot write fixture %s", qPrintable(path));
}

// QTest::keyClicks takes only ASCII; this types any text, one key event a character, as an input
// method committing characters would.
void type(QWidget *widget, const QString &text)
{
    for (QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

class TestUiNotesSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void searchNotesActionShowsTheDockAndFocusesTheField();
    void hitsOfTwoDocumentsAreRankedBestFirst();
    void shortQueriesFallBackToSubstrings_data();
    void shortQueriesFallBackToSubstrings();
    void emptyOrUnmatchedQuerySaysSo();
    void resultsFollowNotesAddedEditedAndRemoved();
    void activatingAHitInTheOpenDocumentScrollsAndSelectsIt();
    void activatingAHitInAnotherDocumentOpensItAndScrolls();
    void hitWhoseFileIsGoneNamesThePathInTheStatusBar();
    void storedMarkupShowsLiterally();
    void panelFilterFindsThroughTheStore_data();
    void panelFilterFindsThroughTheStore();
    void withoutDatabaseTheDockSaysWhyAndIsDisabled();
    void dockLeftOpenIsOpenInTheNextWindow();

private:
    void openWindow(const QString &db);
    void openAndWait(const QString &path);
    // Adds a note on the first occurrence of quote in the document read from path; the document
    // is recorded in the store with that path, as opening it in the window would.
    QUuid addNote(
        const QString &path, const QString &quote, const QString &note, const QStringList &tags = {});
    // Types query into the dock's field and waits for the debounced search to show count hits.
    void search(const QString &query);
    AnnotationStore *store() const { return m_actions->controller()->store(); }
    NotesSearchDock *dock() const { return m_notesSearch->dock(); }

    QTemporaryDir m_dir;
    QString m_first; // 甲: open in the window at the start of every test
    QString m_second; // 乙: recorded in the store, not open
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    AnnotationActions *m_actions = nullptr;
    NotesSearchActions *m_notesSearch = nullptr;
};

void TestUiNotesSearch::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiNotesSearch::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    m_first = m_dir.filePath(name + u"-甲.txt"_s);
    m_second = m_dir.filePath(name + u"-乙.txt"_s);
    writeFile(m_first, fixtureText(u"甲文件：质量工作要点"_s, u"质量强国"_s));
    writeFile(m_second, fixtureText(u"乙文件：标准化工作要点"_s, u"标准化"_s));
    const QString db = m_dir.filePath(name + u".sqlite"_s);
    QFile::remove(db);
    m_settings = std::make_unique<QSettings>(m_dir.filePath(name + u".ini"_s), QSettings::IniFormat);
    m_settings->clear();
    openWindow(db);
}

void TestUiNotesSearch::openWindow(const QString &db)
{
    AssembledWindow parts = WindowFixture::shownAssembledWindow(m_settings.get(), db);
    m_window = std::move(parts.window);
    m_actions = parts.annotations;
    m_notesSearch = parts.notesSearch;
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    openAndWait(m_first);
}

void TestUiNotesSearch::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

void TestUiNotesSearch::openAndWait(const QString &path)
{
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(path);
    QVERIFY(changed.wait(20000));
    QCoreApplication::processEvents();
}

QUuid TestUiNotesSearch::addNote(
    const QString &path, const QString &quote, const QString &note, const QStringList &tags)
{
    auto imported = Importer().importFile(path);
    if (!imported)
        return {};
    const Document &doc = imported.value();
    if (!store()->syncDocument(doc, path))
        return {};
    const qsizetype at = doc.text().indexOf(quote);
    if (at < 0)
        return {};
    Annotation a = Anchoring::makeAnnotation(doc, at, at + quote.size());
    a.note = note;
    a.tags = tags;
    const auto added = store()->add(a);
    return added ? added.value().id : QUuid();
}

void TestUiNotesSearch::search(const QString &query)
{
    QLineEdit *field = dock()->field();
    field->clear();
    dock()->searchNow();
    type(field, query);
    QCOMPARE(field->text(), query);
    // The search waits for a pause in the typing; the count says when it ran.
    QTRY_VERIFY(!dock()->countLabel()->text().isEmpty());
}

void TestUiNotesSearch::searchNotesActionShowsTheDockAndFocusesTheField()
{
    QAction *action = m_notesSearch->searchAction();
    QVERIFY(m_window->menu(MainWindow::Menu::Edit)->actions().contains(action));
    QVERIFY(!action->shortcut().isEmpty());
    // A shortcut two actions share fires neither.
    for (const QAction *other : m_window->findChildren<QAction *>())
        if (other != action)
            QVERIFY2(!other->shortcuts().contains(action->shortcut()), qPrintable(other->text()));
    QVERIFY(!dock()->isVisible());
    QCOMPARE(dock()->field()->placeholderText(), u"Search notes in all documents"_s);
    QVERIFY(dock()->field()->isEnabled());
    QVERIFY(dock()->unavailableLabel()->isHidden());

    m_window->mainView()->setFocus();
    QTest::keySequence(m_window.get(), action->shortcut());
    QTRY_VERIFY(dock()->isVisible());
    QTRY_VERIFY(dock()->field()->hasFocus());
}

void TestUiNotesSearch::hitsOfTwoDocumentsAreRankedBestFirst()
{
    QAbstractItemModelTester tester(dock()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The term three times in a short note beats it once in a long one.
    const QUuid weak = addNote(m_first, u"第3段：推进质量强国工作"_s,
        u"这一段讲的是工作安排，涉及制度体系、标准规范、监督管理等许多方面，也提到了计量工作"_s);
    const QUuid strong = addNote(m_second, u"第90段：推进标准化工作"_s, u"计量工作、计量工作、计量工作"_s);
    const QUuid none = addNote(m_second, u"第91段：推进标准化工作"_s, u"与此无关"_s);
    QVERIFY(!weak.isNull() && !strong.isNull() && !none.isNull());

    search(u"计量"_s); // two characters: the fallback finds both too
    QCOMPARE(dock()->model()->rowCount(), 2);
    QCOMPARE(dock()->countLabel()->text(), u"2 notes"_s);

    search(u"计量工作"_s);
    NoteSearchModel *model = dock()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 0).data(NoteSearchModel::IdRole).toUuid(), strong);
    QCOMPARE(model->index(1, 0).data(NoteSearchModel::IdRole).toUuid(), weak);
    QVERIFY(model->hit(0)->rank <= model->hit(1)->rank);
    // Each row names its document and section.
    QCOMPARE(model->index(0, NoteSearchModel::DocumentColumn).data().toString(), u"乙文件：标准化工作要点"_s);
    QCOMPARE(model->index(1, NoteSearchModel::DocumentColumn).data().toString(), u"甲文件：质量工作要点"_s);
    QVERIFY2(model->index(0, NoteSearchModel::SectionColumn).data().toString().contains(u"二、主要任务"_s),
        qPrintable(model->index(0, NoteSearchModel::SectionColumn).data().toString()));
    QVERIFY(model->index(1, NoteSearchModel::SectionColumn).data().toString().contains(u"一、总体要求"_s));
    QCOMPARE(model->index(0, NoteSearchModel::QuoteColumn).data().toString(), u"第90段：推进标准化工作"_s);
    QCOMPARE(
        model->index(0, NoteSearchModel::NoteColumn).data().toString(), u"计量工作、计量工作、计量工作"_s);
    QCOMPARE(dock()->countLabel()->text(), u"2 notes"_s);
}

void TestUiNotesSearch::shortQueriesFallBackToSubstrings_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expected");
    QTest::newRow("one CJK character") << u"谱"_s << 2;
    QTest::newRow("two CJK characters") << u"家谱"_s << 1;
    QTest::newRow("two characters of a tag") << u"族史"_s << 1;
    QTest::newRow("one Latin letter, any case") << u"q"_s << 1;
}

void TestUiNotesSearch::shortQueriesFallBackToSubstrings()
{
    QFETCH(QString, query);
    QFETCH(int, expected);
    QVERIFY(!addNote(m_first, u"第5段"_s, u"像家谱一样"_s).isNull());
    QVERIFY(!addNote(m_second, u"第6段"_s, u"乐谱"_s, { u"族史研究"_s }).isNull());
    QVERIFY(!addNote(m_second, u"第7段"_s, u"Quality"_s).isNull());
    search(query);
    QCOMPARE(dock()->model()->rowCount(), expected);
    QCOMPARE(dock()->countLabel()->text(), expected == 1 ? u"1 note"_s : u"%1 notes"_s.arg(expected));
}

void TestUiNotesSearch::emptyOrUnmatchedQuerySaysSo()
{
    QVERIFY(!addNote(m_first, u"第5段"_s, u"批注"_s).isNull());
    search(u"没有这样的批注"_s);
    QCOMPARE(dock()->model()->rowCount(), 0);
    QCOMPARE(dock()->countLabel()->text(), u"No notes match"_s);
    dock()->field()->clear();
    dock()->searchNow();
    QCOMPARE(dock()->model()->rowCount(), 0);
    QCOMPARE(dock()->countLabel()->text(), QString());
}

void TestUiNotesSearch::resultsFollowNotesAddedEditedAndRemoved()
{
    const QUuid first = addNote(m_first, u"第5段"_s, u"关于计量的批注"_s);
    QVERIFY(!first.isNull());
    search(u"计量的批注"_s);
    QCOMPARE(dock()->model()->rowCount(), 1);
    const QUuid second = addNote(m_second, u"第8段"_s, u"另一条关于计量的批注"_s);
    QVERIFY(!second.isNull());
    QTRY_COMPARE(dock()->model()->rowCount(), 2);
    QVERIFY(m_actions->controller()->setNote(first, u"改写以后不再相关"_s));
    QTRY_COMPARE(dock()->model()->rowCount(), 1);
    QCOMPARE(dock()->model()->hit(0)->id, second);
    QVERIFY(store()->remove(second).ok());
    QTRY_COMPARE(dock()->countLabel()->text(), u"No notes match"_s);
}

void TestUiNotesSearch::activatingAHitInTheOpenDocumentScrollsAndSelectsIt()
{
    const QUuid id = addNote(m_first, u"第118段"_s, u"末尾的批注"_s);
    QVERIFY(!id.isNull());
    const Annotation *a = m_actions->controller()->annotation(id);
    QVERIFY(a); // the open document's annotation: the controller has it
    DocumentView *pane = m_window->viewForOffset(a->anchor.start);
    QVERIFY(pane);
    pane->scrollToOffset(pane->textStart());
    QTRY_VERIFY(pane->topOffset() < a->anchor.start - 1000);

    // The documented key, pressed in the text the reader is looking at.
    QTest::keyClick(pane, Qt::Key_F, Qt::ControlModifier | Qt::AltModifier);
    QTRY_VERIFY(dock()->field()->hasFocus());
    search(u"末尾的"_s);
    QCOMPARE(dock()->model()->rowCount(), 1);
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    // From the field, Down moves into the hits and Enter there goes to the current one.
    QTest::keyClick(dock()->field(), Qt::Key_Down);
    QTRY_VERIFY(dock()->view()->hasFocus());
    QCOMPARE(dock()->view()->currentIndex().row(), 0);
    QTest::keyClick(dock()->view(), Qt::Key_Return);
    QTRY_VERIFY(pane->topOffset() > a->anchor.start - 1000);
    QCOMPARE(m_actions->dock()->currentId(), id);
    QCOMPARE(changed.size(), 0); // nothing was reopened
}

void TestUiNotesSearch::activatingAHitInAnotherDocumentOpensItAndScrolls()
{
    const QUuid id = addNote(m_second, u"第117段：推进标准化工作"_s, u"另一份文件里的批注"_s);
    QVERIFY(!id.isNull());
    QVERIFY(!m_actions->controller()->annotation(id));

    search(u"另一份文件"_s);
    QCOMPARE(dock()->model()->rowCount(), 1);
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    QTest::keyClick(dock()->field(), Qt::Key_Return); // Enter goes to the best hit
    QVERIFY(changed.wait(20000));
    QCOMPARE(m_window->documentPath(), m_second);
    const Annotation *a = m_actions->controller()->annotation(id);
    QVERIFY(a);
    QCOMPARE(m_actions->dock()->currentId(), id);
    DocumentView *pane = m_window->viewForOffset(a->anchor.start);
    QVERIFY(pane);
    QTRY_VERIFY(pane->topOffset() > a->anchor.start - 1000);
    QVERIFY(pane->topOffset() <= a->anchor.start);
}

void TestUiNotesSearch::hitWhoseFileIsGoneNamesThePathInTheStatusBar()
{
    QVERIFY(!addNote(m_second, u"第9段"_s, u"文件已经删掉了"_s).isNull());
    QVERIFY(QFile::remove(m_second));
    search(u"已经删掉"_s);
    QCOMPARE(dock()->model()->rowCount(), 1);
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    emit dock()->view()->activated(dock()->model()->index(0, 0));
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(m_second), qPrintable(message));
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_window->documentPath(), m_first);
}

void TestUiNotesSearch::storedMarkupShowsLiterally()
{
    const QString markup = u"<b>x</b> & <i>y</i>"_s;
    QVERIFY(!addNote(m_first, u"第12段"_s, markup, { u"<b>标签</b>"_s }).isNull());
    search(u"<b>x"_s);
    QCOMPARE(dock()->model()->rowCount(), 1);
    const QModelIndex note = dock()->model()->index(0, NoteSearchModel::NoteColumn);
    QCOMPARE(note.data().toString(), markup);
    // A tooltip that looks like HTML is read as HTML: it must come escaped.
    QVERIFY(note.data(Qt::ToolTipRole).toString().contains(u"&lt;b&gt;x&lt;/b&gt;"_s));
    // The cell is drawn as the characters: as wide as "<b>x</b> & <i>y</i>", not as "x & y".
    QTableView *view = dock()->view();
    QStyleOptionViewItem option;
    option.initFrom(view);
    const int drawn = view->itemDelegateForIndex(note)->sizeHint(option, note).width();
    QVERIFY2(drawn >= view->fontMetrics().horizontalAdvance(markup), qPrintable(QString::number(drawn)));
    QCOMPARE(dock()->countLabel()->textFormat(), Qt::PlainText);
}

void TestUiNotesSearch::panelFilterFindsThroughTheStore_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("expectedNote");
    QTest::newRow("a tag") << u"重点督办"_s << u"写进年度计划"_s;
    QTest::newRow("note text") << u"年度计划"_s << u"写进年度计划"_s;
    QTest::newRow("words of the note in another order") << u"计划 年度"_s << u"写进年度计划"_s;
    QTest::newRow("quote and note words together") << u"第20段 复核"_s << u"需要复核数据"_s;
    QTest::newRow("two characters") << u"复核"_s << u"需要复核数据"_s;
}

void TestUiNotesSearch::panelFilterFindsThroughTheStore()
{
    QFETCH(QString, filter);
    QFETCH(QString, expectedNote);
    AnnotationListModel *model = m_actions->controller()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!addNote(m_first, u"第15段"_s, u"写进年度计划"_s, { u"重点督办"_s }).isNull());
    QVERIFY(!addNote(m_first, u"第20段"_s, u"需要复核数据"_s).isNull());
    QVERIFY(!addNote(m_first, u"第25段"_s, u"无关的批注"_s).isNull());
    // The same words in the other document: the panel lists the open document's only.
    QVERIFY(!addNote(m_second, u"第15段"_s, u"写进年度计划 需要复核数据"_s, { u"重点督办"_s }).isNull());
    QCOMPARE(model->totalCount(), 3);

    m_actions->dock()->filterEdit()->setText(filter);
    QCOMPARE(model->count(), 1);
    const QModelIndex group = model->index(0, 0);
    QCOMPARE(model->index(0, 0, group).data(AnnotationListModel::NoteRole).toString(), expectedNote);

    m_actions->dock()->filterEdit()->clear();
    QCOMPARE(model->count(), 3);
}

void TestUiNotesSearch::withoutDatabaseTheDockSaysWhyAndIsDisabled()
{
    m_window.reset();
    openWindow(u"/proc/pizhu-cannot-be-here/annotations.sqlite"_s);
    QVERIFY(!store());
    m_notesSearch->searchAction()->trigger();
    QTRY_VERIFY(dock()->isVisible());
    QVERIFY(!dock()->field()->isEnabled());
    QVERIFY(!dock()->view()->isEnabled());
    QLabel *why = dock()->unavailableLabel();
    QVERIFY(why->isVisible() && why->isEnabled());
    QVERIFY(!m_actions->controller()->unavailableReason().isEmpty());
    QVERIFY2(why->text().contains(m_actions->controller()->unavailableReason()), qPrintable(why->text()));
    QVERIFY(!dock()->field()->hasFocus());
    dock()->field()->setText(u"质量"_s);
    dock()->searchNow();
    QCOMPARE(dock()->model()->rowCount(), 0);
    // The panel's filter still works, on the annotations in memory (none here).
    m_actions->dock()->filterEdit()->setText(u"质量"_s);
    QCOMPARE(m_actions->controller()->model()->count(), 0);
}

void TestUiNotesSearch::dockLeftOpenIsOpenInTheNextWindow()
{
    QVERIFY(m_window->menu(MainWindow::Menu::View)->actions().contains(dock()->toggleViewAction()));
    QVERIFY(!dock()->isVisible());
    m_notesSearch->searchAction()->trigger();
    QTRY_VERIFY(dock()->isVisible());
    const Qt::DockWidgetArea area = m_window->dockWidgetArea(dock());
    QCOMPARE(area, Qt::BottomDockWidgetArea);
    m_window->close(); // saves the layout
    const QString db = store()->path();
    m_window.reset();
    openWindow(db);
    QTRY_VERIFY(dock()->isVisible());
    QCOMPARE(m_window->dockWidgetArea(dock()), area);

    dock()->toggleViewAction()->trigger();
    QTRY_VERIFY(!dock()->isVisible());
    m_window->close();
    m_window.reset();
    openWindow(db);
    QVERIFY(!dock()->isVisible());
}

QTEST_MAIN(TestUiNotesSearch)
#include "tst_ui_notessearch.moc"
