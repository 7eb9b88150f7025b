#include "findbar.h"
#include "importer.h"
#include "searchresultdelegate.h"
#include "searchresultsdock.h"
#include "searchsession.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

const QString Text = u"质量强国建设纲要\n\n一、形势背景\n质量是人类生产生活的重要保障。加强质检。到 2025 "
                     u"年，质量整体水平进一步全面提高。\n\n"
                     "二、总体要求\n（一）指导思想。以推动高质量发展为主题。\n"_s;

Document document()
{
    auto doc = Importer().importText(Text);
    if (!doc)
        qFatal("import failed");
    return std::move(doc).value();
}

// QTest::keyClicks takes only ASCII; this types any text, one key event a character, as an input
// method committing characters would.
void type(QWidget *widget, const QString &text)
{
    for (QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

QLineEdit *field(FindBar &bar)
{
    return bar.findChild<QLineEdit *>(u"findField"_s);
}
QLabel *status(FindBar &bar)
{
    return bar.findChild<QLabel *>(u"findStatus"_s);
}

// The find bar, the session and the dock connected as the main window is expected to do it.
struct Wired
{
    QWidget window;
    FindBar *bar = new FindBar(&window);
    SearchSession session;
    SearchResultsDock dock;

    Wired()
    {
        QObject::connect(bar, &FindBar::queryChanged, &session, &SearchSession::search);
        QObject::connect(bar, &FindBar::nextRequested, &session, &SearchSession::next);
        QObject::connect(bar, &FindBar::previousRequested, &session, &SearchSession::previous);
        QObject::connect(&session, &SearchSession::statusChanged, bar, &FindBar::setStatus);
        QObject::connect(&session, &SearchSession::currentChanged, &dock, &SearchResultsDock::setCurrentRow);
        QObject::connect(
            &dock, &SearchResultsDock::matchActivated, &session, &SearchSession::setCurrentIndex);
        dock.setModel(session.model());
    }
};

} // namespace

class TestFindBar : public QObject
{
    Q_OBJECT

private slots:
    void pinyinIsOnByDefault();
    void typingReportsTheQuery_data();
    void typingReportsTheQuery();
    void keysStepThroughMatches_data();
    void keysStepThroughMatches();
    void escapeClosesTheBar();
    void statusShowsKOfN_data();
    void statusShowsKOfN();
    void sessionCountsAndStepsWithWrapAround();
    void refiningTheQueryStaysNearTheCurrentMatch();
    void queryTypedBeforeTheIndexIsReadyStillRuns();
    void activatingARowInTheDockMakesItCurrent();
    void newDocumentDropsOldResults();
    void rowsOverlappingARangeAreTheVisibleMatches();
};

void TestFindBar::pinyinIsOnByDefault()
{
    FindBar bar;
    QVERIFY(bar.isPinyin());
    QSignalSpy spy(&bar, &FindBar::queryChanged);
    bar.openWith(u"zhiliang"_s);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().at(1).toBool(), true);
}

void TestFindBar::typingReportsTheQuery_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("pinyin");
    QTest::newRow("chinese") << u"质量"_s << false;
    QTest::newRow("latin with pinyin on") << u"zhiliang"_s << true;
}

void TestFindBar::typingReportsTheQuery()
{
    QFETCH(QString, typed);
    QFETCH(bool, pinyin);
    FindBar bar;
    bar.setPinyin(pinyin);
    bar.openWith();
    QSignalSpy spy(&bar, &FindBar::queryChanged);
    type(field(bar), typed);
    QCOMPARE(spy.size(), typed.size()); // one per keystroke: the listener decides what to run
    QCOMPARE(spy.last().at(0).toString(), typed);
    QCOMPARE(spy.last().at(1).toBool(), pinyin);
    // Switching pinyin re-reports the same query.
    bar.findChild<QToolButton *>(u"pinyinButton"_s)->click();
    QCOMPARE(spy.last().at(0).toString(), typed);
    QCOMPARE(spy.last().at(1).toBool(), !pinyin);
}

void TestFindBar::keysStepThroughMatches_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("forward");
    QTest::newRow("Enter") << int(Qt::Key_Return) << int(Qt::NoModifier) << true;
    QTest::newRow("keypad Enter") << int(Qt::Key_Enter) << int(Qt::KeypadModifier) << true;
    QTest::newRow("Shift+Enter") << int(Qt::Key_Return) << int(Qt::ShiftModifier) << false;
    QTest::newRow("F3") << int(Qt::Key_F3) << int(Qt::NoModifier) << true;
    QTest::newRow("Shift+F3") << int(Qt::Key_F3) << int(Qt::ShiftModifier) << false;
}

void TestFindBar::keysStepThroughMatches()
{
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(bool, forward);
    QWidget window;
    auto *bar = new FindBar(&window);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    bar->openWith(u"质量"_s);
    QSignalSpy next(bar, &FindBar::nextRequested);
    QSignalSpy previous(bar, &FindBar::previousRequested);
    QTest::keyClick(field(*bar), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(next.size(), forward ? 1 : 0);
    QCOMPARE(previous.size(), forward ? 0 : 1);
}

void TestFindBar::escapeClosesTheBar()
{
    QWidget window;
    auto *bar = new FindBar(&window);
    window.show();
    bar->openWith(u"质量"_s);
    QVERIFY(bar->isVisible());
    QSignalSpy closed(bar, &FindBar::closed);
    QTest::keyClick(field(*bar), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QCOMPARE(closed.size(), 1);
    bar->dismiss(); // already closed: not reported twice
    QCOMPARE(closed.size(), 1);
}

void TestFindBar::statusShowsKOfN_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("current");
    QTest::addColumn<int>("total");
    QTest::addColumn<QString>("shown");
    QTest::newRow("matches") << u"质量"_s << 2 << 5 << u"2 of 5"_s;
    QTest::newRow("no matches") << u"无此词"_s << 0 << 0 << u"No matches"_s;
    QTest::newRow("empty query") << QString() << 0 << 0 << QString();
}

void TestFindBar::statusShowsKOfN()
{
    QFETCH(QString, query);
    QFETCH(int, current);
    QFETCH(int, total);
    QFETCH(QString, shown);
    FindBar bar;
    bar.openWith(query);
    bar.setStatus(current, total);
    QCOMPARE(status(bar)->text(), shown);
    QCOMPARE(bar.findChild<QToolButton *>(u"nextButton"_s)->isEnabled(), total > 0);
}

void TestFindBar::sessionCountsAndStepsWithWrapAround()
{
    Wired w;
    w.session.setDocument(document());
    QVERIFY(!w.session.isReady()); // built when first needed
    w.session.prepare();
    QTRY_VERIFY(w.session.isReady());
    w.bar->openWith(u"质量"_s);
    const qsizetype total = w.session.searcher()->search(u"质量"_s).size();
    QVERIFY(total >= 4);
    QTRY_COMPARE(status(*w.bar)->text(), u"1 of %1"_s.arg(total));
    QCOMPARE(w.dock.view()->model()->rowCount(), total);
    QTest::keyClick(field(*w.bar), Qt::Key_Return);
    QCOMPARE(status(*w.bar)->text(), u"2 of %1"_s.arg(total));
    QCOMPARE(w.dock.view()->currentIndex().row(), 1);
    QTest::keyClick(field(*w.bar), Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClick(field(*w.bar), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(status(*w.bar)->text(), u"%1 of %1"_s.arg(total)); // wrapped to the last
}

void TestFindBar::refiningTheQueryStaysNearTheCurrentMatch()
{
    Wired w;
    w.session.setDocument(document());
    w.bar->openWith(u"质"_s);
    QTRY_VERIFY(w.session.matches().size() >= 5);
    for (int i = 0; i < 2; ++i)
        QTest::keyClick(field(*w.bar), Qt::Key_Return);
    QCOMPARE(w.session.currentIndex(), 2); // the 质 of 质检, which 质量 will not find
    const qsizetype was = w.session.currentMatch().range.start;
    QSignalSpy results(&w.session, &SearchSession::resultsChanged);
    QTest::keyClick(field(*w.bar), Qt::Key_End); // openWith selected the query; append instead
    type(field(*w.bar), u"量"_s);
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(w.bar->query(), u"质量"_s);
    const QList<SearchMatch> &now = w.session.matches();
    const int current = w.session.currentIndex();
    QVERIFY(current > 0);
    QVERIFY(now.at(current).range.start > was);
    QVERIFY(now.at(current - 1).range.start < was);
}

void TestFindBar::queryTypedBeforeTheIndexIsReadyStillRuns()
{
    Wired w;
    QSignalSpy results(&w.session, &SearchSession::resultsChanged);
    w.session.setDocument(document());
    w.bar->openWith(u"zhiliang"_s);
    w.bar->setPinyin(true);
    QTRY_VERIFY(!results.isEmpty() && results.last().at(0).toInt() > 0);
    QCOMPARE(results.last().at(0).toInt(), int(w.session.searcher()->search(u"质量"_s).size()));
    QVERIFY(w.session.currentMatch().byPinyin);
}

void TestFindBar::activatingARowInTheDockMakesItCurrent()
{
    Wired w;
    w.session.setDocument(document());
    w.bar->openWith(u"质量"_s);
    QTRY_VERIFY(w.session.matches().size() >= 3);
    QSignalSpy activated(&w.dock, &SearchResultsDock::matchActivated);
    QSignalSpy current(&w.session, &SearchSession::currentChanged);
    w.dock.show();
    const QModelIndex row2 = w.dock.view()->model()->index(2, 1);
    QTest::mouseClick(
        w.dock.view()->viewport(), Qt::LeftButton, {}, w.dock.view()->visualRect(row2).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toInt(), 2);
    QCOMPARE(activated.first().at(1).value<TextRange>(), w.session.matches().at(2).range);
    QCOMPARE(w.session.currentIndex(), 2);
    QCOMPARE(current.last().at(1).value<SearchMatch>().range, w.session.matches().at(2).range);
    QCOMPARE(status(*w.bar)->text(), u"3 of %1"_s.arg(w.session.matches().size()));
    // The context column is painted by the delegate that marks the match; painting must cope.
    QVERIFY(qobject_cast<SearchResultDelegate *>(w.dock.view()->itemDelegate()));
    QVERIFY(!w.dock.grab().isNull());
}

void TestFindBar::newDocumentDropsOldResults()
{
    Wired w;
    w.session.setDocument(document());
    w.bar->openWith(u"质量"_s);
    QTRY_VERIFY(!w.session.matches().isEmpty());
    auto other = Importer().importText(u"另一份文件\n\n没有那个词。\n"_s);
    QVERIFY(other.ok());
    w.session.setDocument(*other);
    QCOMPARE(w.session.matches().size(), 0); // at once, not when the new index is ready
    QTRY_VERIFY(w.session.isReady());
    QTRY_COMPARE(status(*w.bar)->text(), u"No matches"_s);
}

void TestFindBar::rowsOverlappingARangeAreTheVisibleMatches()
{
    Wired w;
    w.session.setDocument(document());
    w.bar->openWith(u"质量"_s);
    QTRY_VERIFY(w.session.matches().size() >= 4);
    const QList<SearchMatch> &m = w.session.matches();
    const qsizetype length = w.session.searcher()->document().text().size();
    // Against a plain filter, over every range with ends on and around each match boundary.
    QList<qsizetype> points { 0, length };
    for (const SearchMatch &match : m)
        points << match.range.start - 1 << match.range.start << match.range.start + 1 << match.range.end;
    for (qsizetype from : points) {
        for (qsizetype to : points) {
            if (to < from)
                continue;
            int first = -1;
            int last = -1;
            for (int i = 0; i < m.size(); ++i) {
                if (m.at(i).range.end > from && m.at(i).range.start < to) {
                    if (first < 0)
                        first = i;
                    last = i + 1;
                }
            }
            const auto [gotFirst, gotLast] = w.session.rowsOverlapping(from, to);
            if (first < 0)
                QCOMPARE(gotLast - gotFirst, 0);
            else
                QCOMPARE(std::make_pair(gotFirst, gotLast), std::make_pair(first, last));
        }
    }
}

QTEST_MAIN(TestFindBar)
#include "tst_ui_findbar.moc"
