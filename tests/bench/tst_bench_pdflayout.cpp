// Reading a long typeset PDF from its layout: a 1,000-page document (thousandpagepdf.h) read by
// PdfReader::readLayout (Poppler's words on all cores, then PdfLayout) and imported, and its first pages
// alone, which the window shows while the rest is read; against the bundled text document's import. Prints
// the figures; asserts nothing about speed. Run by hand: ./pizhu.sh bench, or
// build/tests/bench/tst_bench_pdflayout.
#include "importer.h"
#include "pdfreader.h"
#include "thousandpagepdf.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Pizhu;

class BenchPdfLayout : public QObject
{
    Q_OBJECT

private slots:
    void thousandPages();
};

void BenchPdfLayout::thousandPages()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("thousand.pdf"));
    const qsizetype pages = ThousandPagePdf::write(pdf);
    QVERIFY(pages > 0);
    qInfo("%lld pages, %.1f MB", qlonglong(pages), QFile(pdf).size() / 1e6);
    if (qEnvironmentVariableIsSet("PIZHU_KEEP_PDF")) // to open it in the window by hand
        QFile::copy(pdf, qEnvironmentVariable("PIZHU_KEEP_PDF") + QStringLiteral("/thousand.pdf"));

    QList<double> readMs, importMs, bundledMs, openingMs;
    qsizetype glyphs = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer t;
        t.start();
        const auto laidOut = PdfReader::readLayout(pdf);
        readMs.append(t.nsecsElapsed() / 1e6);
        QVERIFY(laidOut.ok());
        t.restart();
        const auto doc = Importer().importLaidOut(laidOut.value());
        importMs.append(t.nsecsElapsed() / 1e6);
        QVERIFY(doc.ok());
        QVERIFY(doc->glyphMap());
        glyphs = doc->glyphMap()->size();
        // What the window shows first: the opening pages, read and laid out on their own.
        t.restart();
        const auto opening = PdfReader::readLayout(pdf, {}, PdfReader::OpeningPages);
        QVERIFY(opening.ok());
        QVERIFY(Importer().importLaidOut(opening.value()).ok());
        openingMs.append(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto bundled = Importer().importFile(
            QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
        bundledMs.append(t.nsecsElapsed() / 1e6);
        QVERIFY(bundled.ok());
    }
    auto best = [](const QList<double> &v) { return *std::min_element(v.cbegin(), v.cend()); };
    qInfo("1,000-page PDF: words and layout %.0f ms, import %.0f ms, in all %.0f ms (best of 3)",
        best(readMs), best(importMs), best(readMs) + best(importMs));
    // PdfGlyphMap keeps four floats a character of the source (Document::glyphMap()).
    qInfo("where its characters stand (the glyph map): %lld characters, %.1f MB", qlonglong(glyphs),
        double(glyphs) * 16 / 1e6);
    qInfo("its first %d pages on their own (what the window shows first): %.1f ms", PdfReader::OpeningPages,
        best(openingMs));
    qInfo("bundled document: import %.1f ms (best of 3)", best(bundledMs));
}

QTEST_MAIN(BenchPdfLayout)
#include "tst_bench_pdflayout.moc"
