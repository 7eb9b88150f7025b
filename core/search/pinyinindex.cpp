#include "pinyinindex.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <limits>
#include <memory>

namespace Pizhu {
namespace {

constexpr quint16 Unknown = 0xFFFF;
constexpr qsizetype MaxSyllableLength = 6; // "zhuang"
constexpr size_t MaxPatterns = 64; // bound on the splits tried for one query

bool isSeparator(QChar c)
{
    return c == u'\'' || c == u' ' || c == u'\u2019';
}

// Toneless lowercase pinyin from ICU, ü written v as pinyin keyboards do.
class Romaniser
{
public:
    Romaniser()
    {
        UErrorCode status = U_ZERO_ERROR;
        m_hanLatin.reset(icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
        if (U_FAILURE(status))
            m_hanLatin.reset();
        status = U_ZERO_ERROR;
        m_nfd = icu::Normalizer2::getNFDInstance(status);
        if (U_FAILURE(status))
            m_nfd = nullptr;
    }

    QString syllable(char32_t cp) const
    {
        if (!m_hanLatin || !m_nfd)
            return {};
        icu::UnicodeString text { UChar32(cp) };
        m_hanLatin->transliterate(text);
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString decomposed = m_nfd->normalize(text, status);
        if (U_FAILURE(status))
            return {};
        QString out;
        for (int32_t i = 0; i < decomposed.length(); ++i) {
            const char16_t c = decomposed.charAt(i);
            if (c >= u'a' && c <= u'z')
                out += QChar(c);
            else if (c >= u'A' && c <= u'Z')
                out += QChar(c - u'A' + u'a');
            else if (c == u'\u0308' && out.endsWith(u'u')) // combining diaeresis: ü
                out[out.size() - 1] = u'v';
        }
        return out;
    }

private:
    std::unique_ptr<icu::Transliterator> m_hanLatin;
    const icu::Normalizer2 *m_nfd = nullptr;
};

} // namespace

PinyinIndex::PinyinIndex(QStringView foldedText)
{
    const Romaniser romaniser;
    std::vector<quint16> idOfUnit(0x10000, Unknown);
    m_initialOf.push_back(0);
    m_ids.resize(size_t(foldedText.size()), 0);
    const char16_t *units = foldedText.utf16();
    for (qsizetype i = 0; i < foldedText.size(); ++i) {
        const char16_t unit = units[i];
        quint16 id = idOfUnit[unit];
        if (id == Unknown) {
            id = 0;
            if (!QChar::isSurrogate(unit) && QChar::script(char32_t(unit)) == QChar::Script_Han) {
                const QString s = romaniser.syllable(unit);
                if (!s.isEmpty()) {
                    id = m_idOf.value(s, 0);
                    if (id == 0 && m_syllables.size() < Unknown - 1) {
                        m_syllables.append(s);
                        id = quint16(m_syllables.size());
                        m_idOf.insert(s, id);
                        m_initialOf.push_back(s.front().unicode());
                    }
                }
            }
            idOfUnit[unit] = id;
        }
        m_ids[size_t(i)] = id;
    }
    buildPostings();
}

void PinyinIndex::buildPostings()
{
    const size_t ids = m_initialOf.size();
    m_postingStart.assign(ids + 1, 0);
    for (quint16 id : m_ids)
        ++m_postingStart[size_t(id) + 1];
    m_postingStart[1] = 0; // id 0, "no syllable", gets no postings
    for (size_t id = 1; id <= ids; ++id)
        m_postingStart[id] += m_postingStart[id - 1];
    m_postings.resize(m_postingStart[ids]);
    std::vector<quint32> next(m_postingStart.begin(), m_postingStart.end() - 1);
    for (size_t pos = 0; pos < m_ids.size(); ++pos)
        if (const quint16 id = m_ids[pos])
            m_postings[next[id]++] = quint32(pos);
}

bool PinyinIndex::isPinyinQuery(QStringView foldedQuery)
{
    bool letter = false;
    for (QChar c : foldedQuery) {
        if (c >= u'a' && c <= u'z')
            letter = true;
        else if (!isSeparator(c))
            return false;
    }
    return letter;
}

QString PinyinIndex::syllableAt(qsizetype pos) const
{
    if (pos < 0 || pos >= size() || m_ids[size_t(pos)] == 0)
        return {};
    return m_syllables.at(m_ids[size_t(pos)] - 1);
}

std::vector<PinyinIndex::Pattern> PinyinIndex::alternativesFor(QStringView chunk, bool allowInitials) const
{
    // steps[j]: the syllables of the text that chunk[j..] can start with and still split to its
    // end, shortest first. Kept as this graph, not as the splits themselves: those grew with the
    // square of the chunk's length.
    struct Step
    {
        quint16 id;
        qsizetype length;
    };
    const qsizetype n = chunk.size();
    std::vector<std::vector<Step>> steps(size_t(n + 1));
    std::vector<char> splits(size_t(n + 1), 0);
    splits[size_t(n)] = 1;
    for (qsizetype j = n - 1; j >= 0; --j) {
        for (qsizetype len = 1; len <= MaxSyllableLength && j + len <= n; ++len) {
            if (!splits[size_t(j + len)])
                continue;
            if (const quint16 id = m_idOf.value(chunk.sliced(j, len).toString(), 0)) {
                steps[size_t(j)].push_back({ id, len });
                splits[size_t(j)] = 1;
            }
        }
    }
    if (!splits[0]) {
        if (!allowInitials)
            return {};
        Pattern initials;
        for (QChar c : chunk)
            initials.push_back(Piece { 0, c.unicode() });
        return { initials };
    }
    // The first MaxPatterns splits, depth first in the order of steps (as they were listed
    // before: shorter syllables first).
    std::vector<Pattern> out;
    Pattern current; // one piece per entry of stack after the first
    std::vector<std::pair<qsizetype, size_t>> stack { { 0, 0 } }; // position, the next step to take
    while (!stack.empty() && out.size() < MaxPatterns) {
        const qsizetype pos = stack.back().first;
        if (pos < n && stack.back().second < steps[size_t(pos)].size()) {
            const Step step = steps[size_t(pos)][stack.back().second++];
            current.push_back(Piece { step.id, 0 });
            stack.emplace_back(pos + step.length, 0);
            continue;
        }
        if (pos == n)
            out.push_back(current);
        stack.pop_back();
        if (!current.empty())
            current.pop_back();
    }
    return out;
}

std::vector<PinyinIndex::Pattern> PinyinIndex::patternsFor(QStringView foldedQuery) const
{
    QList<QStringView> chunks;
    qsizetype letters = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= foldedQuery.size(); ++i) {
        if (i == foldedQuery.size() || isSeparator(foldedQuery[i])) {
            if (i > start)
                chunks.append(foldedQuery.sliced(start, i - start));
            letters += i - start;
            start = i + 1;
        }
    }
    // One letter read as an initial would light up a good part of the text.
    const bool allowInitials = letters >= 2;
    std::vector<Pattern> patterns { {} };
    for (QStringView chunk : chunks) {
        const std::vector<Pattern> alternatives = alternativesFor(chunk, allowInitials);
        std::vector<Pattern> next;
        for (const Pattern &head : patterns) {
            for (const Pattern &tail : alternatives) {
                if (next.size() >= MaxPatterns)
                    break;
                Pattern p = head;
                p.insert(p.end(), tail.begin(), tail.end());
                next.push_back(std::move(p));
            }
        }
        patterns = std::move(next);
    }
    if (patterns.size() == 1 && patterns.front().empty())
        return {};
    return patterns;
}

bool PinyinIndex::matchesAt(const Pattern &pattern, qsizetype pos) const
{
    for (size_t k = 0; k < pattern.size(); ++k) {
        const quint16 id = m_ids[size_t(pos) + k];
        const Piece &piece = pattern[k];
        if (piece.id != 0 ? id != piece.id : (id == 0 || m_initialOf[id] != piece.initial))
            return false;
    }
    return true;
}

void PinyinIndex::findPattern(const Pattern &pattern, std::vector<TextRange> &out) const
{
    const qsizetype k = qsizetype(pattern.size());
    const qsizetype last = size() - k; // last possible start
    // Walk the places of the rarest syllable in the pattern and check its neighbours there.
    qsizetype pivot = -1;
    quint32 fewest = std::numeric_limits<quint32>::max();
    for (qsizetype i = 0; i < k; ++i) {
        const quint16 id = pattern[size_t(i)].id;
        if (id != 0 && m_postingStart[id + 1] - m_postingStart[id] < fewest) {
            fewest = m_postingStart[id + 1] - m_postingStart[id];
            pivot = i;
        }
    }
    qsizetype nextFree = 0; // matches of one pattern do not overlap
    if (pivot >= 0) {
        const quint16 id = pattern[size_t(pivot)].id;
        for (quint32 j = m_postingStart[id]; j < m_postingStart[id + 1]; ++j) {
            const qsizetype pos = qsizetype(m_postings[j]) - pivot;
            if (pos >= nextFree && pos <= last && matchesAt(pattern, pos)) {
                out.push_back({ pos, pos + k });
                nextFree = pos + k;
            }
        }
        return;
    }
    // Initials only: every syllable is a candidate, so scan, with a table for the first letter.
    std::vector<char> canStart(m_initialOf.size(), 0);
    for (size_t id = 1; id < m_initialOf.size(); ++id)
        canStart[id] = m_initialOf[id] == pattern.front().initial;
    const quint16 *ids = m_ids.data();
    const char *starts = canStart.data();
    for (qsizetype pos = 0; pos <= last;) {
        while (pos <= last && !starts[ids[pos]])
            ++pos;
        if (pos > last)
            break;
        if (matchesAt(pattern, pos)) {
            out.push_back({ pos, pos + k });
            pos += k;
        } else {
            ++pos;
        }
    }
}

std::vector<TextRange> PinyinIndex::find(QStringView foldedQuery) const
{
    if (!isPinyinQuery(foldedQuery) || m_ids.empty())
        return {};
    const std::vector<Pattern> patterns = patternsFor(foldedQuery);
    std::vector<TextRange> found;
    for (const Pattern &pattern : patterns)
        if (!pattern.empty() && qsizetype(pattern.size()) <= size())
            findPattern(pattern, found);
    if (patterns.size() > 1) {
        // Splits can find the same characters twice or overlap; keep the first of each overlap.
        std::sort(found.begin(), found.end(), [](const TextRange &a, const TextRange &b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
        std::vector<TextRange> kept;
        for (const TextRange &r : found)
            if (kept.empty() || r.start >= kept.back().end)
                kept.push_back(r);
        found = std::move(kept);
    }
    return found;
}

} // namespace Pizhu
