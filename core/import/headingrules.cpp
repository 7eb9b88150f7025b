#include "headingrules.h"

#include <QString>
#include <QStringList>

#include <algorithm>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

bool isCnNumeral(QChar c)
{
    static const QString numerals = u"一二三四五六七八九十百千零〇两"_s;
    return numerals.contains(c);
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isFullwidthDigit(QChar c)
{
    return c >= u'０' && c <= u'９';
}
bool isDigit(QChar c)
{
    return isAsciiDigit(c) || isFullwidthDigit(c);
}

// Length of a run at the start of s whose characters satisfy pred, up to max characters.
template<typename Pred> qsizetype runLength(QStringView s, qsizetype from, qsizetype max, Pred pred)
{
    qsizetype n = 0;
    while (from + n < s.size() && n < max && pred(s.at(from + n)))
        ++n;
    return n;
}

bool isOpenParen(QChar c)
{
    return c == u'（' || c == u'(';
}
bool isCloseParen(QChar c)
{
    return c == u'）' || c == u')';
}

// "（一）" or "(1)": returns the marker's length, 0 if there is none.
qsizetype parenMarker(QStringView line, bool cnNumerals)
{
    if (line.isEmpty() || !isOpenParen(line.front()))
        return 0;
    const qsizetype n = cnNumerals ? runLength(line, 1, 4, isCnNumeral) : runLength(line, 1, 2, isDigit);
    if (n == 0 || 1 + n >= line.size() || !isCloseParen(line.at(1 + n)))
        return 0;
    return n + 2;
}

bool isRomanNumeral(QStringView word)
{
    if (word.isEmpty())
        return false;
    for (QChar c : word)
        if (!u"IVXLCDMivxlcdm"_s.contains(c))
            return false;
    return true;
}

bool isNumberWord(QStringView word)
{
    static const QStringList words
        = { u"one"_s, u"two"_s, u"three"_s, u"four"_s, u"five"_s, u"six"_s, u"seven"_s, u"eight"_s, u"nine"_s,
              u"ten"_s, u"eleven"_s, u"twelve"_s, u"first"_s, u"second"_s, u"third"_s, u"last"_s };
    if (words.contains(word.toString().toLower()))
        return true;
    return runLength(word, 0, 4, isAsciiDigit) == word.size() || isRomanNumeral(word);
}

// "CHAPTER IV." / "Part One": a keyword, a number, optionally a period, then the end or a title.
qsizetype englishMarker(QStringView line, int &rank)
{
    static const struct
    {
        QStringView word;
        int rank;
    } keywords[] = {
        { u"CHAPTER", HeadingRules::RankChapter },
        { u"Chapter", HeadingRules::RankChapter },
        { u"PART", HeadingRules::RankVolume },
        { u"Part", HeadingRules::RankVolume },
        { u"BOOK", HeadingRules::RankVolume },
        { u"Book", HeadingRules::RankVolume },
    };
    // Asked of every line: only one that opens like a keyword is compared with them.
    if (line.front() != u'C' && line.front() != u'P' && line.front() != u'B')
        return 0;
    for (const auto &k : keywords) {
        if (!line.startsWith(k.word) || line.size() <= k.word.size() + 1 || line.at(k.word.size()) != u' ')
            continue;
        const qsizetype start = k.word.size() + 1;
        qsizetype end = start;
        while (end < line.size() && line.at(end).isLetterOrNumber())
            ++end;
        if (!isNumberWord(line.sliced(start, end - start)))
            continue;
        if (end < line.size() && (line.at(end) == u'.' || line.at(end) == u':'))
            ++end;
        if (end < line.size() && line.at(end) != u' ')
            continue;
        rank = k.rank;
        return end;
    }
    return 0;
}

// "1." "1、" "1.1" "1.1.1": the marker's length and its depth (1..3), or 0.
qsizetype arabicMarker(QStringView line, int &depth)
{
    qsizetype pos = 0;
    depth = 0;
    for (;;) {
        const qsizetype digits = runLength(line, pos, 2, isDigit);
        if (digits == 0 || pos + digits >= line.size())
            return 0;
        pos += digits;
        ++depth;
        const QChar sep = line.at(pos);
        if (sep == u'、' || sep == u'．') {
            return depth == 1 ? pos + 1 : 0;
        }
        if (sep == u'.') {
            if (pos + 1 < line.size() && isDigit(line.at(pos + 1)) && depth < 3) {
                ++pos;
                continue; // 1.1
            }
            ++pos;
            // "1." must be followed by a title, not a decimal or the end of a sentence.
            return (pos < line.size() && !isDigit(line.at(pos))) ? pos : 0;
        }
        // "1.1 Background": a dotted number ends at a space ("20.4万亿元" is a figure, not a heading).
        if (depth > 1 && (sep == u' ' || sep == u'　'))
            return pos;
        return 0;
    }
}

// Section names that need no number: "Introduction", "Notes", "References", "注释", "参考文献".
bool isSectionLabel(QStringView line)
{
    // Called for every line: the word is gathered on the stack, not in a QString.
    constexpr qsizetype MaxLabel = 24;
    if (line.size() > MaxLabel)
        return false;
    char16_t buffer[MaxLabel];
    qsizetype n = 0;
    for (QChar c : line)
        if (!c.isSpace() && c != u'　' && c != u':' && c != u'：')
            buffer[n++] = c.toLower().unicode();
    const QStringView word(buffer, n);
    static constexpr QStringView labels[]
        = { u"introduction", u"preface", u"foreword", u"prologue", u"epilogue", u"afterword", u"abstract",
              u"acknowledgements", u"acknowledgments", u"appendix", u"glossary", u"notes", u"endnotes",
              u"footnotes", u"references", u"bibliography", u"contents", u"tableofcontents", u"前言", u"序言",
              u"序", u"引言", u"导言", u"摘要", u"注释", u"注", u"参考文献", u"附录", u"后记", u"目录" };
    return std::find(std::begin(labels), std::end(labels), word) != std::end(labels);
}

qsizetype firstSentenceEnd(QStringView line, qsizetype from)
{
    for (qsizetype i = from; i < line.size(); ++i)
        if (line.at(i) == u'。' || line.at(i) == u'．')
            return i;
    return -1;
}

} // namespace

bool HeadingRules::isSentenceEnd(QChar c)
{
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'…':
    case u'；':
    case u'：':
    case u'.':
    case u'!':
    case u'?':
    case u';':
    case u'．':
        return true;
    default:
        return false;
    }
}

static bool isCloser(QChar c)
{
    switch (c.unicode()) {
    case u'”':
    case u'’':
    case u'"':
    case u'\'':
    case u'）':
    case u')':
    case u'」':
    case u'』':
    case u'】':
    case u'》':
    case u'〉':
        return true;
    default:
        return false;
    }
}

// A note mark after the stop ("...the State.¹", "...his time. [4]", "……缤纷②") leaves the sentence ended.
static QStringView withoutTrailingMark(QStringView line)
{
    auto isSuperscript = [](QChar c) {
        return c == u'¹' || c == u'²' || c == u'³' || (c.unicode() >= 0x2070 && c.unicode() <= 0x2079);
    };
    auto isCircled = [](QChar c) { return c.unicode() >= 0x2460 && c.unicode() <= 0x2473; };
    if (!line.isEmpty() && (isCircled(line.back()) || isSuperscript(line.back()))) {
        while (!line.isEmpty() && (isCircled(line.back()) || isSuperscript(line.back())))
            line.chop(1);
        return line;
    }
    if (line.size() >= 3 && (line.back() == u']' || line.back() == u'〕')) {
        qsizetype i = line.size() - 2;
        while (i > 0 && line.at(i).isDigit())
            --i;
        if (i < line.size() - 2 && (line.at(i) == u'[' || line.at(i) == u'〔'))
            return line.first(i).trimmed();
    }
    return line;
}

bool HeadingRules::endsSentence(QStringView line)
{
    line = withoutTrailingMark(line);
    while (!line.isEmpty() && isCloser(line.back()))
        line.chop(1);
    if (line.isEmpty())
        return false;
    const QChar last = line.back();
    // "——" at a line's end introduces what follows, as a colon would; so do U+2E3A and U+2E3B.
    if (last == u'⸺' || last == u'⸻'
        || (last == u'—' && line.size() >= 2 && line.at(line.size() - 2) == u'—'))
        return true;
    return isSentenceEnd(last);
}

bool HeadingRules::readsLikeSentence(QStringView title)
{
    // CJK headings may end in 。 ("（一）指导思想。"): only titles without CJK are judged here.
    for (QChar c : title)
        if (c.unicode() >= 0x2E80)
            return false;
    if (endsSentence(title))
        return true;
    for (qsizetype i = 0; i + 1 < title.size(); ++i) {
        const QChar c = title.at(i);
        if ((c == u'.' || c == u'?' || c == u'!' || c == u';') && title.at(i + 1) == u' ') {
            // "Mr. Bennet", "ch. 65": an abbreviation is no sentence end; a capital after the stop is.
            if (c == u'.' && (i + 2 >= title.size() || !title.at(i + 2).isUpper()))
                continue;
            return true;
        }
    }
    return false;
}

bool HeadingRules::looksLikeTitle(QStringView line)
{
    if (line.isEmpty() || line.size() > 60)
        return false;
    static const QString continuing = u"，、,;；"_s;
    if (continuing.contains(line.back()))
        return false;
    // A sentence inside the line makes it prose, unless the sentence end is the last character.
    const qsizetype stop = firstSentenceEnd(line, 0);
    return stop < 0 || stop == line.size() - 1;
}

LineStructure HeadingRules::classify(QStringView line, bool markdown)
{
    LineStructure s;
    if (line.isEmpty())
        return s;

    if (markdown && line.front() == u'#') {
        const qsizetype hashes = runLength(line, 0, 7, [](QChar c) { return c == u'#'; });
        if (hashes <= 6 && (hashes == line.size() || line.at(hashes) == u' ')) {
            s.kind = LineStructure::Kind::Heading;
            s.rank = RankMarkdownBase + int(hashes);
            s.markerLength = hashes;
            return s;
        }
    }

    if (!markdown && isSectionLabel(line)) {
        s.kind = LineStructure::Kind::Heading;
        s.rank = RankLabel;
        return s;
    }

    if (line.startsWith(u"——") || line.front() == u'⸺' || line.front() == u'⸻') {
        s.kind = LineStructure::Kind::Item;
        const qsizetype stop = firstSentenceEnd(line, 0);
        s.titleLength = stop < 0 ? line.size() : stop;
        return s;
    }

    int rank = 0;
    qsizetype marker = 0;
    bool chinese = true;
    if (line.front() == u'第') {
        const qsizetype n = runLength(line, 1, 5, [](QChar c) { return isCnNumeral(c) || isDigit(c); });
        if (n > 0 && 1 + n < line.size()) {
            const QStringView unit = line.sliced(1 + n);
            if (unit.startsWith(u"部分")) {
                rank = RankVolume;
                marker = 1 + n + 2;
            } else if (unit.front() == u'编') {
                rank = RankVolume;
                marker = 2 + n;
            } else if (unit.front() == u'章') {
                rank = RankChapter;
                marker = 2 + n;
            } else if (unit.front() == u'节') {
                rank = RankSection;
                marker = 2 + n;
            }
            // "第十四届" and the like are ordinals in prose, not headings.
            if (marker > 0 && marker < line.size() && !line.at(marker).isSpace() && line.at(marker) != u'　')
                rank = 0, marker = 0;
        }
    } else if (isCnNumeral(line.front())) {
        const qsizetype n = runLength(line, 0, 3, isCnNumeral);
        if (n < line.size() && line.at(n) == u'、') {
            rank = RankCnNumeral;
            marker = n + 1;
        }
    } else if (isOpenParen(line.front())) {
        if ((marker = parenMarker(line, true)) > 0)
            rank = RankCnParen;
        else if ((marker = parenMarker(line, false)) > 0)
            rank = RankArabicParen;
    } else if (isDigit(line.front())) {
        int depth = 0;
        if ((marker = arabicMarker(line, depth)) > 0)
            rank = depth == 1 ? RankArabic : depth == 2 ? RankArabic2 : RankArabic3;
    } else if ((marker = englishMarker(line, rank)) > 0) {
        chinese = false;
    }
    if (rank == 0 || marker >= line.size() + 1)
        return s;

    s.kind = LineStructure::Kind::Heading;
    s.rank = rank;
    s.markerLength = marker;
    if (!chinese)
        return s; // "CHAPTER I. Down the Rabbit-Hole": the whole line
    const qsizetype stop = firstSentenceEnd(line, marker);
    if (stop > marker && stop < line.size() - 1) {
        s.runIn = true;
        s.titleLength = stop;
        return s;
    }
    // A numbered line that reads like prose (a long sentence, a list entry that goes on) is text.
    if (!looksLikeTitle(line))
        return LineStructure();
    return s;
}

} // namespace Pizhu
