// Poppler sits in a plugin (libpizhu_pdf.so) that PdfReader loads on the first PDF it reads: a file
// that is no PDF never loads it, and a PDF read without it is refused with a NoPdfSupport that the
// window and the command line both put in words. The functions run in the order declared: the
// first ones check that nothing has loaded the plugin yet.
#include "clirun.h"
#include "encryptedpdf.h"

#include "documentloader.h"
#include "pdfreader.h"

#include <QApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

// What the dynamic loader has mapped into this process, one line a mapping.
QString mappedFiles()
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        qFatal("cannot read /proc/self/maps");
    return QString::fromUtf8(maps.readAll());
}

using Run = CliRun::Result;

Run pizhu(const QStringList &args, const QString &pluginOverride)
{
    CliRun::Options options;
    options.env.remove(u"PIZHU_PDF_PLUGIN"_s);
    if (!pluginOverride.isEmpty())
        options.env.insert(u"PIZHU_PDF_PLUGIN"_s, pluginOverride);
    return CliRun::pizhu(args, options);
}

// Sets $PIZHU_PDF_PLUGIN for one scope, and takes it away again even when a QVERIFY returns early.
class PluginOverride
{
public:
    explicit PluginOverride(const QString &path) { qputenv("PIZHU_PDF_PLUGIN", QFile::encodeName(path)); }
    ~PluginOverride() { qunsetenv("PIZHU_PDF_PLUGIN"); }
    PluginOverride(const PluginOverride &) = delete;
    PluginOverride &operator=(const PluginOverride &) = delete;
};

} // namespace

class TestUiPdfPlugin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startsWithoutPoppler();
    void fileThatIsNoPdfNeverLoadsThePlugin();
    void pdfWithoutUsablePluginIsRefused_data();
    void pdfWithoutUsablePluginIsRefused();
    void commandLineWithoutPluginSaysWhyAndExitsThree();
    void pluginBesideTheExecutableReadsThePdf();
    void commandLineReadsThePdfThroughThePlugin();

private:
    QTemporaryDir m_dir;
    QString m_pdf;
};

void TestUiPdfPlugin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qunsetenv("PIZHU_PDF_PLUGIN");
    m_pdf = m_dir.filePath(u"plain.pdf"_s);
    QVERIFY(PdfFixture::writePlainPdf(m_pdf));
}

void TestUiPdfPlugin::startsWithoutPoppler()
{
    const QString maps = mappedFiles();
    QVERIFY2(!maps.contains(u"libpoppler"_s), "Poppler is linked in, not loaded with the plugin");
    QVERIFY(!maps.contains(u"libpizhu_pdf"_s));
}

void TestUiPdfPlugin::fileThatIsNoPdfNeverLoadsThePlugin()
{
    const QString text = m_dir.filePath(u"notes.txt"_s);
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("一、总则\n正文。\n");
    f.close();
    QCOMPARE(PdfReader::readPages(text).error(), PdfError::NotPdf);
    QCOMPARE(PdfReader::readPages(m_dir.filePath(u"absent.pdf"_s)).error(), PdfError::NotPdf);
    QVERIFY(!mappedFiles().contains(u"libpizhu_pdf"_s));
}

void TestUiPdfPlugin::pdfWithoutUsablePluginIsRefused_data()
{
    QTest::addColumn<QString>("plugin");
    QTest::newRow("no file where the plugin should be") << m_dir.filePath(u"missing/libpizhu_pdf.so"_s);
    const QString notLibrary = m_dir.filePath(u"libpizhu_pdf.so"_s);
    QFile f(notLibrary);
    if (!f.open(QIODevice::WriteOnly) || f.write("not a shared object\n") < 0)
        qFatal("cannot write %s", qPrintable(notLibrary));
    QTest::newRow("a file that is no library") << notLibrary;
    // A real library without the entry point, as an older or a foreign libpizhu_pdf.so would be.
    QTest::newRow("a library without the entry point")
        << QLibraryInfo::path(QLibraryInfo::LibrariesPath) + u"/libQt6Test.so.6"_s;
}

void TestUiPdfPlugin::pdfWithoutUsablePluginIsRefused()
{
    QFETCH(QString, plugin);
    const PluginOverride override(plugin);
    QCOMPARE(PdfReader::pluginPath(), plugin);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^cannot load the PDF plugin: "_s));
    const auto pages = PdfReader::readPages(m_pdf);
    QVERIFY(!pages.ok());
    QCOMPARE(pages.error(), PdfError::NoPdfSupport);
    // The window's message says which file is missing, so that it can be looked for.
    QVERIFY(DocumentLoader::describe(PdfError::NoPdfSupport).contains(plugin));
    QVERIFY(!mappedFiles().contains(u"libpoppler"_s));
}

void TestUiPdfPlugin::commandLineWithoutPluginSaysWhyAndExitsThree()
{
    const QString missing = m_dir.filePath(u"missing/libpizhu_pdf.so"_s);
    const Run r = pizhu({ u"blocks"_s, m_pdf }, missing);
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(u"pizhu: %1: Pizhu's PDF support (%2) is not installed"_s.arg(m_pdf, missing)),
        qPrintable(r.err));
}

void TestUiPdfPlugin::pluginBesideTheExecutableReadsThePdf()
{
    // Relative to this test's directory, as it is to the executable's: build/tests and build/app
    // are one level under the build directory, as bin/ is under the installed prefix.
    QVERIFY2(QFile::exists(PdfReader::pluginPath()), qPrintable(PdfReader::pluginPath()));
    const auto pages = PdfReader::readPages(m_pdf);
    QVERIFY(pages.ok());
    QCOMPARE(pages.value().size(), 1);
    QVERIFY2(pages.value().first().contains(u"建设质量强国"_s), qPrintable(pages.value().first()));
    const QString maps = mappedFiles();
    QVERIFY(maps.contains(u"libpizhu_pdf"_s));
    QVERIFY(maps.contains(u"libpoppler"_s));
}

void TestUiPdfPlugin::commandLineReadsThePdfThroughThePlugin()
{
    const Run r = pizhu({ u"blocks"_s, m_pdf }, {});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"坚持质量第一"_s), qPrintable(r.out + r.err));
}

QTEST_MAIN(TestUiPdfPlugin)
#include "tst_ui_pdfplugin.moc"
