#pragma once

#include "searchresultsmodel.h"
#include "textsearcher.h"

#include <QObject>
#include <QString>

#include <limits>
#include <memory>
#include <optional>

namespace Pizhu {

// The search of one open document, between the find bar, the results dock and the reading view,
// none of which know each other. Builds the index on a worker thread when it is first needed and
// runs each search there too, so typing never waits for either; only the answer to the latest
// query is kept. Knows the matches and which one is current.
//
// Wiring, roughly: FindBar::queryChanged -> search(); FindBar::next/previousRequested ->
// next()/previous(); statusChanged -> FindBar::setStatus; model() -> SearchResultsDock::setModel;
// SearchResultsDock::matchActivated -> setCurrentIndex(); currentChanged -> scroll the view there;
// resultsChanged -> repaint the match highlights from matches().
class SearchSession final : public QObject
{
    Q_OBJECT
public:
    explicit SearchSession(QObject *parent = nullptr);
    ~SearchSession() override;

    // The document to search. Its index (folded text and pinyin, a few hundred milliseconds and
    // some megabytes for a large text) is built on a worker when first needed: by prepare(), by a
    // search, or at once when a query is already open. A search asked for meanwhile runs once the
    // index is ready.
    void setDocument(const Document &document);
    void clearDocument();
    // Starts building the index now (say, as the find bar opens), if it is not built or building.
    void prepare();
    bool isReady() const { return bool(m_searcher); }
    std::shared_ptr<const TextSearcher> searcher() const { return m_searcher; }

    SearchResultsModel *model() const { return m_model; }
    const QList<SearchMatch> &matches() const { return m_model->matches(); }
    int currentIndex() const { return m_current; }
    SearchMatch currentMatch() const { return m_model->matchAt(m_current); }
    QString query() const { return m_query; }
    // The rows of matches() that overlap [from, to) of Document::text(), as [first, last): a view
    // highlights what it shows, not tens of thousands of matches at once.
    std::pair<int, int> rowsOverlapping(qsizetype from, qsizetype to) const;

    // Only matches inside this part (the pane in focus); -1 for the whole document.
    void setPart(int part);
    // Only matches inside this range of Document::text() (DocumentView::textStart()..textEnd() of
    // the pane in focus); an empty range for the whole document.
    void setScope(TextRange scope);
    // Where a new search picks its first current match when there is no current match to stay
    // near: the first match at or after this offset (say, the top of the visible text).
    // A current match is kept wherever it is.
    void setAnchorOffset(qsizetype offset)
    {
        m_anchorOffset = offset;
        m_readingEnd = std::numeric_limits<qsizetype>::max();
    }
    // What the reader sees, [top, bottom] of Document::text(): a new or changed query keeps the
    // current match when it is in view, else starts from the first match at or after top, so that
    // retyping never jumps far from where the reader is.
    void setReadingRange(qsizetype top, qsizetype bottom)
    {
        m_anchorOffset = top;
        m_readingEnd = bottom;
    }

public slots:
    void search(const QString &query, bool pinyin);
    void next();
    void previous();
    void setCurrentIndex(int index);

signals:
    void ready();
    void resultsChanged(int count);
    void currentChanged(int index, const Pizhu::SearchMatch &match);
    // current is 1-based, 0 without a current match: "k of n" as the find bar shows it.
    void statusChanged(int current, int total);

private:
    void startBuild();
    void startSearch();
    void applyResults(QList<SearchMatch> matches);
    void setCurrent(int index);

    SearchResultsModel *m_model = nullptr;
    std::shared_ptr<const TextSearcher> m_searcher;
    std::optional<Document> m_document; // set, with no searcher and no build yet: built on demand
    bool m_building = false;
    QString m_query;
    SearchOptions m_options;
    int m_current = -1;
    qsizetype m_anchorOffset = 0;
    qsizetype m_readingEnd = std::numeric_limits<qsizetype>::max();
    quint64 m_documentGeneration = 0;
    quint64 m_searchGeneration = 0; // bumped by every change of query, options or document
    bool m_searching = false;
};

} // namespace Pizhu
