#include "searchindex.h"

namespace Pizhu {

SearchIndex::SearchIndex(const QString &text)
    : m_original(text), m_folded(TextFolder::foldWithMap(text)), m_pinyin(m_folded.text())
{
    m_unitCount.assign(0x10000, 0);
    for (QChar c : m_folded.text())
        ++m_unitCount[c.unicode()];
}

std::vector<TextRange> SearchIndex::find(const QString &query) const
{
    const QString needle = TextFolder::fold(query);
    const QString &haystack = m_folded.text();
    if (needle.isEmpty() || needle.size() > haystack.size())
        return {};
    std::vector<TextRange> found;
    // Jump from one occurrence of the needle's rarest character to the next (a vectorised scan in
    // Qt) and compare the whole needle there: several times faster than QString::indexOf(QString),
    // whose hashing scan visits every character.
    qsizetype pivot = 0;
    for (qsizetype i = 1; i < needle.size(); ++i)
        if (m_unitCount[needle.at(i).unicode()] < m_unitCount[needle.at(pivot).unicode()])
            pivot = i;
    const QStringView text(haystack);
    const QChar key = needle.at(pivot);
    const qsizetype last = text.size() - needle.size();
    qsizetype nextFree = 0; // matches do not overlap: the leftmost wins
    for (qsizetype at = text.indexOf(key, pivot); at >= 0; at = text.indexOf(key, at + 1)) {
        const qsizetype pos = at - pivot;
        if (pos > last)
            break;
        if (pos >= nextFree && text.sliced(pos, needle.size()) == needle) {
            found.push_back({ pos, pos + needle.size() });
            nextFree = pos + needle.size();
        }
    }
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
