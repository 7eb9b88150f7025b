#include "anchoring.h"
#include "annotationstore.h"
#include "importer.h"
#include "storedamage.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <tuple>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

Document import(const QString &text)
{
    auto result = Importer().importText(text);
    if (!result)
        qFatal("fixture text did not import");
    return std::move(result).value();
}

std::unique_ptr<AnnotationStore> openStore(const QString &path)
{
    auto store = AnnotationStore::open(path);
    if (!store) {
        qWarning("open failed: %d %s", int(store.error().kind), qPrintable(store.error().detail));
        return nullptr;
    }
    return std::move(store).value();
}

const QString P1
    = u"建设质量强国是推动高质量发展、促进我国经济由大向强转变的重要举措，是满足人民美好生活需要的重要途径。"_s;
const QString P2
    = u"质量是人类生产生活的重要保障。党的十八大以来，我国质量事业实现跨越式发展，质量强国建设取得历史性成效。"_s;
const QString P3
    = u"到2025年，质量整体水平进一步全面提高，中国品牌影响力稳步提升，人民群众质量获得感、满意度明显增强。"_s;

QString join(const QStringList &paragraphs)
{
    return paragraphs.join(u"\n\n"_s) + u'\n';
}

Annotation annotate(const Document &doc, const QString &quote, const QString &note = {},
    const QStringList &tags = {}, AnnotationColor color = AnnotationColor::Yellow)
{
    const qsizetype at = doc.text().indexOf(quote);
    Q_ASSERT(at >= 0);
    Annotation a = Anchoring::makeAnnotation(doc, at, at + quote.size());
    a.note = note;
    a.tags = tags;
    a.color = color;
    return a;
}

// A raw connection for checks the store does not offer (integrity_check, user_version).
QString pragmaValue(const QString &path, const QString &pragma)
{
    const QString name = u"check-%1"_s.arg(QRandomGenerator::global()->generate());
    QString value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"PRAGMA "_s + pragma) && q.next())
                value = q.value(0).toString();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// Adds annotations until killed, printing each id once its add has returned.
int childWriter(const QString &path)
{
    auto store = AnnotationStore::open(path);
    if (!store)
        return 2;
    Annotation a;
    a.documentHash = "crash-safety";
    a.note = u"崩溃测试的批注，写到一半被杀掉也不能损坏数据库。"_s.repeated(8);
    a.tags = { u"测试"_s, u"崩溃"_s };
    for (int i = 0;; ++i) {
        a.id = QUuid::createUuid();
        a.anchor.quote = u"质量强国%1"_s.arg(i);
        a.anchor.start = i;
        a.anchor.end = i + a.anchor.quote.size();
        a.created = {};
        a.modified = {};
        if (!store.value()->add(a))
            return 3;
        const QByteArray line = a.id.toByteArray(QUuid::WithoutBraces) + '\n';
        if (::write(STDOUT_FILENO, line.constData(), size_t(line.size())) != line.size())
            return 4;
        // A person's second window pauses between writes; a writer that never pauses starves the
        // other process's busy handler on a loaded machine, which tests the machine, not the store.
        QThread::msleep(1);
    }
}

// Runs the body as the user "nobody" when running as root, who otherwise ignores file
// permissions, so a read-only directory is read-only for the test too. Real and effective ids
// both change (access(2) checks the real one); the saved id stays root so the test can return.
class DropRoot
{
public:
    // The group too: root's group would otherwise pick the (empty) group permission bits.
    DropRoot() : m_wasRoot(::geteuid() == 0)
    {
        m_ok = !m_wasRoot || (::setresgid(65534, 65534, 0) == 0 && ::setresuid(65534, 65534, 0) == 0);
    }
    ~DropRoot()
    {
        if (m_wasRoot) {
            [[maybe_unused]] const int u = ::setresuid(0, 0, 0);
            [[maybe_unused]] const int g = ::setresgid(0, 0, 0);
        }
    }
    bool ok() const { return m_ok; }

private:
    bool m_wasRoot;
    bool m_ok = true;
};

// The failure's kind and the driver's message, for the test log.
template<typename R> QByteArray why(const R &result)
{
    if (result.ok())
        return {};
    return u"error %1: %2"_s.arg(int(result.error().kind)).arg(result.error().detail).toUtf8();
}

#define VERIFY_OK(expr)                                                                                      \
    do {                                                                                                     \
        const auto &r_ = (expr);                                                                             \
        QVERIFY2(r_.ok(), why(r_).constData());                                                              \
    } while (false)

} // namespace

Q_DECLARE_METATYPE(Pizhu::AnnotationColor)

class TestAnnotationStore : public QObject
{
    Q_OBJECT

private slots:
    void colorNamesRoundTrip_data();
    void colorNamesRoundTrip();
    void everyFieldSurvivesARestart();
    void newDatabaseUsesWalAndCurrentSchema();
    void updateChangesFieldsAndModifiedTime();
    void updateAndRemoveReportUnknownIds();
    void removeDeletesAnnotationAndItsSearchEntry();
    void replaceKeepsTheGivenTimes();
    void aFailedTransactionKeepsNothingOfIt();
    void listIsInDocumentOrderWithOrphansLast();
    void syncRecognisesAChangedFileAtTheSamePath();
    void syncOnUnchangedTextKeepsAnchors();
    void migratesVersionOneDatabase();
    void failedMigrationLeavesTheOldSchema();
    void refusesNewerSchemaWithoutTouchingTheFile();
    void writerHeldByAnotherConnectionReportsBusy();
    void fileThatIsNotAStoreIsRefusedUntouched_data();
    void fileThatIsNotAStoreIsRefusedUntouched();
    void damagedStoreIsReplacedByWhatCanBeRead_data();
    void damagedStoreIsReplacedByWhatCanBeRead();
    void damagedIndexPageLosesNoNote();
    void readOnlyDirectoryOpensExistingFileReadOnly();
    void readOnlyDirectoryRefusesANewDatabase();
    void searchNotesFindsChineseText_data();
    void searchNotesFindsChineseText();
    void searchFollowsEditsAndReanchoring();
    void searchNotesCanBeLimitedToOneDocument();
    void twoProcessesWritingAtOnceLoseNothing();
    void killedWriterLeavesAConsistentDatabase();

private:
    QTemporaryDir m_dir;
    QString dbPath(const QString &name) const { return m_dir.filePath(name); }
};

void TestAnnotationStore::colorNamesRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("known");
    QTest::addColumn<AnnotationColor>("color");
    QTest::newRow("yellow") << u"yellow"_s << true << AnnotationColor::Yellow;
    QTest::newRow("green") << u"green"_s << true << AnnotationColor::Green;
    QTest::newRow("blue") << u"blue"_s << true << AnnotationColor::Blue;
    QTest::newRow("pink") << u"pink"_s << true << AnnotationColor::Pink;
    QTest::newRow("purple") << u"purple"_s << true << AnnotationColor::Purple;
    QTest::newRow("upper case accepted") << u"Purple"_s << true << AnnotationColor::Purple;
    QTest::newRow("unknown name refused") << u"red"_s << false << AnnotationColor::Yellow;
    QTest::newRow("Chinese name refused") << u"黄色"_s << false << AnnotationColor::Yellow;
}

void TestAnnotationStore::colorNamesRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(bool, known);
    QFETCH(AnnotationColor, color);
    const auto parsed = annotationColorFromName(name);
    QCOMPARE(parsed.has_value(), known);
    if (known) {
        QCOMPARE(*parsed, color);
        QCOMPARE(annotationColorName(color), name.toLower());
    }
}

void TestAnnotationStore::everyFieldSurvivesARestart()
{
    const QString path = dbPath(u"roundtrip.sqlite"_s);
    const Document doc = import(join({ P1, P2, P3 }));
    Annotation a = annotate(doc, u"跨越式发展"_s, u"# 标题\n**粗体** <b>不是HTML</b>\n第二行\t制表"_s,
        { u"目标"_s, u"质量 强国"_s, u"目标"_s }, AnnotationColor::Purple);
    a.reanchoring = { AnchorMethod::Approximate, 0.875, 17, "0123abcd",
        QDateTime(QDate(2026, 3, 1), QTime(12, 30, 15, 250), Qt::UTC) };
    a.anchor.sectionPath = { u"质量强国建设纲要"_s, u"一、形势背景"_s };
    {
        auto store = openStore(path);
        QVERIFY(store);
        QSignalSpy added(store.get(), &AnnotationStore::annotationAdded);
        const auto stored = store->add(a);
        VERIFY_OK(stored);
        QCOMPARE(added.size(), 1);
        a.tags = { u"目标"_s, u"质量 强国"_s }; // duplicates dropped, order kept
        QCOMPARE(stored.value(), a);
    }
    auto store = openStore(path);
    QVERIFY(store);
    const auto loaded = store->get(a.id);
    QVERIFY(loaded.ok());
    const Annotation &b = loaded.value();
    QCOMPARE(b.id, a.id);
    QCOMPARE(b.documentHash, doc.hash());
    QCOMPARE(b.part, a.part);
    QCOMPARE(b.anchor, a.anchor);
    QCOMPARE(b.color, AnnotationColor::Purple);
    QCOMPARE(b.note, a.note);
    QCOMPARE(b.tags, a.tags);
    QCOMPARE(b.created, a.created);
    QCOMPARE(b.created.timeSpec(), Qt::UTC);
    QCOMPARE(b.modified, a.modified);
    QCOMPARE(b.reanchoring, a.reanchoring);
    QCOMPARE(b, a);
    QCOMPARE(store->listAll()->size(), 1);
}

void TestAnnotationStore::newDatabaseUsesWalAndCurrentSchema()
{
    const QString path = dbPath(u"fresh.sqlite"_s);
    {
        auto store = openStore(path);
        QVERIFY(store);
        QVERIFY(!store->isReadOnly());
        QVERIFY(store->movedAsidePath().isEmpty());
    }
    QCOMPARE(pragmaValue(path, u"journal_mode"_s), u"wal"_s);
    QCOMPARE(pragmaValue(path, u"user_version"_s).toInt(), AnnotationStore::SchemaVersion);
}

void TestAnnotationStore::updateChangesFieldsAndModifiedTime()
{
    auto store = openStore(dbPath(u"update.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    Annotation a = annotate(doc, u"重要途径"_s, u"旧批注"_s, { u"甲"_s });
    a.modified = a.created = QDateTime::currentDateTimeUtc().addSecs(-60);
    VERIFY_OK(store->add(a));
    QSignalSpy changed(store.get(), &AnnotationStore::annotationChanged);
    a.note = u"新批注"_s;
    a.color = AnnotationColor::Blue;
    a.tags = { u"乙"_s, u"丙"_s };
    const auto updated = store->update(a);
    VERIFY_OK(updated);
    QCOMPARE(changed.size(), 1);
    const Annotation b = store->get(a.id).value();
    QCOMPARE(b.note, u"新批注"_s);
    QCOMPARE(b.color, AnnotationColor::Blue);
    QCOMPARE(b.tags, (QStringList { u"乙"_s, u"丙"_s }));
    QCOMPARE(b.created, a.created);
    QVERIFY(b.modified > a.modified);
}

void TestAnnotationStore::updateAndRemoveReportUnknownIds()
{
    auto store = openStore(dbPath(u"unknown.sqlite"_s));
    QVERIFY(store);
    Annotation ghost;
    ghost.id = QUuid::createUuid();
    ghost.documentHash = "nothing";
    ghost.anchor.quote = u"无"_s;
    QCOMPARE(store->update(ghost).error().kind, StoreError::NotFound);
    QCOMPARE(store->remove(ghost.id).error().kind, StoreError::NotFound);
    QCOMPARE(store->get(ghost.id).error().kind, StoreError::NotFound);
    ghost.anchor.quote.clear();
    QCOMPARE(store->add(ghost).error().kind, StoreError::Invalid);
}

void TestAnnotationStore::removeDeletesAnnotationAndItsSearchEntry()
{
    auto store = openStore(dbPath(u"remove.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    const Annotation a = annotate(doc, u"跨越式发展"_s, u"删除后不应再搜到"_s);
    VERIFY_OK(store->add(a));
    QCOMPARE(store->searchNotes(u"不应再搜到"_s)->size(), 1);
    QSignalSpy removed(store.get(), &AnnotationStore::annotationRemoved);
    VERIFY_OK(store->remove(a.id));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(store->get(a.id).error().kind, StoreError::NotFound);
    QCOMPARE(store->searchNotes(u"不应再搜到"_s)->size(), 0);
    QCOMPARE(store->list(doc.hash())->size(), 0);
}

void TestAnnotationStore::replaceKeepsTheGivenTimes()
{
    auto store = openStore(dbPath(u"replace.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    Annotation a = annotate(doc, u"跨越式发展"_s, u"原来的批注"_s);
    VERIFY_OK(store->add(a));
    a.note = u"导入的批注"_s;
    a.created = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC);
    a.modified = QDateTime(QDate(2024, 6, 7), QTime(8, 9, 10), Qt::UTC);
    VERIFY_OK(store->replace(a));
    const auto stored = store->get(a.id);
    VERIFY_OK(stored);
    QCOMPARE(stored->note, a.note);
    QCOMPARE(stored->created, a.created);
    QCOMPARE(stored->modified, a.modified);
    QCOMPARE(store->list(doc.hash())->size(), 1);
    QCOMPARE(store->searchNotes(u"原来的批注"_s)->size(), 0);
    QCOMPARE(store->searchNotes(u"导入的批注"_s)->size(), 1);
}

void TestAnnotationStore::aFailedTransactionKeepsNothingOfIt()
{
    auto store = openStore(dbPath(u"transaction.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    const Annotation kept = annotate(doc, u"质量强国"_s, u"之前就有"_s);
    VERIFY_OK(store->add(kept));
    const Annotation first = annotate(doc, u"跨越式发展"_s);
    Annotation replaced = kept;
    replaced.note = u"改过了"_s;
    const auto failed = store->transaction([&]() -> Result<bool, StoreFailure> {
        if (auto a = store->add(first); !a)
            return Result<bool, StoreFailure>::failure(a.error());
        if (auto r = store->replace(replaced); !r)
            return Result<bool, StoreFailure>::failure(r.error());
        return store->remove(QUuid::createUuid()); // not stored: fails, and so does the whole
    });
    QVERIFY(!failed);
    QCOMPARE(failed.error().kind, StoreError::NotFound);
    QCOMPARE(store->get(first.id).error().kind, StoreError::NotFound);
    QCOMPARE(store->get(kept.id)->note, kept.note);
    QCOMPARE(store->list(doc.hash())->size(), 1);
    // The store is usable afterwards, and a transaction that succeeds keeps all of it.
    VERIFY_OK(store->transaction([&]() -> Result<bool, StoreFailure> {
        if (auto a = store->add(first); !a)
            return Result<bool, StoreFailure>::failure(a.error());
        if (auto r = store->replace(replaced); !r)
            return Result<bool, StoreFailure>::failure(r.error());
        return true;
    }));
    QCOMPARE(store->list(doc.hash())->size(), 2);
    QCOMPARE(store->get(kept.id)->note, replaced.note);
    QCOMPARE(pragmaValue(store->path(), u"integrity_check"_s), u"ok"_s);
}

void TestAnnotationStore::listIsInDocumentOrderWithOrphansLast()
{
    auto store = openStore(dbPath(u"order.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2, P3 }));
    Annotation orphan = annotate(doc, u"重要举措"_s);
    orphan.reanchoring.method = AnchorMethod::Orphaned;
    for (const Annotation &a : { annotate(doc, u"品牌影响力"_s), orphan, annotate(doc, u"跨越式发展"_s),
             annotate(doc, u"重要途径"_s) })
        VERIFY_OK(store->add(a));
    const QList<Annotation> listed = store->list(doc.hash()).value();
    QStringList quotes;
    for (const Annotation &a : listed)
        quotes << a.anchor.quote;
    QCOMPARE(quotes, (QStringList { u"重要途径"_s, u"跨越式发展"_s, u"品牌影响力"_s, u"重要举措"_s }));
}

void TestAnnotationStore::syncRecognisesAChangedFileAtTheSamePath()
{
    const QString path = dbPath(u"sync.sqlite"_s);
    const QString file = m_dir.filePath(u"纲要.txt"_s);
    const Document v1 = import(join({ P1, P2, P3 }));
    const QList<Annotation> notes { annotate(v1, u"跨越式发展"_s),
        annotate(v1, u"质量强国建设取得历史性成效"_s), annotate(v1, u"中国品牌影响力稳步提升"_s) };
    {
        auto store = openStore(path);
        QVERIFY(store);
        const auto first = store->syncDocument(v1, file);
        VERIFY_OK(first);
        QCOMPARE(first->kind, DocumentSync::Kind::New);
        QCOMPARE(first->record.path, file);
        for (const Annotation &a : notes)
            VERIFY_OK(store->add(a));
        QCOMPARE(store->syncDocument(v1, file)->kind, DocumentSync::Kind::Known);
    }
    // The file is edited: text inserted before, a small edit inside one quote, one quote deleted.
    const Document v2
        = import(join({ u"新增的导语。"_s + P1, QString(P2).replace(u"取得历史性"_s, u"取得了历史性"_s),
            QString(P3).replace(u"中国品牌影响力稳步提升，"_s, QString()) }));
    {
        auto store = openStore(path);
        QVERIFY(store);
        QSignalSpy reanchored(store.get(), &AnnotationStore::documentReanchored);
        const auto sync = store->syncDocument(v2, file);
        VERIFY_OK(sync);
        QCOMPARE(sync->kind, DocumentSync::Kind::Changed);
        QCOMPARE(sync->total, 3);
        QCOMPARE(sync->moved, 2);
        QCOMPARE(sync->orphaned, 1);
        QCOMPARE(sync->record.hash, v2.hash());
        QCOMPARE(reanchored.size(), 1);
    }
    auto store = openStore(path);
    QVERIFY(store);
    QCOMPARE(store->list(v1.hash())->size(), 0);
    const QList<Annotation> now = store->list(v2.hash()).value();
    QCOMPARE(now.size(), 3);
    QCOMPARE(now[0].anchor.quote, u"跨越式发展"_s);
    QCOMPARE(now[0].reanchoring.method, AnchorMethod::ExactQuote);
    QCOMPARE(now[0].reanchoring.previousStart, notes[0].anchor.start);
    QCOMPARE(now[0].reanchoring.previousHash, v1.hash());
    QCOMPARE(now[0].anchor.start, v2.text().indexOf(u"跨越式发展"_s));
    QCOMPARE(now[1].anchor.quote, u"质量强国建设取得了历史性成效"_s);
    QCOMPARE(now[1].reanchoring.method, AnchorMethod::Approximate);
    QVERIFY(now[2].isOrphaned());
    QCOMPARE(now[2].anchor, notes[2].anchor); // kept with its quote, never deleted
    QCOMPARE(now[2].documentHash, v2.hash());
    QCOMPARE(store->documents().size(), 1);
}

void TestAnnotationStore::syncOnUnchangedTextKeepsAnchors()
{
    auto store = openStore(dbPath(u"unchanged.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    const Annotation a = annotate(doc, u"跨越式发展"_s);
    VERIFY_OK(store->add(a)); // recorded by hash, path unknown
    const auto sync = store->syncDocument(doc, m_dir.filePath(u"elsewhere.txt"_s));
    QCOMPARE(sync->kind, DocumentSync::Kind::Known);
    QCOMPARE(sync->record.path, m_dir.filePath(u"elsewhere.txt"_s)); // path learnt
    QCOMPARE(store->get(a.id).value(), a);
    const auto again = store->reanchor(doc.hash(), doc);
    VERIFY_OK(again);
    QCOMPARE(again->kind, DocumentSync::Kind::Known);
    QCOMPARE(store->get(a.id).value(), a); // not even the re-anchoring record changes
}

void TestAnnotationStore::migratesVersionOneDatabase()
{
    const QString path = dbPath(u"v1.sqlite"_s);
    QVERIFY(QFile::copy(QStringLiteral(PIZHU_TEST_DATA_DIR "/annotations-v1.sqlite"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QCOMPARE(pragmaValue(path, u"user_version"_s), u"1"_s);
    {
        auto store = openStore(path);
        QVERIFY(store);
        const QList<Annotation> all = store->listAll().value();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].id, QUuid::fromString(u"6f1c1c1e-3d5a-4a55-9a59-0c1f6f0d2b01"_s));
        QCOMPARE(all[0].anchor.sectionPath, (QStringList { u"质量强国建设纲要"_s, u"一、形势背景"_s }));
        QCOMPARE(all[0].color, AnnotationColor::Green);
        QCOMPARE(all[0].reanchoring.method, AnchorMethod::Created);
        QCOMPARE(all[1].tags, (QStringList { u"品牌"_s, u"目标"_s }));
        QCOMPARE(all[1].created, QDateTime(QDate(2026, 1, 5), QTime(8, 3), Qt::UTC));
        // The search index was built from the old rows.
        const auto hits = store->searchNotes(u"品牌影响力"_s);
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().documentTitle, u"质量强国建设纲要"_s);
        QCOMPARE(store->searchNotes(u"目标"_s)->size(), 2);
    }
    QCOMPARE(pragmaValue(path, u"user_version"_s).toInt(), AnnotationStore::SchemaVersion);
    QCOMPARE(pragmaValue(path, u"integrity_check"_s), u"ok"_s);
}

void TestAnnotationStore::failedMigrationLeavesTheOldSchema()
{
    const QString path = dbPath(u"v1-blocked.sqlite"_s);
    QVERIFY(QFile::copy(QStringLiteral(PIZHU_TEST_DATA_DIR "/annotations-v1.sqlite"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    // A table where version 2 creates its search index makes the last step of the migration fail.
    {
        const QString name = u"blocker"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE annotation_search (x)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const auto store = AnnotationStore::open(path);
    QVERIFY(!store.ok());
    QCOMPARE(pragmaValue(path, u"user_version"_s), u"1"_s);
    QCOMPARE(pragmaValue(path, u"integrity_check"_s), u"ok"_s);
    // The columns added before the failing statement were rolled back with it.
    const QString name = u"columns"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(
            q.exec(u"SELECT count(*) FROM pragma_table_info('annotations') WHERE name = 'anchor_method'"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(u"SELECT count(*) FROM annotations"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

void TestAnnotationStore::writerHeldByAnotherConnectionReportsBusy()
{
    const QString path = dbPath(u"busy.sqlite"_s);
    auto store = openStore(path);
    QVERIFY(store);
    const Document doc = import(join({ P1 }));
    const QString name = u"holder"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"BEGIN IMMEDIATE"_s)); // holds the write lock past the busy timeout
        const auto added = store->add(annotate(doc, u"重要途径"_s));
        QVERIFY(!added.ok());
        QCOMPARE(added.error().kind, StoreError::Busy);
        QVERIFY(q.exec(u"ROLLBACK"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    VERIFY_OK(store->add(annotate(doc, u"重要途径"_s))); // and works once the lock is released
    QCOMPARE(store->listAll()->size(), 1);
}

void TestAnnotationStore::refusesNewerSchemaWithoutTouchingTheFile()
{
    const QString path = dbPath(u"newer.sqlite"_s);
    QVERIFY(QFile::copy(QStringLiteral(PIZHU_TEST_DATA_DIR "/annotations-v1.sqlite"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    pragmaValue(path, u"user_version = 99"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    const auto store = AnnotationStore::open(path);
    QVERIFY(!store.ok());
    QCOMPARE(store.error().kind, StoreError::NewerSchema);
    QVERIFY(store.error().detail.contains(u"99"_s));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
}

void TestAnnotationStore::fileThatIsNotAStoreIsRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("kind");
    QTest::newRow("a text file") << QByteArray("text");
    QTest::newRow("a store whose header was overwritten") << QByteArray("header");
    QTest::newRow("another program's SQLite database") << QByteArray("foreign");
    QTest::newRow("a folder") << QByteArray("folder");
}

void TestAnnotationStore::fileThatIsNotAStoreIsRefusedUntouched()
{
    QFETCH(QByteArray, kind);
    const QString folder = dbPath(u"not-a-store-%1"_s.arg(QString::fromLatin1(kind)));
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/notes.sqlite"_s;
    if (kind == "text") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(u"这不是数据库，只是一段文字。\n"_s.toUtf8().repeated(100));
    } else if (kind == "header") {
        QVERIFY(QFile::copy(QStringLiteral(PIZHU_TEST_DATA_DIR "/annotations-v1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.write(QByteArray(16, 'x'));
    } else if (kind == "foreign") {
        const QString name = u"foreign"_s;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE history (url TEXT)"_s));
            QVERIFY(q.exec(u"INSERT INTO history VALUES ('https://example.org')"_s));
        }
        QSqlDatabase::removeDatabase(name);
    } else {
        QVERIFY(QDir().mkpath(path));
    }
    QByteArray before;
    if (QFile f(path); f.open(QIODevice::ReadOnly))
        before = f.readAll();
    const QStringList files = QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    const auto store = AnnotationStore::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().kind, StoreError::NotAStore);
    QCOMPARE(QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), files);
    if (QFile f(path); f.open(QIODevice::ReadOnly))
        QCOMPARE(f.readAll(), before);
}

void TestAnnotationStore::damagedStoreIsReplacedByWhatCanBeRead_data()
{
    QTest::addColumn<QByteArray>("damage"); // how the file is damaged
    QTest::newRow("pages overwritten with garbage") << QByteArray("pages");
    QTest::newRow("database truncated") << QByteArray("truncated");
}

void TestAnnotationStore::damagedStoreIsReplacedByWhatCanBeRead()
{
    QFETCH(QByteArray, damage);
    const QString path = dbPath(u"corrupt-%1.sqlite"_s.arg(QString::fromLatin1(damage)));
    QVERIFY(QFile::copy(QStringLiteral(PIZHU_TEST_DATA_DIR "/annotations-v1.sqlite"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    if (damage == "pages")
        for (qsizetype i = 4096; i < bytes.size(); ++i)
            bytes[i] = char(0xA5 ^ (i * 31));
    else if (damage == "truncated")
        bytes.truncate(4096 + 100);
    f.resize(0);
    f.write(bytes);
    f.close();

    auto store = openStore(path);
    QVERIFY(store);
    const QString aside = store->movedAsidePath();
    QVERIFY2(!aside.isEmpty(), "the damaged file should have been kept aside");
    QVERIFY(aside.startsWith(path + u".damaged-"_s));
    QFile moved(aside);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), bytes); // kept byte for byte, never deleted
    QCOMPARE(store->recoveredNotes(), store->listAll()->size());
    const Document doc = import(join({ P1 }));
    VERIFY_OK(store->add(annotate(doc, u"重要途径"_s)));
    QCOMPARE(pragmaValue(path, u"integrity_check"_s), u"ok"_s);
}

void TestAnnotationStore::damagedIndexPageLosesNoNote()
{
    const QString path = dbPath(u"damaged-index.sqlite"_s);
    const Document doc = import(join({ P1, P2, P3 }));
    QList<Annotation> stored;
    {
        auto store = openStore(path);
        QVERIFY(store);
        for (const auto &[quote, note, tags] :
            { std::tuple { u"重要举措"_s, u"第一条"_s, QStringList { u"甲"_s, u"乙"_s } },
                std::tuple { u"跨越式发展"_s, u"第二条"_s, QStringList { u"乙"_s } },
                std::tuple { u"满意度明显增强"_s, QString(), QStringList() } }) {
            auto added = store->add(annotate(doc, quote, note, tags, AnnotationColor::Green));
            VERIFY_OK(added);
            stored.append(added.value());
        }
    }
    // The page of the index over documents is overwritten; the notes' own table pages are intact.
    const QString damaged = StoreDamage::overwriteIndexPage(path);
    QVERIFY2(damaged.isEmpty(), qPrintable(damaged));

    auto store = openStore(path);
    QVERIFY(store);
    QVERIFY(!store->movedAsidePath().isEmpty());
    QCOMPARE(store->recoveredNotes(), 3);
    const auto all = store->listAll();
    VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    for (const Annotation &a : stored) {
        const auto back = store->get(a.id);
        VERIFY_OK(back);
        QCOMPARE(back->note, a.note);
        QCOMPARE(back->tags, a.tags);
        QCOMPARE(back->anchor.quote, a.anchor.quote);
        QCOMPARE(back->color, a.color);
        QCOMPARE(back->created, a.created);
        QCOMPARE(back->documentHash, doc.hash());
    }
    QCOMPARE(store->searchNotes(u"跨越式"_s)->size(), 1);
    QCOMPARE(pragmaValue(path, u"integrity_check"_s), u"ok"_s);
}

void TestAnnotationStore::readOnlyDirectoryOpensExistingFileReadOnly()
{
    QTemporaryDir dir;
    const QString ro = dir.filePath(u"ro"_s);
    QVERIFY(QDir().mkpath(ro));
    const QString path = ro + u"/annotations.sqlite"_s;
    const Document doc = import(join({ P1, P2 }));
    const Annotation a = annotate(doc, u"跨越式发展"_s, u"只读也能看"_s);
    {
        auto store = openStore(path);
        QVERIFY(store);
        VERIFY_OK(store->add(a));
    }
    QFile::setPermissions(
        dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ExeOther);
    QFile::setPermissions(ro, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadOther);
    {
        DropRoot nobody;
        QVERIFY(nobody.ok());
        auto store = openStore(path);
        QVERIFY(store);
        QVERIFY(store->isReadOnly());
        QCOMPARE(store->get(a.id).value(), a);
        QCOMPARE(store->searchNotes(u"只读也能看"_s)->size(), 1);
        Annotation b = annotate(doc, u"重要途径"_s);
        QCOMPARE(store->add(b).error().kind, StoreError::ReadOnly);
        QCOMPARE(store->remove(a.id).error().kind, StoreError::ReadOnly);
        QCOMPARE(store->syncDocument(doc, u"/x.txt"_s)->kind, DocumentSync::Kind::Known);
    }
    QFile::setPermissions(ro, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestAnnotationStore::readOnlyDirectoryRefusesANewDatabase()
{
    QTemporaryDir dir;
    QFile::setPermissions(
        dir.path(), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    {
        DropRoot nobody;
        QVERIFY(nobody.ok());
        for (const QString &path : { dir.filePath(u"new.sqlite"_s), dir.filePath(u"sub/new.sqlite"_s) }) {
            const auto store = AnnotationStore::open(path);
            QVERIFY(!store.ok());
            QCOMPARE(store.error().kind, StoreError::ReadOnly);
        }
    }
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestAnnotationStore::searchNotesFindsChineseText_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // quotes of the hits, best first where it matters

    QTest::newRow("quote, four characters")
        << u"质量强国"_s << QStringList { u"质量强国建设取得历史性成效"_s };
    QTest::newRow("note text") << u"高质量发展的关键"_s << QStringList { u"重要举措"_s };
    QTest::newRow("tag") << u"品牌建设"_s << QStringList { u"中国品牌影响力稳步提升"_s };
    QTest::newRow("two characters fall back to LIKE")
        << u"品牌"_s << QStringList { u"中国品牌影响力稳步提升"_s };
    QTest::newRow("one character falls back to LIKE") << u"举"_s << QStringList { u"重要举措"_s };
    QTest::newRow("every word must match")
        << u"质量 成效"_s << QStringList { u"质量强国建设取得历史性成效"_s };
    QTest::newRow("long and short words together")
        << u"影响力 品牌"_s << QStringList { u"中国品牌影响力稳步提升"_s };
    QTest::newRow("Latin text in a note, any case") << u"markdown"_s << QStringList { u"重要举措"_s };
    QTest::newRow("no match") << u"不存在的词语"_s << QStringList {};
    QTest::newRow("FTS syntax is taken literally") << u"\"质量 OR NEAR(*"_s << QStringList {};
    QTest::newRow("LIKE wildcards are taken literally") << u"%_"_s << QStringList {};
    QTest::newRow("blank query") << u"   "_s << QStringList {};
}

void TestAnnotationStore::searchNotesFindsChineseText()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    auto store = openStore(dbPath(u"search.sqlite"_s));
    QVERIFY(store);
    if (store->listAll()->isEmpty()) {
        const Document doc = import(join({ P1, P2, P3 }));
        VERIFY_OK(store->syncDocument(doc, m_dir.filePath(u"纲要.txt"_s)));
        VERIFY_OK(store->add(annotate(doc, u"重要举措"_s, u"这是**高质量发展的关键**，见 Markdown 语法"_s)));
        VERIFY_OK(store->add(annotate(doc, u"质量强国建设取得历史性成效"_s, u"回顾成效"_s)));
        VERIFY_OK(store->add(annotate(doc, u"中国品牌影响力稳步提升"_s, {}, { u"品牌建设"_s, u"目标"_s })));
    }
    const auto hits = store->searchNotes(query);
    QVERIFY2(hits.ok(), qPrintable(hits.ok() ? QString() : hits.error().detail));
    QStringList quotes;
    for (const SearchHit &hit : hits.value()) {
        quotes << hit.quote;
        QCOMPARE(hit.documentTitle, import(join({ P1, P2, P3 })).title());
        QVERIFY(!hit.id.isNull());
    }
    QCOMPARE(quotes, expected);
    if (!hits->isEmpty() && expected.first() == u"中国品牌影响力稳步提升"_s)
        QCOMPARE(hits->first().tags, (QStringList { u"品牌建设"_s, u"目标"_s }));
}

void TestAnnotationStore::searchFollowsEditsAndReanchoring()
{
    auto store = openStore(dbPath(u"search-edit.sqlite"_s));
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    Annotation a = annotate(doc, u"质量强国建设取得历史性成效"_s, u"初稿"_s);
    VERIFY_OK(store->add(a));
    a.note = u"修改后的批注内容"_s;
    VERIFY_OK(store->update(a));
    QCOMPARE(store->searchNotes(u"初稿"_s)->size(), 0);
    QCOMPARE(store->searchNotes(u"修改后的"_s)->size(), 1);
    const Document edited = import(join({ P1, QString(P2).replace(u"取得历史性"_s, u"取得了历史性"_s) }));
    VERIFY_OK(store->reanchor(doc.hash(), edited));
    QCOMPARE(store->searchNotes(u"取得了历史性"_s)->size(), 1);
    QCOMPARE(store->searchNotes(u"取得历史性"_s)->size(), 0);
    QCOMPARE(store->searchNotes(u"取得了历史性"_s)->first().documentHash, edited.hash());
}

void TestAnnotationStore::searchNotesCanBeLimitedToOneDocument()
{
    auto store = openStore(dbPath(u"search-scope.sqlite"_s));
    QVERIFY(store);
    const Document first = import(join({ P1, P2 }));
    const Document second = import(join({ P2, P3 }));
    VERIFY_OK(store->syncDocument(first, m_dir.filePath(u"first.txt"_s)));
    VERIFY_OK(store->add(annotate(first, u"质量强国建设取得历史性成效"_s, u"第一份"_s)));
    VERIFY_OK(store->add(annotate(second, u"质量强国建设取得历史性成效"_s, u"第二份"_s)));

    for (const QString &query : { u"质量强国"_s, u"质量"_s }) {
        QCOMPARE(store->searchNotes(query)->size(), 2);
        const auto scoped = store->searchNotes(query, 200, second.hash());
        QCOMPARE(scoped->size(), 1);
        QCOMPARE(scoped->first().note, u"第二份"_s);
    }
    const auto hits = store->searchNotes(u"第一份"_s);
    QCOMPARE(hits->size(), 1);
    QCOMPARE(hits->first().documentPath, m_dir.filePath(u"first.txt"_s));
    // A document added through add() alone was never opened: it has no path.
    QCOMPARE(store->searchNotes(u"第二份"_s)->first().documentPath, QString());
    QCOMPARE(store->searchNotes(u"第一份"_s, 200, second.hash())->size(), 0);
}

void TestAnnotationStore::twoProcessesWritingAtOnceLoseNothing()
{
    const QString path = dbPath(u"two-writers.sqlite"_s);
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), { u"--child-writer"_s, path });
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForReadyRead(10000)); // it is writing
    auto store = openStore(path);
    QVERIFY(store);
    const Document doc = import(join({ P1, P2 }));
    QList<QUuid> mine;
    for (int i = 0; i < 100; ++i) {
        const auto added = store->add(annotate(doc, u"跨越式发展"_s, u"父进程 %1"_s.arg(i)));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().detail));
        mine << added->id;
    }
    child.kill();
    child.waitForFinished();
    const QList<QByteArray> theirs = child.readAllStandardOutput().split('\n');
    QVERIFY(theirs.size() > 1);
    for (const QUuid &id : std::as_const(mine))
        QVERIFY(store->get(id).ok());
    for (const QByteArray &line : theirs)
        if (line.size() == 36)
            QVERIFY(store->get(QUuid::fromString(QString::fromLatin1(line))).ok());
    store.reset();
    QCOMPARE(pragmaValue(path, u"integrity_check"_s), u"ok"_s);
}

void TestAnnotationStore::killedWriterLeavesAConsistentDatabase()
{
    const QString path = dbPath(u"crash.sqlite"_s);
    QRandomGenerator random(20261125); // fixed: a failure can be replayed
    QList<QByteArray> returned;
    int killedWhileWriting = 0;
    for (int round = 0; round < 25; ++round) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), { u"--child-writer"_s, path });
        QVERIFY(child.waitForStarted());
        QByteArray seen;
        if (round < 5) {
            // Some rounds die while opening (or migrating): killed at once, whatever it got to.
            QThread::msleep(random.bounded(30));
        } else {
            // The rest die in the middle of the add loop: the child prints each id once its add has
            // returned, so waiting for a number of lines is a handshake, not a guess at its speed.
            const int wanted = 1 + int(random.bounded(20));
            while (seen.count('\n') < wanted && child.state() == QProcess::Running)
                if (child.waitForReadyRead(60000))
                    seen += child.readAllStandardOutput();
            QVERIFY2(seen.count('\n') >= wanted, "the writer stopped before its adds");
        }
        child.kill(); // SIGKILL: in the later rounds, most likely inside the next add
        QVERIFY(child.waitForFinished());
        const QList<QByteArray> lines = (seen + child.readAllStandardOutput()).split('\n');
        int complete = 0;
        for (const QByteArray &line : lines)
            if (line.size() == 36) {
                returned << line;
                ++complete;
            }
        killedWhileWriting += child.exitStatus() == QProcess::CrashExit && complete > 0;

        QCOMPARE(pragmaValue(path, u"integrity_check"_s), u"ok"_s);
        auto store = openStore(path);
        QVERIFY(store);
        QVERIFY(store->movedAsidePath().isEmpty());
        const QList<Annotation> all = store->listAll().value();
        QSet<QUuid> present;
        for (const Annotation &a : all)
            present.insert(a.id);
        for (const QByteArray &id : std::as_const(returned))
            QVERIFY2(present.contains(QUuid::fromString(QString::fromLatin1(id))), id.constData());
    }
    QVERIFY2(killedWhileWriting >= 20, "every round after the first five is killed mid-write");
    qInfo("%lld annotations whose add had returned, %d rounds killed mid-write", qlonglong(returned.size()),
        killedWhileWriting);
}

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--child-writer") == 0) {
        QCoreApplication app(argc, argv);
        return childWriter(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestAnnotationStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_annotationstore.moc"
