#include "annotationstore.h"
#include "notesimporter.h"
#include "webannotationjson.h"

#include "clirun.h"
#include "exportfixture.h"
#include "pagedfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;

Q_DECLARE_METATYPE(Pizhu::AnnotationJsonError)

namespace {

QByteArray exportFixture(const Document &doc, QList<Annotation> annotations)
{
    return WebAnnotationJson::write(annotations, doc);
}

std::unique_ptr<AnnotationStore> openStore(const QTemporaryDir &dir, const QString &name)
{
    auto store = AnnotationStore::open(dir.filePath(name));
    if (!store)
        qFatal("could not open a store in a temporary directory");
    return std::move(store).value();
}

// A minimal valid annotation that the malformed rows below break one field at a time.
QJsonObject validAnnotation()
{
    return QJsonObject {
        { u"id"_s, u"urn:uuid:00000000-0000-4000-8000-000000000001"_s },
        { u"type"_s, u"Annotation"_s },
        { u"target"_s,
            QJsonObject { { u"source"_s, u"urn:pizhu:sha256:00"_s },
                { u"selector"_s,
                    QJsonObject { { u"type"_s, u"TextQuoteSelector"_s }, { u"exact"_s, u"质量"_s } } } } },
    };
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject with(QJsonObject o, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
    return o;
}

QJsonObject withSelector(const QJsonValue &selector)
{
    QJsonObject o = validAnnotation();
    QJsonObject target = o.value(u"target"_s).toObject();
    target.insert(u"selector"_s, selector);
    o.insert(u"target"_s, target);
    return o;
}

} // namespace

class TestWebAnnotationJson : public QObject
{
    Q_OBJECT

private slots:
    void writesSelectorsBodiesAndTimes();
    void writeGivesWhatQJsonDocumentWouldWrite();
    void parseReadsBackWhatWriteWrote();
    void roundTripThroughAnEmptyStoreGivesTheSameJson();
    void importMergesByIdAndNewerModifiedWins();
    void importReanchorsOnTheCurrentText();
    void commandLineRoundTripGivesTheSameJson();
    void pagedDocumentTargetsCarryTheirPage();
    void pagedExportRoundTripsByteForByte();
    void commandLineExportAndListGiveThePage();
    void commandLineExportGroupsAndFiltersByColour();
    void commandLineExportRefusesBadColourAndGrouping_data();
    void commandLineExportRefusesBadColourAndGrouping();
    void acceptsOtherShapesAndForeignIds_data();
    void acceptsOtherShapesAndForeignIds();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void escapedSurrogatePairsAndBackslashesReadAsWritten();
    void parseSurvivesMutatedInput();
};

void TestWebAnnotationJson::writesSelectorsBodiesAndTimes()
{
    const Document doc = ExportFixture::bundledDocument();
    const QList<Annotation> annotations = ExportFixture::annotations(doc);
    const QJsonObject root = QJsonDocument::fromJson(exportFixture(doc, annotations)).object();
    QCOMPARE(root.value(u"@context"_s).toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
    QCOMPARE(root.value(u"type"_s).toString(), u"AnnotationCollection"_s);
    QCOMPARE(root.value(u"total"_s).toInt(), annotations.size());
    const QJsonArray items = root.value(u"first"_s).toObject().value(u"items"_s).toArray();
    QCOMPARE(items.size(), annotations.size());

    const QJsonObject third = items.at(2).toObject(); // blue, two tags, no note
    QCOMPARE(third.value(u"id"_s).toString(), u"urn:uuid:00000000-0000-4000-8000-000000000003"_s);
    QCOMPARE(third.value(u"type"_s).toString(), u"Annotation"_s);
    QCOMPARE(third.value(u"created"_s).toString(), u"2026-02-06T08:03:00.000Z"_s);
    QCOMPARE(third.value(u"modified"_s).toString(), u"2026-02-06T08:13:00.000Z"_s);
    const QJsonObject target = third.value(u"target"_s).toObject();
    QCOMPARE(target.value(u"source"_s).toString(), u"urn:pizhu:sha256:"_s + QString::fromLatin1(doc.hash()));
    const QJsonArray selectors = target.value(u"selector"_s).toArray();
    QCOMPARE(selectors.size(), 2);
    const Anchor &anchor = annotations.at(2).anchor;
    QCOMPARE(selectors.at(0).toObject().value(u"exact"_s).toString(), anchor.quote);
    QCOMPARE(selectors.at(0).toObject().value(u"prefix"_s).toString(), anchor.prefix);
    QCOMPARE(selectors.at(0).toObject().value(u"suffix"_s).toString(), anchor.suffix);
    QCOMPARE(selectors.at(1).toObject().value(u"start"_s).toInteger(), anchor.start);
    QCOMPARE(selectors.at(1).toObject().value(u"end"_s).toInteger(), anchor.end);
    QCOMPARE(doc.text().mid(anchor.start, anchor.length()), anchor.quote);
    const QJsonArray bodies = third.value(u"body"_s).toArray();
    QStringList purposes, values;
    for (const QJsonValue &b : bodies) {
        purposes << b.toObject().value(u"purpose"_s).toString();
        values << b.toObject().value(u"value"_s).toString();
    }
    QCOMPARE(purposes, (QStringList { u"tagging"_s, u"tagging"_s, u"highlighting"_s }));
    QCOMPARE(values, (QStringList { u"战略"_s, u"重点"_s, u"blue"_s }));
    const QJsonObject first = items.at(0).toObject().value(u"body"_s).toArray().at(0).toObject();
    QCOMPARE(first.value(u"format"_s).toString(), u"text/markdown"_s);
    QCOMPARE(first.value(u"purpose"_s).toString(), u"commenting"_s);
}

// write() skips QJsonDocument for speed; its bytes must still be exactly what QJsonDocument
// makes of toJson(), including strings that need escaping.
void TestWebAnnotationJson::writeGivesWhatQJsonDocumentWouldWrite()
{
    const Document doc = ExportFixture::bundledDocument();
    QList<Annotation> annotations = ExportFixture::annotations(doc);
    annotations[0].note = u"引号\"、反斜杠\\、换行\n、制表\t、控制\u0001\u001f、\u00e9\U0001F600"_s;
    annotations[1].tags = { u"a\"b"_s, u"c\\d"_s };
    QJsonArray items;
    for (const Annotation &a : annotations) {
        QJsonObject o = WebAnnotationJson::toJson(a);
        QJsonObject target = o.value(u"target"_s).toObject();
        target.insert(u"source"_s, WebAnnotationJson::sourceIri(doc.hash()));
        o.insert(u"target"_s, target);
        items.append(o);
    }
    const QJsonObject collection {
        { u"@context"_s, u"http://www.w3.org/ns/anno.jsonld"_s },
        { u"type"_s, u"AnnotationCollection"_s },
        { u"label"_s, doc.title() },
        { u"total"_s, annotations.size() },
        { u"first"_s,
            QJsonObject {
                { u"type"_s, u"AnnotationPage"_s }, { u"startIndex"_s, 0 }, { u"items"_s, items } } },
    };
    QCOMPARE(QString::fromUtf8(exportFixture(doc, annotations)),
        QString::fromUtf8(QJsonDocument(collection).toJson(QJsonDocument::Indented)));
}

void TestWebAnnotationJson::parseReadsBackWhatWriteWrote()
{
    const Document doc = ExportFixture::bundledDocument();
    const QList<Annotation> annotations = ExportFixture::annotations(doc);
    const auto parsed = WebAnnotationJson::parse(exportFixture(doc, annotations));
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), annotations.size());
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        const Annotation &a = annotations.at(i);
        const Annotation &b = parsed->at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.documentHash, doc.hash());
        QCOMPARE(b.anchor.quote, a.anchor.quote);
        QCOMPARE(b.anchor.prefix, a.anchor.prefix);
        QCOMPARE(b.anchor.suffix, a.anchor.suffix);
        QCOMPARE(b.anchor.start, a.anchor.start);
        QCOMPARE(b.anchor.end, a.anchor.end);
        QCOMPARE(b.color, a.color);
        QCOMPARE(b.note, a.note);
        QCOMPARE(b.tags, a.tags);
        QCOMPARE(b.created, a.created);
        QCOMPARE(b.modified, a.modified);
    }
}

void TestWebAnnotationJson::roundTripThroughAnEmptyStoreGivesTheSameJson()
{
    const Document doc = ExportFixture::bundledDocument();
    const QByteArray exported = exportFixture(doc, ExportFixture::annotations(doc));
    QTemporaryDir dir;
    auto store = openStore(dir, u"notes.sqlite"_s);
    const auto parsed = WebAnnotationJson::parse(exported);
    QVERIFY(parsed);
    const auto summary = NotesImporter::merge(*store, doc, parsed.value(), ExportFixture::fixedTime(30));
    QVERIFY(summary);
    QCOMPARE(summary->added, 7);
    QCOMPARE(summary->orphaned, 1);
    const auto listed = store->list(doc.hash());
    QVERIFY(listed);
    QCOMPARE(QString::fromUtf8(exportFixture(doc, listed.value())), QString::fromUtf8(exported));
}

void TestWebAnnotationJson::importMergesByIdAndNewerModifiedWins()
{
    const Document doc = ExportFixture::bundledDocument();
    QList<Annotation> annotations = ExportFixture::annotations(doc);
    QTemporaryDir dir;
    auto store = openStore(dir, u"notes.sqlite"_s);
    QVERIFY(NotesImporter::merge(*store, doc, annotations));

    // Again: nothing new, nothing duplicated.
    auto again = NotesImporter::merge(*store, doc, annotations);
    QVERIFY(again);
    QCOMPARE(again->added, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 7);

    // An older copy loses, a newer one wins and keeps its own modified time.
    Annotation older = annotations.at(0);
    older.note = u"旧的笔记"_s;
    older.modified = older.modified.addSecs(-60);
    Annotation newer = annotations.at(1);
    newer.note = u"新的笔记"_s;
    newer.modified = newer.modified.addSecs(60);
    auto merged = NotesImporter::merge(*store, doc, { older, newer });
    QVERIFY(merged);
    QCOMPARE(merged->updated, 1);
    QCOMPARE(merged->unchanged, 1);
    QCOMPARE(store->get(older.id)->note, annotations.at(0).note);
    QCOMPARE(store->get(newer.id)->note, newer.note);
    QCOMPARE(store->get(newer.id)->modified, newer.modified);
    QCOMPARE(store->list(doc.hash())->size(), 7);
}

void TestWebAnnotationJson::importReanchorsOnTheCurrentText()
{
    const Document doc = ExportFixture::bundledDocument();
    Annotation a = ExportFixture::annotations(doc).at(1);
    // As if exported from an older version of the text in which everything stood 40 further on.
    a.anchor.start += 40;
    a.anchor.end += 40;
    a.documentHash = QByteArray(64, 'a');
    const QList<Annotation> placed = NotesImporter::placeOnDocument({ a }, doc, ExportFixture::fixedTime());
    QCOMPARE(placed.size(), 1);
    QCOMPARE(placed.first().anchor.start, a.anchor.start - 40);
    QCOMPARE(placed.first().documentHash, doc.hash());
    QCOMPARE(placed.first().reanchoring.method, AnchorMethod::ExactQuote);
    QCOMPARE(placed.first().reanchoring.previousStart, a.anchor.start);
    QCOMPARE(placed.first().reanchoring.previousHash, a.documentHash);
}

void TestWebAnnotationJson::commandLineRoundTripGivesTheSameJson()
{
    QTemporaryDir dir;
    const Document doc = ExportFixture::bundledDocument();
    const QString notes = dir.filePath(u"notes.json"_s);
    {
        QFile f(notes);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(exportFixture(doc, ExportFixture::annotations(doc)));
    }
    auto run = [&](const QStringList &args, QByteArray *stdOut = nullptr) {
        QProcess p;
        p.start(QStringLiteral(PIZHU_BINARY), args);
        p.waitForFinished(60000);
        if (stdOut)
            *stdOut = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    const QString file = ExportFixture::bundledPath();
    const QString db = dir.filePath(u"cli.sqlite"_s);
    QByteArray output;
    QCOMPARE(run({ u"export"_s, file, u"--db"_s, db }, &output), 1); // nothing to export yet
    QVERIFY(output.isEmpty());
    QCOMPARE(run({ u"import"_s, file, notes, u"--db"_s, db }, &output), 0);
    QVERIFY(output.startsWith("7 added, 0 updated, 0 unchanged"));
    QCOMPARE(run({ u"import"_s, file, notes, u"--db"_s, db }, &output), 0);
    QVERIFY(output.startsWith("0 added, 0 updated, 7 unchanged"));
    QCOMPARE(run({ u"export"_s, file, u"--format"_s, u"json"_s, u"--db"_s, db }, &output), 0);
    QFile original(notes);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(output), QString::fromUtf8(original.readAll()));
    QCOMPARE(
        run({ u"export"_s, file, u"--db"_s, db, u"--tag"_s, u"解读"_s, u"-o"_s, dir.filePath(u"out.md"_s) }),
        0);
    QFile md(dir.filePath(u"out.md"_s));
    QVERIFY(md.open(QIODevice::ReadOnly));
    QVERIFY(md.readAll().contains("annotation_count: 1\n"));
}

static QList<Annotation> pagedAnnotations(const Document &doc)
{
    return {
        ExportFixture::on(doc, 1, u"一批重大技术装备"_s, AnnotationColor::Yellow, u"跨页的一句。"_s, {}),
        ExportFixture::on(doc, 2, u"重大工程"_s, AnnotationColor::Green, {}, { u"工程"_s }),
        ExportFixture::on(doc, 3, u"面对新形势新要求"_s, AnnotationColor::Blue, {}, {}),
        ExportFixture::orphan(doc, 4),
    };
}

void TestWebAnnotationJson::pagedDocumentTargetsCarryTheirPage()
{
    const Document doc = PagedFixture::document();
    const QList<Annotation> annotations = pagedAnnotations(doc);
    const QByteArray exported = exportFixture(doc, annotations);
    const QJsonArray items
        = QJsonDocument::fromJson(exported).object().value(u"first"_s)[u"items"_s].toArray();
    QCOMPARE(items.size(), annotations.size());
    auto pageOf = [&](int i) { return items.at(i)[u"target"_s][u"pizhu:page"_s]; };
    QCOMPARE(pageOf(0).toString(), u"7–8"_s); // over the page break
    QCOMPARE(pageOf(1).toString(), u"8"_s);
    QCOMPARE(pageOf(2).toString(), u"9"_s);
    QVERIFY(pageOf(3).isUndefined()); // the orphan's offsets are not in this text
    // Still a Web Annotation: the selectors are as before, the page sits beside them.
    QCOMPARE(items.at(1)[u"target"_s][u"selector"_s].toArray().size(), 2);
    // write() and toJson() agree on where the page goes.
    QJsonObject viaToJson = WebAnnotationJson::toJson(annotations.at(1), u"8"_s);
    QJsonObject target = viaToJson.value(u"target"_s).toObject();
    target.insert(u"source"_s, WebAnnotationJson::sourceIri(doc.hash()));
    viaToJson.insert(u"target"_s, target);
    QCOMPARE(viaToJson, items.at(1).toObject());
    QCOMPARE(WebAnnotationJson::pageOf(annotations.at(0), doc), u"7–8"_s);

    // A document without pages writes no page at all.
    const Document bundled = ExportFixture::bundledDocument();
    const QList<Annotation> plain = ExportFixture::annotations(bundled);
    QCOMPARE(exportFixture(bundled, plain), WebAnnotationJson::write(plain, bundled.title(), bundled.hash()));
    QVERIFY(!exportFixture(bundled, plain).contains("pizhu:page"));

    // Reading it back takes the annotations and leaves the page to the offsets.
    const auto parsed = WebAnnotationJson::parse(exported);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), annotations.size());
    for (qsizetype i = 0; i < annotations.size(); ++i) {
        QCOMPARE(parsed->at(i).anchor.quote, annotations.at(i).anchor.quote);
        QCOMPARE(parsed->at(i).anchor.start, annotations.at(i).anchor.start);
    }
}

void TestWebAnnotationJson::pagedExportRoundTripsByteForByte()
{
    const Document doc = PagedFixture::document();
    const QByteArray exported = exportFixture(doc, pagedAnnotations(doc));
    QVERIFY(exported.contains("\"pizhu:page\": \"7–8\""));
    QTemporaryDir dir;
    auto store = openStore(dir, u"notes.sqlite"_s);
    const auto parsed = WebAnnotationJson::parse(exported);
    QVERIFY(parsed);
    const auto summary = NotesImporter::merge(*store, doc, parsed.value(), ExportFixture::fixedTime(30));
    QVERIFY(summary);
    QCOMPARE(summary->added, 4);
    const auto listed = store->list(doc.hash());
    QVERIFY(listed);
    QCOMPARE(QString::fromUtf8(exportFixture(doc, listed.value())), QString::fromUtf8(exported));
}

void TestWebAnnotationJson::commandLineExportAndListGiveThePage()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"extracted.txt"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(PagedFixture::text().toUtf8());
    }
    const QString db = dir.filePath(u"cli.sqlite"_s);
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(PIZHU_BINARY), args + QStringList { u"--db"_s, db });
        p.waitForFinished(60000);
        return p.exitCode() == 0 ? p.readAllStandardOutput()
                                 : QByteArray("failed: ") + p.readAllStandardError();
    };
    QVERIFY(!run({ u"note"_s, u"add"_s, file, u"--quote"_s, u"重大工程"_s }).startsWith("failed"));
    const QByteArray list = run({ u"note"_s, u"list"_s, file, u"--format"_s, u"json"_s });
    const QJsonArray listed = QJsonDocument::fromJson(list).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0)[u"page"_s].toString(), u"8"_s);
    const QByteArray json = run({ u"export"_s, file, u"--format"_s, u"json"_s });
    QVERIFY2(json.contains("\"pizhu:page\": \"8\""), json.constData());
    const QByteArray md = run({ u"export"_s, file });
    QVERIFY2(md.contains("> 重大工程\n\n— p. 8\n"), md.constData());
}

// `export --group-by` and `--color` from the command line, on the fixture's seven notes (yellow,
// green, blue, pink, purple, another yellow and a green orphan) imported through `pizhu import`.
void TestWebAnnotationJson::commandLineExportGroupsAndFiltersByColour()
{
    QTemporaryDir dir;
    const Document doc = ExportFixture::bundledDocument();
    const QString notes = dir.filePath(u"notes.json"_s);
    {
        QFile f(notes);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray bytes = exportFixture(doc, ExportFixture::annotations(doc));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    const QString file = ExportFixture::bundledPath();
    const QString db = dir.filePath(u"cli.sqlite"_s);
    auto run = [&](QStringList args) {
        args << u"--db"_s << db;
        return CliRun::pizhu(args);
    };
    const CliRun::Result imported = run({ u"import"_s, file, notes });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    auto headings = [](const QString &md, const QString &marker) {
        QStringList found;
        for (const QString &line : md.split(u'\n'))
            if (line.startsWith(marker))
                found << line.mid(marker.size());
        return found;
    };

    // Grouped by colour: one section per colour in palette order, the orphans last.
    const CliRun::Result byColour = run({ u"export"_s, file, u"--group-by"_s, u"color"_s });
    QVERIFY2(byColour.exitCode == 0, qPrintable(byColour.err));
    QCOMPARE(headings(byColour.out, u"## "_s),
        QStringList({ u"Yellow"_s, u"Green"_s, u"Blue"_s, u"Pink"_s, u"Purple"_s, u"Orphaned notes"_s }));
    // Inside a colour, document order: the preamble's yellow note before the commentary's.
    const qsizetype yellowStart = byColour.out.indexOf(u"## Yellow"_s);
    const qsizetype greenStart = byColour.out.indexOf(u"## Green"_s);
    const qsizetype first = byColour.out.indexOf(u"> 建设质量强国是推动高质量发展"_s);
    const qsizetype second = byColour.out.indexOf(u"> 治国必先治党"_s);
    QVERIFY(yellowStart < first && first < second && second < greenStart);
    // "colour" is the same grouping, and "section" the default one.
    QCOMPARE(run({ u"export"_s, file, u"--group-by"_s, u"colour"_s }).exitCode, 0);
    const CliRun::Result bySection = run({ u"export"_s, file, u"--group-by"_s, u"section"_s });
    QCOMPARE(bySection.exitCode, 0);
    QVERIFY(!headings(bySection.out, u"## "_s).contains(u"Yellow"_s));
    QCOMPARE(headings(bySection.out, u"## "_s), headings(run({ u"export"_s, file }).out, u"## "_s));

    // --color keeps the notes of that colour only; given twice, of either colour.
    const CliRun::Result yellow = run({ u"export"_s, file, u"--color"_s, u"yellow"_s });
    QVERIFY2(yellow.exitCode == 0, qPrintable(yellow.err));
    QVERIFY(yellow.out.contains(u"annotation_count: 2\n"_s));
    QVERIFY(yellow.out.contains(u"> 建设质量强国是推动高质量发展"_s));
    QVERIFY(yellow.out.contains(u"> 治国必先治党"_s));
    QVERIFY(!yellow.out.contains(u"> 质量是人类生产生活的重要保障"_s));
    const CliRun::Result two = run({ u"export"_s, file, u"--colour"_s, u"blue"_s, u"--color"_s, u"purple"_s,
        u"--group-by"_s, u"color"_s });
    QVERIFY2(two.exitCode == 0, qPrintable(two.err));
    QCOMPARE(headings(two.out, u"## "_s), QStringList({ u"Blue"_s, u"Purple"_s }));
    const CliRun::Result json = run({ u"export"_s, file, u"--format"_s, u"json"_s, u"--color"_s, u"pink"_s });
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonArray items
        = QJsonDocument::fromJson(json.stdoutBytes).object()[u"first"_s][u"items"_s].toArray();
    QCOMPARE(items.size(), 1);
    QVERIFY(json.out.contains(u"经济发展质量效益明显提升"_s));

    // A filter nothing matches: said, not written as an empty export.
    const CliRun::Result none = run({ u"export"_s, file, u"--color"_s, u"blue"_s, u"--tag"_s, u"解读"_s });
    QCOMPARE(none.exitCode, 1);
    QVERIFY(none.out.isEmpty());
    QVERIFY2(none.err.contains(u"no notes match the --color/--tag filters"_s), qPrintable(none.err));
}

void TestWebAnnotationJson::commandLineExportRefusesBadColourAndGrouping_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown colour") << QStringList { u"--color"_s,
        u"red"_s } << u"pizhu: unknown colour red (one of yellow, green, blue, pink, purple)"_s;
    QTest::newRow("colour without a value")
        << QStringList { u"--color"_s } << u"pizhu: --color needs a value"_s;
    QTest::newRow("unknown grouping")
        << QStringList { u"--group-by"_s, u"page"_s } << u"pizhu: --group-by is section or color"_s;
    QTest::newRow("grouping without a value")
        << QStringList { u"--group-by"_s } << u"pizhu: --group-by needs a value"_s;
}

void TestWebAnnotationJson::commandLineExportRefusesBadColourAndGrouping()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const CliRun::Result r = CliRun::pizhu(
        QStringList { u"export"_s, ExportFixture::bundledPath(), u"--db"_s, dir.filePath(u"cli.sqlite"_s) }
        + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), message);
    QVERIFY2(lines.value(1).startsWith(u"usage: pizhu export FILE"_s), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir.filePath(u"cli.sqlite"_s))); // refused before anything is opened
}

void TestWebAnnotationJson::acceptsOtherShapesAndForeignIds_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("note");
    const QJsonObject a = validAnnotation();
    QTest::newRow("single annotation") << json(a) << 1 << QString();
    QTest::newRow("bare array") << QJsonDocument(QJsonArray { a, a }).toJson() << 2 << QString();
    QTest::newRow("page") << json({ { u"type"_s, u"AnnotationPage"_s }, { u"items"_s, QJsonArray { a } } })
                          << 1 << QString();
    QTest::newRow("empty collection") << json({ { u"type"_s, u"AnnotationCollection"_s } }) << 0 << QString();
    QTest::newRow("type as array") << json(with(a, u"type"_s, QJsonArray { u"Annotation"_s })) << 1
                                   << QString();
    QTest::newRow("http id") << json(with(a, u"id"_s, u"http://example.org/anno/1"_s)) << 1 << QString();
    QTest::newRow("bodyValue") << json(with(a, u"bodyValue"_s, u"笔记"_s)) << 1 << u"笔记"_s;
    QTest::newRow("single body without purpose") << json(
        with(a, u"body"_s, QJsonObject { { u"type"_s, u"TextualBody"_s }, { u"value"_s, u"笔记"_s } }))
                                                 << 1 << u"笔记"_s;
    QTest::newRow("non-text body skipped") << json(
        with(a, u"body"_s, QJsonObject { { u"type"_s, u"Image"_s }, { u"id"_s, u"http://x/y.png"_s } }))
                                           << 1 << QString();
}

void TestWebAnnotationJson::acceptsOtherShapesAndForeignIds()
{
    QFETCH(QByteArray, input);
    QFETCH(int, count);
    QFETCH(QString, note);
    const auto parsed = WebAnnotationJson::parse(input);
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), count);
    if (count > 0) {
        QVERIFY(!parsed->first().id.isNull());
        QCOMPARE(parsed->first().note, note);
        QCOMPARE(parsed->first().anchor.quote, u"质量"_s);
    }
    // A foreign id maps to the same UUID every time, so a second import merges.
    const auto again = WebAnnotationJson::parse(input);
    QVERIFY(again);
    if (count > 0)
        QCOMPARE(again->first().id, parsed->first().id);
}

void TestWebAnnotationJson::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<AnnotationJsonError>("error");
    QTest::addColumn<QString>("field");
    const QJsonObject a = validAnnotation();
    using E = AnnotationJsonError;
    QTest::newRow("empty input") << QByteArray() << E::NotJson << QString();
    QTest::newRow("truncated") << json(a).chopped(3) << E::NotJson << QString();
    QTest::newRow("not json") << QByteArray("# notes\n") << E::NotJson << QString();
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << E::NotJson << QString();
    QTest::newRow("deep nesting") << QByteArray(100000, '[') << E::NotJson << QString();
    QTest::newRow("number at top") << QByteArray("42") << E::NotJson << QString();
    QTest::newRow("object of another kind")
        << json({ { u"type"_s, u"Person"_s } }) << E::WrongShape << u"type"_s;
    QTest::newRow("array of strings") << QByteArray("[\"a\"]") << E::WrongShape << QString();
    QTest::newRow("page without items")
        << json({ { u"type"_s, u"AnnotationPage"_s } }) << E::WrongShape << u"items"_s;
    QTest::newRow("collection paged by reference")
        << json({ { u"type"_s, u"AnnotationCollection"_s }, { u"first"_s, u"http://x/page1"_s } })
        << E::WrongShape << u"first"_s;
    QTest::newRow("no id") << json(with(a, u"id"_s, QJsonValue::Undefined)) << E::MissingField << u"id"_s;
    QTest::newRow("id a number") << json(with(a, u"id"_s, 7)) << E::BadValue << u"id"_s;
    QTest::newRow("bad uuid") << json(with(a, u"id"_s, u"urn:uuid:not-a-uuid"_s)) << E::BadValue << u"id"_s;
    QTest::newRow("no target") << json(with(a, u"target"_s, QJsonValue::Undefined)) << E::MissingField
                               << u"target"_s;
    QTest::newRow("target a number") << json(with(a, u"target"_s, 3)) << E::BadValue << u"target"_s;
    QTest::newRow("target without quote selector") << json(withSelector(
        QJsonObject { { u"type"_s, u"TextPositionSelector"_s }, { u"start"_s, 1 }, { u"end"_s, 2 } }))
                                                   << E::MissingField << u"target.selector"_s;
    QTest::newRow("empty exact") << json(
        withSelector(QJsonObject { { u"type"_s, u"TextQuoteSelector"_s }, { u"exact"_s, u""_s } }))
                                 << E::BadValue << u"target.selector.exact"_s;
    QTest::newRow("exact a number") << json(
        withSelector(QJsonObject { { u"type"_s, u"TextQuoteSelector"_s }, { u"exact"_s, 5 } }))
                                    << E::BadValue << u"target.selector.exact"_s;
    const QJsonObject quote { { u"type"_s, u"TextQuoteSelector"_s }, { u"exact"_s, u"质量"_s } };
    auto position = [](const QJsonValue &start, const QJsonValue &end) {
        return QJsonObject { { u"type"_s, u"TextPositionSelector"_s }, { u"start"_s, start },
            { u"end"_s, end } };
    };
    QTest::newRow("negative start") << json(withSelector(QJsonArray { quote, position(-1, 2) }))
                                    << E::BadValue << u"target.selector.start"_s;
    QTest::newRow("fractional start") << json(withSelector(QJsonArray { quote, position(1.5, 2) }))
                                      << E::BadValue << u"target.selector.start"_s;
    QTest::newRow("huge end") << json(withSelector(QJsonArray { quote, position(1, 1e300) })) << E::BadValue
                              << u"target.selector.end"_s;
    QTest::newRow("end before start") << json(withSelector(QJsonArray { quote, position(5, 2) }))
                                      << E::BadValue << u"target.selector.end"_s;
    QTest::newRow("start a string") << json(withSelector(QJsonArray { quote, position(u"1"_s, 2) }))
                                    << E::BadValue << u"target.selector.start"_s;
    QTest::newRow("bad created") << json(with(a, u"created"_s, u"yesterday"_s)) << E::BadValue
                                 << u"created"_s;
    QTest::newRow("modified a number") << json(with(a, u"modified"_s, 1)) << E::BadValue << u"modified"_s;
    QTest::newRow("body value a number")
        << json(with(a, u"body"_s, QJsonObject { { u"type"_s, u"TextualBody"_s }, { u"value"_s, 1 } }))
        << E::BadValue << u"body.value"_s;
    // A lone UTF-16 surrogate is no character: no string Pizhu could keep reads back as it.
    const QByteArray withNote = json(
        with(a, u"body"_s, QJsonObject { { u"type"_s, u"TextualBody"_s }, { u"value"_s, u"NOTE"_s } }));
    QTest::newRow("lone high surrogate")
        << QByteArray(withNote).replace("NOTE", "a\\ud800b") << E::BadText << QString();
    QTest::newRow("lone low surrogate")
        << QByteArray(withNote).replace("NOTE", "a\\udc00b") << E::BadText << QString();
    QTest::newRow("high surrogate at the end of a string")
        << QByteArray(withNote).replace("NOTE", "\\ud83d") << E::BadText << QString();
    QTest::newRow("two high surrogates")
        << QByteArray(withNote).replace("NOTE", "\\ud83d\\ud83d\\ude00") << E::BadText << QString();
}

void TestWebAnnotationJson::rejectsMalformedInput()
{
    QFETCH(QByteArray, input);
    QFETCH(AnnotationJsonError, error);
    QFETCH(QString, field);
    const auto parsed = WebAnnotationJson::parse(input);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().kind, error);
    QCOMPARE(parsed.error().field, field);
}

void TestWebAnnotationJson::escapedSurrogatePairsAndBackslashesReadAsWritten()
{
    const QByteArray withNote = json(with(validAnnotation(), u"body"_s,
        QJsonObject { { u"type"_s, u"TextualBody"_s }, { u"value"_s, u"NOTE"_s } }));
    // A pair is one character; "\\ud800" is a backslash and the letters, not an escape.
    const auto parsed = WebAnnotationJson::parse(
        QByteArray(withNote).replace("NOTE", "\\ud83d\\ude00 \\\\ud800 \\\\\\u4e2d"));
    QVERIFY(parsed);
    QCOMPARE(parsed->first().note, u"\U0001F600 \\ud800 \\中"_s);
}

// Truncations and byte flips of a real export: whatever parse() says, it says it with a return
// value, and what it accepts is usable (a quote, offsets in order).
void TestWebAnnotationJson::parseSurvivesMutatedInput()
{
    const Document doc = ExportFixture::bundledDocument();
    const QByteArray original = exportFixture(doc, ExportFixture::annotations(doc));
    QRandomGenerator random(42);
    int accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray input = original;
        if (i % 3 == 0) {
            input.truncate(random.bounded(int(input.size())));
        } else {
            const int flips = 1 + random.bounded(8);
            for (int f = 0; f < flips; ++f)
                input[random.bounded(int(input.size()))] = char(random.bounded(256));
        }
        const auto parsed = WebAnnotationJson::parse(input);
        if (!parsed)
            continue;
        ++accepted;
        for (const Annotation &a : parsed.value()) {
            QVERIFY(!a.id.isNull());
            QVERIFY(!a.anchor.quote.isEmpty());
            QVERIFY(a.anchor.start >= 0 && a.anchor.end >= a.anchor.start);
        }
    }
    qInfo("%d of 3000 mutated inputs still parsed", accepted);

    // Well-formed JSON with a value somewhere replaced by one of another type.
    const QList<QJsonValue> replacements { QJsonValue(), QJsonValue(-1), QJsonValue(1e300), QJsonValue(u""_s),
        QJsonValue(true), QJsonArray {}, QJsonObject {}, QJsonArray { 1, u"x"_s } };
    std::function<QJsonValue(const QJsonValue &, int)> mutate
        = [&](const QJsonValue &v, int depth) -> QJsonValue {
        if (random.bounded(6) == 0 || depth > 8)
            return replacements.at(random.bounded(int(replacements.size())));
        if (v.isObject()) {
            QJsonObject o = v.toObject();
            const QStringList keys = o.keys();
            if (!keys.isEmpty()) {
                const QString key = keys.at(random.bounded(int(keys.size())));
                o.insert(key, mutate(o.value(key), depth + 1));
            }
            return o;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            if (!a.isEmpty()) {
                const int at = random.bounded(int(a.size()));
                a.replace(at, mutate(a.at(at), depth + 1));
            }
            return a;
        }
        return replacements.at(random.bounded(int(replacements.size())));
    };
    const QJsonObject root = QJsonDocument::fromJson(original).object();
    accepted = 0;
    for (int i = 0; i < 3000; ++i) {
        const QJsonValue mutated = mutate(root, 0);
        const QByteArray input = mutated.isObject() ? QJsonDocument(mutated.toObject()).toJson()
                                                    : QJsonDocument(QJsonArray { mutated }).toJson();
        const auto parsed = WebAnnotationJson::parse(input);
        if (!parsed)
            continue;
        ++accepted;
        for (const Annotation &a : parsed.value()) {
            QVERIFY(!a.id.isNull());
            QVERIFY(!a.anchor.quote.isEmpty());
            QVERIFY(a.anchor.start >= 0 && a.anchor.end >= a.anchor.start);
        }
    }
    qInfo("%d of 3000 retyped inputs still parsed", accepted);
}

QTEST_GUILESS_MAIN(TestWebAnnotationJson)
#include "tst_webannotationjson.moc"
