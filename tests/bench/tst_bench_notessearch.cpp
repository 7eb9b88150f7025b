// Figures for searching notes as the window does it: the Search Notes dock (every document, up to
// NotesSearchDock::MaxHits hits) and the Annotations panel's filter (one document, every hit),
// over 10,000 notes in five documents. The dock searches on the UI thread after a 150 ms pause in
// the typing; it may as long as a search stays well under a frame budget's few tens of ms.
// Prints figures; asserts nothing about time.
#include "anchoring.h"
#include "annotationstore.h"
#include "importer.h"
#include "notesearchmodel.h"
#include "notessearchdock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

constexpr int Documents = 5;
constexpr int NotesPerDocument = 2000;
constexpr int Runs = 7;

qint64 cpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

} // namespace

class BenchNotesSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void search_data();
    void search();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AnnotationStore> m_store;
    QByteArray m_firstHash;
};

void BenchNotesSearch::initTestCase()
{
    QFile f(QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2023.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    auto opened = AnnotationStore::open(m_dir.filePath(u"notes.sqlite"_s));
    QVERIFY(opened.ok());
    m_store = std::move(opened).value();

    static const QStringList phrases { u"对照去年的目标，完成情况较好"_s, u"需要复核数据来源"_s,
        u"写进年度计划，重点督办"_s, u"与上一年的提法不同"_s, u"See the 2022 report, p. 12"_s,
        u"这里的表述值得推敲"_s, u"quality and standards"_s, u"后文有展开"_s };
    static const QStringList tags { u"目标"_s, u"数据"_s, u"督办"_s, u"对比"_s, u"英文"_s };
    QRandomGenerator random(7);
    QElapsedTimer t;
    t.start();
    for (int d = 0; d < Documents; ++d) {
        // Five versions of the text, each its own document.
        const auto doc = Importer().importText(text + u"\n附%1\n"_s.arg(d));
        QVERIFY(doc.ok());
        if (d == 0)
            m_firstHash = doc->hash();
        QVERIFY(m_store->syncDocument(*doc, m_dir.filePath(u"report-%1.txt"_s.arg(d))).ok());
        const qsizetype size = doc->text().size();
        for (int i = 0; i < NotesPerDocument; ++i) {
            const qsizetype start = qsizetype(random.bounded(int(size - 40)));
            Annotation a = Anchoring::makeAnnotation(*doc, start, start + 6 + random.bounded(30));
            a.note = phrases.at(random.bounded(int(phrases.size()))) + u" #%1"_s.arg(i);
            a.tags = { tags.at(random.bounded(int(tags.size()))) };
            QVERIFY(m_store->add(a).ok());
        }
    }
    qInfo("%d notes in %d documents written in %.1f s", Documents * NotesPerDocument, Documents,
        double(t.elapsed()) / 1000);
}

void BenchNotesSearch::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("oneDocument"); // the panel's filter: one document, every hit
    const QList<std::pair<const char *, QString>> queries {
        { "rare, 4 CJK characters (FTS)", u"提法不同"_s },
        { "common, 4 CJK characters (FTS)", u"对照去年"_s },
        { "quote text (FTS)", u"高质量发展"_s },
        { "two words (FTS)", u"复核 来源"_s },
        { "Latin word (FTS)", u"quality"_s },
        { "2 CJK characters (LIKE)", u"督办"_s },
        { "1 CJK character (LIKE)", u"的"_s },
        { "no match (FTS)", u"不存在的词语"_s },
    };
    for (const auto &[name, query] : queries) {
        QTest::newRow(qPrintable(u"dock: "_s + QString::fromUtf8(name))) << query << false;
        QTest::newRow(qPrintable(u"panel: "_s + QString::fromUtf8(name))) << query << true;
    }
}

void BenchNotesSearch::search()
{
    QFETCH(QString, query);
    QFETCH(bool, oneDocument);
    NoteSearchModel model;
    QList<double> wall, cpu;
    qsizetype hits = 0;
    for (int run = 0; run < Runs; ++run) {
        QElapsedTimer t;
        t.start();
        const qint64 c = cpuNs();
        const auto found = oneDocument ? m_store->searchNotes(query, NotesPerDocument, m_firstHash)
                                       : m_store->searchNotes(query, NotesSearchDock::MaxHits);
        QVERIFY(found.ok());
        if (!oneDocument)
            model.setHits(*found);
        wall << double(t.nsecsElapsed()) / 1e6;
        cpu << double(cpuNs() - c) / 1e6;
        hits = found->size();
    }
    qInfo("%-40s %5lld hits: median %6.1f ms wall, %6.1f ms CPU (max %.1f ms wall)", qPrintable(query),
        qlonglong(hits), median(wall), median(cpu), *std::max_element(wall.cbegin(), wall.cend()));
}

QTEST_GUILESS_MAIN(BenchNotesSearch)
#include "tst_bench_notessearch.moc"
