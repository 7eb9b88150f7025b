// `pizhu note ...` end to end: runs the built executable against a database in a temporary folder.
#include "clirun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace {

using Run = CliRun::Result;

const QString P1
    = u"建设质量强国是推动高质量发展、促进我国经济由大向强转变的重要举措，是满足人民美好生活需要的重要途径。"_s;
const QString P2
    = u"质量是人类生产生活的重要保障。党的十八大以来，我国质量事业实现跨越式发展，质量强国建设取得历史性成效。"_s;
const QString P3
    = u"到2025年，质量整体水平进一步全面提高，中国品牌影响力稳步提升，人民群众质量获得感、满意度明显增强。"_s;

} // namespace

class TestCliNote : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void addPrintsAnIdAndListShowsIt();
    void addRejects_data();
    void addRejects();
    void occurrenceChoosesWhichPlace();
    void editChangesNoteColourAndTags();
    void removeDeletesAndSecondRemoveFails();
    void changedFileIsReanchoredAndOrphansAreListed();
    void dbOptionOverridesTheEnvironment();
    void searchFindsNotes();
    void jsonListIsValidAndComplete();

private:
    Run pizhu(const QStringList &args, const QString &db = {});
    void writeDoc(const QStringList &paragraphs);
    QStringList rows(const QString &tsv) const; // without the header
    QTemporaryDir m_dir;
    QString m_doc;
    QString m_db;
    int m_case = 0;
};

Run TestCliNote::pizhu(const QStringList &args, const QString &db)
{
    CliRun::Options options;
    options.env.insert(u"PIZHU_DB"_s, db.isEmpty() ? m_db : db);
    options.env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return CliRun::pizhu(args, options);
}

void TestCliNote::writeDoc(const QStringList &paragraphs)
{
    QFile f(m_doc);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write((paragraphs.join(u"\n\n"_s) + u'\n').toUtf8());
}

QStringList TestCliNote::rows(const QString &tsv) const
{
    QStringList lines = tsv.split(u'\n', Qt::SkipEmptyParts);
    if (!lines.isEmpty() && lines.first().startsWith(u"id\t"))
        lines.removeFirst();
    return lines;
}

void TestCliNote::init()
{
    ++m_case; // a fresh document and database for every test function
    m_doc = m_dir.filePath(u"纲要-%1.txt"_s.arg(m_case));
    m_db = m_dir.filePath(u"notes-%1.sqlite"_s.arg(m_case));
    writeDoc({ P1, P2, P3 });
}

void TestCliNote::addPrintsAnIdAndListShowsIt()
{
    const Run add = pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"跨越式发展"_s, u"--note"_s,
        u"多行\n批注\t带制表"_s, u"--color"_s, u"pink"_s, u"--tag"_s, u"发展"_s, u"--tag"_s, u"成效"_s });
    QCOMPARE(add.exitCode, 0);
    const QUuid id = QUuid::fromString(add.out.trimmed());
    QVERIFY2(!id.isNull(), qPrintable(add.out + add.err));
    const Run list = pizhu({ u"note"_s, u"list"_s, m_doc });
    QCOMPARE(list.exitCode, 0);
    const QStringList lines = rows(list.out);
    QCOMPARE(lines.size(), 1);
    const QStringList fields = lines.first().split(u'\t');
    QCOMPARE(fields.size(), 8);
    QCOMPARE(fields[0], id.toString(QUuid::WithoutBraces));
    QCOMPARE(fields[1], u"pink"_s);
    QVERIFY(!fields[2].isEmpty()); // section path
    QCOMPARE(fields[4], u"跨越式发展"_s);
    QCOMPARE(fields[5], u"多行\\n批注\\t带制表"_s); // one line, one field
    QCOMPARE(fields[6], u"发展, 成效"_s);
    QCOMPARE(fields[7], QString());
}

void TestCliNote::addRejects_data()
{
    QTest::addColumn<QStringList>("args"); // after "note add FILE"
    QTest::addColumn<int>("exitCode");
    QTest::newRow("quote not in the document") << QStringList { u"--quote"_s, u"不存在的句子"_s } << 3;
    QTest::newRow("occurrence past the last")
        << QStringList { u"--quote"_s, u"跨越式发展"_s, u"--occurrence"_s, u"2"_s } << 3;
    QTest::newRow("unknown colour") << QStringList { u"--quote"_s, u"跨越式发展"_s, u"--color"_s, u"red"_s }
                                    << 2;
    QTest::newRow("no quote") << QStringList { u"--note"_s, u"x"_s } << 2;
    QTest::newRow("occurrence not a number")
        << QStringList { u"--quote"_s, u"质量"_s, u"--occurrence"_s, u"two"_s } << 2;
    QTest::newRow("unknown option") << QStringList { u"--quote"_s, u"质量"_s, u"--colr"_s, u"red"_s } << 2;
}

void TestCliNote::addRejects()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run add = pizhu(QStringList { u"note"_s, u"add"_s, m_doc } + args);
    QCOMPARE(add.exitCode, exitCode);
    QVERIFY(add.out.isEmpty());
    QVERIFY(!add.err.isEmpty());
    QCOMPARE(rows(pizhu({ u"note"_s, u"list"_s, m_doc }).out).size(), 0);
}

void TestCliNote::occurrenceChoosesWhichPlace()
{
    QCOMPARE(
        pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"质量"_s, u"--occurrence"_s, u"3"_s }).exitCode,
        0);
    const QStringList fields = rows(pizhu({ u"note"_s, u"list"_s, m_doc }).out).first().split(u'\t');
    const QString text = P1 + u'\n' + P2; // the canonical text joins blocks with one line break
    const qsizetype first = text.indexOf(u"质量"_s);
    const qsizetype second = text.indexOf(u"质量"_s, first + 1);
    QCOMPARE(fields[3].toLongLong(), text.indexOf(u"质量"_s, second + 1));
}

void TestCliNote::editChangesNoteColourAndTags()
{
    const QString id = pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"重要途径"_s, u"--tag"_s, u"旧"_s })
                           .out.trimmed();
    QCOMPARE(pizhu({ u"note"_s, u"edit"_s, id, u"--note"_s, u"改过的批注"_s, u"--color"_s, u"purple"_s,
                       u"--tag"_s, u"新"_s })
                 .exitCode,
        0);
    QStringList fields = rows(pizhu({ u"note"_s, u"list"_s, m_doc }).out).first().split(u'\t');
    QCOMPARE(fields[1], u"purple"_s);
    QCOMPARE(fields[5], u"改过的批注"_s);
    QCOMPARE(fields[6], u"新"_s);
    QCOMPARE(pizhu({ u"note"_s, u"edit"_s, id, u"--no-tags"_s }).exitCode, 0);
    fields = rows(pizhu({ u"note"_s, u"list"_s, m_doc }).out).first().split(u'\t');
    QCOMPARE(fields[6], QString());
    QCOMPARE(fields[5], u"改过的批注"_s); // untouched when not given
    QCOMPARE(
        pizhu({ u"note"_s, u"edit"_s, QUuid::createUuid().toString(), u"--note"_s, u"x"_s }).exitCode, 1);
    QCOMPARE(pizhu({ u"note"_s, u"edit"_s, u"not-an-id"_s }).exitCode, 2);
}

void TestCliNote::removeDeletesAndSecondRemoveFails()
{
    const QString id = pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"重要途径"_s }).out.trimmed();
    QCOMPARE(pizhu({ u"note"_s, u"rm"_s, id }).exitCode, 0);
    QCOMPARE(rows(pizhu({ u"note"_s, u"list"_s, m_doc }).out).size(), 0);
    const Run again = pizhu({ u"note"_s, u"rm"_s, id });
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains(u"no such annotation"_s));
}

void TestCliNote::changedFileIsReanchoredAndOrphansAreListed()
{
    const QString kept
        = pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"中国品牌影响力"_s }).out.trimmed();
    const QString gone = pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"跨越式发展"_s }).out.trimmed();
    writeDoc({ u"新加的导语。"_s, P1, P3 }); // P2, with the second quote, is deleted
    const Run list = pizhu({ u"note"_s, u"list"_s, m_doc });
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.err.contains(u"orphaned"_s));
    const QStringList lines = rows(list.out);
    QCOMPARE(lines.size(), 2);
    const QStringList first = lines[0].split(u'\t'), second = lines[1].split(u'\t');
    QCOMPARE(first[0], kept);
    QCOMPARE(first[7], QString());
    const QString text = u"新加的导语。\n"_s + P1 + u'\n' + P3;
    QCOMPARE(first[3].toLongLong(), text.indexOf(u"中国品牌影响力"_s));
    QCOMPARE(second[0], gone); // orphans last, with their quote, never dropped
    QCOMPARE(second[4], u"跨越式发展"_s);
    QCOMPARE(second[7], u"orphaned"_s);
}

void TestCliNote::dbOptionOverridesTheEnvironment()
{
    const QString other = m_dir.filePath(u"other-%1.sqlite"_s.arg(m_case));
    QCOMPARE(
        pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"重要途径"_s, u"--db"_s, other }).exitCode, 0);
    QCOMPARE(rows(pizhu({ u"note"_s, u"list"_s, m_doc }).out).size(), 0);
    QCOMPARE(rows(pizhu({ u"note"_s, u"list"_s, m_doc, u"--db"_s, other }).out).size(), 1);
    QCOMPARE(rows(pizhu({ u"note"_s, u"list"_s, m_doc }, other).out).size(), 1);
}

void TestCliNote::searchFindsNotes()
{
    pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"重要途径"_s, u"--note"_s, u"民生相关的批注"_s });
    pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"跨越式发展"_s, u"--tag"_s, u"发展"_s });
    QCOMPARE(rows(pizhu({ u"note"_s, u"search"_s, u"民生相关"_s }).out).size(), 1);
    QCOMPARE(rows(pizhu({ u"note"_s, u"search"_s, u"发展"_s }).out).size(), 1);
    QCOMPARE(rows(pizhu({ u"note"_s, u"search"_s, u"没有这个"_s }).out).size(), 0);
}

void TestCliNote::jsonListIsValidAndComplete()
{
    pizhu({ u"note"_s, u"add"_s, m_doc, u"--quote"_s, u"跨越式发展"_s, u"--note"_s, u"<b>不是HTML</b>"_s,
        u"--tag"_s, u"甲"_s });
    const Run list = pizhu({ u"note"_s, u"list"_s, m_doc, u"--format"_s, u"json"_s });
    QCOMPARE(list.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(list.out.toUtf8(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json.array().size(), 1);
    const QJsonObject a = json.array().first().toObject();
    QCOMPARE(a.value(u"quote"_s).toString(), u"跨越式发展"_s);
    QCOMPARE(a.value(u"note"_s).toString(), u"<b>不是HTML</b>"_s);
    QCOMPARE(a.value(u"tags"_s).toArray().first().toString(), u"甲"_s);
    QCOMPARE(a.value(u"color"_s).toString(), u"yellow"_s);
    QCOMPARE(a.value(u"orphaned"_s).toBool(), false);
    QVERIFY(a.value(u"sectionPath"_s).isArray());
    QCOMPARE(a.value(u"end"_s).toInteger() - a.value(u"start"_s).toInteger(), 5);
}

QTEST_GUILESS_MAIN(TestCliNote)
#include "tst_cli_note.moc"
