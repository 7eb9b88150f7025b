#pragma once

#include <QString>

namespace Pizhu {

// Makes text safe to place in a Markdown (CommonMark) file that will be pasted into reports and
// rendered by tools we do not control.
//
// Two kinds of text meet there: text from the document, which must render exactly as written,
// and the reader's notes, which are Markdown on purpose but must not smuggle raw HTML or script
// links into whatever renders the export.
class MarkdownEscaper
{
public:
    // One line of document text, escaped so that it renders literally wherever it stands in a
    // paragraph, a heading or a block quote: inline syntax (* _ ` [ ] < > & # ~ | \) is
    // backslash-escaped, block syntax at the start of the line (a list marker such as "1." or "-",
    // "+", "=") is defused, and spaces or tabs at either end become character references so
    // Markdown does not strip them. Line breaks inside are not expected: see quoteLines().
    static QString escapeLine(const QString &line);

    // Document text over one or more lines as the inside of a block quote: each line escaped and
    // prefixed with "> ", lines joined with hard line breaks, so the rendered quote keeps the
    // text's line breaks. Line breaks at either end are dropped (a paragraph cannot start or end
    // with one). No trailing newline.
    static QString blockQuote(const QString &text);

    // A reader's note, still Markdown, made safe to render:
    // - every '<' that does not open an autolink to http:, https: or mailto: (or an e-mail
    //   autolink) is escaped, so no raw HTML (inline or block, comments included) gets through;
    // - a link or image whose destination has any other scheme (javascript:, data:, file:, ...,
    //   even when spelled with entities or escapes) loses its closing ']' to an escape, so it
    //   renders as the literal text the reader typed and links nowhere;
    // - fenced code blocks are kept only where they open at the start of a line, outside lists
    //   and quotes (elsewhere the fence is escaped), and one left open at the end is closed, so
    //   a note can never turn the rest of the export into code;
    // - its ATX headings are deepened to at least minHeadingLevel (capped at 6), so they nest
    //   under the section the note is exported in; setext underlines ("===" or "---" right under
    //   a line of text) are escaped, since a setext heading cannot be deepened.
    // The price of not parsing Markdown fully here: a '<' inside a code span or code block shows
    // as "\<".
    static QString escapeNote(const QString &markdown, int minHeadingLevel = 1);

    // A YAML scalar that reads back as exactly value: always double-quoted, with backslash,
    // quote and every control character escaped, so a title can never end the front matter;
    // < > & [ ] are escaped too (\u003c ...), so a renderer that shows the front matter as text
    // finds no HTML, entity or link in it.
    static QString yamlString(const QString &value);
};

} // namespace Pizhu
