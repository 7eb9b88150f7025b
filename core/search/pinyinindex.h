#pragma once

#include "textrange.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace Pizhu {

// The toneless pinyin of every Han character of a (folded) text, from ICU's Han-Latin
// transliteration, computed once when the index is built: each distinct character is
// transliterated once, and each unit of the text gets the number of its syllable, so a query
// compares small integers instead of transliterating anything.
//
// A query in Latin letters matches whole syllables of consecutive Han characters: "zhiliang"
// finds 质量 but "hiliang" finds nothing. Where a query splits into syllables in more than one way
// ("xian": 先 or 西安) every split is tried; "'" or a space forces a split ("xi'an"). A query that
// does not split into syllables of the text at all, of two letters or more, is read as initials
// ("zl" finds 质量, zh/ch/sh counting as z/c/s). ü is written v ("lv" finds 绿). Limits: one reading
// per character, ICU's most common one (重 is always zhong); characters outside the BMP get none.
class PinyinIndex
{
public:
    PinyinIndex() = default;
    explicit PinyinIndex(QStringView foldedText);

    // Ranges of the folded text; query must already be folded (TextFolder::fold).
    std::vector<TextRange> find(QStringView foldedQuery) const;

    // Letters and separators only ("zhiliang", "xi'an", "zhi liang").
    static bool isPinyinQuery(QStringView foldedQuery);

    // The syllable of the unit at pos of the folded text, or empty.
    QString syllableAt(qsizetype pos) const;
    qsizetype distinctSyllables() const { return m_syllables.size(); }
    qsizetype size() const { return qsizetype(m_ids.size()); }

private:
    // One position of a pattern: a syllable (id != 0) or any syllable starting with a letter.
    struct Piece
    {
        quint16 id = 0;
        char16_t initial = 0;
    };
    using Pattern = std::vector<Piece>;

    std::vector<Pattern> patternsFor(QStringView foldedQuery) const;
    std::vector<Pattern> alternativesFor(QStringView chunk, bool allowInitials) const;
    bool matchesAt(const Pattern &pattern, qsizetype pos) const;
    void findPattern(const Pattern &pattern, std::vector<TextRange> &out) const;

    void buildPostings();

    std::vector<quint16> m_ids; // per unit of the folded text; 0: no syllable
    // Where each syllable occurs, as one array sliced by id (m_postings[m_postingStart[id] ..
    // m_postingStart[id + 1]]): a query walks the places of its rarest syllable instead of the
    // whole text. 32 bits suffice: the importer refuses files that could need more.
    std::vector<quint32> m_postingStart;
    std::vector<quint32> m_postings;
    QStringList m_syllables; // syllable of id is m_syllables[id - 1]
    QHash<QString, quint16> m_idOf;
    std::vector<char16_t> m_initialOf; // by id
};

} // namespace Pizhu
