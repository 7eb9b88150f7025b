#include "clirun.h"
#include "importer.h"
#include "webannotationjson.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

using Run = CliRun::Result;

Run pizhu(const QStringList &args, const QByteArray &input = {})
{
    CliRun::Options options;
    options.input = input;
    return CliRun::pizhu(args, options);
}

QString bundled()
{
    return QStringLiteral(PIZHU_SOURCE_DIR "/resources/quality-outline-and-commentary.txt");
}

QString expectedOutline()
{
    QFile f(QStringLiteral(PIZHU_FIXTURES_DIR "/seed/outline.expected"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no outline.expected");
    QStringList lines;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(u'\n'))
        if (!line.startsWith(u'#') && !line.isEmpty())
            lines << line;
    return lines.join(u'\n') + u'\n';
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void outlinePrintsFixtureFormat();
    void outlineReadsStandardInput();
    void blocksPrintsPartKindAndText();
    void exitCodes_data();
    void exitCodes();
    void fileRemovedAfterBeingNamedExitsThree_data();
    void fileRemovedAfterBeingNamedExitsThree();
    void versionAndHelp();
    void standardInputIsReadUpToTheLimit();
    void notesFileOverTheLimitIsRefused();
    void notesFileThatIsNotAFileIsRefused_data();
    void notesFileThatIsNotAFileIsRefused();
};

void TestCli::outlinePrintsFixtureFormat()
{
    const Run r = pizhu({ u"outline"_s, bundled() });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expectedOutline());
    QVERIFY(r.err.isEmpty());
}

void TestCli::outlineReadsStandardInput()
{
    QFile f(bundled());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Run r = pizhu({ u"outline"_s, u"-"_s }, f.readAll());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expectedOutline());
}

void TestCli::blocksPrintsPartKindAndText()
{
    const Run r = pizhu({ u"blocks"_s, bundled() });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 50);
    QVERIFY(lines.contains(u"1\theading\t一、形势背景"_s));
    QVERIFY(lines.contains(u"2\tparagraph\t（新华社北京2月6日电）"_s));
    // The run-in heading's paragraph is one paragraph, its body included.
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [](const QString &l) {
        return l.startsWith(u"1\tparagraph\t（一）指导思想。以习近平") && l.endsWith(u"提供质量支撑。");
    }));
    QVERIFY(std::any_of(lines.cbegin(), lines.cend(),
        [](const QString &l) { return l.startsWith(u"1\titem\t——经济发展质量效益明显提升。"); }));
    for (const QString &line : lines)
        QCOMPARE(line.count(u'\t'), 2);
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("fileContent"); // written to a temporary file named by %FILE%
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrHas");
    QTest::newRow("outline without a file is bad usage")
        << QStringList { u"outline"_s } << QByteArray() << 2 << u"usage"_s;
    QTest::newRow("outline with two files is bad usage")
        << QStringList { u"outline"_s, u"a"_s, u"b"_s } << QByteArray() << 2 << u"usage"_s;
    QTest::newRow("missing file") << QStringList { u"outline"_s, u"/nonexistent/file.txt"_s } << QByteArray()
                                  << 3 << u"no such file"_s;
    QTest::newRow("a directory") << QStringList { u"blocks"_s, u"/tmp"_s } << QByteArray() << 3
                                 << u"not a regular file"_s;
    QTest::newRow("binary file") << QStringList { u"outline"_s, u"%FILE%"_s }
                                 << QByteArray("\x7f"
                                               "ELF\x02\x01\x01\0\0\0\0",
                                        12)
                                 << 3 << u"binary"_s;
    QTest::newRow("empty file") << QStringList { u"blocks"_s, u"%FILE%"_s } << QByteArray() << 3
                                << u"empty"_s;
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, fileContent);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrHas);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"input.txt"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(fileContent);
    f.close();
    args.replaceInStrings(u"%FILE%"_s, path);
    const Run r = pizhu(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(stderrHas), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::fileRemovedAfterBeingNamedExitsThree_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("a text file") << u"gone.txt"_s << QByteArray("一、总则\n正文。\n");
    QTest::newRow("a PDF") << u"gone.pdf"_s << QByteArray("%PDF-1.7\n%%EOF\n");
}

// The file existed when it was named (in a script, a shell history, a file manager) and is gone
// when pizhu reads it: removed, or moved away by an editor's save. One clear line and exit 3, not
// a crash or a misleading "damaged PDF".
void TestCli::fileRemovedAfterBeingNamedExitsThree()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    QVERIFY(QFile::remove(path));
    for (const QString &command : { u"outline"_s, u"blocks"_s, u"targets"_s }) {
        const Run r = pizhu({ command, path });
        QCOMPARE(r.exitCode, 3);
        QCOMPARE(r.err, u"pizhu: %1: no such file\n"_s.arg(path));
        QVERIFY(r.out.isEmpty());
    }
}

void TestCli::versionAndHelp()
{
    const Run v = pizhu({ u"--version"_s });
    QCOMPARE(v.exitCode, 0);
    QCOMPARE(v.out, u"pizhu " PIZHU_VERSION "\n"_s);
    const Run h = pizhu({ u"--help"_s });
    QCOMPARE(h.exitCode, 0);
    QVERIFY(h.out.contains(u"outline FILE"_s));
    QVERIFY(h.out.contains(u"blocks FILE"_s));
    QVERIFY(h.out.contains(u"--password PASS"_s));
}

// An endless standard input is read up to the file limit and refused, never read to the end.
void TestCli::standardInputIsReadUpToTheLimit()
{
    CliRun::Options options;
    options.inputFile = u"/dev/zero"_s;
    const Run r = CliRun::pizhu({ u"outline"_s, u"-"_s }, options);
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err,
        u"pizhu: standard input: the file is larger than Pizhu opens (%1 MiB)\n"_s.arg(
            Pizhu::Importer::MaxFileSize / (1024 * 1024)));
    QVERIFY(r.out.isEmpty());
    // Under the limit it is read as a file is (outlineReadsStandardInput reads the bundled document).
}

// A notes file one byte over the limit is refused before it is read (it is sparse: nothing to read).
void TestCli::notesFileOverTheLimitIsRefused()
{
    QTemporaryDir dir;
    const QString notes = dir.filePath(u"big.json"_s);
    QFile f(notes);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.resize(Pizhu::WebAnnotationJson::MaxInputSize + 1));
    f.close();
    const Run r = pizhu({ u"import"_s, bundled(), notes, u"--db"_s, dir.filePath(u"notes.db"_s) });
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, u"pizhu: %1: the file is too large to be a notes file (over 256 MiB)\n"_s.arg(notes));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(u"notes.db"_s)));
}

void TestCli::notesFileThatIsNotAFileIsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("an endless device") << u"/dev/zero"_s << u"not a regular file"_s;
    QTest::newRow("a folder") << u"/tmp"_s << u"not a regular file"_s;
    QTest::newRow("missing") << u"/nonexistent/notes.json"_s << u"no such file"_s;
}

// A device, a pipe or a folder named as the notes file is refused without being read: /dev/zero
// would otherwise be read until memory runs out.
void TestCli::notesFileThatIsNotAFileIsRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Run r = pizhu({ u"import"_s, bundled(), path, u"--db"_s, dir.filePath(u"notes.db"_s) });
    QCOMPARE(r.exitCode, 3);
    QCOMPARE(r.err, u"pizhu: %1: %2\n"_s.arg(path, message));
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
