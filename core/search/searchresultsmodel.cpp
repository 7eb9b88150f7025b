#include "searchresultsmodel.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

SearchResultsModel::SearchResultsModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void SearchResultsModel::setResults(std::shared_ptr<const TextSearcher> searcher, QList<SearchMatch> matches)
{
    beginResetModel();
    m_searcher = std::move(searcher);
    m_matches = m_searcher ? std::move(matches) : QList<SearchMatch>();
    endResetModel();
}

void SearchResultsModel::clear()
{
    setResults(nullptr, {});
}

SearchMatch SearchResultsModel::matchAt(int row) const
{
    return row >= 0 && row < m_matches.size() ? m_matches.at(row) : SearchMatch();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchMatch &m = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == SectionColumn)
            return m.sectionPath.isEmpty() ? QString() : m.sectionPath.last();
        return m_searcher->context(m).joined();
    case Qt::ToolTipRole:
        // Views guess whether a tooltip is rich text; a heading like "<b>" must stay text.
        return u"<p>%1</p>"_s.arg(m.sectionPath.join(u" > "_s).toHtmlEscaped());
    case StartRole:
        return QVariant::fromValue(m.range.start);
    case EndRole:
        return QVariant::fromValue(m.range.end);
    case PartRole:
        return m.part;
    case SectionPathRole:
        return m.sectionPath;
    case ContextBeforeRole:
        return m_searcher->context(m).before;
    case MatchTextRole:
        return m_searcher->context(m).match;
    case ContextAfterRole:
        return m_searcher->context(m).after;
    default:
        return {};
    }
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SectionColumn:
        return tr("Section");
    case ContextColumn:
        return tr("Context");
    default:
        return {};
    }
}

} // namespace Pizhu
