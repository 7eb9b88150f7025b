// Target extraction over ~50 MB of policy text (the Chinese fixtures repeated). Target: under 1 s.
// Importing the text is not timed here; tst_bench_importer measures that.
#include "importer.h"
#include "targetextractor.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <ctime>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

class BenchTargetExtractor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void extract();

private:
    std::optional<Document> m_document;
    qsizetype m_bytes = 0;
    qsizetype m_copies = 0;
};

void BenchTargetExtractor::initTestCase()
{
    const QString fixtures = QStringLiteral(PIZHU_FIXTURES_DIR);
    QStringList files { QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt") };
    for (const QFileInfo &info :
        QDir(fixtures + u"/public"_s).entryInfoList({ u"zh-*.txt"_s }, QDir::Files, QDir::Name))
        files << info.absoluteFilePath();
    QByteArray one;
    for (const QString &path : files) {
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        one += f.readAll() + "\n\n";
    }
    constexpr qsizetype Size = qsizetype(50) * 1024 * 1024;
    QByteArray bytes;
    bytes.reserve(Size + one.size());
    while (bytes.size() < Size) {
        bytes += one;
        ++m_copies;
    }
    m_bytes = bytes.size();
    QElapsedTimer timer;
    timer.start();
    auto doc = Importer().importBytes(bytes, u"bench.txt"_s);
    QVERIFY(doc.ok());
    m_document.emplace(std::move(doc).value());
    qInfo("text: %.1f MB of UTF-8 (%lld copies of %lld files), %lld UTF-16 units; import took %lld ms",
        double(m_bytes) / (1024 * 1024), qlonglong(m_copies), qlonglong(files.size()),
        qlonglong(m_document->text().size()), qlonglong(timer.elapsed()));
}

void BenchTargetExtractor::extract()
{
    QBENCHMARK_ONCE
    {
        // CPU time too: on a shared machine the wall clock also counts other people's work.
        const std::clock_t cpu = std::clock();
        QElapsedTimer timer;
        timer.start();
        const QList<Target> targets = TargetExtractor().extract(*m_document);
        const qint64 ms = timer.elapsed();
        const double cpuMs = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
        // A target said again is one row, so the copies after the first add (almost) none.
        qInfo("extract: %lld distinct targets over %lld copies in %lld ms wall, %.0f ms CPU; %.1f MB/s wall, "
              "%.1f MB/s CPU",
            qlonglong(targets.size()), qlonglong(m_copies), qlonglong(ms), cpuMs,
            ms > 0 ? double(m_bytes) / (1024 * 1024) / (double(ms) / 1000) : 0.0,
            cpuMs > 0 ? double(m_bytes) / (1024 * 1024) / (cpuMs / 1000) : 0.0);
        QVERIFY(!targets.isEmpty());
    }
}

QTEST_GUILESS_MAIN(BenchTargetExtractor)
#include "tst_bench_targetextractor.moc"
