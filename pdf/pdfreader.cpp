#include "pdfreader.h"

#include "pdflayout.h"
#include "pdfplugin.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <future>
#include <optional>
#include <thread>
#include <vector>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

Q_LOGGING_CATEGORY(pdfLog, "pizhu.pdf")

QString executableDir()
{
    if (QCoreApplication::instance())
        return QCoreApplication::applicationDirPath();
    return QFileInfo(QFileInfo(u"/proc/self/exe"_s).canonicalFilePath()).path();
}

// The first PDF maps the module; nothing unloads it, so every later one only finds it again in
// QLibrary's table. A failure is not remembered: installing the plugin mends the running session.
QFunctionPointer loadPlugin(const char *symbol)
{
    const QString path = PdfReader::pluginPath();
    QLibrary library(path);
    QString why;
    // Asked first, because QLibrary's own message for a missing file names the last of the variants
    // it tried ("lib" prefixes, hardware-capability directories), not the file that is missing.
    if (!QFileInfo(path).isFile()) {
        why = u"no file at %1"_s.arg(path);
    } else if (!library.load()) {
        why = library.errorString();
    } else {
        if (QFunctionPointer entry = library.resolve(symbol))
            return entry;
        why = u"%1 has no %2 (the plugin of another version of Pizhu?)"_s.arg(
            path, QLatin1StringView(symbol));
    }
    // PdfError has no room for the reason ("libpoppler-qt6.so.3: cannot open shared object file"),
    // and whoever mends the installation needs it.
    qCWarning(pdfLog).noquote() << "cannot load the PDF plugin:" << why;
    return nullptr;
}

// Checked here rather than in the plugin, so that a file that is no PDF never loads it.
bool isPdfOnDisk(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && PdfReader::looksLikePdf(file.read(1024));
}

PdfError toPdfError(PdfPlugin::Status status)
{
    switch (status) {
    case PdfPlugin::Status::Ok: // not an error; readPages never asks
    case PdfPlugin::Status::Damaged:
        return PdfError::Damaged;
    case PdfPlugin::Status::NotPdf:
        return PdfError::NotPdf;
    case PdfPlugin::Status::Encrypted:
        return PdfError::Encrypted;
    case PdfPlugin::Status::WrongPassword:
        return PdfError::WrongPassword;
    case PdfPlugin::Status::NoText:
        return PdfError::NoText;
    case PdfPlugin::Status::Cancelled:
        return PdfError::Cancelled;
    }
    return PdfError::Damaged; // a status this build does not know: a plugin that breaks its contract
}

} // namespace

bool PdfReader::looksLikePdf(const QByteArray &head)
{
    return head.left(1024).contains("%PDF-");
}

QString PdfReader::pluginPath()
{
    const QString override = qEnvironmentVariable("PIZHU_PDF_PLUGIN");
    if (!override.isEmpty())
        return override;
    return QDir::cleanPath(
        executableDir() + u'/' + QStringLiteral(PIZHU_PDF_PLUGIN_RELATIVE_DIR "/" PIZHU_PDF_PLUGIN_FILE));
}

QFunctionPointer PdfReader::pluginEntry(const char *symbol)
{
    return loadPlugin(symbol);
}

namespace {

struct Read
{
    PdfPlugin::Status status = PdfPlugin::Status::Ok;
    PdfContent content;
};

// The file as it was when its opening was read ahead: the read is used only if it still is.
struct FileStamp
{
    QString path;
    qint64 size = -1;
    QDateTime modified;
    bool operator==(const FileStamp &) const = default;
};

FileStamp stampOf(const QString &path)
{
    const QFileInfo info(path);
    return { info.absoluteFilePath(), info.size(), info.lastModified() };
}

// The one opening read ahead, until readLayout takes it or another read ahead replaces it.
struct ReadAhead
{
    FileStamp file;
    std::shared_future<Read> read;
};
QMutex readAheadLock;
std::optional<ReadAhead> readAhead;

// The opening of path read ahead, if it was and the file has not changed since; it is taken, so it
// is used once. Waits for the read to finish.
std::optional<Read> takeReadAhead(const QString &path)
{
    std::optional<ReadAhead> ahead;
    {
        const QMutexLocker locker(&readAheadLock);
        ahead.swap(readAhead);
    }
    if (!ahead || ahead->file != stampOf(path))
        return std::nullopt;
    Read read = ahead->read.get();
    if (stampOf(path) != ahead->file) // rewritten while it was read
        return std::nullopt;
    return read;
}

} // namespace

std::optional<LaidOutPages> PdfReader::openingReadAhead(const QString &path, std::chrono::milliseconds wait)
{
    std::optional<ReadAhead> ahead;
    {
        const QMutexLocker locker(&readAheadLock);
        ahead = readAhead;
    }
    if (!ahead || ahead->file != stampOf(path) || ahead->read.wait_for(wait) != std::future_status::ready)
        return std::nullopt;
    const Read &read = ahead->read.get();
    if (read.status != PdfPlugin::Status::Ok || read.content.pages.isEmpty())
        return std::nullopt;
    return PdfLayout::layOut(read.content.pages, read.content.bookmarks);
}

void PdfReader::readOpeningAhead(const QString &path)
{
    auto promise = std::make_shared<std::promise<Read>>();
    {
        const QMutexLocker locker(&readAheadLock);
        readAhead = ReadAhead { stampOf(path), promise->get_future().share() };
    }
    // A pool of its own: a read ahead waited for by a task of the global pool (the window's loader)
    // must not be queued behind it there. Its end waits for a read still going at exit.
    static QThreadPool pool;
    pool.start([path, promise] {
        Read read;
        const auto readContent
            = reinterpret_cast<PdfPlugin::ReadContentV2>(loadPlugin(PdfPlugin::ReadContentV2Symbol));
        if (readContent && isPdfOnDisk(path))
            read.status = readContent(path, {}, 0, OpeningPages, {}, &read.content);
        else
            read.status = PdfPlugin::Status::NotPdf; // readLayout finds out why itself
        promise->set_value(std::move(read));
    });
}

Result<QStringList, PdfError> PdfReader::readPages(const QString &path, const QByteArray &password)
{
    using R = Result<QStringList, PdfError>;
    if (!isPdfOnDisk(path))
        return R::failure(PdfError::NotPdf);
    const auto readPages = reinterpret_cast<PdfPlugin::ReadPagesV1>(loadPlugin(PdfPlugin::ReadPagesV1Symbol));
    if (!readPages)
        return R::failure(PdfError::NoPdfSupport);
    QStringList pages;
    const PdfPlugin::Status status = readPages(path, password, &pages);
    if (status != PdfPlugin::Status::Ok)
        return R::failure(toPdfError(status));
    return pages;
}

Result<QByteArray, PdfError> PdfReader::writeMarkup(
    const QString &path, const QList<PdfMarkup> &markups, const QByteArray &password)
{
    using R = Result<QByteArray, PdfError>;
    if (!isPdfOnDisk(path))
        return R::failure(PdfError::NotPdf);
    const auto write = reinterpret_cast<PdfPlugin::WriteMarkupV1>(loadPlugin(PdfPlugin::WriteMarkupV1Symbol));
    if (!write)
        return R::failure(PdfError::NoPdfSupport);
    QByteArray pdf;
    const PdfPlugin::Status status = write(path, password, markups, &pdf);
    if (status != PdfPlugin::Status::Ok)
        return R::failure(toPdfError(status));
    return pdf;
}

Result<QList<PdfMarkup>, PdfError> PdfReader::readMarkup(const QString &path, const QByteArray &password)
{
    using R = Result<QList<PdfMarkup>, PdfError>;
    if (!isPdfOnDisk(path))
        return R::failure(PdfError::NotPdf);
    const auto read = reinterpret_cast<PdfPlugin::ReadMarkupV1>(loadPlugin(PdfPlugin::ReadMarkupV1Symbol));
    if (!read)
        return R::failure(PdfError::NoPdfSupport);
    QList<PdfMarkup> markups;
    const PdfPlugin::Status status = read(path, password, &markups);
    if (status != PdfPlugin::Status::Ok)
        return R::failure(toPdfError(status));
    return markups;
}

namespace {

// The rest of a long PDF is read while the window paints its opening: on a machine with few cores
// the reading threads would take the CPU the window needs for that, so they give way to it (a
// lower priority only matters while both want the CPU; alone they run at full speed). Linux lets a
// thread of its own be niced; elsewhere they keep their priority.
void yieldToTheWindow()
{
#ifdef Q_OS_LINUX
    const int self = int(gettid());
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, id_t(self));
    if (errno == 0 && nice < 10 && setpriority(PRIO_PROCESS, id_t(self), 10) != 0)
        qCDebug(pdfLog, "the reading thread keeps its priority: %s", strerror(errno));
#endif
}

} // namespace

Result<LaidOutPages, PdfError> PdfReader::readLayout(const QString &path, const QByteArray &password,
    int maxPages, const Progress &progress, const Opening &opening)
{
    using R = Result<LaidOutPages, PdfError>;
    if (!isPdfOnDisk(path))
        return R::failure(PdfError::NotPdf);
    const auto read = reinterpret_cast<PdfPlugin::ReadContentV2>(loadPlugin(PdfPlugin::ReadContentV2Symbol));
    if (!read)
        return R::failure(PdfError::NoPdfSupport);
    // Every thread counts the pages it reads into one tally; the fraction is of the page count the
    // opening range brings (until then, of the opening's own size).
    std::atomic_int pagesRead = 0;
    std::atomic_int pageCount = 0;
    std::atomic_bool stopped = false;
    const std::function<bool()> nextPage = [&]() -> bool {
        if (stopped.load())
            return false;
        if (!progress)
            return true;
        const int count = pageCount.load();
        const double fraction = count > 0 ? std::min(1.0, double(pagesRead.fetch_add(1)) / count) : 0.0;
        if (!progress(fraction))
            stopped.store(true);
        return !stopped.load();
    };
    // The first pages on their own: they tell how many pages there are and bring the outline. A
    // short PDF is read in this one go; a caller waiting for the opening gets it as soon as can be.
    constexpr int FirstRange = 24;
    const int firstRange = maxPages > 0 ? maxPages : opening ? OpeningPages : FirstRange;
    PdfContent first;
    PdfPlugin::Status status = PdfPlugin::Status::NotPdf;
    // An opening read ahead serves wherever the opening is wanted: as the opening, or as the first
    // range of the whole document (the rest is then read on all cores).
    std::optional<Read> ahead;
    if (password.isEmpty() && (maxPages == 0 || maxPages == OpeningPages))
        ahead = takeReadAhead(path);
    if (ahead && ahead->status == PdfPlugin::Status::Ok) {
        qCDebug(pdfLog).noquote() << "the opening of" << path << "was read ahead";
        first = std::move(ahead->content);
        status = PdfPlugin::Status::Ok;
        pagesRead.store(int(first.pages.size()));
    } else {
        status = read(path, password, 0, firstRange, nextPage, &first);
    }
    if (status != PdfPlugin::Status::Ok)
        return R::failure(toPdfError(status));
    QList<PageWords> pages = std::move(first.pages);
    pageCount.store(maxPages > 0 ? std::min(maxPages, first.pageCount) : first.pageCount);
    // The rest in as many ranges as there are cores, each read by a thread of its own with a Poppler
    // document of its own (one document is not to be shared between threads).
    const int rest = maxPages > 0 ? 0 : first.pageCount - int(pages.size());
    if (opening && rest > 0)
        opening(PdfLayout::layOut(pages, first.bookmarks));
    if (rest > 0) {
        const int threads = std::clamp(QThread::idealThreadCount(), 1, 8);
        const int perThread = (rest + threads - 1) / threads;
        std::vector<PdfContent> ranges(static_cast<size_t>(threads));
        std::vector<PdfPlugin::Status> statuses(size_t(threads), PdfPlugin::Status::Ok);
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            const int from = int(pages.size()) + t * perThread;
            if (from >= first.pageCount)
                break;
            workers.emplace_back([&, t, from] {
                yieldToTheWindow();
                statuses[size_t(t)] = read(path, password, from, perThread, nextPage, &ranges[size_t(t)]);
            });
        }
        for (std::thread &w : workers)
            w.join();
        if (stopped.load())
            return R::failure(PdfError::Cancelled);
        for (size_t t = 0; t < workers.size(); ++t) {
            if (statuses[t] != PdfPlugin::Status::Ok)
                return R::failure(toPdfError(statuses[t])); // the file changed or went meanwhile
            pages += std::move(ranges[t].pages);
        }
    }
    const bool anyText = std::any_of(pages.cbegin(), pages.cend(), [](const PageWords &page) {
        return std::any_of(page.words.cbegin(), page.words.cend(),
            [](const PageWord &w) { return !w.text.trimmed().isEmpty(); });
    });
    if (pages.isEmpty())
        return R::failure(PdfError::Damaged);
    if (progress && !progress(1.0))
        return R::failure(PdfError::Cancelled);
    if (!anyText)
        return R::failure(PdfError::NoText);
    return PdfLayout::layOut(pages, first.bookmarks);
}

} // namespace Pizhu
