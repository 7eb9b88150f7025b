#include "comparisonmodel.h"

#include "targetmodel.h"

namespace Pizhu {

ComparisonModel::ComparisonModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void ComparisonModel::setComparison(const TargetComparison &comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_columns = comparison.columns();
    m_rows = comparison.rows();
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + 1;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TargetComparison::Row &row = m_rows.at(index.row());
    if (index.column() == 0)
        return role == Qt::DisplayRole ? QVariant(row.indicator) : QVariant();
    const std::optional<Target> &cell = row.cells.at(index.column() - 1);
    switch (role) {
    case Qt::DisplayRole:
        if (!cell)
            return {};
        //: A value and its change: "3.9万亿元 (+1000亿元 on last year)".
        return cell->change.isEmpty() ? cell->valueText()
                                      : tr("%1 (%2)").arg(cell->valueText(), TargetModel::changeText(*cell));
    case Qt::ToolTipRole:
        return cell ? QVariant(cell->sentence) : QVariant();
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section > m_columns.size())
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Indicator")) : QVariant();
    const TargetComparison::Column &column = m_columns.at(section - 1);
    if (role == Qt::DisplayRole)
        return column.label;
    if (role == Qt::ToolTipRole)
        return column.fileName;
    return {};
}

} // namespace Pizhu
