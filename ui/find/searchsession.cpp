#include "searchsession.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Pizhu {

SearchSession::SearchSession(QObject *parent) : QObject(parent), m_model(new SearchResultsModel(this))
{ }

// Workers hold their own shared pointers to the searcher and never touch this object, so nothing
// has to wait for them here; their watchers are children and go with it.
SearchSession::~SearchSession() = default;

void SearchSession::setDocument(const Document &document)
{
    clearDocument();
    m_document = document; // shares the text, copies nothing
    if (!m_query.isEmpty())
        startBuild();
}

void SearchSession::clearDocument()
{
    ++m_documentGeneration;
    ++m_searchGeneration;
    m_searcher.reset();
    m_document.reset();
    m_building = false;
    applyResults({});
}

void SearchSession::prepare()
{
    if (!m_searcher && !m_building && m_document)
        startBuild();
}

void SearchSession::startBuild()
{
    const quint64 generation = m_documentGeneration;
    m_building = true;
    auto *watcher = new QFutureWatcher<std::shared_ptr<const TextSearcher>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_documentGeneration)
            return; // another document was set meanwhile
        m_building = false;
        m_searcher = watcher->result();
        emit ready();
        if (!m_searching) // else the running search, on the old index, restarts on this one
            startSearch();
    });
    // The Document is copied into the task: its data is shared, not duplicated, and stays alive
    // whatever the caller does with its own copy.
    watcher->setFuture(QtConcurrent::run([document = *m_document] {
        return std::shared_ptr<const TextSearcher>(std::make_shared<TextSearcher>(document));
    }));
}

void SearchSession::setPart(int part)
{
    if (m_options.part == part)
        return;
    m_options.part = part;
    search(m_query, m_options.pinyin);
}

void SearchSession::setScope(TextRange scope)
{
    if (m_options.scope == scope)
        return;
    m_options.scope = scope;
    search(m_query, m_options.pinyin);
}

void SearchSession::search(const QString &query, bool pinyin)
{
    m_query = query;
    m_options.pinyin = pinyin;
    ++m_searchGeneration;
    if (query.isEmpty()) {
        applyResults({});
        return;
    }
    if (m_searcher && !m_searching)
        startSearch();
    else
        prepare();
    // Otherwise the running search, or the index build, starts this one when it finishes.
}

void SearchSession::startSearch()
{
    if (!m_searcher || m_query.isEmpty())
        return;
    m_searching = true;
    const quint64 generation = m_searchGeneration;
    auto *watcher = new QFutureWatcher<QList<SearchMatch>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_searching = false;
        if (generation == m_searchGeneration)
            applyResults(watcher->result());
        else
            startSearch(); // the query changed while this ran: only the latest one counts
    });
    watcher->setFuture(QtConcurrent::run([searcher = m_searcher, query = m_query, options = m_options] {
        return searcher->search(query, options);
    }));
}

void SearchSession::applyResults(QList<SearchMatch> matches)
{
    // Stay at the match the reader was on while it is in view, so refining the query does not
    // jump away; otherwise start where the reader is.
    const qsizetype was = m_current >= 0 ? currentMatch().range.start : -1;
    const qsizetype anchor = was >= m_anchorOffset && was <= m_readingEnd ? was : m_anchorOffset;
    m_model->setResults(m_searcher, std::move(matches));
    const QList<SearchMatch> &found = m_model->matches();
    int current = -1;
    if (!found.isEmpty()) {
        const auto it = std::lower_bound(found.cbegin(), found.cend(), anchor,
            [](const SearchMatch &m, qsizetype a) { return m.range.start < a; });
        current = it == found.cend() ? 0 : int(it - found.cbegin());
    }
    m_current = -1;
    emit resultsChanged(int(found.size()));
    setCurrent(current);
    if (current < 0)
        emit statusChanged(0, 0);
}

std::pair<int, int> SearchSession::rowsOverlapping(qsizetype from, qsizetype to) const
{
    const QList<SearchMatch> &found = m_model->matches();
    // Matches do not overlap and come in text order, so their ends are sorted too.
    const auto first = std::upper_bound(found.cbegin(), found.cend(), from,
        [](qsizetype f, const SearchMatch &m) { return f < m.range.end; });
    const auto last = std::lower_bound(
        first, found.cend(), to, [](const SearchMatch &m, qsizetype t) { return m.range.start < t; });
    return { int(first - found.cbegin()), int(last - found.cbegin()) };
}

void SearchSession::setCurrent(int index)
{
    const qsizetype count = m_model->matches().size();
    if (index < 0 || index >= count)
        return;
    m_current = index;
    emit currentChanged(index, m_model->matches().at(index));
    emit statusChanged(index + 1, int(count));
}

void SearchSession::setCurrentIndex(int index)
{
    setCurrent(index);
}

void SearchSession::next()
{
    const auto count = int(m_model->matches().size());
    if (count > 0)
        setCurrent(m_current < 0 ? 0 : (m_current + 1) % count);
}

void SearchSession::previous()
{
    const auto count = int(m_model->matches().size());
    if (count > 0)
        setCurrent(m_current <= 0 ? count - 1 : m_current - 1);
}

} // namespace Pizhu
