// Import throughput and peak memory on 50 MB of Chinese (the bundled document repeated) and of
// English (Alice, hard-wrapped with CRLF, repeated). The goal (issue #21): 100 MB/s, and peak
// memory growth at most 3x the file. Each row is best run on its own (importFiftyMegabytes:English):
// memory freed by an earlier row is counted in the next row's starting point, not its growth.
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
    void importFiftyMegabytes_data();
    void importFiftyMegabytes();
    void importBundledDocument();
};

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

static QByteArray bundled()
{
    return readAll(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
}

// Resident memory in kB from /proc/self/status: "VmRSS" now, "VmHWM" its peak since the last reset.
static long statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(strlen(field)) + 1).trimmed().split(' ').first().toLong();
    return -1;
}

// Resets the peak so that each row measures its own import, not the rows before it.
static bool resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

static double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void BenchImporter::importFiftyMegabytes_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("Chinese") << QStringLiteral(
        PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
    QTest::newRow("English") << QStringLiteral(PIZHU_FIXTURES_DIR "/public/en-alice-in-wonderland-pg11.txt");
}

void BenchImporter::importFiftyMegabytes()
{
    QFETCH(QString, path);
    const QByteArray one = readAll(path);
    QByteArray big;
    big.reserve(50 * 1024 * 1024 + one.size());
    while (big.size() < 50 * 1024 * 1024)
        big += one;
    const bool reset = resetPeak();
    const long before = statusKb("VmRSS:");
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    auto result = Importer().importBytes(big);
    const qint64 ms = timer.elapsed();
    const double cpu = cpuSeconds() - cpuBefore;
    QVERIFY(result.ok());
    const long peak = statusKb("VmHWM:");
    const long held = statusKb("VmRSS:"); // with the document still open
    const double mb = double(big.size()) / (1024.0 * 1024.0);
    // CPU time beside the wall clock: on a shared machine the wall clock measures the others too.
    qInfo("import: %.1f MB in %lld ms = %.1f MB/s (CPU %.2f s = %.1f MB/s); %lld parts; peak RSS grew by "
          "%.1f MB (%.2fx the file)%s; the open document holds %.1f MB (%.2fx)",
        mb, ms, mb * 1000.0 / double(std::max<qint64>(ms, 1)), cpu, mb / std::max(cpu, 0.001),
        qlonglong(result->parts().size()), double(peak - before) / 1024.0,
        double(peak - before) / 1024.0 / mb, reset ? "" : " (peak not reset: includes earlier rows)",
        double(held - before) / 1024.0, double(held - before) / 1024.0 / mb);
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
