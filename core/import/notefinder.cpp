#include "notefinder.h"

#include <QString>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// A note is short: a labelled run accepts long notes, a run found only at a chapter's end does not.
constexpr qsizetype LabelledNoteMax = 3000;
constexpr qsizetype ChapterNoteMax = 600;

int digitValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (c >= u'０' && c <= u'９')
        return c.unicode() - u'０';
    return -1;
}

int superscriptValue(QChar c)
{
    switch (c.unicode()) {
    case 0x00B9:
        return 1;
    case 0x00B2:
        return 2;
    case 0x00B3:
        return 3;
    case 0x2070:
        return 0;
    default:
        return (c.unicode() >= 0x2074 && c.unicode() <= 0x2079) ? c.unicode() - 0x2070 : -1;
    }
}

int circledValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= 0x2460 && u <= 0x2473)
        return u - 0x2460 + 1; // ① to ⑳
    if (u >= 0x3251 && u <= 0x325F)
        return u - 0x3251 + 21; // ㉑ to ㉟
    if (u >= 0x32B1 && u <= 0x32BF)
        return u - 0x32B1 + 36; // ㊱ to ㊿
    return 0;
}

// Up to three digits from pos: their value, and how many there were (0 if none).
int readNumber(QStringView text, qsizetype pos, qsizetype *count, int (*value)(QChar) = digitValue)
{
    int n = 0;
    qsizetype k = 0;
    while (pos + k < text.size() && k < 3 && value(text.at(pos + k)) >= 0) {
        n = n * 10 + value(text.at(pos + k));
        ++k;
    }
    *count = k;
    return k > 0 && pos + k < text.size() && value(text.at(pos + k)) >= 0 ? 0 : n; // four digits: a year
}

bool isOpenBracket(QChar c)
{
    return c == u'[' || c == u'［' || c == u'〔';
}
bool isCloseBracket(QChar c)
{
    return c == u']' || c == u'］' || c == u'〕';
}

bool isBlankish(QChar c)
{
    return c.isSpace() || c == u'\u3000';
}

} // namespace

int NoteFinder::markAt(QStringView text, qsizetype pos, qsizetype *length)
{
    *length = 0;
    if (pos >= text.size())
        return 0;
    const QChar c = text.at(pos);
    qsizetype digits = 0;
    if (isOpenBracket(c)) {
        qsizetype from = pos + 1;
        if (from < text.size() && text.at(from) == u'注')
            ++from;
        const int n = readNumber(text, from, &digits);
        if (n > 0 && from + digits < text.size() && isCloseBracket(text.at(from + digits))) {
            *length = from + digits + 1 - pos;
            return n;
        }
        return 0;
    }
    if (superscriptValue(c) >= 0) {
        const int n = readNumber(text, pos, &digits, superscriptValue);
        *length = n > 0 ? digits : 0;
        return n;
    }
    if (const int n = circledValue(c)) {
        *length = 1;
        return n;
    }
    if (c == u'注' && pos + 1 < text.size()) {
        if (const int n = circledValue(text.at(pos + 1))) {
            *length = 2;
            return n;
        }
        const int n = readNumber(text, pos + 1, &digits);
        // "注1" cites a note; "注10000元" is no mark, and neither is a number running on into text.
        if (n > 0
            && (pos + 1 + digits == text.size() || !text.at(pos + 1 + digits).isLetterOrNumber()
                || text.at(pos + 1 + digits).unicode() >= 0x3000)) {
            *length = 1 + digits;
            return n;
        }
    }
    return 0;
}

int NoteFinder::noteNumber(QStringView text, qsizetype *markerLength)
{
    qsizetype pos = 0;
    if (text.startsWith(u'注'))
        pos = 1;
    qsizetype length = 0;
    int n = 0;
    qsizetype digits = 0;
    if (pos < text.size() && isOpenBracket(text.at(pos))) {
        n = readNumber(text, pos + 1, &digits);
        if (n > 0 && pos + 1 + digits < text.size() && isCloseBracket(text.at(pos + 1 + digits)))
            length = pos + digits + 2;
    } else if (pos < text.size() && circledValue(text.at(pos)) > 0) {
        n = circledValue(text.at(pos));
        length = pos + 1;
    } else if (pos < text.size() && superscriptValue(text.at(pos)) >= 0) {
        n = readNumber(text, pos, &digits, superscriptValue);
        length = pos + digits;
    } else {
        n = readNumber(text, pos, &digits);
        const qsizetype end = pos + digits;
        if (n > 0 && end + 1 < text.size()) {
            const QChar sep = text.at(end);
            const QChar after = text.at(end + 1);
            // "1. " "1．" "1、" "1)" "注1：" and "1 " (as some footnotes are set); never "1.1" or "1,000".
            if ((sep == u'.' || sep == u'．' || sep == u'、' || sep == u')' || sep == u'：' || sep == u':')
                && digitValue(after) < 0)
                length = end + 1;
            else if (isBlankish(sep) && digitValue(after) < 0)
                length = end;
        }
    }
    if (length == 0 || length >= text.size())
        return 0;
    while (length < text.size() && (isBlankish(text.at(length)) || text.at(length) == u'：'))
        ++length;
    if (length >= text.size())
        return 0;
    if (markerLength)
        *markerLength = length;
    return n;
}

bool NoteFinder::isNotesLabel(QStringView text)
{
    if (text.size() > 24)
        return false;
    QString word;
    for (QChar c : text)
        if (!isBlankish(c) && c != u':' && c != u'：' && c != u'【' && c != u'】' && c != u'[' && c != u']')
            word += c.toLower();
    static const std::array<QStringView, 16> labels
        = { u"notes", u"endnotes", u"footnotes", u"references", u"bibliography", u"workscited", u"注",
              u"注释", u"注解", u"注文", u"尾注", u"脚注", u"附注", u"参考文献", u"参考资料", u"引用文献" };
    return std::find(labels.begin(), labels.end(), QStringView(word)) != labels.end();
}

static void makeNote(Block &block)
{
    block.kind = BlockKind::Note;
    block.headingLevel = 0;
    block.titleLength = 0;
}

void NoteFinder::findLabelledRuns(Part &part)
{
    QList<Block> &blocks = part.blocks;
    const qsizetype n = blocks.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (!isNotesLabel(blocks.at(i).text))
            continue;
        int expect = noteNumber(blocks.at(i + 1).text);
        qsizetype j = i + 1;
        while (expect > 0 && j < n && blocks.at(j).text.size() <= LabelledNoteMax
            && noteNumber(blocks.at(j).text) == expect) {
            makeNote(blocks[j]);
            ++expect;
            ++j;
        }
        i = j - 1;
    }
}

void NoteFinder::findChapterEndRuns(Part &part)
{
    QList<Block> &blocks = part.blocks;
    const qsizetype n = blocks.size();
    // A heading ends a chapter unless it goes on numbering the paragraphs before it: a note that
    // reads like a heading ("3. Ibid") is still a note.
    auto endsSection = [&](qsizetype b) {
        if (b >= n)
            return true;
        if (blocks.at(b).kind != BlockKind::Heading)
            return false;
        const int prev
            = b > 0 && blocks.at(b - 1).kind != BlockKind::Heading ? noteNumber(blocks.at(b - 1).text) : 0;
        return prev == 0 || noteNumber(blocks.at(b).text) != prev + 1;
    };
    qsizetype sectionStart = 0;
    for (qsizetype e = 0; e < n; ++e) {
        if (blocks.at(e).kind == BlockKind::Heading && endsSection(e)) {
            sectionStart = e + 1;
            continue;
        }
        if (!endsSection(e + 1))
            continue;
        // The run of numbered blocks that ends the section, counting down to 1.
        qsizetype k = e;
        int number = noteNumber(blocks.at(k).text);
        if (number <= 0 || blocks.at(k).kind == BlockKind::Note)
            continue;
        while (number > 1 && k > sectionStart && noteNumber(blocks.at(k - 1).text) == number - 1) {
            --k;
            --number;
        }
        if (number != 1 || k <= sectionStart)
            continue;
        bool shortItems = true;
        for (qsizetype b = k; b <= e; ++b)
            shortItems = shortItems && blocks.at(b).text.size() <= ChapterNoteMax;
        if (!shortItems)
            continue;
        // The chapter's text must cite the notes: without marks, a numbered list is a list.
        const int runLength = int(e - k + 1);
        QList<bool> cited(runLength + 1, false);
        for (qsizetype b = sectionStart; b < k; ++b) {
            const QString &text = blocks.at(b).text;
            for (qsizetype pos = 0; pos < text.size(); ++pos) {
                qsizetype length = 0;
                const int mark = markAt(text, pos, &length);
                if (mark > 0 && mark <= runLength && pos > 0)
                    cited[mark] = true;
                if (length > 0)
                    pos += length - 1;
            }
        }
        const auto citedCount = std::count(cited.cbegin(), cited.cend(), true);
        if (citedCount == 0 || citedCount * 2 < runLength)
            continue;
        for (qsizetype b = k; b <= e; ++b)
            makeNote(blocks[b]);
    }
}

void NoteFinder::apply(QList<Part> &parts)
{
    for (Part &part : parts) {
        if (part.kind == PartKind::FrontMatter || part.kind == PartKind::BackMatter)
            continue;
        findLabelledRuns(part);
        findChapterEndRuns(part);
    }
}

} // namespace Pizhu
