#pragma once

#include "document.h"
#include "searchindex.h"
#include "textrange.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace Pizhu {

struct SearchOptions
{
    bool pinyin = false; // a Latin query also matches Han characters by their pinyin
    int part = -1; // only matches inside this part (index into Document::parts()); -1: all
    // Only matches inside this range of Document::text(), say the parts one pane shows; an empty
    // range means the whole text.
    TextRange scope = {};
};

struct SearchMatch
{
    TextRange range; // exact range of Document::text(): highlight it, anchor an annotation to it
    int part = -1;
    int block = -1;
    QStringList sectionPath; // part title down to the innermost heading
    bool byPinyin = false;
};

// A line of context around a match, cut so that the match can be shown apart.
struct MatchContext
{
    QString before;
    QString match;
    QString after;

    QString joined() const { return before + match + after; }
};

// Searches one Document. Building it builds the SearchIndex (run that on a worker thread for a
// big document); searching only reads, so a built searcher can be shared between threads.
class TextSearcher
{
public:
    TextSearcher() = default;
    // Document copies share their data, so taking one by value costs nothing and keeps the text
    // alive for as long as the searcher, whatever happens to the caller's copy.
    explicit TextSearcher(Document document);

    const Document &document() const { return m_document; }
    const SearchIndex &index() const { return m_index; }

    // Matches in text order, not overlapping. An empty query, or one longer than the document,
    // gives none.
    QList<SearchMatch> search(const QString &query, const SearchOptions &options = {}) const;

    // Up to radius characters either side of the match, within its block, on one line.
    MatchContext context(const SearchMatch &match, qsizetype radius = 20) const;

    // Same answer as Document::sectionPathAt, from a table built once instead of a walk over the
    // part's blocks, because a search may ask for it a hundred thousand times.
    QStringList sectionPathAt(qsizetype offset) const;

private:
    struct BlockEntry
    {
        qsizetype textStart = 0;
        qsizetype textEnd = 0;
        int part = -1;
        int block = -1;
        QStringList sectionPath;
    };
    const BlockEntry *entryAt(qsizetype offset) const;
    void buildSections();

    Document m_document;
    SearchIndex m_index;
    std::vector<BlockEntry> m_blocks; // in text order
};

} // namespace Pizhu

Q_DECLARE_METATYPE(Pizhu::SearchMatch)
