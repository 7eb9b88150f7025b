#pragma once

#include "target.h"

#include <QAbstractTableModel>
#include <QList>

namespace Pizhu {

// The targets as a table: indicator, direction, value (its comparator in words and its unit: "约
// 5%", "≥ 1200万人"), change on a base, horizon, section path, and the sentence it was read from,
// so a reader can judge the row without leaving the table. Sorts itself
// (a view with sorting enabled calls sort()), numerically on the value column, so no proxy is
// needed. Lives in core because QAbstractItemModel is QtCore; icons and colours are the view's job.
class TargetModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IndicatorColumn,
        DirectionColumn,
        ValueColumn,
        ChangeColumn,
        HorizonColumn,
        SectionColumn,
        SentenceColumn,
        ColumnCount
    };
    enum Role {
        StartRole = Qt::UserRole + 1, // qsizetype: the statement's range in Document::text()
        EndRole,
        FigureStartRole,
        FigureEndRole,
        SortRole, // what sort() compares: numbers for value and direction, text otherwise
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

    // "rise", "fall", or nothing for a level, in the interface language.
    static QString directionText(const Target &target);
    // The change in the interface language ("+1.1万亿元 on last year", "较上年 +1.1万亿元"):
    // Target::changeText() is the machine formats' English, which the table does not show.
    static QString changeText(const Target &target);

private:
    QVariant sortKey(const Target &target, int column) const;

    QList<Target> m_targets;
};

} // namespace Pizhu
