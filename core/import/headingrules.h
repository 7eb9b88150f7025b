#pragma once

#include <QStringView>

namespace Pizhu {

// What the start of a line says about its structure, judged from the line alone. Levels are
// ranks, not depths: the analyzer later renumbers the ranks a document really uses as 1, 2, 3...
struct LineStructure
{
    enum class Kind : quint8 { Text, Heading, Item };
    // Small on purpose: the analyzer keeps one of these for every line of a file.
    Kind kind = Kind::Text;
    quint8 rank = 0; // heading rank (see HeadingRules), 0 for text and items
    bool runIn = false; // the heading's body follows on the same line after 。 / ．
    qint32 markerLength = 0; // length of the numbering ("（一）", "CHAPTER IV.")
    qint32 titleLength = 0; // for a run-in heading or an item: the title's length
};

// Recognises headings and items in Chinese policy documents (一、 （一） 1. （1） 第一章, "——" items)
// and in English books and reports (CHAPTER I, Part One, 1. and 1.1 numbered headings).
class HeadingRules
{
public:
    // Ranks, outermost first.
    enum Rank {
        RankVolume = 1, // 第一编, 第一部分, PART ONE, BOOK I
        RankChapter, // 第一章, CHAPTER I
        RankSection, // 第一节
        RankCnNumeral, // 一、
        RankCnParen, // （一）
        RankArabic, // 1.  1、
        RankArabic2, // 1.1
        RankArabic3, // 1.1.1
        RankArabicParen, // （1）
        // A heading known by its words ("Introduction", "Notes", "注释") or by the gap before it:
        // it takes the rank of the part's top headings once they are known.
        RankLabel = 15,
        RankMarkdownBase = 20 // "#" is 21, "##" 22, ...
    };

    // line is trimmed. allowShortText: the line is short enough to stand alone as a heading.
    static LineStructure classify(QStringView line, bool markdown);

    // A heading that stands alone must be short and read like a title, not a sentence.
    static bool looksLikeTitle(QStringView line);

    // A title without CJK that holds or ends a sentence ("2. He reigned from 514 to 496 B.C.",
    // "11. CHANG YU. This is the last..."): a numbered paragraph or a note, not a heading.
    static bool readsLikeSentence(QStringView title);

    static bool isSentenceEnd(QChar c);
    // Strips closing quotes and brackets, then asks whether the line ends a sentence.
    static bool endsSentence(QStringView line);
};

} // namespace Pizhu
