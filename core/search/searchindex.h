#pragma once

#include "pinyinindex.h"
#include "textfolder.h"
#include "textrange.h"

#include <QString>

#include <vector>

namespace Pizhu {

// What a search needs of a text, built once (tens of milliseconds per megabyte: build it off the
// GUI thread): the folded copy with its map back to the original, and the pinyin of every Han
// character. Read-only afterwards, so any number of threads may search it at once.
class SearchIndex
{
public:
    SearchIndex() = default;
    explicit SearchIndex(const QString &text);

    const QString &original() const { return m_original; }
    const TextFolder::Folded &folded() const { return m_folded; }
    const PinyinIndex &pinyin() const { return m_pinyin; }

    // Every match of the folded query in the folded text, left to right and not overlapping, as
    // exact ranges of the original text. An empty query, or one that folds to nothing, finds
    // nothing.
    std::vector<TextRange> find(const QString &query) const;
    // Han characters whose pinyin spells the query (see PinyinIndex), as ranges of the original.
    std::vector<TextRange> findPinyin(const QString &query) const;

private:
    QString m_original;
    TextFolder::Folded m_folded;
    PinyinIndex m_pinyin;
    std::vector<quint32> m_unitCount; // how often each UTF-16 unit occurs in the folded text
};

} // namespace Pizhu
