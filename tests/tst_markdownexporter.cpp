#include "markdownescaper.h"
#include "markdownexporter.h"

#include "exportfixture.h"
#include "markdowntree.h"
#include "pagedfixture.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu;
using namespace Pizhu::MarkdownTree;

Q_DECLARE_METATYPE(Pizhu::ExportError)
Q_DECLARE_METATYPE(Pizhu::AnnotationColor)

namespace {

QString trimmedBreaks(const QString &s)
{
    qsizetype a = 0, b = s.size();
    while (a < b && s.at(a) == u'\n')
        ++a;
    while (b > a && s.at(b - 1) == u'\n')
        --b;
    return s.mid(a, b - a);
}

MarkdownExporter fixedExporter()
{
    return MarkdownExporter([] { return ExportFixture::fixedTime(); });
}

// An export of one orphaned annotation with this quote and note: orphans need no place in the
// text, so any string can be tried as document text.
QString exportOne(const QString &quote, const QString &note)
{
    static const Document doc = ExportFixture::bundledDocument();
    static const Annotation orphan = ExportFixture::orphan(doc, 1);
    Annotation a = orphan;
    a.anchor.quote = quote;
    a.note = note;
    auto md = fixedExporter().exportNotes(doc, { a });
    if (!md)
        qFatal("export of one annotation failed");
    return md.value();
}

} // namespace

class TestMarkdownExporter : public QObject
{
    Q_OBJECT

private slots:
    void bundledDocumentMatchesGoldenFile();
    void bundledDocumentRendersOneQuotePerAnnotationUnderItsSections();
    void documentTextRendersLiterally_data();
    void documentTextRendersLiterally();
    void notesKeepMarkdownButLoseHtmlAndUnsafeLinks_data();
    void notesKeepMarkdownButLoseHtmlAndUnsafeLinks();
    void noteHeadingsNestUnderTheirSection_data();
    void noteHeadingsNestUnderTheirSection();
    void unclosedFenceInNoteDoesNotSwallowTheRest_data();
    void unclosedFenceInNoteDoesNotSwallowTheRest();
    void generatedNotesNeverRenderHtmlOrUnsafeLinks();
    void generatedDocumentTextAlwaysRendersLiterally();
    void emptyExportIsAnError_data();
    void emptyExportIsAnError();
    void filtersKeepOnlyChosenColoursAndTags_data();
    void filtersKeepOnlyChosenColoursAndTags();
    void groupByColourMakesOneSectionPerColourInPaletteOrder();
    void frontMatterValuesAreYamlSafe();
    void frontMatterIsInertToARendererThatDoesNotKnowIt();
    void quotesFromPagedDocumentCiteTheirPage();
};

void TestMarkdownExporter::bundledDocumentMatchesGoldenFile()
{
    const Document doc = ExportFixture::bundledDocument();
    ExportOptions options;
    options.sourceFileName = u"quality-outline-and-commentary.txt"_s;
    const auto md = fixedExporter().exportNotes(doc, ExportFixture::annotations(doc), options);
    QVERIFY(md);
    const QString goldenPath = QStringLiteral(PIZHU_TEST_DATA_DIR) + u"/export-quality.md"_s;
    // Regenerating writes the golden file and checks nothing: comparing the output with what was
    // just written would always pass, so that run fails on purpose and the next one compares.
    if (qEnvironmentVariableIsSet("PIZHU_UPDATE_GOLDEN")) {
        QFile f(goldenPath);
        const QByteArray bytes = md->toUtf8();
        QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(f.errorString()));
        QVERIFY2(f.write(bytes) == bytes.size() && f.flush(), qPrintable(f.errorString()));
        QFAIL(qPrintable(goldenPath
            + u" rewritten, nothing compared: review its diff, then run again without PIZHU_UPDATE_GOLDEN"_s));
    }
    QFile golden(goldenPath);
    QVERIFY2(golden.open(QIODevice::ReadOnly), "golden file missing: run with PIZHU_UPDATE_GOLDEN=1 once");
    QCOMPARE(md.value(), QString::fromUtf8(golden.readAll()));
}

void TestMarkdownExporter::bundledDocumentRendersOneQuotePerAnnotationUnderItsSections()
{
    const Document doc = ExportFixture::bundledDocument();
    const QList<Annotation> annotations = ExportFixture::annotations(doc);
    const auto md = fixedExporter().exportNotes(doc, annotations);
    QVERIFY(md);
    const Rendered r = render(md.value());

    QCOMPARE(r.quotes.size(), annotations.size());
    for (const Annotation &a : annotations)
        QVERIFY2(r.quotes.contains(a.anchor.quote), qPrintable(a.anchor.quote));
    QCOMPARE(r.htmlNodes, 0);
    for (const QString &url : r.links)
        QVERIFY2(schemeAllowed(url), qPrintable(url));

    const QString commentary = doc.parts().at(1).title;
    const QList<std::pair<int, QString>> expected {
        { 1, u"质量强国建设纲要"_s },
        { 2, u"一、形势背景"_s },
        { 2, u"二、总体要求"_s },
        { 3, u"（一）指导思想"_s },
        { 3, u"（二）主要目标"_s },
        { 4, u"——经济发展质量效益明显提升"_s },
        { 2, commentary },
        { 2, u"Orphaned notes"_s },
    };
    QCOMPARE(r.headings, expected);
    // One meta line per annotation, each opening with its colour.
    const QStringList meta = r.emphasis.filter(QRegularExpression(u"^(Yellow|Green|Blue|Pink|Purple) · "_s));
    QCOMPARE(meta.size(), annotations.size());
    QVERIFY(meta.at(0).startsWith(u"Yellow · #定位 · 质量强国建设纲要 · ¶ 3"_s));
}

void TestMarkdownExporter::documentTextRendersLiterally_data()
{
    QTest::addColumn<QString>("quote");
    QTest::newRow("hash at line start") << u"# 不是标题"_s;
    QTest::newRow("hashes with closing sequence") << u"### 三级 ###"_s;
    QTest::newRow("star bullet") << u"* 不是列表"_s;
    QTest::newRow("dash bullet") << u"- 不是列表"_s;
    QTest::newRow("plus bullet") << u"+ 不是列表"_s;
    QTest::newRow("ordered list with dot") << u"1. 不是编号"_s;
    QTest::newRow("ordered list with paren") << u"2) 不是编号"_s;
    QTest::newRow("long number then dot") << u"2023. 年份"_s;
    QTest::newRow("emphasis stars and underscores") << u"*强调* 和 _强调_ 和 **加粗** a_b_c"_s;
    QTest::newRow("link syntax") << u"[链接](http://example.org) ![图](x.png)"_s;
    QTest::newRow("reference definition") << u"[a]: http://example.org"_s;
    QTest::newRow("nested quote marker") << u"> 引用"_s;
    QTest::newRow("backticks") << u"`代码` 和 ``双``"_s;
    QTest::newRow("backslashes") << u"a\\b \\* c\\"_s;
    QTest::newRow("lone backslash") << u"\\"_s;
    QTest::newRow("html tag") << u"<b>粗</b>"_s;
    QTest::newRow("script tag") << u"<script>alert(1)</script>"_s;
    QTest::newRow("html comment") << u"<!-- 注释 -->"_s;
    QTest::newRow("html block tag") << u"<div>"_s;
    QTest::newRow("autolink") << u"<http://example.org>"_s;
    QTest::newRow("entity") << u"&amp; &lt; &#60; &copy;"_s;
    QTest::newRow("thematic break dashes") << u"---"_s;
    QTest::newRow("thematic break stars") << u"***"_s;
    QTest::newRow("setext underline") << u"标题\n==="_s;
    QTest::newRow("setext dashes") << u"标题\n---"_s;
    QTest::newRow("fence backticks") << u"```"_s;
    QTest::newRow("fence tildes") << u"~~~"_s;
    QTest::newRow("strikethrough and table") << u"~~删~~ | a | b |"_s;
    QTest::newRow("leading spaces") << u"    缩进四格"_s;
    QTest::newRow("trailing spaces") << u"行尾空格  "_s;
    QTest::newRow("tab") << u"\t制表符\t中间"_s;
    QTest::newRow("two lines") << u"第一行\n第二行"_s;
    QTest::newRow("blank line inside") << u"第一段\n\n第二段"_s;
    QTest::newRow("line breaks at the ends dropped") << u"\n中间\n"_s;
    QTest::newRow("chinese with markup characters") << u"《纲要》#第一条*重点*<强调>[注]"_s;
    QTest::newRow("exclamation before bracket") << u"!![x]"_s;
}

void TestMarkdownExporter::documentTextRendersLiterally()
{
    QFETCH(QString, quote);
    const Rendered r = render(exportOne(quote, {}));
    QCOMPARE(r.quotes.size(), 1);
    QCOMPARE(r.quotes.first(), trimmedBreaks(quote));
    QCOMPARE(r.htmlNodes, 0);
    QCOMPARE(r.links, QStringList());
    QCOMPARE(r.headings.size(), 2); // the title and "Orphaned notes"
    QCOMPARE(r.codeBlocks, 0);
}

void TestMarkdownExporter::notesKeepMarkdownButLoseHtmlAndUnsafeLinks_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QStringList>("links"); // the links the rendered note must have, exactly
    QTest::addColumn<int>("strong");

    const QStringList none;
    QTest::newRow("markdown kept") << u"**重点** 与 *强调*"_s << none << 1;
    QTest::newRow("https link kept") << u"[公报](https://www.stats.gov.cn/)"_s
                                     << QStringList { u"https://www.stats.gov.cn/"_s } << 0;
    QTest::newRow("mailto autolink kept")
        << u"<mailto:a@example.org>"_s << QStringList { u"mailto:a@example.org"_s } << 0;
    QTest::newRow("email autolink kept")
        << u"<a.b@example.org>"_s << QStringList { u"mailto:a.b@example.org"_s } << 0;
    QTest::newRow("http autolink kept")
        << u"<http://example.org/a_b>"_s << QStringList { u"http://example.org/a_b"_s } << 0;
    QTest::newRow("relative link kept") << u"[上文](#top)"_s << QStringList { u"#top"_s } << 0;
    QTest::newRow("inline html") << u"<b>粗</b> 与 <img src=x onerror=alert(1)>"_s << none << 0;
    QTest::newRow("html block") << u"<div>\n块\n</div>"_s << none << 0;
    QTest::newRow("script block") << u"<script>alert(1)</script>"_s << none << 0;
    QTest::newRow("html comment") << u"<!-- 隐藏 -->"_s << none << 0;
    QTest::newRow("processing instruction") << u"<?php echo 1; ?>"_s << none << 0;
    QTest::newRow("cdata") << u"<![CDATA[x]]>"_s << none << 0;
    QTest::newRow("escaped lt before tag") << u"\\<b>粗</b>"_s << none << 0;
    QTest::newRow("javascript link") << u"[点我](javascript:alert(1))"_s << none << 0;
    QTest::newRow("javascript mixed case") << u"[点我](JaVaScRiPt:alert(1))"_s << none << 0;
    QTest::newRow("javascript numeric entity") << u"[点我](java&#115;cript:alert(1))"_s << none << 0;
    QTest::newRow("javascript hex entity first") << u"[点我](&#x6A;avascript:alert(1))"_s << none << 0;
    QTest::newRow("javascript named colon") << u"[点我](javascript&colon;alert(1))"_s << none << 0;
    QTest::newRow("javascript escaped colon") << u"[点我](javascript\\:alert(1))"_s << none << 0;
    QTest::newRow("javascript tab entity") << u"[点我](java&#9;script:alert(1))"_s << none << 0;
    QTest::newRow("javascript after newline") << u"[点我](\njavascript:alert(1))"_s << none << 0;
    QTest::newRow("javascript in quote continuation") << u"> [点我](\n> javascript:alert(1))"_s << none << 0;
    QTest::newRow("javascript angle destination") << u"[点我](<javascript:alert(1)>)"_s << none << 0;
    QTest::newRow("javascript autolink") << u"<javascript:alert(1)>"_s << none << 0;
    QTest::newRow("javascript reference") << u"[点我]\n\n[点我]: javascript:alert(1)"_s << none << 0;
    QTest::newRow("data image") << u"![图](data:text/html;base64,PHNjcmlwdD4=)"_s << none << 0;
    QTest::newRow("vbscript") << u"[x](vbscript:msgbox)"_s << none << 0;
    QTest::newRow("file") << u"[x](file:///etc/passwd)"_s << none << 0;
    QTest::newRow("already escaped bracket") << u"[x\\](javascript:alert(1))"_s << none << 0;
    QTest::newRow("escaped backslash before bracket") << u"[x\\\\](javascript:alert(1))"_s << none << 0;
    QTest::newRow("code span before link") << u"[a`\\`](javascript:alert(1))"_s << none << 0;
    QTest::newRow("escaped lt hides autolink") << u"[x \\<http://a](javascript:alert(1))>"_s << none << 0;
}

void TestMarkdownExporter::notesKeepMarkdownButLoseHtmlAndUnsafeLinks()
{
    QFETCH(QString, note);
    QFETCH(QStringList, links);
    QFETCH(int, strong);
    const QString md = exportOne(u"原文"_s, note);
    const Rendered r = render(md);
    QCOMPARE(r.htmlNodes, 0);
    for (const QString &url : r.links)
        QVERIFY2(schemeAllowed(url), qPrintable(url));
    QCOMPARE(r.links, links);
    QCOMPARE(r.strongNodes, strong);
    QCOMPARE(r.quotes.size(), note.startsWith(u'>') ? 2 : 1);
}

void TestMarkdownExporter::noteHeadingsNestUnderTheirSection_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<int>("level"); // of the note's heading once exported under "## Orphaned notes"; 0: none
    QTest::addColumn<QString>("text"); // the note's text as rendered, when it is no heading
    QTest::newRow("level 1 becomes 3") << u"# 小结\n内容"_s << 3 << QString();
    QTest::newRow("level 3 becomes 5") << u"### 小结"_s << 5 << QString();
    QTest::newRow("level 6 stays 6") << u"###### 小结"_s << 6 << QString();
    QTest::newRow("inside a list item") << u"- # 小结"_s << 3 << QString();
    QTest::newRow("hash inside a sentence untouched") << u"2023 # 年份"_s << 0 << u"2023 # 年份"_s;
    QTest::newRow("hash without space untouched") << u"#标签"_s << 0 << u"#标签"_s;
    QTest::newRow("inside a fence untouched") << u"```\n# 注释\n```"_s << 0 << QString();
    QTest::newRow("setext level 1 stays text") << u"小结\n==="_s << 0 << u"小结\n\\==="_s;
    QTest::newRow("setext level 2 stays text") << u"小结\n---"_s << 0 << u"小结\n\\---"_s;
    QTest::newRow("thematic break after a blank line kept")
        << u"上文\n\n---\n\n下文"_s << 0 << u"上文\n\n---\n\n下文"_s;
}

void TestMarkdownExporter::noteHeadingsNestUnderTheirSection()
{
    QFETCH(QString, note);
    QFETCH(int, level);
    QFETCH(QString, text);
    const QString md = exportOne(u"原文"_s, note);
    const Rendered r = render(md);
    QCOMPARE(r.headings.size(), level > 0 ? 3 : 2);
    if (level > 0) {
        QCOMPARE(r.headings.at(2).first, level);
        QCOMPARE(r.headings.at(2).second, u"小结"_s);
    }
    if (!text.isEmpty())
        QVERIFY2(md.contains(u"\n\n"_s + text + u"\n\n"_s), qPrintable(md));
}

void TestMarkdownExporter::unclosedFenceInNoteDoesNotSwallowTheRest_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<int>("codeBlocks");
    QTest::newRow("backtick fence at top level") << u"代码：\n\n```js\nlet a = 1;"_s << 1;
    QTest::newRow("tilde fence with info string") << u"~~~~ text)\n内容"_s << 1;
    // Inside a list the fence is escaped: what closes it there depends on the list's extent.
    QTest::newRow("fence inside a list item") << u"- 列表\n\n\n   ~~~)\n内容"_s << 0;
    QTest::newRow("fence inside a quote") << u"> ```\n> 代码"_s << 0;
}

void TestMarkdownExporter::unclosedFenceInNoteDoesNotSwallowTheRest()
{
    QFETCH(QString, note);
    QFETCH(int, codeBlocks);
    const Rendered r = render(exportOne(u"原文"_s, note));
    QCOMPARE(r.codeBlocks, codeBlocks);
    QCOMPARE(r.emphasis.size(), 1); // the meta line after the note is still a line of text
    QVERIFY(r.emphasis.first().startsWith(u"Green"_s));
}

// Notes and quotes assembled at random from the pieces Markdown syntax is made of, with a fixed
// seed: thousands of combinations nobody would write by hand, each checked through cmark.
static QString generated(QRandomGenerator &random, const QStringList &pieces, int maxPieces)
{
    QString s;
    const int count = 1 + int(random.bounded(maxPieces));
    for (int i = 0; i < count; ++i)
        s += pieces.at(qsizetype(random.bounded(int(pieces.size()))));
    return s;
}

// PIZHU_GENERATED_RUNS and PIZHU_GENERATED_SEED widen the search by hand; ctest uses the defaults.
static int generatedRuns()
{
    bool ok = false;
    const int runs = qEnvironmentVariableIntValue("PIZHU_GENERATED_RUNS", &ok);
    return ok && runs > 0 ? runs : 5000;
}

static quint32 generatedSeed(quint32 fallback)
{
    bool ok = false;
    const int seed = qEnvironmentVariableIntValue("PIZHU_GENERATED_SEED", &ok);
    return ok ? quint32(seed) : fallback;
}

static const QStringList &markdownPieces()
{
    static const QStringList pieces {
        u"<"_s,
        u">"_s,
        u"["_s,
        u"]"_s,
        u"("_s,
        u")"_s,
        u"`"_s,
        u"``"_s,
        u"\\"_s,
        u"\n"_s,
        u"\n\n"_s,
        u" "_s,
        u"   "_s,
        u"\t"_s,
        u"> "_s,
        u"- "_s,
        u"1. "_s,
        u"```"_s,
        u"~~~"_s,
        u"!"_s,
        u":"_s,
        u"&"_s,
        u"#"_s,
        u"*"_s,
        u"_"_s,
        u"a"_s,
        u"质量"_s,
        u"script"_s,
        u"div"_s,
        u"b"_s,
        u"<!--"_s,
        u"-->"_s,
        u"<?"_s,
        u"<![CDATA["_s,
        u"javascript:"_s,
        u"JavaScript:"_s,
        u"java"_s,
        u"&#106;"_s,
        u"&#x3A;"_s,
        u"&colon;"_s,
        u"&#9;"_s,
        u"http:"_s,
        u"https://x.cn/"_s,
        u"mailto:"_s,
        u"data:"_s,
        u"a@b.cn"_s,
        u"](javascript:alert(1))"_s,
        u"]: javascript:x"_s,
        u"](<javascript:x>)"_s,
        u"<http://x>"_s,
        u"/"_s,
        u"\""_s,
        u"'"_s,
        u"="_s,
        u"    "_s,
        u"# "_s,
        u"\n===\n"_s,
        u"\n---\n"_s,
        u"\n- "_s,
        u"\n> "_s,
        u"\n  "_s,
    };
    return pieces;
}

void TestMarkdownExporter::generatedNotesNeverRenderHtmlOrUnsafeLinks()
{
    QRandomGenerator random(generatedSeed(20260206));
    for (int i = 0, runs = generatedRuns(); i < runs; ++i) {
        const QString note = generated(random, markdownPieces(), 24);
        const Rendered r = render(exportOne(u"原文"_s, note));
        QVERIFY2(r.htmlNodes == 0, qPrintable(u"HTML from note: "_s + note));
        for (const QString &url : r.links)
            QVERIFY2(schemeAllowed(url), qPrintable(u"link %1 from note: %2"_s.arg(url, note)));
        QVERIFY2(r.headings.size() >= 2 && r.headings.at(1).first == 2,
            qPrintable(u"outline broken by: "_s + note));
        for (qsizetype h = 2; h < r.headings.size(); ++h)
            QVERIFY2(r.headings.at(h).first >= 3, qPrintable(u"note heading above its section: "_s + note));
        QVERIFY2(std::any_of(r.emphasis.cbegin(), r.emphasis.cend(),
                     [](const QString &e) { return e.startsWith(u"Green · "_s); }),
            qPrintable(u"meta line lost after note: "_s + note));
    }
}

void TestMarkdownExporter::generatedDocumentTextAlwaysRendersLiterally()
{
    QRandomGenerator random(generatedSeed(1949));
    for (int i = 0, runs = generatedRuns(); i < runs; ++i) {
        const QString quote = generated(random, markdownPieces(), 12);
        const Rendered r = render(exportOne(quote, {}));
        QVERIFY2(r.quotes.size() == 1 && r.quotes.first() == trimmedBreaks(quote),
            qPrintable(u"quote %1 rendered as %2"_s.arg(quote, r.quotes.value(0))));
        QVERIFY2(r.htmlNodes == 0 && r.links.isEmpty() && r.codeBlocks == 0, qPrintable(quote));
    }
}

void TestMarkdownExporter::emptyExportIsAnError_data()
{
    QTest::addColumn<bool>("withAnnotations");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<ExportError>("error");
    QTest::newRow("document without notes") << false << QString() << ExportError::NoAnnotations;
    QTest::newRow("filter matches nothing") << true << u"不存在的标签"_s << ExportError::NoneMatch;
}

void TestMarkdownExporter::emptyExportIsAnError()
{
    QFETCH(bool, withAnnotations);
    QFETCH(QString, tag);
    QFETCH(ExportError, error);
    const Document doc = ExportFixture::bundledDocument();
    ExportOptions options;
    if (!tag.isEmpty())
        options.tags = { tag };
    const auto md = fixedExporter().exportNotes(
        doc, withAnnotations ? ExportFixture::annotations(doc) : QList<Annotation> {}, options);
    QVERIFY(!md);
    QCOMPARE(md.error(), error);
}

void TestMarkdownExporter::filtersKeepOnlyChosenColoursAndTags_data()
{
    QTest::addColumn<QList<AnnotationColor>>("colors");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("quotes");
    QTest::newRow("one colour") << QList<AnnotationColor> { AnnotationColor::Yellow } << QStringList()
                                << QStringList { u"建设质量强国是推动高质量发展"_s, u"治国必先治党"_s };
    QTest::newRow("two colours") << QList<AnnotationColor> { AnnotationColor::Blue, AnnotationColor::Pink }
                                 << QStringList()
                                 << QStringList { u"深入实施质量强国战略"_s, u"经济发展质量效益明显提升"_s };
    QTest::newRow("one tag, any case")
        << QList<AnnotationColor>() << QStringList { u"重点"_s } << QStringList { u"深入实施质量强国战略"_s };
    QTest::newRow("colour and tag together")
        << QList<AnnotationColor> { AnnotationColor::Yellow } << QStringList { u"解读"_s, u"战略"_s }
        << QStringList { u"治国必先治党"_s };
}

void TestMarkdownExporter::filtersKeepOnlyChosenColoursAndTags()
{
    QFETCH(QList<AnnotationColor>, colors);
    QFETCH(QStringList, tags);
    QFETCH(QStringList, quotes);
    const Document doc = ExportFixture::bundledDocument();
    ExportOptions options;
    options.colors = colors;
    options.tags = tags;
    const auto md = fixedExporter().exportNotes(doc, ExportFixture::annotations(doc), options);
    QVERIFY(md);
    QCOMPARE(render(md.value()).quotes, quotes);
    QVERIFY(md->contains(u"annotation_count: %1\n"_s.arg(quotes.size())));
}

void TestMarkdownExporter::groupByColourMakesOneSectionPerColourInPaletteOrder()
{
    const Document doc = ExportFixture::bundledDocument();
    ExportOptions options;
    options.groupBy = ExportOptions::GroupBy::Color;
    const auto md = fixedExporter().exportNotes(doc, ExportFixture::annotations(doc), options);
    QVERIFY(md);
    const Rendered r = render(md.value());
    const QList<std::pair<int, QString>> expected {
        { 1, u"质量强国建设纲要"_s },
        { 2, u"Yellow"_s },
        { 2, u"Green"_s },
        { 2, u"Blue"_s },
        { 2, u"Pink"_s },
        { 2, u"Purple"_s },
        { 2, u"Orphaned notes"_s },
    };
    QCOMPARE(r.headings, expected);
    QCOMPARE(r.quotes.size(), 7);
    // Inside a colour, document order: the preamble before the commentary.
    QCOMPARE(r.quotes.at(0), u"建设质量强国是推动高质量发展"_s);
    QCOMPARE(r.quotes.at(1), u"治国必先治党"_s);
}

void TestMarkdownExporter::frontMatterValuesAreYamlSafe()
{
    QCOMPARE(MarkdownEscaper::yamlString(u"a\"b\\c"_s), u"\"a\\\"b\\\\c\""_s);
    QCOMPARE(MarkdownEscaper::yamlString(u"x\n---\ny"_s), u"\"x\\n---\\ny\""_s);
    QCOMPARE(MarkdownEscaper::yamlString(u"a\u0001b"_s), u"\"a\\u0001b\""_s);
    const Document doc = ExportFixture::bundledDocument();
    ExportOptions options;
    options.sourceFileName = u"evil\"\n---\nname: x.txt"_s;
    const auto md = fixedExporter().exportNotes(doc, ExportFixture::annotations(doc), options);
    QVERIFY(md);
    const QStringList lines = md->split(u'\n');
    QCOMPARE(lines.at(0), u"---"_s);
    QCOMPARE(lines.at(2), u"source: \"evil\\\"\\n---\\nname: x.txt\""_s);
    QCOMPARE(lines.at(4), u"exported_at: \"2026-02-06T08:00:00Z\""_s);
    QCOMPARE(lines.at(5), u"annotation_count: 7"_s);
    QCOMPARE(lines.at(6), u"---"_s);
}

void TestMarkdownExporter::frontMatterIsInertToARendererThatDoesNotKnowIt()
{
    // cmark (and GitHub, and most previewers) read the front matter as a paragraph: raw HTML or
    // a link in the title would be live there.
    const QString hostile
        = u"</details><script>alert(1)</script> [x](javascript:alert(1)) <b>粗</b> & <!-- x"_s;
    auto imported
        = Importer().importBytes((hostile + u"\n\n质量是人类生产生活的重要保障。\n"_s).toUtf8(), {});
    QVERIFY(imported);
    const Document doc = std::move(imported).value();
    QVERIFY2(doc.title().contains(u"<script>"_s), qPrintable(doc.title()));
    const qsizetype start = doc.text().indexOf(u"重要保障"_s);
    QVERIFY(start > 0);
    Annotation a = Anchoring::makeAnnotation(doc, start, start + 4);
    ExportOptions options;
    options.sourceFileName = u"<img src=x onerror=alert(1)>.txt"_s;
    const auto md = fixedExporter().exportNotes(doc, { a }, options);
    QVERIFY(md);
    const Rendered whole = render(md.value(), FrontMatter::Keep);
    QCOMPARE(whole.htmlNodes, 0);
    QCOMPARE(whole.links, QStringList());
    // Still the same strings to a YAML reader: \u escapes are YAML's own.
    QVERIFY2(md->contains(u"title: \"\\u003c/details\\u003e\\u003cscript\\u003ealert(1)"_s), qPrintable(*md));
}

void TestMarkdownExporter::quotesFromPagedDocumentCiteTheirPage()
{
    const Document doc = PagedFixture::document();
    const QList<Annotation> annotations {
        ExportFixture::on(doc, 1, u"一批重大技术装备"_s, AnnotationColor::Yellow, u"跨页的一句。"_s, {}),
        ExportFixture::on(doc, 2, u"重大工程"_s, AnnotationColor::Green, {}, {}),
        ExportFixture::on(doc, 3, u"面对新形势新要求"_s, AnnotationColor::Blue, {}, {}),
        ExportFixture::orphan(doc, 4),
    };
    const auto md = fixedExporter().exportNotes(doc, annotations);
    QVERIFY(md);
    // Printed page numbers, not ordinals; a quote over the page break names both pages.
    QVERIFY2(md->contains(u"> 一批重大技术装备\n\n— pp. 7–8\n\n跨页的一句。\n"_s), qPrintable(md.value()));
    QVERIFY2(md->contains(u"> 重大工程\n\n— p. 8\n\n*Green"_s), qPrintable(md.value()));
    QVERIFY2(md->contains(u"> 面对新形势新要求\n\n— p. 9\n\n*Blue"_s), qPrintable(md.value()));
    // The orphan's offsets are not in this text: no page for it.
    QCOMPARE(md->count(u"\n— p"_s), 3);
    // The citation is its own paragraph: every quote renders as exactly the text quoted.
    const Rendered r = render(md.value());
    QCOMPARE(r.quotes.size(), annotations.size());
    for (const Annotation &a : annotations)
        QVERIFY2(r.quotes.contains(a.anchor.quote), qPrintable(a.anchor.quote));
}

QTEST_GUILESS_MAIN(TestMarkdownExporter)
#include "tst_markdownexporter.moc"
