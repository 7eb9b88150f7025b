#include "textsearcher.h"

#include <algorithm>

namespace Pizhu {

TextSearcher::TextSearcher(Document document) : m_document(std::move(document)), m_index(m_document.text())
{
    buildSections();
}

void TextSearcher::buildSections()
{
    const QList<Part> &parts = m_document.parts();
    for (int p = 0; p < parts.size(); ++p) {
        QStringList path { parts.at(p).title };
        QList<int> levels { 0 };
        const QList<Block> &blocks = parts.at(p).blocks;
        for (int b = 0; b < blocks.size(); ++b) {
            const Block &block = blocks.at(b);
            if (block.headingLevel > 0) {
                while (levels.size() > 1 && levels.last() >= block.headingLevel) {
                    levels.removeLast();
                    path.removeLast();
                }
                levels.append(block.headingLevel);
                path.append(block.title());
            }
            m_blocks.push_back({ block.textStart, block.textStart + block.text.size(), p, b, path });
        }
    }
}

const TextSearcher::BlockEntry *TextSearcher::entryAt(qsizetype offset) const
{
    if (m_blocks.empty() || offset < 0 || offset > m_document.text().size())
        return nullptr;
    auto it = std::upper_bound(m_blocks.cbegin(), m_blocks.cend(), offset,
        [](qsizetype off, const BlockEntry &e) { return off < e.textStart; });
    if (it == m_blocks.cbegin())
        return nullptr;
    return &*(it - 1);
}

QStringList TextSearcher::sectionPathAt(qsizetype offset) const
{
    const BlockEntry *entry = entryAt(offset);
    return entry ? entry->sectionPath : QStringList();
}

QList<SearchMatch> TextSearcher::search(const QString &query, const SearchOptions &options) const
{
    struct Found
    {
        TextRange range;
        bool byPinyin = false;
    };
    std::vector<Found> found;
    for (const TextRange &r : m_index.find(query))
        found.push_back({ r, false });
    if (options.pinyin) {
        const auto literal = qsizetype(found.size());
        for (const TextRange &r : m_index.findPinyin(query))
            found.push_back({ r, true });
        // Stable: where both start at the same place, the literal match comes first and is kept.
        std::inplace_merge(found.begin(), found.begin() + literal, found.end(),
            [](const Found &a, const Found &b) { return a.range.start < b.range.start; });
    }
    QList<SearchMatch> matches;
    matches.reserve(qsizetype(found.size()));
    const BlockEntry *entry = nullptr;
    const auto end = m_blocks.cend();
    auto cursor = m_blocks.cbegin();
    qsizetype lastEnd = -1;
    for (const Found &f : found) {
        const TextRange &r = f.range;
        if (r.start < lastEnd) // a pinyin match over a literal one: keep one
            continue;
        // Matches come in text order, so the block of each is found by walking forward.
        while (cursor + 1 != end && (cursor + 1)->textStart <= r.start)
            ++cursor;
        entry = cursor != end && cursor->textStart <= r.start ? &*cursor : nullptr;
        const int part = entry ? entry->part : -1;
        if (options.part >= 0 && part != options.part)
            continue;
        if (options.scope.end > options.scope.start
            && (r.start < options.scope.start || r.end > options.scope.end))
            continue;
        SearchMatch m;
        m.range = r;
        m.part = part;
        m.block = entry ? entry->block : -1;
        if (entry)
            m.sectionPath = entry->sectionPath;
        m.byPinyin = f.byPinyin;
        matches.append(std::move(m));
        lastEnd = r.end;
    }
    return matches;
}

MatchContext TextSearcher::context(const SearchMatch &match, qsizetype radius) const
{
    const QString &text = m_document.text();
    const BlockEntry *entry = entryAt(match.range.start);
    const qsizetype lineStart = entry ? entry->textStart : 0;
    const qsizetype lineEnd = entry ? std::max(entry->textEnd, match.range.end) : text.size();
    qsizetype from = std::max(lineStart, match.range.start - radius);
    qsizetype to = std::min(lineEnd, match.range.end + radius);
    // Never cut a surrogate pair in half.
    if (from > lineStart && text.at(from).isLowSurrogate())
        --from;
    if (to < lineEnd && to > 0 && text.at(to - 1).isHighSurrogate())
        ++to;
    auto oneLine = [](QString s) {
        for (QChar &c : s)
            if (c == u'\n' || c == u'\t' || c == u'\r')
                c = u' ';
        return s;
    };
    return { oneLine(text.mid(from, match.range.start - from)),
        oneLine(text.mid(match.range.start, match.range.end - match.range.start)),
        oneLine(text.mid(match.range.end, to - match.range.end)) };
}

} // namespace Pizhu
