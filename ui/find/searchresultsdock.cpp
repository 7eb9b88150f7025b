#include "searchresultsdock.h"

#include "searchresultdelegate.h"
#include "searchresultsmodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

SearchResultsDock::SearchResultsDock(QWidget *parent) : QDockWidget(parent)
{
    setObjectName(u"searchResultsDock"_s);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"searchResultsView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // a search can list a hundred thousand rows
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setItemDelegate(new SearchResultDelegate(m_view));
    setWidget(m_view);
    connect(m_view, &QTreeView::activated, this, &SearchResultsDock::activate);
    connect(m_view, &QTreeView::clicked, this, &SearchResultsDock::activate);
    updateTitle();
}

void SearchResultsDock::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = m_view->model()) {
        disconnect(old, &QAbstractItemModel::modelReset, this, &SearchResultsDock::updateTitle);
        disconnect(old, &QAbstractItemModel::rowsInserted, this, &SearchResultsDock::updateTitle);
        disconnect(old, &QAbstractItemModel::rowsRemoved, this, &SearchResultsDock::updateTitle);
    }
    m_view->setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &SearchResultsDock::updateTitle);
        connect(model, &QAbstractItemModel::rowsInserted, this, &SearchResultsDock::updateTitle);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SearchResultsDock::updateTitle);
        m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
        m_view->header()->setStretchLastSection(true);
        m_view->setColumnWidth(SearchResultsModel::SectionColumn, fontMetrics().averageCharWidth() * 24);
    }
    updateTitle();
}

void SearchResultsDock::setCurrentRow(int row)
{
    QAbstractItemModel *model = m_view->model();
    if (!model || row < 0 || row >= model->rowCount())
        return;
    const QModelIndex index = model->index(row, 0);
    const QSignalBlocker blocker(m_view); // following the find bar is not an activation
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void SearchResultsDock::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QModelIndex first = index.siblingAtColumn(0);
    const TextRange range { first.data(SearchResultsModel::StartRole).value<qsizetype>(),
        first.data(SearchResultsModel::EndRole).value<qsizetype>() };
    emit matchActivated(index.row(), range);
}

void SearchResultsDock::updateTitle()
{
    const int rows = m_view->model() ? m_view->model()->rowCount() : 0;
    setWindowTitle(rows > 0 ? tr("Search results (%1)").arg(rows) : tr("Search results"));
}

} // namespace Pizhu
