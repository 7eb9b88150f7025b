// Export of 10,000 annotations: Markdown (by section and by colour), W3C JSON out and back in.
// Target from issue 6: a Markdown export under 100 ms. Run by hand: ./pizhu.sh bench, or
// build/tests/bench/tst_bench_export.
#include "anchoring.h"
#include "importer.h"
#include "markdownexporter.h"
#include "webannotationjson.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>

#include <time.h>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

class BenchExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void markdownBySection();
    void markdownByColour();
    void jsonWrite();
    void jsonParse();

private:
    Document m_doc;
    QList<Annotation> m_annotations;
};

static constexpr int AnnotationCount = 10000;

static qint64 threadCpuMicroseconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

// Times f over a few runs and prints the best and median, so a cold cache does not decide; the
// thread's CPU time beside the wall time, because the build machine is shared.
template<typename F> static void report(const char *what, F f)
{
    QList<qint64> wall, cpu;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer timer;
        const qint64 cpuStart = threadCpuMicroseconds();
        timer.start();
        f();
        wall.append(timer.nsecsElapsed() / 1000);
        cpu.append(threadCpuMicroseconds() - cpuStart);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    qInfo("%s, %d annotations: wall best %.1f ms, median %.1f ms; CPU best %.1f ms, median %.1f ms", what,
        AnnotationCount, wall.first() / 1000.0, wall.at(wall.size() / 2) / 1000.0, cpu.first() / 1000.0,
        cpu.at(cpu.size() / 2) / 1000.0);
}

void BenchExport::initTestCase()
{
    // The bundled document twenty times over (about 450 KB, 20 parts of each kind), so the
    // annotations spread over a realistic number of sections and paragraphs.
    QFile f(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray one = f.readAll();
    QByteArray many;
    for (int i = 0; i < 20; ++i)
        many += one;
    auto doc = Importer().importBytes(many);
    QVERIFY(doc);
    m_doc = std::move(doc).value();

    const QString &text = m_doc.text();
    const QList<AnnotationColor> colors = allAnnotationColors();
    const QByteArray hash = m_doc.hash(); // once: hashing the text per annotation would dominate
    m_annotations.reserve(AnnotationCount);
    for (int i = 0; i < AnnotationCount; ++i) {
        const qsizetype start = qsizetype(double(i) * (text.size() - 40) / AnnotationCount);
        Annotation a;
        a.id = QUuid::createUuid();
        a.documentHash = hash;
        a.anchor = Anchoring::makeAnchor(m_doc, start, start + 12 + i % 20);
        a.created = a.modified = QDateTime::fromSecsSinceEpoch(1770000000 + i, Qt::UTC);
        a.color = colors.at(i % colors.size());
        a.note = i % 3 == 0 ? QString()
                            : u"第 %1 条笔记：**要点**见 [链接](https://example.org/%1)，<注意>。"_s.arg(i);
        if (i % 4 == 0)
            a.tags = { u"重点"_s, u"标签%1"_s.arg(i % 7) };
        if (i % 500 == 0)
            a.reanchoring.method = AnchorMethod::Orphaned;
        m_annotations.append(a);
    }
}

void BenchExport::markdownBySection()
{
    const MarkdownExporter exporter([] { return QDateTime::fromSecsSinceEpoch(0, Qt::UTC); });
    qsizetype size = 0;
    report("markdown export by section", [&] {
        const auto md = exporter.exportNotes(m_doc, m_annotations);
        QVERIFY(md);
        size = md->size();
    });
    qInfo("  output: %.1f KB of UTF-16 text", size * 2 / 1024.0);
}

void BenchExport::markdownByColour()
{
    const MarkdownExporter exporter([] { return QDateTime::fromSecsSinceEpoch(0, Qt::UTC); });
    ExportOptions options;
    options.groupBy = ExportOptions::GroupBy::Color;
    report(
        "markdown export by colour", [&] { QVERIFY(exporter.exportNotes(m_doc, m_annotations, options)); });
}

void BenchExport::jsonWrite()
{
    qsizetype size = 0;
    report("json export",
        [&] { size = WebAnnotationJson::write(m_annotations, m_doc.title(), m_doc.hash()).size(); });
    qInfo("  output: %.1f KB", size / 1024.0);
}

void BenchExport::jsonParse()
{
    const QByteArray json = WebAnnotationJson::write(m_annotations, m_doc.title(), m_doc.hash());
    report("json parse", [&] { QVERIFY(WebAnnotationJson::parse(json)); });
}

QTEST_GUILESS_MAIN(BenchExport)
#include "tst_bench_export.moc"
