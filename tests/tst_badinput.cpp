// Inputs that must never crash Pizhu or eat the machine's memory, tried through the importer and
// through the `pizhu` command line (exit status 3 and one clear line on stderr when refused).
#include "importer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

namespace {

// How a test input comes into being: most are bytes written to a file, the rest are things that
// are not readable text files at all.
enum class Source { Bytes, Directory, Missing, Sparse, NamedPipe, Device };

constexpr qint64 OneGiB = qint64(1) << 30;

QByteArray repeated(const QByteArray &unit, qsizetype times)
{
    QByteArray out;
    out.reserve(unit.size() * times);
    for (qsizetype i = 0; i < times; ++i)
        out += unit;
    return out;
}

QByteArray lines(const QList<QByteArray> &list, qsizetype times)
{
    QByteArray out;
    for (qsizetype i = 0; i < times; ++i)
        for (const QByteArray &line : list)
            out += line + '\n';
    return out;
}

// Chinese text in GB18030 with `bad` undecodable bytes (0xFF, never valid there) spread through it.
QByteArray gb18030WithInvalidBytes(int bad)
{
    QStringEncoder encoder("GB18030");
    QByteArray out;
    for (int i = 0; i < 40; ++i) {
        out += QByteArray(
            encoder.encode(u"质量是人类生产生活的重要保障，建设质量强国是推动高质量发展的重要举措。"_s));
        if (i % 10 == 5 && bad-- > 0)
            out += '\xFF';
        out += '\n';
    }
    return out;
}

// /proc/self/io counts the bytes this process has read through read() and its kin; -1 when the
// kernel does not provide it.
qint64 bytesReadSoFar()
{
    QFile io(u"/proc/self/io"_s);
    if (!io.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : io.readAll().split('\n'))
        if (line.startsWith("rchar:"))
            return line.mid(6).trimmed().toLongLong();
    return -1;
}

} // namespace

Q_DECLARE_METATYPE(Source)
Q_DECLARE_METATYPE(ImportError)

class TestBadInput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    QString makeInput(Source source, const QByteArray &bytes);
    struct CliResult
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static CliResult runCli(const QStringList &args, const QByteArray &stdinBytes = {});
    static void checkConsistent(const Document &doc);

private slots:
    void initTestCase();

    void importerRefuses_data();
    void importerRefuses();
    void cliRefusesWithExitThreeAndOneClearLine_data();
    void cliRefusesWithExitThreeAndOneClearLine();

    void oversizedFileIsRefusedWithoutBeingRead();

    void invalidSequencesBecomeReplacementCharacters_data();
    void invalidSequencesBecomeReplacementCharacters();
    void cliShowsReplacementCharactersForInvalidBytes();

    void singleFiftyMegabyteLineOpensAsOneParagraph();
    void fileOfOnlyHeadingsOpensWithEveryHeadingInTheOutline();
    void repeatedHeadingMarkersOpenWithoutCrashing_data();
    void repeatedHeadingMarkersOpenWithoutCrashing();

    void fullDiskFailsTheWriteAndKeepsWhatWasSaved();
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestBadInput::makeInput(Source source, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(u"input-%1.txt"_s.arg(++m_serial));
    switch (source) {
    case Source::Bytes: {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    case Source::Directory:
        return QDir(m_dir.path()).mkdir(path) ? path : QString();
    case Source::Missing:
        return path;
    case Source::Sparse: {
        // resize() makes a sparse file: a gigabyte that takes no disk space and no time to write.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.resize(bytes.toLongLong()))
            return {};
        return path;
    }
    case Source::NamedPipe:
        // Nobody ever writes to it: an importer that opened it would wait forever.
        return ::mkfifo(QFile::encodeName(path).constData(), 0600) == 0 ? path : QString();
    case Source::Device:
        return u"/dev/zero"_s; // endless: reading it would exhaust memory
    }
    return {};
}

TestBadInput::CliResult TestBadInput::runCli(const QStringList &args, const QByteArray &stdinBytes)
{
    CliResult result;
    if (!QFile::exists(QStringLiteral(PIZHU_BINARY))) {
        result.err = QStringLiteral("no executable at " PIZHU_BINARY);
        return result;
    }
    QProcess process;
    process.start(QStringLiteral(PIZHU_BINARY), args);
    if (!process.waitForStarted())
        return result;
    if (!stdinBytes.isEmpty())
        process.write(stdinBytes);
    process.closeWriteChannel();
    // Generous: sanitizer builds are slow. This is a hang guard, not a speed check.
    if (!process.waitForFinished(300'000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The invariants every view relies on: blocks lie inside the canonical text and the source.
void TestBadInput::checkConsistent(const Document &doc)
{
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            QVERIFY(block.textStart >= 0 && block.textStart + block.text.size() <= doc.text().size());
            QCOMPARE(doc.text().mid(block.textStart, block.text.size()), block.text);
            QVERIFY(block.titleLength >= 0 && block.titleLength <= block.text.size());
            QVERIFY(block.sourceStart <= block.sourceEnd && block.sourceEnd <= doc.source().size());
        }
    }
}

static void addRefusalRows()
{
    QTest::addColumn<Source>("source");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ImportError>("error");
    QTest::addColumn<QString>("message");

    QTest::newRow("directory instead of a file")
        << Source::Directory << QByteArray() << ImportError::NotAFile << u"not a regular file"_s;
    QTest::newRow("missing file") << Source::Missing << QByteArray() << ImportError::NotFound
                                  << u"no such file"_s;
    QTest::newRow("named pipe") << Source::NamedPipe << QByteArray() << ImportError::NotAFile
                                << u"not a regular file"_s;
    QTest::newRow("endless device") << Source::Device << QByteArray() << ImportError::NotAFile
                                    << u"not a regular file"_s;
    QTest::newRow("empty file") << Source::Bytes << QByteArray() << ImportError::Empty << u"empty"_s;
    QTest::newRow("only blank lines")
        << Source::Bytes << QByteArray("\n\n   \n\t\n\r\n") << ImportError::Empty << u"empty"_s;
    QTest::newRow("NUL byte inside text")
        << Source::Bytes << (QByteArray("第一章 总则\n正文") + '\0' + "正文\n") << ImportError::Binary
        << u"binary"_s;
    QTest::newRow("PNG header") << Source::Bytes << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)
                                << ImportError::Binary << u"binary"_s;
    QTest::newRow("UTF-16 with a BOM hiding NULs")
        << Source::Bytes << QByteArray("\xFF\xFEx\0\0\0y\0", 8) << ImportError::Binary << u"binary"_s;
    QTest::newRow("1 GB file") << Source::Sparse << QByteArray::number(OneGiB) << ImportError::TooLarge
                               << u"larger"_s;
    QTest::newRow("one byte over the limit")
        << Source::Sparse << QByteArray::number(Importer::MaxFileSize + 1) << ImportError::TooLarge
        << u"larger"_s;
}

void TestBadInput::importerRefuses_data()
{
    addRefusalRows();
}

void TestBadInput::importerRefuses()
{
    QFETCH(Source, source);
    QFETCH(QByteArray, bytes);
    QFETCH(ImportError, error);
    const QString path = makeInput(source, bytes);
    QVERIFY(!path.isEmpty());
    const auto result = Importer().importFile(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), error);
}

void TestBadInput::cliRefusesWithExitThreeAndOneClearLine_data()
{
    addRefusalRows();
}

void TestBadInput::cliRefusesWithExitThreeAndOneClearLine()
{
    QFETCH(Source, source);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    const QString path = makeInput(source, bytes);
    QVERIFY(!path.isEmpty());
    const CliResult result = runCli({ u"outline"_s, path });
    QVERIFY2(result.exitCode == 3, qPrintable(u"exit %1: %2"_s.arg(result.exitCode).arg(result.err)));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith(u"pizhu: "_s + path + u": "_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), qsizetype(1));
}

void TestBadInput::oversizedFileIsRefusedWithoutBeingRead()
{
    const QString path = makeInput(Source::Sparse, QByteArray::number(OneGiB));
    QVERIFY(!path.isEmpty());
    const qint64 before = bytesReadSoFar();
    if (before < 0)
        QSKIP("/proc/self/io is not available here");
    bool progressed = false;
    Importer importer;
    importer.setProgress([&progressed](double) { return progressed = true; });
    const auto result = importer.importFile(path);
    const qint64 read = bytesReadSoFar() - before;
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), ImportError::TooLarge);
    QVERIFY(!progressed);
    // Reading /proc/self/io itself counts a few hundred bytes; the file would count a gigabyte.
    QVERIFY2(read < 64 * 1024, qPrintable(u"read %1 bytes"_s.arg(read)));
}

void TestBadInput::invalidSequencesBecomeReplacementCharacters_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<qsizetype>("invalid");
    QTest::addColumn<QString>("survivingText");

    // A whole document, as a real damaged file would be: in a few lines of Chinese, UTF-8's
    // three-byte sequences also pass for GB18030 pairs, and charset detection has little to go on.
    QFile seed(QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt"));
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const QByteArray utf8 = seed.readAll();
    const qsizetype cut = utf8.indexOf('\n', utf8.size() / 2) + 1; // between lines, not inside a character
    QTest::newRow("invalid UTF-8: stray continuation byte")
        << QByteArray(utf8.left(cut) + "\x80" + utf8.mid(cut)) << QByteArray("UTF-8") << qsizetype(1)
        << u"质量强国"_s;
    QTest::newRow("invalid UTF-8: truncated sequence at the end")
        << QByteArray(utf8 + "\xE6\x8E") << QByteArray("UTF-8") << qsizetype(1) << u"质量强国"_s;
    QTest::newRow("invalid UTF-8: overlong slash") << QByteArray(utf8.left(cut) + "\xC0\xAF" + utf8.mid(cut))
                                                   << QByteArray("UTF-8") << qsizetype(2) << u"质量强国"_s;
    QTest::newRow("invalid UTF-8: surrogate half")
        << QByteArray(utf8.left(cut) + "\xED\xA0\x80" + utf8.mid(cut)) << QByteArray("UTF-8") << qsizetype(3)
        << u"质量强国"_s;
    QTest::newRow("invalid GB18030: one bad byte")
        << gb18030WithInvalidBytes(1) << QByteArray("GB18030") << qsizetype(1) << u"建设质量强国"_s;
    QTest::newRow("invalid GB18030: three bad bytes")
        << gb18030WithInvalidBytes(3) << QByteArray("GB18030") << qsizetype(3) << u"重要保障"_s;
}

void TestBadInput::invalidSequencesBecomeReplacementCharacters()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, encoding);
    QFETCH(qsizetype, invalid);
    QFETCH(QString, survivingText);
    const auto result = Importer().importBytes(bytes, u"input.txt"_s);
    QVERIFY(result.ok());
    const Document &doc = result.value();
    QCOMPARE(doc.decodeInfo().encoding, encoding);
    QCOMPARE(doc.decodeInfo().invalidSequences, invalid);
    QCOMPARE(doc.text().count(QChar::ReplacementCharacter), invalid);
    QVERIFY(doc.text().contains(survivingText));
    checkConsistent(doc);
}

void TestBadInput::cliShowsReplacementCharactersForInvalidBytes()
{
    const QString path = makeInput(Source::Bytes, gb18030WithInvalidBytes(2));
    const CliResult result = runCli({ u"blocks"_s, path });
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.count(QChar::ReplacementCharacter), qsizetype(2));
    QVERIFY(result.out.contains(u"建设质量强国"_s));
}

void TestBadInput::singleFiftyMegabyteLineOpensAsOneParagraph()
{
    // 27 bytes of UTF-8 a unit: 9 characters, no line break anywhere.
    const QByteArray unit = u"质量强国建设纲要，"_s.toUtf8();
    const qsizetype units = 50 * 1024 * 1024 / unit.size();
    const QString path = makeInput(Source::Bytes, repeated(unit, units));
    QVERIFY(!path.isEmpty());
    {
        const auto result = Importer().importFile(path);
        QVERIFY(result.ok());
        const Document &doc = result.value();
        QCOMPARE(doc.parts().size(), qsizetype(1));
        QCOMPARE(doc.parts().first().blocks.size(), qsizetype(1));
        QCOMPARE(doc.parts().first().blocks.first().kind, BlockKind::Paragraph);
        QCOMPARE(doc.text().size(), units * 9);
        checkConsistent(doc);
    }
    const CliResult cli = runCli({ u"outline"_s, path });
    QCOMPARE(cli.exitCode, 0);
    QVERIFY(cli.err.isEmpty());
}

void TestBadInput::fileOfOnlyHeadingsOpensWithEveryHeadingInTheOutline()
{
    const QList<QByteArray> headings = { "第一章 总则", "一、形势背景", "（一）指导思想", "第二章 目标",
        "二、主要任务", "（二）基本原则" };
    constexpr qsizetype times = 500;
    const QString path = makeInput(Source::Bytes, lines(headings, times));
    const auto result = Importer().importFile(path);
    QVERIFY(result.ok());
    const Document &doc = result.value();
    checkConsistent(doc);
    qsizetype blocks = 0;
    for (const Part &part : doc.parts()) {
        for (const Block &block : part.blocks) {
            ++blocks;
            QVERIFY2(block.opensSection(), qPrintable(block.text));
        }
    }
    QCOMPARE(blocks, headings.size() * times);
    const CliResult cli = runCli({ u"outline"_s, path });
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(cli.out.count(u"（一）指导思想"_s), times);
}

void TestBadInput::repeatedHeadingMarkersOpenWithoutCrashing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");

    QTest::newRow("一、 repeated on one line") << repeated("一、", 100'000) << u"a.txt"_s;
    QTest::newRow("（一） repeated on one line") << repeated("（一）", 100'000) << u"a.txt"_s;
    QTest::newRow("parentheses nested 50000 deep")
        << QByteArray(repeated("（", 50'000) + "一" + repeated("）", 50'000)) << u"a.txt"_s;
    QTest::newRow("第一章 repeated on one line") << repeated("第一章", 50'000) << u"a.txt"_s;
    QTest::newRow("bare markers, 100000 lines")
        << lines({ "一、", "（一）", "1.", "第一章" }, 25'000) << u"a.txt"_s;
    QTest::newRow("100000 Markdown hashes")
        << QByteArray(repeated("#", 100'000) + " 标题\n正文。\n") << u"a.md"_s;
    QTest::newRow("Markdown headings at every level, 20000 lines")
        << lines({ "# 一", "## 二", "### 三", "#### 四", "##### 五", "###### 六", "####### 七" }, 3000)
        << u"a.md"_s;
    QTest::newRow("ten thousand digits of a list number")
        << QByteArray(repeated("9", 10'000) + ". 条目\n" + repeated("9", 10'000) + "、条目\n") << u"a.txt"_s;
}

void TestBadInput::repeatedHeadingMarkersOpenWithoutCrashing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    const auto result = Importer().importBytes(bytes, name);
    QVERIFY(result.ok());
    checkConsistent(result.value());
    QVERIFY(!result->outlineText().isNull());
}

// A disk that fills up under the notes database: a 4 MB tmpfs mounted in a private user and mount
// namespace (unshare -rm, no root needed), three notes saved, the rest of the space taken by a
// filler file, then a fourth note too big for what is left.
void TestBadInput::fullDiskFailsTheWriteAndKeepsWhatWasSaved()
{
    static const QString script = uR"sh(set -u
dir=$1 bin=$2 doc=$3
echo in-namespace
mount -t tmpfs -o size=4m tmpfs "$dir" || exit 90
for q in 质量强国 形势背景 总体要求; do
    "$bin" note add "$doc" --quote "$q" --note "saved before the disk filled" --db "$dir/notes.db" \
        >/dev/null 2>&1 || exit 91
done
head -c 8M /dev/zero > "$dir/filler" 2>/dev/null
"$bin" note add "$doc" --quote 主要目标 --note "$(head -c 100000 /dev/zero | tr '\0' x)" \
    --db "$dir/notes.db" >/dev/null 2>"$dir.err"
echo "exit=$?"
rm -f "$dir/filler"
"$bin" note list "$doc" --db "$dir/notes.db"
)sh"_s;
    if (!QFile::exists(QStringLiteral(PIZHU_BINARY)))
        QFAIL("no executable at " PIZHU_BINARY);
    const QString dir = m_dir.filePath(u"smalldisk"_s);
    QVERIFY(QDir().mkpath(dir));
    QProcess process;
    process.start(u"unshare"_s,
        { u"-rm"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, dir, QStringLiteral(PIZHU_BINARY),
            QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt") });
    if (!process.waitForStarted())
        QFAIL("unshare is not installed (Debian: util-linux, an essential package)");
    QVERIFY(process.waitForFinished(300'000));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString stderrText = QString::fromUtf8(process.readAllStandardError()).trimmed();
    // Only the machine's refusal is a skip (tests/allowed-skips.txt lists it): no user namespace, so
    // the script never ran, or the script's mount failed. Anything else the script or Pizhu did,
    // a crash, a store that cannot be listed after the disk filled, fails the test.
    if (!out.startsWith(u"in-namespace\n"_s))
        QSKIP(qPrintable(u"cannot mount a small tmpfs: no user namespace here (%1)"_s.arg(stderrText)));
    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 90)
        QSKIP(qPrintable(u"cannot mount a small tmpfs in a user namespace here (%1)"_s.arg(stderrText)));
    // 91: a note failed to save before the disk was full; anything else: the listing failed.
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        qPrintable(u"exit %1: %2\n%3"_s.arg(process.exitCode()).arg(out, stderrText)));

    QVERIFY2(out.contains(u"exit=5\n"_s), qPrintable(out));
    QFile errFile(dir + u".err"_s);
    QVERIFY(errFile.open(QIODevice::ReadOnly));
    const QString err = QString::fromUtf8(errFile.readAll());
    QVERIFY2(err.startsWith(u"pizhu: "_s + dir + u"/notes.db: "_s), qPrintable(err));
    QCOMPARE(err.count(u'\n'), qsizetype(1));
    QVERIFY2(err.contains(u"the disk is full"_s), qPrintable(err));
    // Nothing saved before is lost, and the note that did not fit left nothing half-written.
    QCOMPARE(out.count(u"saved before the disk filled"_s), qsizetype(3));
    for (const QString &quote : { u"质量强国"_s, u"形势背景"_s, u"总体要求"_s })
        QVERIFY2(out.contains(quote), qPrintable(quote));
    QVERIFY(!out.contains(u"主要目标"_s));
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
