#include "anchoring.h"
#include "annotationactions.h"
#include "annotationcontroller.h"
#include "annotationlistmodel.h"
#include "annotationpainter.h"
#include "annotationpalette.h"
#include "annotationsdock.h"
#include "annotationstore.h"
#include "documentview.h"
#include "mainwindow.h"
#include "selectionbar.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

Q_DECLARE_METATYPE(Pizhu::AnnotationColor)

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {

// What an undo must bring back: everything but the modification time, which every write sets.
std::optional<Annotation> stateOf(AnnotationStore *store, const QUuid &id)
{
    auto got = store->get(id);
    if (!got)
        return std::nullopt;
    Annotation a = got.value();
    a.modified = {};
    return a;
}

} // namespace

class TestUiAnnotations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void highlightActionStoresAndPaintsTheSelection_data();
    void highlightActionStoresAndPaintsTheSelection();
    void overlappingHighlightsArePaintedBoth();
    void noteTypedJustBeforeClosingIsSaved_data();
    void noteTypedJustBeforeClosingIsSaved();
    void notePersistsAfterTheWindowIsReopened();
    void undoAndRedoRestoreTheExactState_data();
    void undoAndRedoRestoreTheExactState();
    void noteSavesOfOneTypingSessionUndoAsOneStep();
    void panelFilterNarrowsTheList();
    void tagsEditorSavesTagsAndCompletesUsedOnes();
    void movingOntoASectionRowClearsAndLocksTheEditor();
    void activatingARowScrollsToTheHighlight();
    void doubleClickSelectsDictionaryWordInChinese();
    void ctrlShiftArrowsMoveByTheSameChineseWords();
    void selectionBarAppearsByTheSelectionAndHighlights();
    void hoveringAHighlightShowsItsNoteAsPlainText();
    void clickingAHighlightSelectsItInThePanel();
    void orphanIsReattachedToTheSelectionAndUndoOrphansItAgain();
    void withoutUsableDatabaseHighlightingIsOff();

private:
    void openWindow();
    // Selects [start, end) of the document in the pane that shows it and gives that pane focus.
    DocumentView *select(qsizetype start, qsizetype end);
    // Selects [start, end) and presses key in the pane, as a reader does: H highlights in the last
    // colour, 1-5 in yellow, green, blue, pink, purple, N highlights and opens the note.
    QUuid highlight(qsizetype start, qsizetype end, Qt::Key key = Qt::Key_H);
    AnnotationStore *store() const { return m_actions->controller()->store(); }

    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    AnnotationActions *m_actions = nullptr;
};

void TestUiAnnotations::initTestCase()
{
    initBundledResources();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestUiAnnotations::init()
{
    m_db = m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_db);
    m_settings = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    m_settings->clear();
    openWindow();
}

void TestUiAnnotations::openWindow()
{
    AssembledWindow parts = WindowFixture::shownAssembledWindow(m_settings.get(), m_db);
    m_window = std::move(parts.window);
    m_actions = parts.annotations;
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openBundledDocument();
    QVERIFY(changed.wait(20000));
    QCoreApplication::processEvents();
}

void TestUiAnnotations::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

DocumentView *TestUiAnnotations::select(qsizetype start, qsizetype end)
{
    DocumentView *view = m_window->viewForOffset(start);
    if (!view)
        return nullptr;
    view->setFocus();
    view->setTextCursor(view->cursorForRange(start, end));
    QCoreApplication::processEvents();
    return view;
}

QUuid TestUiAnnotations::highlight(qsizetype start, qsizetype end, Qt::Key key)
{
    DocumentView *view = select(start, end);
    if (!view)
        return {};
    QSignalSpy changed(m_actions->controller(), &AnnotationController::annotationChanged);
    QTest::keyClick(view, key);
    return changed.isEmpty() ? QUuid() : changed.last().at(0).toUuid();
}

void TestUiAnnotations::highlightActionStoresAndPaintsTheSelection_data()
{
    QTest::addColumn<bool>("commentary");
    QTest::addColumn<int>("key");
    QTest::addColumn<AnnotationColor>("expected");
    // H uses the last colour, yellow at first.
    QTest::newRow("main pane, H") << false << int(Qt::Key_H) << AnnotationColor::Yellow;
    QTest::newRow("main pane, key 1 (yellow)") << false << int(Qt::Key_1) << AnnotationColor::Yellow;
    QTest::newRow("main pane, key 2 (green)") << false << int(Qt::Key_2) << AnnotationColor::Green;
    QTest::newRow("main pane, key 3 (blue)") << false << int(Qt::Key_3) << AnnotationColor::Blue;
    QTest::newRow("commentary pane, H") << true << int(Qt::Key_H) << AnnotationColor::Yellow;
    QTest::newRow("commentary pane, key 4 (pink)") << true << int(Qt::Key_4) << AnnotationColor::Pink;
    QTest::newRow("commentary pane, key 5 (purple)") << true << int(Qt::Key_5) << AnnotationColor::Purple;
}

void TestUiAnnotations::highlightActionStoresAndPaintsTheSelection()
{
    QFETCH(bool, commentary);
    QFETCH(int, key);
    QFETCH(AnnotationColor, expected);
    DocumentView *pane = commentary ? m_window->commentaryView() : m_window->mainView();
    QVERIFY(pane->hasContent());
    const qsizetype start = pane->textStart() + 2;
    const qsizetype end = start + 4;
    const QUuid id = highlight(start, end, Qt::Key(key));
    QVERIFY2(!id.isNull(), "the key stored no highlight");

    const auto stored = store()->get(id);
    QVERIFY(stored);
    QCOMPARE(stored.value().anchor.start, start);
    QCOMPARE(stored.value().anchor.end, end);
    QCOMPARE(stored.value().anchor.quote, m_window->document()->text().mid(start, 4));
    QCOMPARE(stored.value().color, expected);

    const QTextCursor range = pane->cursorForRange(start, end);
    int found = 0;
    for (const QTextEdit::ExtraSelection &s : pane->extraSelections()) {
        if (s.cursor.selectionStart() == range.selectionStart()
            && s.cursor.selectionEnd() == range.selectionEnd()) {
            QCOMPARE(s.format.background().color(), AnnotationPalette::tint(expected));
            QVERIFY2(s.format.background().color().alpha() < 255, "translucent, so text stays readable");
            ++found;
        }
    }
    QCOMPARE(found, 1);
    DocumentView *other = commentary ? m_window->mainView() : m_window->commentaryView();
    QCOMPARE(m_actions->painter(other)->paintedCount(), 0);
    QCOMPARE(m_actions->dock()->currentId(), id);
}

void TestUiAnnotations::overlappingHighlightsArePaintedBoth()
{
    const qsizetype start = m_window->mainView()->textStart() + 1;
    QVERIFY(!highlight(start, start + 6, Qt::Key_2).isNull());
    QVERIFY(!highlight(start + 3, start + 9, Qt::Key_4).isNull());
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), 2);
    QCOMPARE(
        m_actions->controller()->annotationAt(start + 4)->color, AnnotationColor::Green); // the shorter wins
}

void TestUiAnnotations::noteTypedJustBeforeClosingIsSaved_data()
{
    QTest::addColumn<bool>("focused");
    QTest::newRow("typed in the focused editor (focus loss saves)") << true;
    QTest::newRow("editor without focus (the close itself saves)") << false;
}

void TestUiAnnotations::noteTypedJustBeforeClosingIsSaved()
{
    QFETCH(bool, focused);
    const QUuid id = highlight(10, 14, Qt::Key_N);
    QVERIFY(!id.isNull());
    QPlainTextEdit *editor = m_actions->dock()->noteEditor();
    QTRY_VERIFY(editor->hasFocus());
    if (focused) {
        QTest::keyClicks(editor, u"Typed note <b>not bold</b>"_s);
    } else {
        m_window->mainView()->setFocus();
        QTRY_VERIFY(!editor->hasFocus());
        editor->setPlainText(u"Typed note <b>not bold</b>"_s);
    }
    // Closed before the debounce fires.
    m_window->close();
    m_window.reset();

    auto reopened = AnnotationStore::open(m_db);
    QVERIFY(reopened);
    const auto got = reopened.value()->get(id);
    QVERIFY(got);
    QCOMPARE(got.value().note, u"Typed note <b>not bold</b>"_s);
}

void TestUiAnnotations::notePersistsAfterTheWindowIsReopened()
{
    const QUuid id = highlight(20, 25);
    QVERIFY(!id.isNull());
    QPlainTextEdit *editor = m_actions->dock()->noteEditor();
    editor->setFocus();
    editor->setPlainText(u"第一行\nsecond line"_s);
    QTRY_COMPARE(store()->get(id).value().note, u"第一行\nsecond line"_s); // the debounced save
    m_window->close();
    m_window.reset();

    openWindow();
    const Annotation *a = m_actions->controller()->annotation(id);
    QVERIFY(a);
    QCOMPARE(a->note, u"第一行\nsecond line"_s);
    m_actions->dock()->select(id);
    QCOMPARE(m_actions->dock()->noteEditor()->toPlainText(), u"第一行\nsecond line"_s);
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), 1);
}

void TestUiAnnotations::undoAndRedoRestoreTheExactState_data()
{
    QTest::addColumn<QString>("edit");
    for (const char *edit : { "create", "recolour", "note", "tags", "delete" })
        QTest::newRow(edit) << QString::fromLatin1(edit);
}

void TestUiAnnotations::undoAndRedoRestoreTheExactState()
{
    QFETCH(QString, edit);
    AnnotationController *controller = m_actions->controller();
    QUndoStack *stack = controller->undoStack();
    QUuid id;
    if (edit != u"create") {
        id = highlight(30, 36);
        QVERIFY(controller->setNote(id, u"before"_s));
        QVERIFY(controller->setTags(id, { u"甲"_s, u"乙"_s }));
    }
    const auto before = id.isNull() ? std::nullopt : stateOf(store(), id);
    const qsizetype steps = stack->count();

    if (edit == u"create")
        id = highlight(30, 36);
    else if (edit == u"recolour")
        QVERIFY(controller->recolor(id, AnnotationColor::Pink));
    else if (edit == u"note")
        QVERIFY(controller->setNote(id, u"after"_s));
    else if (edit == u"tags")
        QVERIFY(controller->setTags(id, { u"乙"_s, u"丙"_s }));
    else
        QVERIFY(controller->remove(id)); // asks nothing
    QVERIFY(!id.isNull());
    QCOMPARE(stack->count(), steps + 1);
    const auto after = stateOf(store(), id);
    QVERIFY(after != before);

    m_actions->undoAction()->trigger();
    QCOMPARE(stateOf(store(), id), before);
    QCOMPARE(controller->annotation(id) != nullptr, before.has_value());
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), before ? 1 : 0);
    m_actions->redoAction()->trigger();
    QCOMPARE(stateOf(store(), id), after);
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), after ? 1 : 0);
}

void TestUiAnnotations::noteSavesOfOneTypingSessionUndoAsOneStep()
{
    const QUuid id = highlight(30, 36, Qt::Key_N);
    QVERIFY(!id.isNull());
    QUndoStack *stack = m_actions->controller()->undoStack();
    const qsizetype steps = stack->count();
    QPlainTextEdit *editor = m_actions->dock()->noteEditor();
    QTRY_VERIFY(editor->hasFocus());
    QTest::keyClicks(editor, u"first"_s);
    QTRY_COMPARE(store()->get(id).value().note, u"first"_s);
    QTest::keyClicks(editor, u" and more"_s);
    QTRY_COMPARE(store()->get(id).value().note, u"first and more"_s);
    QCOMPARE(stack->count(), steps + 1);
    m_window->mainView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(store()->get(id).value().note, QString());
    QTRY_COMPARE(editor->toPlainText(), QString()); // the editor follows the undo
    QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(store()->get(id).value().note, u"first and more"_s);
    QTest::keyClick(m_window.get(), Qt::Key_Delete);
    QVERIFY(!store()->get(id));
}

void TestUiAnnotations::panelFilterNarrowsTheList()
{
    AnnotationListModel *model = m_actions->controller()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QUuid a = highlight(40, 44, Qt::Key_2);
    const QUuid b = highlight(50, 54, Qt::Key_3);
    const QUuid c = highlight(60, 64, Qt::Key_2);
    QVERIFY(!a.isNull() && !b.isNull() && !c.isNull());
    QVERIFY(m_actions->controller()->setNote(b, u"unique marker"_s));
    QCOMPARE(model->count(), 3);

    m_actions->dock()->filterEdit()->setText(u"marker"_s);
    QCOMPARE(model->count(), 1);
    QVERIFY(model->indexOf(b).isValid());
    m_actions->dock()->filterEdit()->clear();
    auto *colour = m_actions->dock()->findChild<QComboBox *>(u"annotationColorFilter"_s);
    QVERIFY(colour);
    colour->setCurrentIndex(colour->findData(int(AnnotationColor::Green)));
    QCOMPARE(model->count(), 2);
    QVERIFY(!model->indexOf(b).isValid());
    QVERIFY(m_actions->dock()->findChild<QLabel *>(u"annotationCount"_s)->text().contains(u"2"_s));
}

void TestUiAnnotations::tagsEditorSavesTagsAndCompletesUsedOnes()
{
    const QUuid first = highlight(40, 44);
    QVERIFY(m_actions->controller()->setTags(first, { u"目标"_s, u"指标"_s }));
    const QUuid second = highlight(50, 54);
    QCOMPARE(m_actions->dock()->currentId(), second);
    QLineEdit *tags = m_actions->dock()->tagsEditor();
    QVERIFY(tags->isEnabled());
    tags->setFocus();
    // QTest types only ASCII: put the text in as an input method would and say it was typed.
    tags->setText(u"甲，目"_s);
    emit tags->textEdited(tags->text());
    QCompleter *completer = tags->findChild<QCompleter *>();
    QVERIFY(!completer); // the dock owns it and points it at the editor
    completer = m_actions->dock()->findChild<QCompleter *>();
    QVERIFY(completer);
    QCOMPARE(completer->completionPrefix(), u"目"_s);
    QCOMPARE(completer->currentCompletion(), u"目标"_s);
    emit completer->activated(u"目标"_s);
    QCOMPARE(tags->text(), u"甲, 目标"_s);
    emit tags->editingFinished();
    QCOMPARE(store()->get(second).value().tags, (QStringList { u"甲"_s, u"目标"_s }));
    QVERIFY(m_actions->controller()->model()->usedTags().contains(u"甲"_s));
}

void TestUiAnnotations::movingOntoASectionRowClearsAndLocksTheEditor()
{
    const QUuid id = highlight(40, 44);
    QVERIFY(m_actions->controller()->setNote(id, u"第一条批注"_s));
    QVERIFY(m_actions->controller()->setTags(id, { u"目标"_s }));
    QTreeView *list = m_actions->dock()->view();
    const QModelIndex row = m_actions->controller()->model()->indexOf(id);
    QVERIFY(row.parent().isValid()); // listed under its section
    list->setFocus();
    list->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect);
    QCOMPARE(m_actions->dock()->noteEditor()->toPlainText(), u"第一条批注"_s);
    // Up, as a reader presses it: onto the section's own row, which is no note.
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(list->currentIndex(), row.parent());
    QVERIFY(m_actions->dock()->currentId().isNull());
    QVERIFY(m_actions->dock()->noteEditor()->toPlainText().isEmpty());
    QVERIFY(m_actions->dock()->tagsEditor()->text().isEmpty());
    QVERIFY(!m_actions->dock()->noteEditor()->isEnabled());
    QVERIFY(!m_actions->dock()->tagsEditor()->isEnabled());
    // Nothing typed there can reach the note left behind.
    QCOMPARE(store()->get(id).value().note, u"第一条批注"_s);
}

void TestUiAnnotations::activatingARowScrollsToTheHighlight()
{
    DocumentView *pane = m_window->commentaryView();
    const qsizetype start = pane->textEnd() - 40;
    const QUuid id = highlight(start, start + 5);
    QVERIFY(!id.isNull());
    pane->scrollToOffset(pane->textStart());
    QTRY_VERIFY(pane->topOffset() < start - 1000);
    const QModelIndex row = m_actions->controller()->model()->indexOf(id);
    emit m_actions->dock()->view()->activated(row);
    QTRY_VERIFY(pane->topOffset() > start - 1000);
    QTRY_VERIFY(m_actions->painter(pane)->paintedCount() >= 1);
}

void TestUiAnnotations::doubleClickSelectsDictionaryWordInChinese()
{
    DocumentView *view = m_window->mainView();
    const qsizetype at = m_window->document()->text().indexOf(u"质量强国"_s);
    QVERIFY(at >= 0 && view->containsOffset(at));
    view->scrollToOffset(at);
    const QRect rect = view->cursorRect(view->cursorForRange(at + 1, at + 1));
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center() + QPoint(3, 0));
    QCOMPARE(view->textCursor().selectedText(), u"质量"_s);
}

void TestUiAnnotations::ctrlShiftArrowsMoveByTheSameChineseWords()
{
    DocumentView *view = m_window->mainView();
    const qsizetype at = m_window->document()->text().indexOf(u"质量强国建设"_s);
    QVERIFY(at >= 0 && view->containsOffset(at));
    view->scrollToOffset(at);
    view->setFocus();
    view->setTextCursor(view->cursorForRange(at, at));
    // The words double-click selects: 质量 | 强国 | 建设, not the run up to the next comma.
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view->textCursor().selectedText(), u"质量"_s);
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view->textCursor().selectedText(), u"质量强国"_s);
    QTest::keyClick(view, Qt::Key_Left, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(view->textCursor().selectedText(), u"质量"_s);
    // Without Shift the cursor moves by the same words and selects nothing.
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
    QVERIFY(!view->textCursor().hasSelection());
    QCOMPARE(view->textOffsetAt(view->textCursor()), at + 4);
    QTest::keyClick(view, Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(view->textOffsetAt(view->textCursor()), at + 2);
}

void TestUiAnnotations::selectionBarAppearsByTheSelectionAndHighlights()
{
    DocumentView *view = m_window->commentaryView();
    SelectionBar *bar = m_actions->selectionBar(view);
    QVERIFY(bar && !bar->isVisible());
    const qsizetype start = view->textStart() + 6; // 是全面贯彻, after "2023 年"
    select(start, start + 5);
    const QRect end = view->cursorRect(view->cursorForRange(start + 5, start + 5));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end.center());
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(view->rect().contains(bar->geometry()));
    QToolButton *green = nullptr;
    for (QToolButton *b : bar->findChildren<QToolButton *>())
        if (b->defaultAction() == m_actions->colorAction(AnnotationColor::Green))
            green = b;
    QVERIFY(green);
    QSignalSpy changed(m_actions->controller(), &AnnotationController::annotationChanged);
    QTest::mouseClick(green, Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    const auto stored = store()->get(changed.first().at(0).toUuid());
    QVERIFY(stored);
    QCOMPARE(stored.value().anchor.start, start);
    QCOMPARE(stored.value().color, AnnotationColor::Green);
    QVERIFY(!bar->isVisible());
}

void TestUiAnnotations::hoveringAHighlightShowsItsNoteAsPlainText()
{
    DocumentView *view = m_window->mainView();
    const qsizetype start = view->textStart() + 3;
    const QUuid id = highlight(start, start + 6);
    QVERIFY(m_actions->controller()->setNote(id, u"<b>not bold</b> & 注"_s));
    const QRect rect = view->cursorRect(view->cursorForRange(start + 2, start + 2));
    const QPoint pos = rect.center() + QPoint(3, 0);
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QCoreApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(
        QToolTip::text().contains(u"&lt;b&gt;not bold&lt;/b&gt; &amp; 注"_s), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestUiAnnotations::clickingAHighlightSelectsItInThePanel()
{
    DocumentView *view = m_window->mainView();
    const qsizetype start = view->textStart() + 3;
    const QUuid first = highlight(start, start + 4);
    const QUuid second = highlight(start + 10, start + 14);
    QVERIFY(!first.isNull() && !second.isNull());
    QCOMPARE(m_actions->dock()->currentId(), second);
    const QRect rect = view->cursorRect(view->cursorForRange(start + 1, start + 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center() + QPoint(3, 0));
    QCOMPARE(m_actions->dock()->currentId(), first);
    QCOMPARE(m_actions->dock()->view()->currentIndex(), m_actions->controller()->model()->indexOf(first));
}

void TestUiAnnotations::orphanIsReattachedToTheSelectionAndUndoOrphansItAgain()
{
    Annotation orphan = Anchoring::makeAnnotation(*m_window->document(), 100, 104);
    orphan.anchor.quote = u"早已删去的一句话"_s;
    orphan.reanchoring.method = AnchorMethod::Orphaned;
    orphan.note = u"kept"_s;
    QVERIFY(store()->add(orphan));
    AnnotationListModel *model = m_actions->controller()->model();
    QVERIFY(model->indexOf(orphan.id).parent().data(AnnotationListModel::OrphanedRole).toBool());
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), 0);

    m_actions->dock()->select(orphan.id);
    const qsizetype start = m_window->mainView()->textStart() + 5;
    select(start, start + 3);
    m_actions->reattachAction()->trigger();
    const Annotation placed = store()->get(orphan.id).value();
    QVERIFY(!placed.isOrphaned());
    QCOMPARE(placed.anchor.start, start);
    QCOMPARE(placed.anchor.quote, m_window->document()->text().mid(start, 3));
    QCOMPARE(placed.note, u"kept"_s);
    QVERIFY(!model->indexOf(orphan.id).parent().data(AnnotationListModel::OrphanedRole).toBool());
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), 1);

    m_actions->undoAction()->trigger();
    QVERIFY(store()->get(orphan.id).value().isOrphaned());
    QCOMPARE(store()->get(orphan.id).value().anchor.quote, u"早已删去的一句话"_s);
    QCOMPARE(m_actions->painter(m_window->mainView())->paintedCount(), 0);
}

void TestUiAnnotations::withoutUsableDatabaseHighlightingIsOff()
{
    m_window.reset();
    m_db = u"/proc/pizhu-cannot-be-here/annotations.sqlite"_s;
    openWindow();
    QVERIFY(!m_actions->highlightAction()->isEnabled());
    QVERIFY(!m_actions->controller()->canEdit());
    QVERIFY(m_actions->controller()->highlight(0, 4, AnnotationColor::Yellow).isNull());
    QVERIFY(!m_actions->controller()->unavailableReason().isEmpty());
    QCOMPARE(m_window->statusBar()->currentMessage(), m_actions->controller()->unavailableReason());
    QVERIFY(m_window->mainView()->hasContent()); // the window still reads
}

QTEST_MAIN(TestUiAnnotations)
#include "tst_ui_annotations.moc"
