// Encrypted PDFs, made at run time (QPdfWriter, then qpdf): PdfReader tells "encrypted" from "wrong
// password", the window asks for the password (again when it is wrong; Cancel keeps the document
// on screen), a PDF with an owner password only opens without asking, and the command line takes
// --password or says the file cannot be opened without it.
#include "clirun.h"
#include "documentsession.h"
#include "encryptedpdf.h"
#include "pagerenderer.h"
#include "pdfreader.h"

#include "documentloader.h"
#include "mainwindow.h"
#include "pdfreader.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

const QString UserPassword = u"用户-secret"_s; // not ASCII: passwords travel as UTF-8
const QString OwnerPassword = u"owner-secret"_s;

using CliRun::pizhu;
using Run = CliRun::Result;

} // namespace

class TestUiPdfPassword : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void readerTellsEncryptedFromWrongPassword();
    void loaderWithoutAWindowReportsEncrypted();
    void windowAsksForThePasswordUntilItIsRight();
    void cancelKeepsTheCurrentDocument();
    void ownerPasswordOnlyOpensWithoutAsking();
    void reopeningInTheSameSessionDoesNotAskAgain();
    void commandLineSaysEncryptedOrTakesPassword_data();
    void commandLineSaysEncryptedOrTakesPassword();

private:
    QInputDialog *passwordDialog() const;
    void answer(QInputDialog *dialog, const QString &password);

    QTemporaryDir m_dir;
    QString m_plain, m_locked, m_ownerOnly;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

void TestUiPdfPassword::initTestCase()
{
    Q_INIT_RESOURCE(resources);
    QVERIFY(m_dir.isValid());
    if (PdfFixture::qpdf().isEmpty())
        QFAIL("qpdf is not installed (apt-get install qpdf; ./pizhu.sh installs it): no encrypted PDFs to "
              "test");
    m_plain = m_dir.filePath(u"plain.pdf"_s);
    m_locked = m_dir.filePath(u"locked.pdf"_s);
    m_ownerOnly = m_dir.filePath(u"owner-only.pdf"_s);
    QVERIFY(PdfFixture::writePlainPdf(m_plain));
    QVERIFY(PdfFixture::encrypt(m_plain, m_locked, UserPassword, OwnerPassword));
    QVERIFY(PdfFixture::encrypt(m_plain, m_ownerOnly, QString(), OwnerPassword));
}

void TestUiPdfPassword::init()
{
    m_settings = WindowFixture::settingsForCurrentTest(m_dir);
    m_window = WindowFixture::shownWindow(m_settings.get());
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(MainWindow::bundledDocumentPath());
    QVERIFY(changed.wait(20000));
}

void TestUiPdfPassword::cleanup()
{
    m_window.reset();
    m_settings.reset();
}

QInputDialog *TestUiPdfPassword::passwordDialog() const
{
    // A dialog answered is deleted later: the one on screen is the one to answer.
    for (QInputDialog *d : m_window->findChildren<QInputDialog *>(u"pdfPasswordDialog"_s))
        if (d->isVisible())
            return d;
    return nullptr;
}

void TestUiPdfPassword::answer(QInputDialog *dialog, const QString &password)
{
    auto *field = dialog->findChild<QLineEdit *>();
    QVERIFY(field);
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    field->setText(password); // keyClicks types ASCII only; the password is not
    QTest::keyClick(field, Qt::Key_Return);
}

void TestUiPdfPassword::readerTellsEncryptedFromWrongPassword()
{
    QCOMPARE(PdfReader::readPages(m_locked).error(), PdfError::Encrypted);
    QCOMPARE(PdfReader::readPages(m_locked, "wrong").error(), PdfError::WrongPassword);
    const auto withUser = PdfReader::readPages(m_locked, UserPassword.toUtf8());
    QVERIFY(withUser.ok());
    const auto withOwner = PdfReader::readPages(m_locked, OwnerPassword.toUtf8());
    QVERIFY(withOwner.ok());
    const auto plain = PdfReader::readPages(m_plain);
    QVERIFY(plain.ok());
    QCOMPARE(withUser.value(), plain.value());
    QCOMPARE(withOwner.value(), plain.value());
    const auto ownerOnly = PdfReader::readPages(m_ownerOnly);
    QVERIFY(ownerOnly.ok());
    QCOMPARE(ownerOnly.value(), plain.value());
}

void TestUiPdfPassword::loaderWithoutAWindowReportsEncrypted()
{
    DocumentLoader loader; // no window to ask in
    QSignalSpy failed(&loader, &DocumentLoader::failed);
    loader.loadNow(m_locked);
    QCOMPARE(failed.size(), 1);
    const auto failure = failed.first().at(1).value<LoadFailure>();
    QVERIFY(failure.pdf.has_value());
    QCOMPARE(*failure.pdf, PdfError::Encrypted);
    QVERIFY(DocumentLoader::describe(failure).contains(u"password"_s));
    QVERIFY(!loader.isLoading());
}

void TestUiPdfPassword::windowAsksForThePasswordUntilItIsRight()
{
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->openFile(m_locked);
    QTRY_VERIFY(passwordDialog());
    QInputDialog *first = passwordDialog();
    QVERIFY2(first->labelText().contains(u"“locked.pdf” is protected by a password"_s),
        qPrintable(first->labelText()));
    QVERIFY(!first->labelText().contains(u"does not open"_s));
    answer(first, u"wrong"_s);

    // Asked again, saying why; the wrong password opened nothing and raised no error dialog.
    QTRY_VERIFY(passwordDialog() && passwordDialog() != first);
    QVERIFY2(passwordDialog()->labelText().contains(u"does not open"_s),
        qPrintable(passwordDialog()->labelText()));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(failed.size(), 0);
    answer(passwordDialog(), UserPassword);

    QVERIFY(changed.wait(20000));
    QCOMPARE(m_window->documentPath(), m_locked);
    QVERIFY2(m_window->document()->text().contains(u"质量"_s), qPrintable(m_window->document()->text()));
    QVERIFY(!passwordDialog());
    QVERIFY(!m_window->isLoading());
    // The session keeps the password that opened it, and the features that read the file again
    // (its pages, its own highlights) open it with that.
    QCOMPARE(m_window->session()->password(), UserPassword.toUtf8());
    PageRenderer pages;
    QString why;
    QVERIFY(!pages.open(m_locked, {}, &why));
    QVERIFY2(pages.open(m_locked, m_window->session()->password(), &why), qPrintable(why));
    QVERIFY(pages.pageCount() >= 1);
    QVERIFY(PdfReader::readMarkup(m_locked, m_window->session()->password()).ok());
    // Another document: the password goes with the one it opened.
    QSignalSpy again(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(m_plain);
    QVERIFY(again.wait(20000));
    QVERIFY(m_window->session()->password().isEmpty());
}

void TestUiPdfPassword::cancelKeepsTheCurrentDocument()
{
    const QString text = m_window->document()->text();
    QSignalSpy failed(m_window.get(), &MainWindow::loadFailed);
    m_window->openFile(m_locked);
    QTRY_VERIFY(passwordDialog());
    passwordDialog()->reject();
    QTRY_VERIFY(!m_window->isLoading());
    QCOMPARE(m_window->documentPath(), MainWindow::bundledDocumentPath());
    QCOMPARE(m_window->document()->text(), text);
    QCOMPARE(failed.size(), 0); // cancelled by the reader: no "cannot open" dialog
    QVERIFY(!m_window->findChild<QMessageBox *>(u"loadErrorDialog"_s));
}

void TestUiPdfPassword::ownerPasswordOnlyOpensWithoutAsking()
{
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(m_ownerOnly);
    QVERIFY(changed.wait(20000));
    QCOMPARE(m_window->documentPath(), m_ownerOnly);
    QVERIFY(m_window->findChildren<QInputDialog *>().isEmpty());
}

void TestUiPdfPassword::reopeningInTheSameSessionDoesNotAskAgain()
{
    QSignalSpy changed(m_window.get(), &MainWindow::documentChanged);
    m_window->openFile(m_locked);
    QTRY_VERIFY(passwordDialog());
    answer(passwordDialog(), UserPassword);
    QVERIFY(changed.wait(20000));
    QTRY_VERIFY(m_window->findChildren<QInputDialog *>().isEmpty()); // the answered one is gone

    m_window->openFile(MainWindow::bundledDocumentPath());
    QVERIFY(changed.wait(20000));
    m_window->openFile(m_locked); // as Reload and Open Recent do
    QVERIFY(changed.wait(20000));
    QCOMPARE(m_window->documentPath(), m_locked);
    QVERIFY(m_window->findChildren<QInputDialog *>().isEmpty());
}

void TestUiPdfPassword::commandLineSaysEncryptedOrTakesPassword_data()
{
    QTest::addColumn<QStringList>("args"); // %LOCKED%, %OWNERONLY% stand for the files
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("no password") << QStringList {
        u"outline"_s, u"%LOCKED%"_s
    } << 3 << u"is encrypted; Pizhu cannot open it without its password (--password PASS)"_s;
    QTest::newRow("wrong password") << QStringList { u"outline"_s, u"%LOCKED%"_s, u"--password"_s, u"nope"_s }
                                    << 3 << u"password is wrong"_s;
    QTest::newRow("user password after the file")
        << QStringList { u"outline"_s, u"%LOCKED%"_s, u"--password"_s, UserPassword } << 0 << QString();
    QTest::newRow("owner password, --password= form, before the file")
        << QStringList { u"blocks"_s, u"--password="_s + OwnerPassword, u"%LOCKED%"_s } << 0 << QString();
    QTest::newRow("search takes it too")
        << QStringList { u"search"_s, u"%LOCKED%"_s, u"质量"_s, u"--password"_s, UserPassword } << 0
        << QString();
    QTest::newRow("owner password only needs none")
        << QStringList { u"outline"_s, u"%OWNERONLY%"_s } << 0 << QString();
    QTest::newRow("--password without a value is bad usage")
        << QStringList { u"outline"_s, u"%LOCKED%"_s, u"--password"_s } << 2 << u"--password needs a value"_s;
}

void TestUiPdfPassword::commandLineSaysEncryptedOrTakesPassword()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    args.replaceInStrings(u"%LOCKED%"_s, m_locked);
    args.replaceInStrings(u"%OWNERONLY%"_s, m_ownerOnly);
    const Run r = pizhu(args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
    if (exitCode == 0) {
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY(!r.out.isEmpty());
        if (args.first() == u"outline") // the same outline as the unencrypted PDF
            QCOMPARE(r.out, pizhu({ u"outline"_s, m_plain }).out);
        return;
    }
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
    if (exitCode == 3) {
        QVERIFY2(r.err.startsWith(u"pizhu: "_s + m_locked), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), qsizetype(1));
    }
}

QTEST_MAIN(TestUiPdfPassword)
#include "tst_ui_pdfpassword.moc"
