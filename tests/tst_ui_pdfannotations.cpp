// Highlights written into a copy of a PDF as its own Highlight annotations and read back from it
// (PdfMarkupNotes, PdfReader::writeMarkup/readMarkup): a PDF typeset at run time
// (tests/annotatedpdf.h), three highlights in it, the annotated copy read back with Poppler and,
// as raw PDF objects, with qpdf; then imported into an empty notes store, twice.
#include "annotatedpdf.h"
#include "annotationstore.h"
#include "notesimporter.h"
#include "pdfmarkupnotes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush();
}

// The part of a highlight's unique name before "#2": the note it belongs to.
QString noteName(const QString &uniqueName)
{
    return uniqueName.section(u'#', 0, 0);
}

// The /QuadPoints arrays of the file's /Highlight annotations, as qpdf reads the objects.
QList<QList<double>> rawQuadPoints(const QString &path)
{
    QProcess p;
    p.start(u"qpdf"_s, { u"--json=2"_s, u"--json-key=qpdf"_s, path });
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    const QJsonObject objects = QJsonDocument::fromJson(p.readAllStandardOutput())
                                    .object()
                                    .value(u"qpdf"_s)
                                    .toArray()
                                    .at(1)
                                    .toObject();
    QList<QList<double>> quads;
    for (auto it = objects.begin(); it != objects.end(); ++it) {
        const QJsonObject dict = it.value().toObject().value(u"value"_s).toObject();
        if (dict.value(u"/Subtype"_s).toString() != u"/Highlight")
            continue;
        QList<double> numbers;
        for (const QJsonValue &v : dict.value(u"/QuadPoints"_s).toArray())
            numbers.append(v.toDouble());
        quads.append(numbers);
    }
    return quads;
}

} // namespace

class TestPdfAnnotations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void highlightsTravelInsideThePdfAndBack();
    void foreignMarkupBecomesNotes_data();
    void foreignMarkupBecomesNotes();
    void coloursMapToTheNearestOfPizhus_data();
    void coloursMapToTheNearestOfPizhus();

private:
    QTemporaryDir m_dir;
};

void TestPdfAnnotations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    QVERIFY2(!QStandardPaths::findExecutable(u"qpdf"_s).isEmpty(), "qpdf is not installed");
}

void TestPdfAnnotations::highlightsTravelInsideThePdfAndBack()
{
    const QString pdf = m_dir.filePath(u"policy.pdf"_s);
    QVERIFY(AnnotatedPdf::write(pdf));
    const auto doc = AnnotatedPdf::read(pdf);
    QVERIFY(doc && doc->glyphMap());
    const QList<AnnotatedPdf::Passage> passages = AnnotatedPdf::passages(*doc);
    QCOMPARE(passages.size(), 3);

    const QList<AnnotationColor> colors { AnnotationColor::Green, AnnotationColor::Blue,
        AnnotationColor::Pink };
    QList<Annotation> highlights;
    for (qsizetype i = 0; i < passages.size(); ++i) {
        Annotation a = Anchoring::makeAnnotation(*doc, passages.at(i).start, passages.at(i).end);
        a.note = u"批注 %1: <b>&amp; \"%2\"</b>"_s.arg(i + 1).arg(passages.at(i).name);
        a.color = colors.at(i);
        a.created = QDateTime(QDate(2025, 3, 1 + int(i)), QTime(9, 30), QTimeZone::utc());
        a.modified = a.created.addDays(2);
        highlights.append(a);
    }
    const QByteArray before = sha256Of(pdf);
    const auto written
        = PdfReader::writeMarkup(pdf, PdfMarkupNotes::markupsFor(*doc, highlights, u"测试者"_s));
    QVERIFY(written);
    QCOMPARE(sha256Of(pdf), before); // the original is only read
    const QString annotated = m_dir.filePath(u"annotated.pdf"_s);
    QVERIFY(writeFile(annotated, written.value()));

    // Read back with Poppler: one Highlight annotation a page each highlight stands on.
    const auto markups = PdfReader::readMarkup(annotated);
    QVERIFY(markups);
    QCOMPARE(markups->size(), 4); // the one across the page break has a part on each page
    for (const Annotation &a : highlights) {
        QList<PdfMarkup> parts;
        for (const PdfMarkup &m : markups.value())
            if (noteName(m.uniqueName) == PdfMarkupNotes::uniqueNameOf(a))
                parts.append(m);
        const QList<PdfPageBoxes> pages = doc->pdfBoxesFor(a.anchor.start, a.anchor.end);
        QCOMPARE(parts.size(), pages.size());
        for (qsizetype p = 0; p < parts.size(); ++p) {
            const PdfMarkup &m = parts.at(p);
            QCOMPARE(m.kind, PdfMarkup::Kind::Highlight);
            QCOMPARE(m.contents, a.note);
            QCOMPARE(m.author, u"测试者"_s);
            QCOMPARE(m.rgb, PdfMarkupNotes::rgbOf(a.color));
            QCOMPARE(m.created.toSecsSinceEpoch(), a.created.toSecsSinceEpoch());
            QCOMPARE(m.modified.toSecsSinceEpoch(), a.modified.toSecsSinceEpoch());
            QCOMPARE(m.page, pages.at(p).page);
            QCOMPARE(m.boxes.size(), pages.at(p).boxes.size());
        }
        // Exactly the quoted glyphs: each lies inside a quad, and the glyphs just before and after
        // the quote do not.
        const PdfGlyphMap &map = *doc->glyphMap();
        auto covered = [&](qsizetype source) {
            for (const PdfMarkup &m : parts)
                for (const QRectF &box : m.boxes)
                    if (m.page == map.pageOf(source)
                        && box.adjusted(-0.01, -0.01, 0.01, 0.01).contains(map.glyphBox(source)))
                        return true;
            return false;
        };
        const QList<SourceRange> ranges = doc->sourceRangesOf(a.anchor.start, a.anchor.end);
        for (const SourceRange &r : ranges)
            for (qsizetype s = r.start; s < r.end; ++s)
                QVERIFY2(map.pageOf(s) < 0 || covered(s), qPrintable(a.anchor.quote));
        QVERIFY(!covered(ranges.first().start - 1));
        QVERIFY(!covered(ranges.last().end));
    }

    // The objects as written: eight numbers a line, top left, top right, bottom left, bottom right
    // in the PDF's own space (y grows upwards), as every reader expects.
    const QList<QList<double>> raw = rawQuadPoints(annotated);
    QCOMPARE(raw.size(), 4);
    for (const QList<double> &q : raw) {
        QVERIFY(!q.isEmpty() && q.size() % 8 == 0);
        for (qsizetype i = 0; i < q.size(); i += 8) {
            QVERIFY(qFuzzyCompare(q[i + 1], q[i + 3]) && qFuzzyCompare(q[i + 5], q[i + 7])); // tops, bottoms
            QVERIFY(q[i + 1] > q[i + 5]);
            QVERIFY(qFuzzyCompare(q[i], q[i + 4]) && qFuzzyCompare(q[i + 2], q[i + 6])); // lefts, rights
            QVERIFY(q[i] < q[i + 2]);
        }
    }

    // Into an empty store: the same three quotes and notes, with their ids; twice adds nothing.
    const auto annotatedDoc = AnnotatedPdf::read(annotated);
    QVERIFY(annotatedDoc);
    QCOMPARE(annotatedDoc->hash(), doc->hash());
    auto store = AnnotationStore::open(m_dir.filePath(u"notes.sqlite"_s));
    QVERIFY(store);
    qsizetype unplaced = -1;
    const QList<Annotation> notes
        = PdfMarkupNotes::annotationsFrom(*annotatedDoc, markups.value(), &unplaced);
    QCOMPARE(unplaced, 0);
    const auto first = NotesImporter::merge(*store.value(), *annotatedDoc, notes);
    QVERIFY(first);
    QCOMPARE(first->added, 3);
    const auto stored = store.value()->list(annotatedDoc->hash());
    QVERIFY(stored);
    QCOMPARE(stored->size(), 3);
    for (const Annotation &a : highlights) {
        const auto got = store.value()->get(a.id);
        QVERIFY(got);
        QCOMPARE(got->anchor.quote, a.anchor.quote);
        QCOMPARE(got->anchor.start, a.anchor.start);
        QCOMPARE(got->note, a.note);
        QCOMPARE(got->color, a.color);
    }
    const auto again = NotesImporter::merge(*store.value(), *annotatedDoc,
        PdfMarkupNotes::annotationsFrom(*annotatedDoc, PdfReader::readMarkup(annotated).value()));
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(store.value()->list(annotatedDoc->hash())->size(), 3);
}

void TestPdfAnnotations::foreignMarkupBecomesNotes_data()
{
    QTest::addColumn<PdfMarkup::Kind>("kind");
    QTest::newRow("markup") << PdfMarkup::Kind::Underline;
    QTest::newRow("strike-out") << PdfMarkup::Kind::StrikeOut;
    QTest::newRow("squiggly") << PdfMarkup::Kind::Squiggly;
    QTest::newRow("highlight") << PdfMarkup::Kind::Highlight;
}

void TestPdfAnnotations::foreignMarkupBecomesNotes()
{
    QFETCH(PdfMarkup::Kind, kind);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    // As another reader leaves them: no "pizhu:" names, a text markup (highlight, underline, strike-out,
    // squiggly) in an odd colour over one passage and a sticky note beside a paragraph.
    const QString pdf = m_dir.filePath(u"foreign-%1.pdf"_s.arg(tag));
    QVERIFY(AnnotatedPdf::write(pdf));
    const auto doc = AnnotatedPdf::read(pdf);
    QVERIFY(doc && doc->glyphMap());
    const QList<AnnotatedPdf::Passage> passages = AnnotatedPdf::passages(*doc);
    QVERIFY(passages.size() >= 2);
    const AnnotatedPdf::Passage &passage = passages.at(1);
    const QList<PdfPageBoxes> boxes = doc->pdfBoxesFor(passage.start, passage.end);
    QCOMPARE(boxes.size(), 1);
    PdfMarkup markup;
    markup.kind = kind;
    markup.page = boxes.first().page;
    for (const QRectF &r : boxes.first().boxes)
        markup.boxes.append(r.adjusted(-1, -1, 1, 1)); // a reader's quads are rarely tight
    markup.rgb = 0x3050f0; // a blue, but not Pizhu's
    markup.contents = u"下划线"_s;
    PdfMarkup sticky;
    sticky.kind = PdfMarkup::Kind::Text;
    sticky.page = boxes.first().page;
    const QRectF firstLine = boxes.first().boxes.first();
    sticky.boxes.append(QRectF(firstLine.center() - QPointF(5, 5), QSizeF(10, 10)));
    sticky.rgb = 0xffff00;
    sticky.contents = u"便笺"_s;
    const auto written = PdfReader::writeMarkup(pdf, { markup, sticky });
    QVERIFY(written);
    const QString annotated = m_dir.filePath(u"foreign-%1-annotated.pdf"_s.arg(tag));
    QVERIFY(writeFile(annotated, written.value()));

    const auto markups = PdfReader::readMarkup(annotated);
    QVERIFY(markups);
    QCOMPARE(markups->size(), 2);
    QVERIFY(
        std::any_of(markups->cbegin(), markups->cend(), [&](const PdfMarkup &m) { return m.kind == kind; }));
    const QList<Annotation> notes = PdfMarkupNotes::annotationsFrom(*doc, markups.value());
    QCOMPARE(notes.size(), 2);
    const Annotation &u = notes.at(markups->at(0).kind == kind ? 0 : 1);
    const Annotation &t = notes.at(markups->at(0).kind == kind ? 1 : 0);
    QCOMPARE(u.anchor.start, passage.start);
    QCOMPARE(u.anchor.end, passage.end);
    QCOMPARE(u.note, u"下划线"_s);
    QCOMPARE(u.color, AnnotationColor::Blue);
    const Block &block
        = doc->parts().at(doc->blockAt(passage.start).part).blocks.at(doc->blockAt(passage.start).block);
    QCOMPARE(t.anchor.start, block.textStart);
    QCOMPARE(t.anchor.end, block.textStart + block.text.size());
    QCOMPARE(t.note, u"便笺"_s);
    QCOMPARE(t.color, AnnotationColor::Yellow);

    auto store = AnnotationStore::open(m_dir.filePath(u"foreign-%1.sqlite"_s.arg(tag)));
    QVERIFY(store);
    QCOMPARE(NotesImporter::merge(*store.value(), *doc, notes)->added, 2);
    // Read again from the file: the same ids, nothing added.
    const auto again = NotesImporter::merge(*store.value(), *doc,
        PdfMarkupNotes::annotationsFrom(*doc, PdfReader::readMarkup(annotated).value()));
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(store.value()->list(doc->hash())->size(), 2);
}

void TestPdfAnnotations::coloursMapToTheNearestOfPizhus_data()
{
    QTest::addColumn<quint32>("rgb");
    QTest::addColumn<AnnotationColor>("expected");
    QTest::newRow("Acrobat's yellow") << quint32(0xffff00) << AnnotationColor::Yellow;
    QTest::newRow("Okular's default green") << quint32(0x00ff00) << AnnotationColor::Green;
    QTest::newRow("a dark blue") << quint32(0x0000a0) << AnnotationColor::Blue;
    QTest::newRow("Zotero's magenta") << quint32(0xe56eee) << AnnotationColor::Purple;
    QTest::newRow("a red") << quint32(0xff2040) << AnnotationColor::Pink;
    for (AnnotationColor c : allAnnotationColors())
        QTest::addRow("Pizhu's own %s", qPrintable(annotationColorName(c))) << PdfMarkupNotes::rgbOf(c) << c;
}

void TestPdfAnnotations::coloursMapToTheNearestOfPizhus()
{
    QFETCH(quint32, rgb);
    QFETCH(AnnotationColor, expected);
    QCOMPARE(PdfMarkupNotes::nearestColor(rgb), expected);
}

QTEST_MAIN(TestPdfAnnotations)
#include "tst_ui_pdfannotations.moc"
