#pragma once

#include "target.h"

#include <QAbstractTableModel>
#include <QList>

namespace Pizhu {

// The targets as a table: indicator, comparator, value, unit, horizon, section path. Sorts itself
// (a view with sorting enabled calls sort()), numerically on the value column, so no proxy is
// needed. Lives in core because QAbstractItemModel is QtCore; icons and colours are the view's job.
class TargetModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IndicatorColumn,
        ComparatorColumn,
        ValueColumn,
        UnitColumn,
        HorizonColumn,
        SectionColumn,
        ColumnCount
    };
    enum Role {
        StartRole = Qt::UserRole + 1, // qsizetype: the statement's range in Document::text()
        EndRole,
        FigureStartRole,
        FigureEndRole,
        SortRole, // what sort() compares: numbers for value and comparator, text otherwise
    };

    explicit TargetModel(QObject *parent = nullptr);

    void setTargets(QList<Target> targets);
    const QList<Target> &targets() const { return m_targets; }
    const Target *targetAt(const QModelIndex &index) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // "≥", "≤", "≈", "–", "=" after an arrow for the direction: "↑ ≥" reads 增长……以上.
    static QString comparatorText(const Target &target);

private:
    QVariant sortKey(const Target &target, int column) const;

    QList<Target> m_targets;
};

} // namespace Pizhu
