#include "outputwriter.h"

#include "clisupport.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {

namespace {

int standardOutputErrno = 0; // the first failed write to standard output; 0: none

QString reason(int error)
{
    return qt_error_string(error);
}

// Writes all of bytes to fd, through short writes and interruptions; 0 or the errno that stopped it.
int writeAll(int fd, const QByteArray &bytes)
{
    const char *at = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, at, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        at += n;
        left -= n;
    }
    return 0;
}

// The file a path stands for: a symbolic link is followed (writing through it, as a user who
// made it expects, instead of replacing the link with a file), even when it points nowhere yet.
QString resolved(const QString &path)
{
    QFileInfo info(path);
    for (int hops = 0; info.isSymLink() && hops < 40; ++hops)
        info = QFileInfo(info.symLinkTarget());
    return info.absoluteFilePath();
}

bool failed(const QString &path, const QString &step, int error)
{
    err(u"pizhu: %1: %2: %3\n"_s.arg(path, step, reason(error)));
    return false;
}

// Writes straight into something that is not a regular file (a FIFO, a terminal, /dev/null):
// replacing it would destroy it, and there is nothing to keep whole.
bool writeInPlace(const QString &shownPath, const QString &path, const QByteArray &bytes)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return failed(shownPath, u"cannot be opened for writing"_s, errno);
    if (const int e = writeAll(fd, bytes)) {
        ::close(fd);
        return failed(shownPath, u"cannot be written"_s, e);
    }
    if (::close(fd) != 0)
        return failed(shownPath, u"cannot be written"_s, errno);
    return true;
}

// Writes a temporary file beside path and renames it over path: a reader, a crash or a full disk
// sees the old file or the new one, never half of one.
bool replaceWhole(const QString &shownPath, const QString &path, const QByteArray &bytes, mode_t mode)
{
    const QFileInfo info(path);
    QByteArray tmpl = QFile::encodeName(info.absolutePath() + u"/."_s + info.fileName() + u".pizhu-XXXXXX"_s);
    const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
    if (fd < 0)
        return failed(shownPath, u"cannot be written"_s, errno);
    auto abandon = [&](const QString &step, int error) {
        ::close(fd);
        ::unlink(tmpl.constData());
        return failed(shownPath, step, error);
    };
    if (::fchmod(fd, mode) != 0)
        return abandon(u"cannot be written"_s, errno);
    if (const int e = writeAll(fd, bytes))
        return abandon(u"cannot be written"_s, e);
    // The rename below promises a complete file: its bytes must be on the disk first.
    if (::fsync(fd) != 0)
        return abandon(u"cannot be written to the disk"_s, errno);
    if (::close(fd) != 0) {
        const int e = errno;
        ::unlink(tmpl.constData());
        return failed(shownPath, u"cannot be written"_s, e);
    }
    if (::rename(tmpl.constData(), QFile::encodeName(path).constData()) != 0) {
        const int e = errno;
        ::unlink(tmpl.constData());
        return failed(shownPath, u"cannot be replaced"_s, e);
    }
    // The rename itself is durable only once the folder is; some file systems cannot say.
    const int dir
        = ::open(QFile::encodeName(info.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        const bool synced = ::fsync(dir) == 0 || errno == EINVAL;
        const int e = errno;
        ::close(dir);
        if (!synced)
            return failed(shownPath, u"cannot be written to the disk"_s, e);
    }
    return true;
}

mode_t currentUmask()
{
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

} // namespace

std::optional<QString> OutputWriter::refusal(const QString &path, const QList<Input> &inputs)
{
    if (path.isEmpty() || path == u"-")
        return std::nullopt;
    const QString target = resolved(path);
    struct stat out
    {
    };
    const bool exists = ::stat(QFile::encodeName(target).constData(), &out) == 0;
    for (const Input &input : inputs) {
        if (input.path.isEmpty() || input.path == u"-")
            continue;
        struct stat in
        {
        };
        const bool sameFile = exists && ::stat(QFile::encodeName(input.path).constData(), &in) == 0
            && in.st_dev == out.st_dev && in.st_ino == out.st_ino;
        if (sameFile || target == resolved(input.path))
            return u"%1 is %2; choose another output file"_s.arg(path, input.what);
    }
    if (!exists)
        return std::nullopt;
    if (S_ISDIR(out.st_mode))
        return u"%1 is a folder; -o needs a file name"_s.arg(path);
    if (S_ISBLK(out.st_mode) || S_ISSOCK(out.st_mode))
        return u"%1 is not a file Pizhu writes to (a block device or a socket)"_s.arg(path);
    return std::nullopt;
}

bool OutputWriter::write(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty() || path == u"-") {
        writeStandardOutput(bytes);
        return standardOutputErrno == 0;
    }
    const QString target = resolved(path);
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(target).constData(), &st) == 0) {
        if (S_ISREG(st.st_mode))
            return replaceWhole(path, target, bytes, st.st_mode & 07777);
        if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
            return writeInPlace(path, target, bytes);
        err(u"pizhu: %1: not a file Pizhu writes to\n"_s.arg(path));
        return false;
    }
    if (errno != ENOENT)
        return failed(path, u"cannot be written"_s, errno);
    return replaceWhole(path, target, bytes, 0666 & ~currentUmask());
}

void OutputWriter::writeStandardOutput(const QByteArray &bytes)
{
    if (bytes.isEmpty() || standardOutputErrno != 0)
        return;
    if (std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) != size_t(bytes.size()))
        standardOutputErrno = errno ? errno : EIO;
}

bool OutputWriter::finishStandardOutput()
{
    errno = 0;
    if (standardOutputErrno == 0 && std::fflush(stdout) != 0)
        standardOutputErrno = errno ? errno : EIO;
    // Closing is the last chance to hear of a failed write (NFS reports some only then); a
    // standard output that was never open (>&-) is no failure if nothing was written to it.
    errno = 0;
    if (std::fclose(stdout) != 0 && standardOutputErrno == 0 && errno != EBADF)
        standardOutputErrno = errno ? errno : EIO;
    if (standardOutputErrno == 0)
        return true;
    err(u"pizhu: standard output: %1\n"_s.arg(reason(standardOutputErrno)));
    return false;
}

} // namespace Pizhu::Cli
