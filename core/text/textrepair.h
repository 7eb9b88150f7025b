#pragma once

#include <QChar>
#include <QString>

namespace Pizhu {

// What was repaired while importing, for the reader's information ("12 radicals repaired").
struct RepairCounts
{
    qsizetype radicals = 0; // Kangxi / CJK radical supplement characters mapped to ideographs
    qsizetype pageNumbers = 0; // page-number lines taken out of the text
    qsizetype runningHeaders = 0; // running header and footer lines taken out of the text
    qsizetype dashes = 0; // U+2E3A / U+2E3B written out as "——"
    qsizetype ligatures = 0; // Latin ligatures (U+FB00..U+FB06) written out as their letters
    qsizetype spaces = 0; // letter-spacing between CJK characters of justified lines
    qsizetype pageBreaks = 0; // page boundaries seen (form feeds, page numbers)

    qsizetype total() const { return radicals + dashes + ligatures + spaces + pageNumbers + runningHeaders; }
    friend bool operator==(const RepairCounts &, const RepairCounts &) = default;
};

// Character repairs for text that came out of a PDF. repairRadicals() is one UTF-16 unit for one,
// so a repaired text keeps the offsets of its source. Ligatures grow (one character, two or three
// letters): the layout analysis writes them out block by block and records a segment for each, as
// for U+2E3A (see LayoutAnalyzer::appendRepaired).
class TextRepair
{
public:
    // The unified ideograph a Kangxi radical (U+2F00..U+2FD5) or CJK radical supplement character
    // (U+2E80..U+2EF3) or CJK stroke (U+31C0..U+31EF) stands for, from Unicode's
    // Equivalent_Unified_Ideograph; c itself otherwise.
    static QChar equivalentIdeograph(QChar c);
    static bool isRadical(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= 0x2E80 && u <= 0x2FDF) || (u >= 0x31C0 && u <= 0x31EF); // radicals, strokes
    }
    // Repairs text in place; returns how many characters changed. Some radicals' equivalents are
    // traditional forms (⼾ U+2F3E is 戶, where a simplified text means 户): in a text that is
    // overwhelmingly simplified, those are mapped on to their simplified forms (simplifiedForm).
    // Only repaired characters are touched, never the document's own traditional characters.
    static qsizetype repairRadicals(QString &text);
    // The simplified form of an ideograph a radical stands for, as ICU's Traditional-Simplified
    // transform gives it (長 -> 长); the ideograph itself when it has none, or is no radical's.
    static QChar simplifiedForm(QChar ideograph);
    // Whether a sample of the text's Han characters is (nearly) all simplified: fewer than one in
    // two hundred is one of the traditional forms common text uses most (a traditional text has
    // some 25% of them, a simplified one none but in quotations and names).
    static bool looksSimplified(QStringView text);
    static QStringView frequentTraditional(); // those forms

    // Typographic ligatures that PDF text layers keep as single compatibility characters (ﬁ ﬂ ﬀ ﬃ
    // ﬄ ﬅ ﬆ, and the Armenian ones beside them): a search for "finance" has to find "ﬁnance".
    static bool isLigature(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= 0xFB00 && u <= 0xFB06) || (u >= 0xFB13 && u <= 0xFB17);
    }
    // The letters a ligature stands for, by ICU's NFKC ("ﬃ" -> "ffi"); empty for any other character.
    //
    // NFKC is applied to these characters only, never to the whole text: most of what it folds is
    // the document's own typography, not extraction damage. Full-width forms (（一） ２０２３ ％)
    // are how Chinese documents are set and stay as they are; circled and parenthesised numbers
    // (① ⑴ ㈠) are list markers the author chose. CJK compatibility ideographs (U+F900..U+FAFF) are
    // left alone too: a dozen of them (﨎 﨏 﨑 …) are unified ideographs with no decomposition, and
    // the others are duplicates kept for round trips with Korean and Japanese standards, where the
    // duplicate carries a reading or glyph the source meant; the PDF damage Pizhu sees in Chinese
    // text is radicals (repairRadicals), not these.
    static QString ligatureLetters(QChar c);
};

} // namespace Pizhu
