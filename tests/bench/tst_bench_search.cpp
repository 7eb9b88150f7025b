// Search on ~50 MB of text (the fixtures repeated): the time to build the index and the time to the
// full match list of a query. Targets: index under 2 s, each query under 100 ms.
#include "importer.h"
#include "textsearcher.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

#include <optional>

#include <time.h>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

// The machine running the benchmarks is often shared: wall time then says more about the other
// processes than about the search, so the CPU time of this thread is printed beside it.
double threadCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

template<typename F> void report(const char *what, F &&f, int runs = 5)
{
    double bestWall = 1e300;
    double bestCpu = 1e300;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer wall;
        wall.start();
        const double cpu = threadCpuMs();
        f();
        bestCpu = std::min(bestCpu, threadCpuMs() - cpu);
        bestWall = std::min(bestWall, double(wall.nsecsElapsed()) / 1e6);
    }
    qInfo("%s: best of %d: %.1f ms wall, %.1f ms CPU", what, runs, bestWall, bestCpu);
}

} // namespace

class BenchSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildIndex();
    void search_data();
    void search();

private:
    std::optional<Document> m_document;
    std::optional<TextSearcher> m_searcher;
};

void BenchSearch::initTestCase()
{
    const QString fixtures = QStringLiteral(PIZHU_FIXTURES_DIR);
    QStringList files { QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt") };
    for (const QFileInfo &info :
        QDir(fixtures + u"/public"_s).entryInfoList({ u"*.txt"_s }, QDir::Files, QDir::Name))
        files << info.absoluteFilePath();
    QByteArray one;
    for (const QString &path : files) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        one += f.readAll() + "\n\n";
    }
    QVERIFY(!one.isEmpty());
    constexpr qsizetype Target = qsizetype(50) * 1024 * 1024;
    QByteArray bytes;
    bytes.reserve(Target + one.size());
    while (bytes.size() < Target)
        bytes += one;

    QElapsedTimer timer;
    timer.start();
    auto doc = Importer().importBytes(bytes, u"bench.txt"_s);
    QVERIFY(doc.ok());
    m_document.emplace(std::move(doc).value());
    qInfo("text: %.1f MB of UTF-8, %lld UTF-16 units, %lld parts; import took %lld ms",
        double(bytes.size()) / (1024 * 1024), qlonglong(m_document->text().size()),
        qlonglong(m_document->parts().size()), qlonglong(timer.elapsed()));

    timer.restart();
    m_searcher.emplace(*m_document);
    qInfo("searcher built in %lld ms", qlonglong(timer.elapsed()));
}

void BenchSearch::buildIndex()
{
    const QString &text = m_document->text();
    static bool reported = false; // QBENCHMARK_ONCE may still run this function twice
    if (reported) {
        QBENCHMARK_ONCE
        {
            const TextSearcher searcher(*m_document);
        }
        return;
    }
    reported = true;
    QElapsedTimer timer;
    timer.start();
    const TextFolder::Folded folded = TextFolder::foldWithMap(text);
    const qint64 foldMs = timer.restart();
    const PinyinIndex pinyin(folded.text());
    const qint64 pinyinMs = timer.restart();
    qInfo("fold: %lld ms (%lld anchors); pinyin index: %lld ms (%lld distinct syllables)", qlonglong(foldMs),
        qlonglong(folded.anchorCount()), qlonglong(pinyinMs), qlonglong(pinyin.distinctSyllables()));
    report(
        "fold + pinyin index", [&] { const SearchIndex index(text); }, 3);
    QBENCHMARK_ONCE
    {
        const TextSearcher searcher(*m_document);
        QVERIFY(searcher.index().folded().text().size() > 0);
    }
}

void BenchSearch::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("pinyin");
    QTest::newRow("two Chinese characters 质量") << u"质量"_s << false;
    QTest::newRow("two Chinese characters 发展") << u"发展"_s << false;
    QTest::newRow("one Chinese character 国") << u"国"_s << false;
    QTest::newRow("year across pdf spaces 2025年") << u"2025年"_s << false;
    QTest::newRow("latin word alice") << u"Alice"_s << false;
    QTest::newRow("pinyin zhiliang") << u"zhiliang"_s << true;
    QTest::newRow("pinyin fazhan") << u"fazhan"_s << true;
    QTest::newRow("pinyin with two splits xian") << u"xian"_s << true;
    QTest::newRow("pinyin initials zl") << u"zl"_s << true;
}

void BenchSearch::search()
{
    QFETCH(QString, query);
    QFETCH(bool, pinyin);
    qsizetype count = 0;
    const QList<SearchMatch> first = m_searcher->search(query, { .pinyin = pinyin });
    const QByteArray what = u"%1 (%2 matches)"_s.arg(query).arg(first.size()).toUtf8();
    // QBENCHMARK runs this function more than once; the figures are printed the first time.
    static QSet<QString> reported;
    if (!reported.contains(query)) {
        reported.insert(query);
        report(what.constData(), [&] { count = m_searcher->search(query, { .pinyin = pinyin }).size(); });
    }
    QBENCHMARK
    {
        count = m_searcher->search(query, { .pinyin = pinyin }).size();
    }
    QCOMPARE(count, first.size());
}

QTEST_GUILESS_MAIN(BenchSearch)
#include "tst_bench_search.moc"
