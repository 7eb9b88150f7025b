// The window tells the reader what became of their notes database: a damaged one whose notes
// were recovered (how many, and where the damaged file is), or a file that is not a notes
// database at all (left untouched, highlighting off), in a bar above the text.
#include "anchoring.h"
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "importer.h"
#include "storedamage.h"
#include "storenoticebar.h"
#include "windowfixture.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

class TestStoreNotice : public QObject
{
    Q_OBJECT

private slots:
    void recoveredStoreIsSaidInABar();
    void fileThatIsNotAStoreIsRefusedInABar();
    void healthyStoreShowsNoBar();

private:
    QString storeWithNotes(const QString &name, int notes);
    QTemporaryDir m_dir;
};

QString TestStoreNotice::storeWithNotes(const QString &name, int notes)
{
    const QString path = m_dir.filePath(name);
    auto doc = Importer().importText(
        u"质量是人类生产生活的重要保障。\n\n建设质量强国是推动高质量发展的重要举措。\n"_s);
    if (!doc)
        qFatal("fixture did not import");
    auto store = AnnotationStore::open(path);
    if (!store)
        qFatal("store did not open");
    for (int i = 0; i < notes; ++i) {
        Annotation a = Anchoring::makeAnnotation(*doc, i, i + 2);
        a.note = u"笔记%1"_s.arg(i);
        if (!store.value()->add(a))
            qFatal("add failed");
    }
    return path;
}

void TestStoreNotice::recoveredStoreIsSaidInABar()
{
    const QString db = storeWithNotes(u"damaged.sqlite"_s, 3);
    // Overwrite the page of an index: the notes' own pages stay readable.
    const QString damaged = StoreDamage::overwriteIndexPage(db);
    QVERIFY2(damaged.isEmpty(), qPrintable(damaged));

    auto settings = WindowFixture::settingsForCurrentTest(m_dir);
    auto parts = WindowFixture::shownAssembledWindow(settings.get(), db);
    QVERIFY(QTest::qWaitForWindowExposed(parts.window.get()));
    auto *bar = parts.window->findChild<StoreNoticeBar *>();
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(u"3 notes could still be read"_s), qPrintable(bar->text()));
    const QString kept = parts.annotationController->store()->movedAsidePath();
    QVERIFY(!kept.isEmpty());
    QVERIFY2(bar->text().contains(kept), qPrintable(bar->text()));
    QCOMPARE(parts.annotationController->store()->listAll()->size(), 3);
    if (qEnvironmentVariableIsSet("PIZHU_GRAB"))
        parts.window->grab().save(qEnvironmentVariable("PIZHU_GRAB") + u"/store-recovered.png"_s);
    // Dismissed, it goes.
    auto *dismiss = bar->findChild<QAction *>(u"dismissStoreNoticeAction"_s);
    QVERIFY(dismiss);
    dismiss->trigger();
    QVERIFY(!bar->isVisible());
}

void TestStoreNotice::fileThatIsNotAStoreIsRefusedInABar()
{
    const QString db = m_dir.filePath(u"diary.txt"_s);
    const QByteArray diary = u"我的日记，不是数据库。\n"_s.toUtf8().repeated(50);
    {
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(diary);
    }
    auto settings = WindowFixture::settingsForCurrentTest(m_dir);
    auto parts = WindowFixture::shownAssembledWindow(settings.get(), db);
    QVERIFY(QTest::qWaitForWindowExposed(parts.window.get()));
    auto *bar = parts.window->findChild<StoreNoticeBar *>();
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(u"is not a Pizhu notes database; it was left as it is"_s),
        qPrintable(bar->text()));
    QVERIFY(!parts.annotationController->store());
    if (qEnvironmentVariableIsSet("PIZHU_GRAB"))
        parts.window->grab().save(qEnvironmentVariable("PIZHU_GRAB") + u"/store-refused.png"_s);
    parts.window.reset();
    QFile f(db);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), diary);
}

void TestStoreNotice::healthyStoreShowsNoBar()
{
    const QString db = storeWithNotes(u"healthy.sqlite"_s, 2);
    auto settings = WindowFixture::settingsForCurrentTest(m_dir);
    auto parts = WindowFixture::shownAssembledWindow(settings.get(), db);
    QVERIFY(QTest::qWaitForWindowExposed(parts.window.get()));
    auto *bar = parts.window->findChild<StoreNoticeBar *>();
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
}

QTEST_MAIN(TestStoreNotice)
#include "tst_ui_storenotice.moc"
