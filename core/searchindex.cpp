#include "core/searchindex.h"

namespace Pizhu {

SearchIndex::SearchIndex(const QString &text)
    : m_original(text), m_folded(TextFolder::foldWithMap(text)), m_pinyin(m_folded.text())
{
}

std::vector<TextRange> SearchIndex::find(const QString &query) const
{
    const QString needle = TextFolder::fold(query);
    const QString &haystack = m_folded.text();
    if (needle.isEmpty() || needle.size() > haystack.size())
        return {};
    std::vector<TextRange> found;
    for (qsizetype pos = haystack.indexOf(needle); pos >= 0; pos = haystack.indexOf(needle, pos + needle.size()))
        found.push_back({pos, pos + needle.size()});
    return m_folded.originalRanges(found);
}

std::vector<TextRange> SearchIndex::findPinyin(const QString &query) const
{
    const QString needle = TextFolder::fold(query);
    if (needle.isEmpty())
        return {};
    return m_folded.originalRanges(m_pinyin.find(needle));
}

} // namespace Pizhu
