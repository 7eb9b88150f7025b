#include "markdownescaper.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

bool isAsciiPunct(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x21 && u <= 0x2F) || (u >= 0x3A && u <= 0x40) || (u >= 0x5B && u <= 0x60)
        || (u >= 0x7B && u <= 0x7E);
}

bool isAsciiAlpha(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

bool isAsciiAlnum(QChar c)
{
    return isAsciiAlpha(c) || isAsciiDigit(c);
}

bool isSpaceOrTab(QChar c)
{
    return c == u' ' || c == u'\t';
}

QString characterReference(QChar c)
{
    return u"&#%1;"_s.arg(uint(c.unicode()));
}

// Characters that start or end inline syntax anywhere in a line. '#' only means something at the
// start of a line in CommonMark, but renderers that read "#word" as a tag exist; '~' and '|' are
// GitHub's strikethrough and tables, where these exports are often pasted.
bool needsInlineEscape(QChar c)
{
    switch (c.unicode()) {
    case u'\\':
    case u'`':
    case u'*':
    case u'_':
    case u'[':
    case u']':
    case u'<':
    case u'>':
    case u'&':
    case u'#':
    case u'~':
    case u'|':
        return true;
    default:
        return false;
    }
}

// Length of the autolink that starts at s[i] == '<' if it is one a reader may follow: a URI with
// the scheme http, https or mailto, or an e-mail address (CommonMark's grammar for both);
// 0 otherwise.
qsizetype allowedAutolinkLength(const QString &s, qsizetype i)
{
    const qsizetype n = s.size();
    qsizetype k = i + 1;
    while (k < n && (isAsciiAlnum(s.at(k)) || s.at(k) == u'+' || s.at(k) == u'.' || s.at(k) == u'-'))
        ++k;
    if (k < n && s.at(k) == u':') {
        const QString scheme = s.mid(i + 1, k - i - 1).toLower();
        if (scheme != u"http"_s && scheme != u"https"_s && scheme != u"mailto"_s)
            return 0;
        for (++k; k < n; ++k) {
            const QChar c = s.at(k);
            if (c == u'>')
                return k - i + 1;
            if (c.unicode() <= 0x20 || c == u'<' || c.unicode() == 0x7F)
                return 0;
        }
        return 0;
    }
    // E-mail autolink: local part, '@', dot-separated labels of letters, digits and '-'.
    // "<!" and "<?" at the start of a line open an HTML block before any autolink is seen.
    static const QString localChars = u".!#$%&'*+/=?^_`{|}~-"_s;
    if (i + 1 < n && (s.at(i + 1) == u'!' || s.at(i + 1) == u'?'))
        return 0;
    k = i + 1;
    while (k < n && (isAsciiAlnum(s.at(k)) || localChars.contains(s.at(k))))
        ++k;
    if (k == i + 1 || k >= n || s.at(k) != u'@')
        return 0;
    ++k;
    qsizetype labelStart = k;
    for (; k < n; ++k) {
        const QChar c = s.at(k);
        if (isAsciiAlnum(c) || (c == u'-' && k > labelStart))
            continue;
        if (k == labelStart || s.at(k - 1) == u'-' || k - labelStart > 63)
            return 0;
        if (c == u'>')
            return k - i + 1;
        if (c != u'.')
            return 0;
        labelStart = k + 1;
    }
    return 0;
}

// Decodes the numeric character reference at s[k] == '&' the way CommonMark does; returns the
// number of characters it spans, or 0 if there is none.
qsizetype numericReference(const QString &s, qsizetype k, QString &decoded)
{
    const qsizetype n = s.size();
    if (k + 2 >= n || s.at(k + 1) != u'#')
        return 0;
    qsizetype j = k + 2;
    const bool hex = s.at(j) == u'x' || s.at(j) == u'X';
    if (hex)
        ++j;
    const qsizetype digitsStart = j;
    char32_t value = 0;
    while (j < n && j - digitsStart < (hex ? 6 : 7)) {
        const QChar c = s.at(j);
        int digit = -1;
        if (isAsciiDigit(c))
            digit = c.unicode() - u'0';
        else if (hex && c.toLower().unicode() >= u'a' && c.toLower().unicode() <= u'f')
            digit = c.toLower().unicode() - u'a' + 10;
        if (digit < 0)
            break;
        value = value * (hex ? 16 : 10) + char32_t(digit);
        ++j;
    }
    if (j == digitsStart || j >= n || s.at(j) != u';')
        return 0;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        value = 0xFFFD;
    decoded += QString::fromUcs4(&value, 1);
    return j - k + 1;
}

// Whether the link destination that may start at s[k] (just after "](" or "]:") names a scheme
// other than http, https or mailto once escapes and references are decoded and the characters
// browsers ignore are dropped. Errs towards "unsafe": the cost is a link shown as text.
bool destinationIsUnsafe(const QString &s, qsizetype k)
{
    const qsizetype n = s.size();
    // Whitespace, a line break and the '>' of a block quote's continuation line may stand
    // between the bracket and the destination.
    while (k < n && (s.at(k).unicode() <= 0x20 || s.at(k) == u'>'))
        ++k;
    if (k >= n)
        return false;
    if (s.at(k) == u'<') // an angle destination: safe only if it is an allowed autolink
        return allowedAutolinkLength(s, k) == 0;
    constexpr qsizetype MaxScheme = 64;
    QString decoded;
    while (k < n && decoded.size() <= MaxScheme) {
        const QChar c = s.at(k);
        if (c.unicode() <= 0x20)
            break; // ends a destination that is not in angle brackets
        if (c == u'\\' && k + 1 < n && isAsciiPunct(s.at(k + 1))) {
            decoded += s.at(k + 1);
            k += 2;
        } else if (c == u'&') {
            const qsizetype used = numericReference(s, k, decoded);
            if (used == 0)
                decoded += u'&'; // a named reference we cannot decode here: treated as suspect
            k += used > 0 ? used : 1;
        } else {
            decoded += c;
            ++k;
        }
    }
    // Browsers skip leading controls and spaces and drop tabs and line breaks anywhere.
    qsizetype i = 0;
    while (i < decoded.size() && decoded.at(i).unicode() <= 0x20)
        ++i;
    QString scheme;
    for (; i < decoded.size(); ++i) {
        const QChar c = decoded.at(i);
        if (c == u'\t' || c == u'\n' || c == u'\r')
            continue;
        if (c == u':') {
            if (scheme.isEmpty() || !isAsciiAlpha(scheme.front()))
                return false;
            const QString lower = scheme.toLower();
            return lower != u"http"_s && lower != u"https"_s && lower != u"mailto"_s;
        }
        if (c == u'&')
            return true;
        if (!(isAsciiAlnum(c) || c == u'+' || c == u'-' || c == u'.'))
            return false; // a relative reference: no scheme
        scheme += c;
    }
    return decoded.size() > MaxScheme; // gave up on a very long run of scheme characters
}

// Deepens an ATX heading ("# ...", also inside quotes and list items) to at least minLevel: a
// note's own headings then nest under the section the note stands in instead of breaking the
// export's outline. Indentation is not measured, so "    # x" in an indented code block is
// deepened too: a visible but harmless change, where a missed heading would break the outline.
// (Setext headings are defused in defuseFences.)
void nestHeading(QString &line, int minLevel)
{
    if (minLevel <= 1 || !line.contains(u'#'))
        return;
    static const QRegularExpression atx(
        u"^((?:[ \\t]*(?:>|(?:[-+*]|[0-9]{1,9}[.)])[ \\t]))*[ \\t]*)(#{1,6})(?=[ \\t]|$)"_s);
    const QRegularExpressionMatch m = atx.match(line);
    if (!m.hasMatch())
        return;
    const int level = std::min<int>(int(m.capturedLength(2)) + minLevel - 1, 6);
    line.replace(m.capturedStart(2), m.capturedLength(2), QString(level, u'#'));
}

// Fenced code blocks are only kept where their extent is certain: a fence that opens at the start
// of a line outside any list or quote. Everywhere else (indented, after "> " or "- ") the fence
// is escaped, because whether it opens a block there, and what closes it, depends on container
// rules this class does not model; a wrong guess could let a fence swallow the rest of the
// export. A top-level fence left open at the end of the note is closed.
QString defuseFences(const QString &text, int minHeadingLevel)
{
    QChar fenceChar;
    qsizetype fenceLength = 0; // 0: outside a fence
    QStringList lines = text.split(u'\n');
    bool previousBlank = true;
    for (QString &line : lines) {
        if (fenceLength > 0) {
            previousBlank = true; // after the closing fence, a line of '-' is a thematic break
            // Inside a top-level fence: content, unless it is the closing fence (indented by up
            // to three spaces, as long as the opening one or longer, nothing after it).
            qsizetype i = 0;
            while (i < line.size() && i < 4 && line.at(i) == u' ')
                ++i;
            qsizetype run = 0;
            while (i + run < line.size() && line.at(i + run) == fenceChar)
                ++run;
            if (i <= 3 && run >= fenceLength && line.mid(i + run).trimmed().isEmpty())
                fenceLength = 0;
            continue;
        }
        nestHeading(line, minHeadingLevel);
        // A line of '=' or '-' under text would make that text a heading of level 1 or 2,
        // above the sections of the export; escaped, it stays a line of text.
        static const QRegularExpression setext(u"^([ \\t>]*)(=+|-+)[ \\t]*$"_s);
        if (!previousBlank) {
            const QRegularExpressionMatch m = setext.match(line);
            if (m.hasMatch())
                line.insert(m.capturedStart(2), u'\\');
        }
        // Only a truly empty line counts: "> " may be a blank line of a quote or, indented, the
        // text of a paragraph; taking it for text costs at most an escaped thematic break.
        previousBlank = QStringView(line).trimmed().isEmpty();
        // A run of three fence characters after nothing but indentation, quote markers and list
        // markers may be a fence.
        static const QString prefixChars = u" \t>-+*.)0123456789"_s;
        qsizetype i = 0;
        while (i < line.size() && prefixChars.contains(line.at(i)))
            ++i;
        if (i >= line.size() || (line.at(i) != u'`' && line.at(i) != u'~'))
            continue;
        const QChar c = line.at(i);
        qsizetype run = 0;
        while (i + run < line.size() && line.at(i + run) == c)
            ++run;
        if (run < 3)
            continue;
        if (c == u'`' && line.mid(i + run).contains(u'`'))
            continue; // an info string with a backtick: a code span, not a fence
        if (i == 0) {
            fenceChar = c;
            fenceLength = run;
        } else {
            line.insert(i, u'\\');
        }
    }
    QString out = lines.join(u'\n');
    if (fenceLength > 0)
        out += u'\n' + QString(fenceLength, fenceChar);
    return out;
}

} // namespace

QString MarkdownEscaper::escapeLine(const QString &line)
{
    const qsizetype n = line.size();
    // Most lines of a Chinese document need nothing: return them without building a copy.
    if (n == 0)
        return line;
    const QChar head = line.front();
    if (!isSpaceOrTab(head) && !isSpaceOrTab(line.back()) && !isAsciiDigit(head) && head != u'-'
        && head != u'+' && head != u'=') {
        const bool plain = std::none_of(line.cbegin(), line.cend(),
            [](QChar c) { return c.unicode() < 0x80 && (needsInlineEscape(c) || c == u'\n' || c == u'\r'); });
        if (plain)
            return line;
    }
    qsizetype first = 0;
    while (first < n && isSpaceOrTab(line.at(first)))
        ++first;
    qsizetype last = n;
    while (last > first && isSpaceOrTab(line.at(last - 1)))
        --last;

    QString out;
    out.reserve(n + n / 8 + 8);
    for (qsizetype i = 0; i < first; ++i)
        out += characterReference(line.at(i));

    qsizetype i = first;
    // Block syntax only counts at the start of a line: an ordered-list marker ("1." or "1)"),
    // a bullet ("-", "+"; "*" is escaped anyway) or a setext underline ("=", "-").
    qsizetype digits = 0;
    while (i + digits < last && isAsciiDigit(line.at(i + digits)))
        ++digits;
    if (digits > 0 && i + digits < last && (line.at(i + digits) == u'.' || line.at(i + digits) == u')')) {
        out += QStringView(line).mid(i, digits);
        out += u'\\';
        out += line.at(i + digits);
        i += digits + 1;
    } else if (i < last && (line.at(i) == u'-' || line.at(i) == u'+' || line.at(i) == u'=')) {
        out += u'\\';
        out += line.at(i);
        ++i;
    }

    for (; i < last; ++i) {
        const QChar c = line.at(i);
        if (needsInlineEscape(c)) {
            out += u'\\';
            out += c;
        } else if (c == u'\n' || c == u'\r') {
            out += characterReference(c);
        } else {
            out += c;
        }
    }
    for (qsizetype k = last; k < n; ++k)
        out += characterReference(line.at(k));
    return out;
}

QString MarkdownEscaper::blockQuote(const QString &text)
{
    qsizetype from = 0;
    qsizetype to = text.size();
    auto isBreak = [](QChar c) { return c == u'\n' || c == u'\r'; };
    while (from < to && isBreak(text.at(from)))
        ++from;
    while (to > from && isBreak(text.at(to - 1)))
        --to;
    QString body = text.mid(from, to - from);
    body.replace(u"\r\n"_s, u"\n"_s);
    body.replace(u'\r', u'\n');
    const QStringList lines = body.split(u'\n');
    QString out;
    out.reserve(body.size() + body.size() / 8 + 8);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += u"\\\n"_s; // a hard line break: the quote keeps its line breaks
        out += u"> "_s;
        out += escapeLine(lines.at(i));
    }
    return out;
}

QString MarkdownEscaper::escapeNote(const QString &markdown, int minHeadingLevel)
{
    QString s = markdown;
    s.replace(u"\r\n"_s, u"\n"_s);
    s.replace(u'\r', u'\n');
    const qsizetype n = s.size();
    QString out;
    out.reserve(n + 16);
    for (qsizetype i = 0; i < n;) {
        const QChar c = s.at(i);
        if (c == u'\\' && i + 1 < n && isAsciiPunct(s.at(i + 1))) {
            // Kept as a pair: the escaped character is literal for Markdown, and must stay so here.
            out += c;
            out += s.at(i + 1);
            i += 2;
        } else if (c == u'<') {
            const qsizetype length = allowedAutolinkLength(s, i);
            if (length > 0) {
                out += QStringView(s).mid(i, length);
                i += length;
            } else {
                out += u"\\<"_s;
                ++i;
            }
        } else if (c == u']' && i + 1 < n && (s.at(i + 1) == u'(' || s.at(i + 1) == u':')
            && destinationIsUnsafe(s, i + 2)) {
            out += u"\\]"_s;
            ++i;
        } else {
            out += c;
            ++i;
        }
    }
    return defuseFences(out, minHeadingLevel);
}

QString MarkdownEscaper::yamlString(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (c == u'"' || c == u'\\') {
            out += u'\\';
            out += c;
        } else if (c == u'\n') {
            out += u"\\n"_s;
        } else if (c == u'\t') {
            out += u"\\t"_s;
        } else if (u < 0x20 || u == 0x7F || u == 0x85 || u == 0x2028 || u == 0x2029
            || u == 0xFEFF
            // A renderer that does not know front matter reads it as a paragraph: no raw HTML,
            // entity or link may start there. YAML reads the escapes as the same characters.
            || u == u'<' || u == u'>' || u == u'&' || u == u'[' || u == u']') {
            out += u"\\u%1"_s.arg(uint(u), 4, 16, QChar(u'0'));
        } else {
            out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace Pizhu
