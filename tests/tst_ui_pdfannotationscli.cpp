// The annotated PDF through the `pizhu` command line: `export FILE.pdf --format pdf -o OUT.pdf`
// writes a copy with the notes as PDF Highlight annotations, `import FILE.pdf --from-pdf` brings
// them back into a store, once; bad input and outputs that cannot be written are refused with a
// message and their exit status. The PDF is typeset at run time (tests/annotatedpdf.h).
#include "annotatedpdf.h"
#include "clirun.h"
#include "pdfmarkupnotes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush();
}

struct Note
{
    QString quote;
    QString note;
};

} // namespace

class TestPdfAnnotationsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportWritesACopyWithTheHighlights();
    void importBringsThemIntoAnEmptyStoreOnce();
    void badInputIsRefused_data();
    void badInputIsRefused();

private:
    CliRun::Result pizhu(const QStringList &args);
    QList<Note> notesIn(const QString &file, const QString &db);

    QTemporaryDir m_dir;
    QString m_pdf, m_db, m_annotated;
    QList<Note> m_notes;
};

CliRun::Result TestPdfAnnotationsCli::pizhu(const QStringList &args)
{
    CliRun::Options options;
    options.env.insert(u"PIZHU_DB"_s, m_dir.filePath(u"unused-default.db"_s));
    return CliRun::pizhu(args, options);
}

QList<Note> TestPdfAnnotationsCli::notesIn(const QString &file, const QString &db)
{
    const auto r = pizhu({ u"note"_s, u"list"_s, file, u"--format"_s, u"json"_s, u"--db"_s, db });
    QList<Note> notes;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.stdoutBytes).array())
        notes.append({ v.toObject().value(u"quote"_s).toString(), v.toObject().value(u"note"_s).toString() });
    return notes;
}

void TestPdfAnnotationsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s), "fonts-noto-cjk is not installed");
    m_pdf = m_dir.filePath(u"policy.pdf"_s);
    m_db = m_dir.filePath(u"notes.db"_s);
    m_annotated = m_dir.filePath(u"annotated.pdf"_s);
    QVERIFY(AnnotatedPdf::write(m_pdf));
    const auto doc = AnnotatedPdf::read(m_pdf);
    QVERIFY(doc);
    const QList<AnnotatedPdf::Passage> passages = AnnotatedPdf::passages(*doc);
    QCOMPARE(passages.size(), 3);
    const QStringList colors { u"green"_s, u"blue"_s, u"pink"_s };
    for (qsizetype i = 0; i < passages.size(); ++i) {
        const AnnotatedPdf::Passage &p = passages.at(i);
        const QString quote = doc->text().mid(p.start, p.end - p.start);
        const qsizetype occurrence = Anchoring::occurrences(*doc, quote).indexOf(p.start) + 1;
        QVERIFY(occurrence > 0);
        const QString note = u"%1：核对原文 <%2>"_s.arg(i + 1).arg(p.name);
        const auto r = pizhu({ u"note"_s, u"add"_s, m_pdf, u"--quote"_s, quote, u"--occurrence"_s,
            QString::number(occurrence), u"--note"_s, note, u"--color"_s, colors.at(i), u"--db"_s, m_db });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_notes.append({ quote, note });
    }
}

void TestPdfAnnotationsCli::exportWritesACopyWithTheHighlights()
{
    const QByteArray before = sha256Of(m_pdf);
    const auto r
        = pizhu({ u"export"_s, m_pdf, u"--format"_s, u"pdf"_s, u"-o"_s, m_annotated, u"--db"_s, m_db });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(sha256Of(m_pdf), before);
    const auto markups = PdfReader::readMarkup(m_annotated);
    QVERIFY(markups);
    QCOMPARE(markups->size(), 4); // the passage across a page break has a part on each page
    QStringList contents;
    for (const PdfMarkup &m : markups.value()) {
        QCOMPARE(m.kind, PdfMarkup::Kind::Highlight);
        if (!m.uniqueName.contains(u'#'))
            contents.append(m.contents);
    }
    QStringList expected;
    for (const Note &n : std::as_const(m_notes))
        expected.append(n.note);
    contents.sort();
    expected.sort();
    QCOMPARE(contents, expected);
    // Still the same text: the copy opens as the same document.
    const auto blocks = pizhu({ u"blocks"_s, m_annotated });
    QCOMPARE(blocks.exitCode, 0);
    QCOMPARE(blocks.out, pizhu({ u"blocks"_s, m_pdf }).out);
}

void TestPdfAnnotationsCli::importBringsThemIntoAnEmptyStoreOnce()
{
    QVERIFY2(QFile::exists(m_annotated), "made by exportWritesACopyWithTheHighlights");
    const QString empty = m_dir.filePath(u"empty.db"_s);
    const auto first = pizhu({ u"import"_s, m_annotated, u"--from-pdf"_s, u"--db"_s, empty });
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QCOMPARE(first.out, u"3 added, 0 updated, 0 unchanged\n"_s);
    const QList<Note> notes = notesIn(m_annotated, empty);
    QCOMPARE(notes.size(), 3);
    for (const Note &n : std::as_const(m_notes)) {
        QVERIFY2(std::any_of(notes.cbegin(), notes.cend(),
                     [&](const Note &got) { return got.quote == n.quote && got.note == n.note; }),
            qPrintable(n.quote));
    }
    const auto second = pizhu({ u"import"_s, m_annotated, u"--from-pdf"_s, u"--db"_s, empty });
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(second.out, u"0 added, 0 updated, 3 unchanged\n"_s);
    QCOMPARE(notesIn(m_annotated, empty).size(), 3);
    // Into the store the notes came from: they are the same notes, so nothing is added.
    const auto home = pizhu({ u"import"_s, m_annotated, u"--from-pdf"_s, u"--db"_s, m_db });
    QCOMPARE(home.out, u"0 added, 0 updated, 3 unchanged\n"_s);
}

void TestPdfAnnotationsCli::badInputIsRefused_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString text = m_dir.filePath(u"plain.txt"_s);
    QVERIFY(writeFile(text, u"一、总体要求\n质量是人类生产生活的重要保障。\n"_s.toUtf8()));
    const QString fake = m_dir.filePath(u"fake.pdf"_s);
    QVERIFY(writeFile(fake, "%PDF-1.7\nthis is no PDF at all\n"));
    const QString out = m_dir.filePath(u"out.pdf"_s);
    QTest::newRow("export: a text file as the PDF")
        << QStringList { u"export"_s, text, u"--format"_s, u"pdf"_s, u"-o"_s, out, u"--db"_s, m_db } << 3
        << u"not one"_s;
    QTest::newRow("export: a damaged PDF")
        << QStringList { u"export"_s, fake, u"--format"_s, u"pdf"_s, u"-o"_s, out, u"--db"_s, m_db } << 3
        << u"damaged"_s;
    QTest::newRow("export: -o onto the PDF itself")
        << QStringList { u"export"_s, m_pdf, u"--format"_s, u"pdf"_s, u"-o"_s, m_pdf, u"--db"_s, m_db } << 4
        << u"document being exported"_s;
    QTest::newRow("export: -o in a folder that is a file") << QStringList { u"export"_s, m_pdf, u"--format"_s,
        u"pdf"_s, u"-o"_s, m_pdf + u"/out.pdf"_s, u"--db"_s, m_db }
                                                           << 4 << u"out.pdf"_s;
    QTest::newRow("export: -o on a full disk") << QStringList { u"export"_s, m_pdf, u"--format"_s, u"pdf"_s,
        u"-o"_s, u"/dev/full"_s, u"--db"_s, m_db }
                                               << 4 << u"/dev/full"_s;
    QTest::newRow("export: no -o") << QStringList { u"export"_s, m_pdf, u"--format"_s, u"pdf"_s, u"--db"_s,
        m_db } << 2 << u"-o OUT.pdf"_s;
    QTest::newRow("import: a text file as the PDF")
        << QStringList { u"import"_s, text, u"--from-pdf"_s, u"--db"_s, m_db } << 3 << u"not one"_s;
    QTest::newRow("import: a damaged PDF")
        << QStringList { u"import"_s, fake, u"--from-pdf"_s, u"--db"_s, m_db } << 3 << u"damaged"_s;
    QTest::newRow("import: a notes file as well") << QStringList { u"import"_s, m_pdf, u"notes.json"_s,
        u"--from-pdf"_s, u"--db"_s, m_db } << 2 << u"one FILE.pdf"_s;
}

void TestPdfAnnotationsCli::badInputIsRefused()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QByteArray before = sha256Of(m_pdf);
    const auto r = pizhu(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(sha256Of(m_pdf), before);
    QVERIFY(!QFile::exists(m_dir.filePath(u"out.pdf"_s)));
}

QTEST_MAIN(TestPdfAnnotationsCli)
#include "tst_ui_pdfannotationscli.moc"
