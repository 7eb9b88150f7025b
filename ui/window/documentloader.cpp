#include "documentloader.h"

#include "pdfpasswordprompt.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QThread>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace Pizhu {

namespace {

using Outcome = Result<std::shared_ptr<LoadedDocument>, LoadFailure>;

// Import takes most of the time; rendering the panes the rest.
constexpr double ImportShare = 0.6;
constexpr double PdfReadShare = 0.9; // of the import of a PDF: the layout and the importer take the rest
constexpr qsizetype ParallelHashAbove = 1024 * 1024;
using OpeningReady = std::function<void(const std::shared_ptr<LoadedDocument> &)>;

bool isPdfFile(const QString &path)
{
    // Only a regular file is looked into: opening a named pipe to peek would wait for a writer.
    if (!QFileInfo(path).isFile())
        return false;
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && PdfReader::looksLikePdf(file.read(1024));
}

// A PDF through Poppler and its pages, anything else through the importer's own file reading.
Result<Document, LoadFailure> importAny(const Importer &importer, const QString &path,
    const QByteArray &password, const PdfReader::Progress &pdfProgress, const PdfReader::Opening &opening)
{
    using R = Result<Document, LoadFailure>;
    auto pages = isPdfFile(path) ? PdfReader::readLayout(path, password, 0, pdfProgress, opening)
                                 : Result<LaidOutPages, PdfError>::failure(PdfError::NotPdf);
    if (!pages && pages.error() == PdfError::Cancelled)
        return R::failure({ ImportError::Cancelled, std::nullopt });
    // NotPdf after a look that said PDF: the file went or was replaced meanwhile, and the importer
    // says what it is now ("does not exist" for one removed).
    if (!pages && pages.error() == PdfError::NotPdf) {
        auto imported = importer.importFile(path);
        if (!imported)
            return R::failure({ imported.error(), std::nullopt });
        return std::move(imported).value();
    }
    if (!pages)
        return R::failure({ ImportError::Unreadable, pages.error() });
    auto imported = importer.importLaidOut(pages.value());
    if (!imported)
        return R::failure({ imported.error(), std::nullopt });
    return std::move(imported).value();
}

Outcome loadOnWorker(const QString &path, const PaneStyle &style, const QByteArray &password,
    std::shared_ptr<std::atomic_bool> cancel, QThread *uiThread, const std::function<void(double)> &report,
    const OpeningReady &openingReady)
{
    // A long PDF's first pages, laid out, imported and rendered on their own while the rest is read.
    PdfReader::Opening opening;
    if (openingReady && QFileInfo(path).size() > DocumentLoader::PdfOpeningAbove) {
        opening = [&](const LaidOutPages &pages) {
            auto imported = Importer().importLaidOut(pages);
            if (!imported || cancel->load())
                return;
            auto shown = std::make_shared<LoadedDocument>();
            shown->path = path;
            shown->password = password;
            shown->main = PaneContent::build(imported.value(), 0, 0, style, {}, uiThread);
            if (shown->main)
                openingReady(shown);
        };
    }
    // A PDF's pages are read before the importer sees them, and the reading is most of the import:
    // it reports the first PdfReadShare of the import's share, the importer the rest.
    std::atomic<double> importFrom = 0.0;
    const auto pdfProgress = [&](double f) {
        report(f * PdfReadShare * ImportShare);
        if (f >= 1.0)
            importFrom.store(PdfReadShare);
        return !cancel->load();
    };
    Importer importer;
    importer.setProgress([&](double f) {
        const double from = importFrom.load();
        report((from + (1 - from) * f) * ImportShare);
        return !cancel->load();
    });
    auto imported = importAny(importer, path, password, pdfProgress, opening);
    if (!imported)
        return Outcome::failure(imported.error());
    auto result = std::make_shared<LoadedDocument>();
    result->path = path;
    auto doc = std::make_shared<const Document>(std::move(imported).value());
    // Hashing 50 MB takes as long as rendering it; do both at once when the text is large.
    QFuture<QByteArray> hash;
    if (doc->text().size() > ParallelHashAbove)
        hash = QtConcurrent::run([doc] { return doc->hash(); });
    else
        result->hash = doc->hash();
    const qsizetype parts = doc->parts().size();
    const auto renderProgress = [&](double from, double to) {
        return [&, from, to](double f) {
            report(from + (to - from) * f);
            return !cancel->load();
        };
    };
    const double split = ImportShare + (1 - ImportShare) * 0.8;
    result->main = PaneContent::build(*doc, 0, 0, style, renderProgress(ImportShare, split), uiThread);
    if (parts > 1 && result->main)
        result->commentary
            = PaneContent::build(*doc, 1, int(parts) - 1, style, renderProgress(split, 1.0), uiThread);
    if (hash.isValid())
        result->hash = hash.result();
    if (!result->main || (parts > 1 && !result->commentary) || cancel->load())
        return Outcome::failure({ ImportError::Cancelled, std::nullopt });
    result->document = std::move(doc);
    return result;
}

} // namespace

DocumentLoader::DocumentLoader(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<std::shared_ptr<Pizhu::LoadedDocument>>();
    if (auto *widget = qobject_cast<QWidget *>(parent)) {
        QPointer<QWidget> window(widget);
        m_passwordProvider = [window](const QString &path, bool wrongPassword, const PasswordReply &reply) {
            if (window)
                PdfPasswordPrompt::ask(window, path, wrongPassword, reply);
            else
                reply(std::nullopt);
        };
    }
}

DocumentLoader::~DocumentLoader()
{
    if (m_cancel)
        m_cancel->store(true);
}

void DocumentLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    if (m_awaitingPassword) {
        // No worker is running to report it: the reply that may still come is for a load gone.
        m_awaitingPassword = false;
        m_loading = false;
        ++m_generation;
        emit cancelled(m_awaitingPath);
    }
}

void DocumentLoader::load(const QString &path, const PaneStyle &style)
{
    start({ path, style, m_passwords.value(path), false }, false);
}

void DocumentLoader::loadNow(const QString &path, const PaneStyle &style)
{
    start({ path, style, m_passwords.value(path), false }, true);
}

void DocumentLoader::start(const Request &request, bool now)
{
    cancel();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    const int generation = ++m_generation;
    m_loading = true;
    emit started(request.path);
    if (now) {
        finish(request,
            loadOnWorker(request.path, request.style, request.password, m_cancel, nullptr, [](double) {}, {}),
            *m_cancel);
        return;
    }

    // Progress crosses threads through queued calls, at most every 1% to keep the queue short.
    QPointer<DocumentLoader> self(this);
    auto lastReported = std::make_shared<std::atomic_int>(-1);
    auto report = [self, generation, lastReported](double f) {
        const int percent = int(f * 100);
        if (lastReported->exchange(percent) == percent || !self)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, generation, f] {
                if (self && generation == self->m_generation)
                    emit self->progress(f);
            },
            Qt::QueuedConnection);
    };

    // Queued like progress, so it always arrives before the load's end.
    auto openingReady = [self, generation](const std::shared_ptr<LoadedDocument> &shown) {
        QMetaObject::invokeMethod(
            self,
            [self, generation, shown] {
                if (self && generation == self->m_generation && self->m_loading)
                    emit self->opening(shown);
            },
            Qt::QueuedConnection);
    };

    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
        [this, watcher, request, generation, cancel = m_cancel] {
            watcher->deleteLater();
            if (generation == m_generation) // else superseded by a later load
                finish(request, watcher->result(), *cancel);
        });
    watcher->setFuture(QtConcurrent::run(loadOnWorker, request.path, request.style, request.password,
        m_cancel, thread(), report, openingReady));
}

bool DocumentLoader::askPassword(const Request &request, const LoadFailure &failure)
{
    if (!m_passwordProvider || !failure.pdf
        || (*failure.pdf != PdfError::Encrypted && *failure.pdf != PdfError::WrongPassword))
        return false;
    m_awaitingPassword = true;
    m_awaitingPath = request.path;
    const int generation = m_generation;
    QPointer<DocumentLoader> self(this);
    // A remembered password that no longer works (the file was replaced) is not the reader's
    // mistake: they are asked as if for the first time.
    const bool wrong = request.typed;
    m_passwordProvider(
        request.path, wrong, [self, generation, request](const std::optional<QByteArray> &password) {
            if (!self || generation != self->m_generation || !self->m_awaitingPassword)
                return; // cancelled, or another file opened meanwhile
            self->m_awaitingPassword = false;
            if (!password) {
                self->m_loading = false;
                emit self->cancelled(request.path);
                return;
            }
            self->start({ request.path, request.style, *password, true }, false);
        });
    return true;
}

void DocumentLoader::finish(const Request &request,
    const Result<std::shared_ptr<LoadedDocument>, LoadFailure> &outcome, const std::atomic_bool &cancelled)
{
    const QString &path = request.path;
    if (!cancelled.load() && !outcome.ok() && askPassword(request, outcome.error()))
        return; // still loading: the rest comes with the password
    m_loading = false;
    if (outcome.ok() && !request.password.isEmpty()) {
        m_passwords.insert(path, request.password);
        outcome.value()->password = request.password;
    }
    // A cancel that arrives after the worker finished still wins: the reader asked for it.
    if (cancelled.load())
        emit this->cancelled(path);
    else if (outcome.ok())
        emit loaded(outcome.value());
    else if (outcome.error().import == ImportError::Cancelled && !outcome.error().pdf)
        emit this->cancelled(path);
    else
        emit failed(path, outcome.error());
}

QString DocumentLoader::describe(ImportError error)
{
    switch (error) {
    case ImportError::NotFound:
        return tr("The file does not exist.");
    case ImportError::NotAFile:
        return tr("This is not a file.");
    case ImportError::Unreadable:
        return tr("The file cannot be read: permission denied or an input error.");
    case ImportError::Empty:
        return tr("The file is empty.");
    case ImportError::Binary:
        return tr("The file is not text: it looks like a binary file.");
    case ImportError::TooLarge:
        return tr("The file is too large to open.");
    case ImportError::Cancelled:
        return tr("Opening the file was cancelled.");
    }
    return {};
}

QString DocumentLoader::describe(PdfError error)
{
    switch (error) {
    case PdfError::NotPdf:
        return tr("The file is not a PDF.");
    case PdfError::Damaged:
        return tr("The PDF is damaged and cannot be read.");
    case PdfError::Encrypted:
        return tr("The PDF is encrypted: Pizhu cannot open it without its password.");
    case PdfError::WrongPassword:
        return tr("The PDF password is wrong.");
    case PdfError::NoText:
        return tr(
            "The PDF has no text, only images of pages (a scan?): Pizhu reads text and does not recognise it "
            "in images.");
    case PdfError::NoPdfSupport:
        return tr(
            "Pizhu's PDF support (%1) is not installed or cannot be loaded: reinstall Pizhu to open PDFs.")
            .arg(PdfReader::pluginPath());
    case PdfError::Cancelled:
        return tr("Opening the file was cancelled.");
    }
    return {};
}

QString DocumentLoader::describe(const LoadFailure &failure)
{
    return failure.pdf ? describe(*failure.pdf) : describe(failure.import);
}

} // namespace Pizhu
