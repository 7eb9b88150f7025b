#pragma once

// The tree cmark (the CommonMark reference parser, Debian's libcmark-dev) builds from an export,
// reduced to what the export's promises are about. Header-only, for tst_markdownexporter.

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cmark.h>

#include <memory>
#include <utility>

namespace Pizhu::MarkdownTree {

using namespace Qt::Literals::StringLiterals;

// What a renderer sees in an export: the tree cmark builds from it, reduced to the parts the
// issue's promises are about.
struct Rendered
{
    QList<QString> quotes; // text of each block quote, line breaks as '\n'
    QList<std::pair<int, QString>> headings; // level and text
    QStringList links; // destinations of links and images
    int htmlNodes = 0;
    int strongNodes = 0;
    int codeBlocks = 0;
    QStringList emphasis; // text of each emphasis run (the meta lines)
};

inline QString literal(cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

// The text a reader sees inside node: text and code literally, line breaks as '\n', paragraphs
// separated by '\n'.
inline QString plainText(cmark_node *node)
{
    QString out;
    for (cmark_node *child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
        switch (cmark_node_get_type(child)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
            out += literal(child);
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            out += u'\n';
            break;
        case CMARK_NODE_PARAGRAPH:
            if (!out.isEmpty())
                out += u'\n';
            out += plainText(child);
            break;
        default:
            out += plainText(child);
        }
    }
    return out;
}

// frontMatter: Keep reads the export as a renderer that knows nothing of front matter does.
enum class FrontMatter { Cut, Keep };

inline Rendered render(const QString &markdown, FrontMatter frontMatter = FrontMatter::Cut)
{
    QString body = markdown;
    // Front matter is for the tools that read it; cmark would take its closing line for a
    // setext underline, so it is cut off as those tools do.
    if (frontMatter == FrontMatter::Cut && body.startsWith(u"---\n"_s)) {
        const qsizetype end = body.indexOf(u"\n---\n"_s, 4);
        if (end > 0)
            body = body.mid(end + 5);
    }
    const QByteArray utf8 = body.toUtf8();
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(
        cmark_parse_document(utf8.constData(), size_t(utf8.size()), CMARK_OPT_DEFAULT), &cmark_node_free);
    Rendered r;
    std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(root.get()), &cmark_iter_free);
    for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(it.get());
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_BLOCK_QUOTE:
            r.quotes.append(plainText(node));
            break;
        case CMARK_NODE_HEADING:
            r.headings.append({ cmark_node_get_heading_level(node), plainText(node) });
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            r.links.append(QString::fromUtf8(cmark_node_get_url(node)));
            break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
            ++r.htmlNodes;
            break;
        case CMARK_NODE_STRONG:
            ++r.strongNodes;
            break;
        case CMARK_NODE_CODE_BLOCK:
            ++r.codeBlocks;
            break;
        case CMARK_NODE_EMPH:
            r.emphasis.append(plainText(node));
            break;
        default:
            break;
        }
    }
    return r;
}

inline bool schemeAllowed(const QString &url)
{
    // As a browser reads it: a scheme is letters, digits, '+', '-' and '.' up to the first ':'.
    static const QRegularExpression schemePattern(u"^[\\x00-\\x20]*([A-Za-z][A-Za-z0-9+.-]*):"_s);
    const auto m = schemePattern.match(url);
    if (!m.hasMatch())
        return true; // relative
    const QString scheme = m.captured(1).toLower();
    return scheme == u"http"_s || scheme == u"https"_s || scheme == u"mailto"_s;
}

} // namespace Pizhu::MarkdownTree
