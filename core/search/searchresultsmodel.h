#pragma once

#include "textsearcher.h"

#include <QAbstractTableModel>
#include <QList>

#include <memory>

namespace Pizhu {

// The matches of one search as a table: section path, then a line of context. The context is cut
// when a row is shown, not when the search finishes, so a search with a hundred thousand matches
// costs nothing until its rows are looked at.
class SearchResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SectionColumn, ContextColumn, ColumnCount };
    enum Role {
        StartRole = Qt::UserRole + 1, // qsizetype: start of the match in Document::text()
        EndRole,
        PartRole,
        SectionPathRole, // QStringList
        ContextBeforeRole, // the context cut in three, for a delegate that marks the match
        MatchTextRole,
        ContextAfterRole,
    };

    explicit SearchResultsModel(QObject *parent = nullptr);

    // searcher must be the one that found matches; it is kept alive for the rows' context.
    void setResults(std::shared_ptr<const TextSearcher> searcher, QList<SearchMatch> matches);
    void clear();

    const QList<SearchMatch> &matches() const { return m_matches; }
    SearchMatch matchAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const TextSearcher> m_searcher;
    QList<SearchMatch> m_matches;
};

} // namespace Pizhu
