// Start-up time (process start to the first paint of the text) and resident memory once settled,
// for Pizhu with the bundled document and for bench_minimal_reader showing the same file.
// Prints the figures and the ratios; asserts nothing about speed.
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int Runs = 7;
constexpr int SettleMs = 1500;

struct Sample
{
    double startupMs = 0;
    double rssMiB = 0;
};

double residentMiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

class BenchStartup : public QObject
{
    Q_OBJECT
private slots:
    void startupAndMemory_data();
    void startupAndMemory();
    void cleanupTestCase();

private:
    Sample measure(const QString &program, const QStringList &args);
    QString largeFile(const QString &seed); // about 50 MB of the seed text, made once
    QTemporaryDir m_config; // a fresh settings directory, so no remembered state skews a run
    QMap<QString, std::pair<double, double>> m_results;
};

Sample BenchStartup::measure(const QString &program, const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_config.path());
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    Sample sample;
    if (!process.waitForStarted(10000))
        return sample;
    while (timer.elapsed() < 30000) {
        if (process.canReadLine() || process.waitForReadyRead(100)) {
            if (process.readLine().trimmed() == "first-paint")
                break;
        }
    }
    sample.startupMs = double(timer.nsecsElapsed()) / 1e6;
    QTest::qWait(SettleMs);
    sample.rssMiB = residentMiB(process.processId());
    process.kill();
    process.waitForFinished(5000);
    return sample;
}

void BenchStartup::startupAndMemory_data()
{
    const QString file = QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("minimal") << QStringLiteral(MINIMAL_READER_BINARY)
                             << QStringList { file, u"--report-first-paint"_s };
    QTest::newRow("pizhu") << QStringLiteral(PIZHU_BINARY) << QStringList { u"--report-first-paint"_s };
    // The large file: the first screen of its text should be up within a second.
    QTest::newRow("pizhu 50 MB") << QStringLiteral(PIZHU_BINARY)
                                 << QStringList { largeFile(file), u"--report-first-paint"_s };
}

QString BenchStartup::largeFile(const QString &seed)
{
    const QString path = m_config.filePath(u"large.txt"_s);
    if (QFile::exists(path))
        return path;
    QFile in(seed);
    QFile out(path);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return {};
    const QByteArray text = in.readAll();
    for (qint64 written = 0; written < 50 * 1000 * 1000; written += text.size() + 2)
        out.write(text + "\n\n");
    return path;
}

void BenchStartup::startupAndMemory()
{
    QFETCH(QString, program);
    QFETCH(QStringList, args);
    QVERIFY(m_config.isValid());
    measure(program, args); // warm the page cache and the font cache
    QList<double> startup, rss;
    for (int i = 0; i < Runs; ++i) {
        const Sample s = measure(program, args);
        QVERIFY2(s.startupMs > 0 && s.rssMiB > 0, qPrintable(program));
        startup << s.startupMs;
        rss << s.rssMiB;
    }
    const double ms = median(startup), mib = median(rss);
    qInfo("%s: start-up to first paint %.0f ms (median of %d), resident memory %.1f MiB",
        QTest::currentDataTag(), ms, Runs, mib);
    m_results.insert(QString::fromLatin1(QTest::currentDataTag()), { ms, mib });
}

void BenchStartup::cleanupTestCase()
{
    if (!m_results.contains(u"minimal"_s) || !m_results.contains(u"pizhu"_s))
        return;
    const auto [baseMs, baseMiB] = m_results.value(u"minimal"_s);
    const auto [ms, mib] = m_results.value(u"pizhu"_s);
    qInfo("pizhu / minimal: start-up %.2fx (target 1.5x), memory %.2fx (target 1.3x)", ms / baseMs,
        mib / baseMiB);
}

QTEST_GUILESS_MAIN(BenchStartup)
#include "tst_bench_startup.moc"
