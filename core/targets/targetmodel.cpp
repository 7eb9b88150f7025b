#include "targetmodel.h"

#include "targetformats.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

TargetModel::TargetModel(QObject *parent) : QAbstractTableModel(parent)
{ }

void TargetModel::setTargets(QList<Target> targets)
{
    beginResetModel();
    m_targets = std::move(targets);
    endResetModel();
}

const Target *TargetModel::targetAt(const QModelIndex &index) const
{
    // Not checkIndex(): an invalid index is an ordinary question here, not a caller's bug.
    if (!index.isValid() || index.model() != this || index.parent().isValid()
        || index.row() >= m_targets.size())
        return nullptr;
    return &m_targets.at(index.row());
}

int TargetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int TargetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TargetModel::directionText(const Target &target)
{
    switch (target.direction) {
    case Target::Direction::Up:
        return tr("rise");
    case Target::Direction::Down:
        return tr("fall");
    case Target::Direction::Level:
        break;
    }
    return {};
}

QString TargetModel::changeText(const Target &target)
{
    if (target.change.isEmpty())
        return {};
    for (QStringView lastYear : { QStringView(u"上年"), QStringView(u"去年") }) {
        if (target.changeBase.startsWith(lastYear)) {
            const QString rest = target.changeBase.mid(lastYear.size());
            return rest.isEmpty() ? tr("%1 on last year").arg(target.change)
                                  : tr("%1 on last year (%2)").arg(target.change, rest);
        }
    }
    return tr("%1 on %2").arg(target.change, target.changeBase);
}

QVariant TargetModel::sortKey(const Target &t, int column) const
{
    switch (column) {
    case IndicatorColumn:
        return t.indicator;
    case DirectionColumn:
        return int(t.direction);
    case ValueColumn:
        return t.low;
    case ChangeColumn:
        return t.changeText();
    case HorizonColumn:
        return t.horizon;
    case SectionColumn:
        return TargetFormats::sectionText(t);
    case SentenceColumn:
        return t.sentence;
    }
    return {};
}

QVariant TargetModel::data(const QModelIndex &index, int role) const
{
    const Target *t = targetAt(index);
    if (!t)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IndicatorColumn:
            return t->indicator;
        case DirectionColumn:
            return directionText(*t);
        case ValueColumn:
            return t->valueText();
        case ChangeColumn:
            return changeText(*t);
        case HorizonColumn:
            return t->horizon;
        case SectionColumn:
            return t->sectionPath.mid(1).join(u" › "_s);
        case SentenceColumn:
            return t->sentence;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SectionColumn)
            return t->sectionPath.join(u" › "_s);
        // The whole sentence, which the column cuts short: the reader judges a row by it.
        return t->sentence.isEmpty() ? QVariant() : QVariant(t->sentence);
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case StartRole:
        return QVariant::fromValue(t->start);
    case EndRole:
        return QVariant::fromValue(t->end);
    case FigureStartRole:
        return QVariant::fromValue(t->figureStart);
    case FigureEndRole:
        return QVariant::fromValue(t->figureEnd);
    case SortRole:
        return sortKey(*t, index.column());
    }
    return {};
}

QVariant TargetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IndicatorColumn:
        return tr("Indicator");
    case DirectionColumn:
        return tr("Direction");
    case ValueColumn:
        return tr("Value");
    case ChangeColumn:
        return tr("Change");
    case HorizonColumn:
        return tr("Horizon");
    case SectionColumn:
        return tr("Section");
    case SentenceColumn:
        return tr("Sentence");
    }
    return {};
}

void TargetModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    // Remember which target each persistent index points at, so selections follow the rows.
    QList<qsizetype> order0(m_targets.size());
    for (qsizetype i = 0; i < order0.size(); ++i)
        order0[i] = i;
    const auto less = [&](qsizetype a, qsizetype b) {
        const QVariant ka = sortKey(m_targets.at(a), column);
        const QVariant kb = sortKey(m_targets.at(b), column);
        const QPartialOrdering c = QVariant::compare(ka, kb);
        if (c == QPartialOrdering::Equivalent || c == QPartialOrdering::Unordered)
            return m_targets.at(a).start < m_targets.at(b).start; // text order breaks ties
        return order == Qt::AscendingOrder ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
    };
    std::stable_sort(order0.begin(), order0.end(), less);
    QList<Target> sorted;
    sorted.reserve(m_targets.size());
    QList<int> newRow(m_targets.size());
    for (qsizetype i = 0; i < order0.size(); ++i) {
        sorted.append(m_targets.at(order0.at(i)));
        newRow[order0.at(i)] = int(i);
    }
    m_targets = std::move(sorted);
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &idx : before)
        after.append(index(newRow.at(idx.row()), idx.column()));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace Pizhu
