#pragma once

#include "textrange.h"

#include <QDockWidget>

class QAbstractItemModel;
class QModelIndex;
class QTreeView;

namespace Pizhu {

// A dock listing the matches of a search (a SearchResultsModel): section, then a line of context.
// Clicking or activating a row says which match, and its range of Document::text(); the dock
// itself scrolls nothing.
class SearchResultsDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit SearchResultsDock(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    QTreeView *view() const { return m_view; }

public slots:
    // Follows the current match (F3 in the find bar) without emitting matchActivated.
    void setCurrentRow(int row);

signals:
    void matchActivated(int row, Pizhu::TextRange range);

private:
    void activate(const QModelIndex &index);
    void updateTitle();

    QTreeView *m_view = nullptr;
};

} // namespace Pizhu
