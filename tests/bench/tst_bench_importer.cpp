// Import throughput and peak memory on the bundled document repeated to about 50 MB.
// Run by hand: ./pizhu.sh bench, or build/tests/bench/tst_bench_importer.
#include "importer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <sys/resource.h>

using namespace Pizhu;

class BenchImporter : public QObject
{
    Q_OBJECT

private slots:
    void importFiftyMegabytes();
    void importBundledDocument();
};

static QByteArray bundled()
{
    QFile f(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the bundled document");
    return f.readAll();
}

static long peakRssKb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void BenchImporter::importFiftyMegabytes()
{
    const QByteArray one = bundled();
    QByteArray big;
    big.reserve(50 * 1024 * 1024 + one.size());
    while (big.size() < 50 * 1024 * 1024)
        big += one;
    const long before = peakRssKb();
    QElapsedTimer timer;
    timer.start();
    auto result = Importer().importBytes(big);
    const qint64 ms = timer.elapsed();
    QVERIFY(result.ok());
    const long after = peakRssKb();
    const double mb = big.size() / (1024.0 * 1024.0);
    qInfo("import: %.1f MB in %lld ms = %.1f MB/s; %lld parts; peak RSS grew by %.1f MB (%.2fx the file), "
          "total peak %.1f MB",
        mb, ms, mb * 1000.0 / std::max<qint64>(ms, 1), qlonglong(result->parts().size()),
        (after - before) / 1024.0, (after - before) / 1024.0 / mb, after / 1024.0);
}

void BenchImporter::importBundledDocument()
{
    const QByteArray one = bundled();
    QBENCHMARK
    {
        auto result = Importer().importBytes(one);
        QVERIFY(result.ok());
    }
}

QTEST_GUILESS_MAIN(BenchImporter)
#include "tst_bench_importer.moc"
