#pragma once

#include "targetcomparison.h"

#include <QAbstractTableModel>

namespace Pizhu {

// A TargetComparison as a table for a view: the indicator, then one column per document headed
// by its label; a cell reads as ComparisonFormats writes it, its tooltip is the sentence.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit ComparisonModel(QObject *parent = nullptr);

    void setComparison(const TargetComparison &comparison);
    const TargetComparison &comparison() const { return m_comparison; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    TargetComparison m_comparison;
    QList<TargetComparison::Column> m_columns;
    QList<TargetComparison::Row> m_rows;
};

} // namespace Pizhu
