// Highlights that travel inside the PDF, in the window (PdfMarkupActions): File > Export Annotated
// PDF… writes a copy with the highlights in it, and opening a PDF that carries annotations offers,
// in a bar above the panes, to bring in those not yet among its notes, once. The PDF is typeset
// at run time (tests/annotatedpdf.h).
#include "annotatedpdf.h"
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "documentsession.h"
#include "pdfmarkupactions.h"
#include "pdfmarkupnotes.h"
#include "windowfixture.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QFontDatabase>
#include <QFrame>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

} // namespace

class TestUiPdfMarkup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openingAnAnnotatedPdfOffersItsNotesOnce();
    void exportWritesACopyWithTheHighlights();
    void aTextFileHasNoAnnotatedPdf();

private:
    // Opens path and waits until its PDF annotations were read.
    bool openAndRead(const QString &path);

    QTemporaryDir m_dir;
    QString m_pdf, m_annotated;
    std::unique_ptr<QSettings> m_settings;
    AssembledWindow m_parts;
};

void TestUiPdfMarkup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    m_pdf = m_dir.filePath(u"policy.pdf"_s);
    QVERIFY(AnnotatedPdf::write(m_pdf));
    // The copy another reader would have: three highlights with notes in the PDF itself.
    const auto doc = AnnotatedPdf::read(m_pdf);
    QVERIFY(doc);
    QList<Annotation> highlights;
    for (const AnnotatedPdf::Passage &p : AnnotatedPdf::passages(*doc)) {
        Annotation a = Anchoring::makeAnnotation(*doc, p.start, p.end);
        a.note = p.name;
        highlights.append(a);
    }
    QCOMPARE(highlights.size(), 3);
    const auto written = PdfReader::writeMarkup(m_pdf, PdfMarkupNotes::markupsFor(*doc, highlights));
    QVERIFY(written);
    m_annotated = m_dir.filePath(u"annotated.pdf"_s);
    QFile out(m_annotated);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(written.value()) == written->size());
}

void TestUiPdfMarkup::init()
{
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    m_parts = WindowFixture::shownAssembledWindow(m_settings.get(), m_dir.filePath(name + u".sqlite"_s));
    QVERIFY(QTest::qWaitForWindowExposed(m_parts.window.get()));
}

void TestUiPdfMarkup::cleanup()
{
    m_parts.window.reset();
    m_settings.reset();
}

bool TestUiPdfMarkup::openAndRead(const QString &path)
{
    QSignalSpy read(m_parts.pdfMarkup, &PdfMarkupActions::markupRead);
    m_parts.window->openFile(path);
    return read.wait(30000);
}

void TestUiPdfMarkup::openingAnAnnotatedPdfOffersItsNotesOnce()
{
    PdfMarkupActions *markup = m_parts.pdfMarkup;
    QVERIFY(openAndRead(m_annotated));
    QCOMPARE(markup->pendingCount(), 3);
    QTRY_VERIFY(markup->notice()->isVisible());
    QVERIFY(markup->noticeText().contains(u'3'));
    markup->importAction()->trigger();
    QVERIFY(markup->notice()->isHidden());
    AnnotationStore *store = m_parts.annotationController->store();
    const auto notes = store->list(m_parts.session->hash());
    QVERIFY(notes);
    QCOMPARE(notes->size(), 3);
    QStringList texts;
    for (const Annotation &a : notes.value())
        texts.append(a.note);
    texts.sort();
    QCOMPARE(texts, QStringList({ u"across a page break"_s, u"in the right column"_s, u"over two lines"_s }));

    // Opened again: nothing new, no offer.
    QVERIFY(openAndRead(m_pdf)); // another file in between, so the same one is read anew
    QVERIFY(openAndRead(m_annotated));
    QCOMPARE(markup->pendingCount(), 0);
    QVERIFY(markup->notice()->isHidden());
    QCOMPARE(store->list(m_parts.session->hash())->size(), 3);
}

void TestUiPdfMarkup::exportWritesACopyWithTheHighlights()
{
    PdfMarkupActions *markup = m_parts.pdfMarkup;
    QVERIFY(openAndRead(m_annotated));
    QVERIFY(markup->exportAction()->isEnabled());
    const QString out = m_dir.filePath(u"from-the-window.pdf"_s);
    QVERIFY(!markup->exportTo(out)); // no notes yet
    QVERIFY(!QFile::exists(out));
    QVERIFY(markup->importPending());
    const QByteArray before = sha256Of(m_annotated);
    QVERIFY(!markup->exportTo(m_annotated)); // never over the PDF itself
    QCOMPARE(sha256Of(m_annotated), before);
    QVERIFY(markup->exportTo(out));
    const auto markups = PdfReader::readMarkup(out);
    QVERIFY(markups);
    // The notes came from the file's own annotations, under their names: the copy has each once
    // (four annotations: the passage over the page break has one on each page).
    QCOMPARE(markups->size(), 4);
}

void TestUiPdfMarkup::aTextFileHasNoAnnotatedPdf()
{
    const QString text = m_dir.filePath(u"plain.txt"_s);
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write("一、总体要求\n质量是人类生产生活的重要保障。\n") > 0);
    f.close();
    QSignalSpy changed(m_parts.window.get(), &MainWindow::documentChanged);
    m_parts.window->openFile(text);
    QVERIFY(changed.wait(20000));
    QVERIFY(!m_parts.pdfMarkup->exportAction()->isEnabled());
    QVERIFY(m_parts.pdfMarkup->notice()->isHidden());
}

QTEST_MAIN(TestUiPdfMarkup)
#include "tst_ui_pdfmarkup.moc"
