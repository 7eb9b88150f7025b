// Nothing the user has is lost, tried through the `pizhu` command line: the output it writes (a
// full disk, /dev/full, a FIFO or a device as -o, -o onto its own inputs), the standard input it
// reads (a slow producer, a pipe larger than one read) and the notes store it opens (a text file
// given as --db, a store with a damaged index page).
#include "clirun.h"
#include "storedamage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString Quotes[] = { u"质量强国"_s, u"形势背景"_s, u"总体要求"_s };

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size() && f.flush();
}

mode_t fileType(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

} // namespace

class TestCliSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void failedStandardOutputIsAnError_data();
    void failedStandardOutputIsAnError();
    void fullDiskKeepsTheOldOutputFile();
    void fifoAsOutputIsWrittenNotReplaced();
    void deviceAsOutputIsNeverReplaced_data();
    void deviceAsOutputIsNeverReplaced();
    void outputOntoAnInputIsRefused_data();
    void outputOntoAnInputIsRefused();
    void outputReplacesAFileWhole();

    void slowStandardInputIsReadToItsEnd();
    void pipeLargerThanOneReadIsReadToItsEnd();
    void standardInputOverTheLimitIsRefused();

    void fileThatIsNotAStoreIsRefusedUntouched_data();
    void fileThatIsNotAStoreIsRefusedUntouched();
    void damagedIndexPageRecoversEveryNote();

    void optionsBeforeTheCommandRunTheCommand();

private:
    CliRun::Result pizhu(const QStringList &args, const QByteArray &input = {});
    QString freshStoreWithNotes();
    QTemporaryDir m_dir;
    QString m_doc; // the bundled document, copied
    QString m_db; // a store with a note on each of Quotes
    int m_serial = 0;
};

CliRun::Result TestCliSafety::pizhu(const QStringList &args, const QByteArray &input)
{
    CliRun::Options options;
    options.env.insert(u"PIZHU_DB"_s, m_dir.filePath(u"unused-default.db"_s));
    options.env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    options.input = input;
    return CliRun::pizhu(args, options);
}

QString TestCliSafety::freshStoreWithNotes()
{
    const QString db = m_dir.filePath(u"notes-%1.db"_s.arg(++m_serial));
    for (const QString &quote : Quotes) {
        const auto r = pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, quote, u"--note"_s,
            u"关于%1的笔记"_s.arg(quote), u"--tag"_s, u"标签"_s, u"--db"_s, db });
        if (r.exitCode != 0)
            qWarning() << "note add failed:" << r.err;
    }
    return db;
}

void TestCliSafety::initTestCase()
{
    QVERIFY(QFile::exists(QStringLiteral(PIZHU_BINARY)));
    m_doc = m_dir.filePath(u"纲要.txt"_s);
    QVERIFY(
        QFile::copy(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"), m_doc));
    m_db = freshStoreWithNotes();
    const auto list = pizhu({ u"note"_s, u"list"_s, m_doc, u"--db"_s, m_db });
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.lines().size(), 4); // a header and three notes
}

// ---- output ----------------------------------------------------------------------------------

void TestCliSafety::failedStandardOutputIsAnError_data()
{
    QTest::addColumn<QStringList>("args");
    const QString doc = u"DOC"_s, db = u"DB"_s;
    QTest::newRow("blocks") << QStringList { u"blocks"_s, doc };
    QTest::newRow("outline") << QStringList { u"outline"_s, doc };
    QTest::newRow("note list") << QStringList { u"note"_s, u"list"_s, doc, u"--db"_s, db };
    QTest::newRow("targets") << QStringList { u"targets"_s, doc };
    QTest::newRow("search") << QStringList { u"search"_s, doc, u"质量"_s };
    QTest::newRow("search --notes") << QStringList { u"search"_s, u"--notes"_s, u"笔记"_s, u"--db"_s, db };
    QTest::newRow("export") << QStringList { u"export"_s, doc, u"--db"_s, db };
    QTest::newRow("export -o -") << QStringList { u"export"_s, doc, u"--db"_s, db, u"-o"_s, u"-"_s };
    QTest::newRow("--help") << QStringList { u"--help"_s };
}

void TestCliSafety::failedStandardOutputIsAnError()
{
    QFETCH(QStringList, args);
    args.replaceInStrings(u"DOC"_s, m_doc).replaceInStrings(u"DB"_s, m_db);
    QProcess p;
    p.setStandardOutputFile(u"/dev/full"_s);
    p.start(QStringLiteral(PIZHU_BINARY), args);
    QVERIFY(p.waitForFinished(120000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 4, qPrintable(u"exit %1: %2"_s.arg(p.exitCode()).arg(err)));
    QVERIFY2(err.contains(u"pizhu: standard output: No space left on device"_s), qPrintable(err));
}

void TestCliSafety::fullDiskKeepsTheOldOutputFile()
{
    // A 1 MiB tmpfs in a user namespace, filled, then exported onto a file it holds.
    static const QString script = uR"sh(set -u
dir=$1 bin=$2 doc=$3 db=$4
mount -t tmpfs -o size=1m tmpfs "$dir" 2>/dev/null || exit 90
printf 'a good file the user keeps\n' > "$dir/keep.md" || exit 91
head -c 2M /dev/zero > "$dir/filler" 2>/dev/null
"$bin" export "$doc" --db "$db" -o "$dir/keep.md" 2>"$dir/../full.err"
echo "exit=$?"
"$bin" export "$doc" --db "$db" > "$dir/stdout.md" 2>>"$dir/../full.err"
echo "stdout-exit=$?"
echo "--- keep.md"
cat "$dir/keep.md"
echo "--- files"
ls -A "$dir"
)sh"_s;
    const QString dir = m_dir.filePath(u"smalldisk"_s);
    QVERIFY(QDir().mkpath(dir));
    QProcess process;
    process.start(u"unshare"_s,
        { u"-rm"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, dir, QStringLiteral(PIZHU_BINARY), m_doc, m_db });
    if (!process.waitForStarted())
        QFAIL("unshare is not installed (Debian: util-linux, an essential package)");
    QVERIFY(process.waitForFinished(120000));
    if (process.exitCode() == 90)
        QSKIP("cannot mount a small tmpfs in a user namespace here");
    QCOMPARE(process.exitCode(), 0);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(readAll(m_dir.filePath(u"full.err"_s)));
    QVERIFY2(out.contains(u"\nexit=4\n"_s) || out.startsWith(u"exit=4\n"_s), qPrintable(out + err));
    QVERIFY2(out.contains(u"stdout-exit=4\n"_s), qPrintable(out + err));
    QVERIFY2(out.contains(u"--- keep.md\na good file the user keeps\n--- files\n"_s), qPrintable(out));
    // No temporary file is left behind.
    const QString files = out.mid(out.indexOf(u"--- files\n"_s) + 10);
    QCOMPARE(QStringList(files.split(u'\n', Qt::SkipEmptyParts)),
        QStringList({ u"filler"_s, u"keep.md"_s, u"stdout.md"_s }));
    QVERIFY2(err.contains(u"keep.md: "_s) && err.contains(u"No space left on device"_s), qPrintable(err));
}

void TestCliSafety::fifoAsOutputIsWrittenNotReplaced()
{
    const QString fifo = m_dir.filePath(u"export.fifo"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess reader;
    reader.start(u"cat"_s, { fifo });
    QVERIFY(reader.waitForStarted());
    const auto r = pizhu({ u"export"_s, m_doc, u"--db"_s, m_db, u"-o"_s, fifo });
    QVERIFY(reader.waitForFinished(60000));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString read = QString::fromUtf8(reader.readAllStandardOutput());
    for (const QString &quote : Quotes)
        QVERIFY2(read.contains(quote), qPrintable(read));
    QCOMPARE(fileType(fifo), mode_t(S_IFIFO));
}

void TestCliSafety::deviceAsOutputIsNeverReplaced_data()
{
    QTest::addColumn<int>("minor"); // of the memory devices (major 1): 3 /dev/null, 7 /dev/full
    QTest::addColumn<int>("exitCode");
    QTest::newRow("a null device takes the output") << 3 << 0;
    QTest::newRow("a full device refuses it") << 7 << 4;
}

void TestCliSafety::deviceAsOutputIsNeverReplaced()
{
    QFETCH(int, minor);
    QFETCH(int, exitCode);
    // A device node of the test's own, so a failure never replaces the machine's /dev/full.
    const QString node = m_dir.filePath(u"device-%1"_s.arg(minor));
    if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, minor)) != 0)
        QSKIP("cannot make a device node here (needs root)");
    const auto r = pizhu({ u"export"_s, m_doc, u"--db"_s, m_db, u"-o"_s, node });
    QVERIFY2(r.exitCode == exitCode, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
    QCOMPARE(fileType(node), mode_t(S_IFCHR));
    if (exitCode != 0)
        QVERIFY2(r.err.contains(u"No space left on device"_s), qPrintable(r.err));
}

void TestCliSafety::outputOntoAnInputIsRefused_data()
{
    QTest::addColumn<QString>("link"); // how -o reaches the input: "", "symlink" or "hardlink"
    QTest::addColumn<bool>("store"); // the notes store, else the document
    QTest::newRow("the notes store") << QString() << true;
    QTest::newRow("a symbolic link to the notes store") << u"symlink"_s << true;
    QTest::newRow("a hard link to the notes store") << u"hardlink"_s << true;
    QTest::newRow("the document") << QString() << false;
    QTest::newRow("a symbolic link to the document") << u"symlink"_s << false;
    QTest::newRow("a hard link to the document") << u"hardlink"_s << false;
}

void TestCliSafety::outputOntoAnInputIsRefused()
{
    QFETCH(QString, link);
    QFETCH(bool, store);
    const QString db = freshStoreWithNotes();
    const QString doc = m_dir.filePath(u"doc-%1.txt"_s.arg(++m_serial));
    QVERIFY(QFile::copy(m_doc, doc));
    const QString input = store ? db : doc;
    QString output = input;
    if (link == u"symlink") {
        output = m_dir.filePath(u"link-%1"_s.arg(++m_serial));
        QVERIFY(QFile::link(input, output));
    } else if (link == u"hardlink") {
        output = m_dir.filePath(u"hard-%1"_s.arg(++m_serial));
        QCOMPARE(::link(QFile::encodeName(input).constData(), QFile::encodeName(output).constData()), 0);
    }
    const QByteArray before = readAll(input);
    const auto r = pizhu({ u"export"_s, doc, u"--db"_s, db, u"-o"_s, output });
    QVERIFY2(r.exitCode == 4, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.contains(store ? u"is the notes database"_s : u"is the document being exported"_s),
        qPrintable(r.err));
    QCOMPARE(r.err.count(u'\n'), qsizetype(1));
    QCOMPARE(readAll(input), before);
    const auto list = pizhu({ u"note"_s, u"list"_s, doc, u"--db"_s, db });
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.lines().size(), 4);
}

void TestCliSafety::outputReplacesAFileWhole()
{
    const QString out = m_dir.filePath(u"notes.md"_s);
    QVERIFY(writeFile(out, "an older export\n"));
    QVERIFY(QFile::setPermissions(out, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
    const QString link = m_dir.filePath(u"notes-link.md"_s);
    QVERIFY(QFile::link(out, link));
    const auto r = pizhu({ u"export"_s, m_doc, u"--db"_s, m_db, u"-o"_s, link });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // Written through the link, which stays a link; the file keeps its permissions.
    QCOMPARE(fileType(link), mode_t(S_IFLNK));
    const QString written = QString::fromUtf8(readAll(out));
    for (const QString &quote : Quotes)
        QVERIFY(written.contains(quote));
    QCOMPARE(QFile::permissions(out),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser | QFile::ReadGroup);
    QCOMPARE(QDir(m_dir.path()).entryList({ u".notes.md*"_s }, QDir::Hidden | QDir::Files), QStringList());
}

// ---- standard input ---------------------------------------------------------------------------

void TestCliSafety::slowStandardInputIsReadToItsEnd()
{
    const QByteArray text = readAll(m_doc);
    const auto whole = pizhu({ u"blocks"_s, m_doc });
    QCOMPARE(whole.exitCode, 0);
    QProcess p;
    p.start(QStringLiteral(PIZHU_BINARY), { u"blocks"_s, u"-"_s });
    QVERIFY(p.waitForStarted());
    // In pieces of 2 KB with pauses, as a program that computes its output would write it.
    for (qsizetype at = 0; at < text.size(); at += 2048) {
        p.write(text.mid(at, 2048));
        QVERIFY(p.waitForBytesWritten(10000));
        QThread::msleep(40);
    }
    p.closeWriteChannel();
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray out = p.readAllStandardOutput();
    QCOMPARE(out.count('\n'), whole.stdoutBytes.count('\n'));
    QCOMPARE(out, whole.stdoutBytes);
}

void TestCliSafety::pipeLargerThanOneReadIsReadToItsEnd()
{
    // About 450 KB, seven times what one read of a pipe returns.
    const QString big = m_dir.filePath(u"big.txt"_s);
    QVERIFY(writeFile(big, readAll(m_doc).repeated(20)));
    const auto fromFile = pizhu({ u"blocks"_s, big });
    QCOMPARE(fromFile.exitCode, 0);
    QProcess p;
    p.start(
        u"sh"_s, { u"-c"_s, u"cat \"$1\" | \"$2\" blocks -"_s, u"sh"_s, big, QStringLiteral(PIZHU_BINARY) });
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray out = p.readAllStandardOutput();
    QCOMPARE(out.count('\n'), fromFile.stdoutBytes.count('\n'));
    QCOMPARE(out, fromFile.stdoutBytes);
}

void TestCliSafety::standardInputOverTheLimitIsRefused()
{
    // One line of text repeated past the documented 512 MiB, through a pipe.
    QProcess p;
    p.start(u"sh"_s,
        { u"-c"_s, u"yes 质量是人类生产生活的重要保障。 | head -c 536870950 | \"$1\" blocks -"_s, u"sh"_s,
            QStringLiteral(PIZHU_BINARY) });
    QVERIFY(p.waitForFinished(300000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(p.exitCode() == 3, qPrintable(u"exit %1: %2"_s.arg(p.exitCode()).arg(err)));
    QVERIFY2(err.contains(u"larger than Pizhu opens"_s), qPrintable(err));
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

// ---- the notes store --------------------------------------------------------------------------

void TestCliSafety::fileThatIsNotAStoreIsRefusedUntouched_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("a text file") << u"text"_s;
    QTest::newRow("another program's SQLite database") << u"sqlite"_s;
}

void TestCliSafety::fileThatIsNotAStoreIsRefusedUntouched()
{
    QFETCH(QString, kind);
    const QString folder = m_dir.filePath(u"foreign-%1"_s.arg(kind));
    QVERIFY(QDir().mkpath(folder));
    const QString file = folder + u"/mine.db"_s;
    if (kind == u"text") {
        QVERIFY(writeFile(file, u"我的日记，不是数据库。\n"_s.toUtf8().repeated(200)));
    } else {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign"_s);
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE history (url TEXT, visited TEXT)"_s));
            QVERIFY(q.exec(u"INSERT INTO history VALUES ('https://example.org', '2026-01-01')"_s));
        }
        QSqlDatabase::removeDatabase(u"foreign"_s);
    }
    const QByteArray before = readAll(file);
    for (const QStringList &args : { QStringList { u"note"_s, u"list"_s, m_doc, u"--db"_s, file },
             QStringList { u"note"_s, u"add"_s, m_doc, u"--quote"_s, Quotes[0], u"--occurrence"_s, u"1"_s,
                 u"--db"_s, file },
             QStringList { u"export"_s, m_doc, u"--db"_s, file } }) {
        const auto r = pizhu(args);
        QVERIFY2(r.exitCode == 3,
            qPrintable(u"%1: exit %2: %3"_s.arg(args.join(u' ')).arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(u"not a Pizhu notes database"_s), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), qsizetype(1));
    }
    QCOMPARE(readAll(file), before);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList { u"mine.db"_s });
}

void TestCliSafety::damagedIndexPageRecoversEveryNote()
{
    const QString db = freshStoreWithNotes();
    const QString folder = QFileInfo(db).absolutePath();
    // The index page is overwritten; the notes' own table pages are intact.
    const QString failed = StoreDamage::overwriteIndexPage(db);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const QByteArray damaged = readAll(db);

    const auto r = pizhu({ u"note"_s, u"list"_s, m_doc, u"--db"_s, db });
    QVERIFY2(r.exitCode == 6, qPrintable(u"exit %1: %2"_s.arg(r.exitCode).arg(r.err)));
    QVERIFY2(r.err.contains(u"was damaged; 3 notes were recovered"_s), qPrintable(r.err));
    QCOMPARE(r.lines().size(), 4);
    for (const QString &quote : Quotes)
        QVERIFY2(r.out.contains(u"关于%1的笔记"_s.arg(quote)), qPrintable(r.out));
    // The damaged file is kept beside the new store, byte for byte, where the message says.
    const QStringList kept
        = QDir(folder).entryList({ QFileInfo(db).fileName() + u".damaged-*"_s }, QDir::Files | QDir::Hidden);
    QCOMPARE(kept.size(), 1);
    QVERIFY2(r.err.contains(folder + u'/' + kept.first()), qPrintable(r.err));
    QCOMPARE(readAll(folder + u'/' + kept.first()), damaged);
    // The new store is whole: the next run is a normal one, and the notes' words are searchable.
    const auto again = pizhu({ u"search"_s, u"--notes"_s, u"笔记"_s, u"--db"_s, db });
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY(again.err.isEmpty());
    QVERIFY2(again.out.endsWith(u"3 notes\n"_s), qPrintable(again.out));
}

void TestCliSafety::optionsBeforeTheCommandRunTheCommand()
{
    const auto r = pizhu({ u"--db"_s, m_db, u"note"_s, u"list"_s, m_doc });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.lines().size(), 4);
}

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_cli_safety.moc"
