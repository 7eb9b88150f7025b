#include "annotationlistmodel.h"

#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// Cannot occur in a heading: keeps "A › B" and a heading literally titled "A › B" apart.
constexpr QChar KeySeparator = u'\x1f';
const QString OrphansKey = u"\x01orphans"_s;

QString firstLine(const QString &text)
{
    const qsizetype end = text.indexOf(u'\n');
    return (end < 0 ? text : text.left(end)).trimmed();
}

QString elided(const QString &text, qsizetype length)
{
    QString flat = text;
    flat.replace(u'\n', u' ');
    return flat.size() <= length ? flat : flat.left(length) + u'…';
}

} // namespace

AnnotationListModel::AnnotationListModel(QObject *parent) : QAbstractItemModel(parent)
{ }

AnnotationListModel::~AnnotationListModel() = default;

void AnnotationListModel::setAnnotations(const QList<Annotation> &annotations)
{
    m_all.clear();
    m_all.reserve(annotations.size());
    for (const Annotation &a : annotations)
        m_all.insert(a.id, a);
    rebuild();
}

QString AnnotationListModel::groupKey(const Annotation &a)
{
    return a.isOrphaned() ? OrphansKey : a.anchor.sectionPath.join(KeySeparator);
}

bool AnnotationListModel::passes(const Annotation &a) const
{
    if (m_colorFilter && a.color != *m_colorFilter)
        return false;
    if (!m_tagFilter.isEmpty() && !a.tags.contains(m_tagFilter, Qt::CaseInsensitive))
        return false;
    if (!m_textFilter.isEmpty()) {
        const bool found = m_textMatches.contains(a.id)
            || a.anchor.quote.contains(m_textFilter, Qt::CaseInsensitive)
            || a.note.contains(m_textFilter, Qt::CaseInsensitive)
            || std::any_of(a.tags.cbegin(), a.tags.cend(),
                [this](const QString &t) { return t.contains(m_textFilter, Qt::CaseInsensitive); });
        if (!found)
            return false;
    }
    return true;
}

bool AnnotationListModel::rowLess(const Annotation &a, const Annotation &b) const
{
    if (m_sortOrder == SortOrder::Time) {
        if (a.created != b.created)
            return a.created > b.created;
    }
    if (a.anchor.start != b.anchor.start)
        return a.anchor.start < b.anchor.start;
    if (a.anchor.end != b.anchor.end)
        return a.anchor.end < b.anchor.end;
    if (a.created != b.created)
        return a.created < b.created;
    return a.id < b.id;
}

bool AnnotationListModel::groupLess(const Group &a, const Group &b) const
{
    if (a.orphans != b.orphans)
        return b.orphans;
    // A group stands where its first row would stand on its own.
    return rowLess(at(a.ids.constFirst()), at(b.ids.constFirst()));
}

void AnnotationListModel::rebuild()
{
    beginResetModel();
    m_groups.clear();
    m_groupOf.clear();
    QList<const Annotation *> shown;
    for (const Annotation &a : std::as_const(m_all))
        if (passes(a))
            shown.append(&a);
    std::sort(shown.begin(), shown.end(),
        [this](const Annotation *a, const Annotation *b) { return rowLess(*a, *b); });
    QHash<QString, Group *> byKey;
    for (const Annotation *a : std::as_const(shown)) {
        const QString key = groupKey(*a);
        Group *&group = byKey[key];
        if (!group) {
            m_groups.push_back(
                std::make_unique<Group>(Group { key, a->anchor.sectionPath, a->isOrphaned(), {} }));
            group = m_groups.back().get();
        }
        group->ids.append(a->id);
        m_groupOf.insert(a->id, group);
    }
    std::stable_sort(
        m_groups.begin(), m_groups.end(), [this](const auto &a, const auto &b) { return groupLess(*a, *b); });
    m_shown = int(shown.size());
    endResetModel();
    emitCount();
}

const Annotation &AnnotationListModel::at(const QUuid &id) const
{
    // Comparisons look annotations up by id many times per insert: by reference, not by copy.
    static const Annotation none;
    const auto it = m_all.constFind(id);
    return it == m_all.cend() ? none : *it;
}

int AnnotationListModel::groupRow(const Group *group) const
{
    for (size_t i = 0; i < m_groups.size(); ++i)
        if (m_groups[i].get() == group)
            return int(i);
    return -1;
}

void AnnotationListModel::upsert(const Annotation &annotation)
{
    const auto existing = m_all.constFind(annotation.id);
    Group *group = m_groupOf.value(annotation.id);
    if (existing != m_all.cend() && group && passes(annotation) && groupKey(annotation) == group->key) {
        // Stays in its group: if its neighbours still bracket it, only its data changed.
        const qsizetype row = group->ids.indexOf(annotation.id);
        const bool afterPrevious = row == 0 || rowLess(at(group->ids.at(row - 1)), annotation);
        const bool beforeNext
            = row + 1 == group->ids.size() || rowLess(annotation, at(group->ids.at(row + 1)));
        if (afterPrevious && beforeNext) {
            m_all.insert(annotation.id, annotation);
            const QModelIndex i = createIndex(int(row), 0, group);
            emit dataChanged(i, i);
            if (row == 0)
                placeGroup(group);
            return;
        }
    }
    if (group)
        removeShown(annotation.id);
    m_all.insert(annotation.id, annotation);
    if (passes(annotation))
        insertShown(annotation);
    emitCount();
}

void AnnotationListModel::remove(const QUuid &id)
{
    if (!m_all.contains(id))
        return;
    if (m_groupOf.contains(id))
        removeShown(id);
    m_all.remove(id);
    emitCount();
}

void AnnotationListModel::insertShown(const Annotation &a)
{
    const QString key = groupKey(a);
    auto found = std::find_if(m_groups.begin(), m_groups.end(), [&](const auto &g) { return g->key == key; });
    if (found == m_groups.end()) {
        auto group = std::make_unique<Group>(Group { key, a.anchor.sectionPath, a.isOrphaned(), { a.id } });
        const auto at = std::lower_bound(m_groups.begin(), m_groups.end(), group,
            [this](const auto &x, const auto &y) { return groupLess(*x, *y); });
        const int row = int(at - m_groups.begin());
        beginInsertRows({}, row, row);
        m_groupOf.insert(a.id, group.get());
        m_groups.insert(at, std::move(group));
        ++m_shown;
        endInsertRows();
        return;
    }
    Group *group = found->get();
    const auto place = std::lower_bound(group->ids.begin(), group->ids.end(), a.id,
        [this](const QUuid &x, const QUuid &y) { return rowLess(at(x), at(y)); });
    const int row = int(place - group->ids.begin());
    beginInsertRows(createIndex(int(found - m_groups.begin()), 0, nullptr), row, row);
    group->ids.insert(row, a.id);
    m_groupOf.insert(a.id, group);
    ++m_shown;
    endInsertRows();
    groupChanged(group);
    if (row == 0)
        placeGroup(group);
}

void AnnotationListModel::removeShown(const QUuid &id)
{
    Group *group = m_groupOf.value(id);
    const int g = groupRow(group);
    if (g < 0)
        return;
    if (group->ids.size() == 1) {
        beginRemoveRows({}, g, g);
        m_groupOf.remove(id);
        --m_shown;
        auto owned = std::move(m_groups[size_t(g)]);
        m_groups.erase(m_groups.begin() + g);
        endRemoveRows();
        return; // owned dies here, after the views have let go of its rows
    }
    const int row = int(group->ids.indexOf(id));
    beginRemoveRows(createIndex(g, 0, nullptr), row, row);
    group->ids.removeAt(row);
    m_groupOf.remove(id);
    --m_shown;
    endRemoveRows();
    groupChanged(group);
    if (row == 0)
        placeGroup(group);
}

void AnnotationListModel::placeGroup(Group *group)
{
    const int from = groupRow(group);
    int to = 0;
    for (size_t i = 0; i < m_groups.size(); ++i)
        if (m_groups[i].get() != group && groupLess(*m_groups[i], *group))
            ++to;
    if (to == from)
        return;
    // beginMoveRows counts the destination before the row is taken out.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return;
    auto owned = std::move(m_groups[size_t(from)]);
    m_groups.erase(m_groups.begin() + from);
    m_groups.insert(m_groups.begin() + to, std::move(owned));
    endMoveRows();
}

void AnnotationListModel::groupChanged(Group *group)
{
    // The group's row shows its count.
    const QModelIndex i = createIndex(groupRow(group), 0, nullptr);
    emit dataChanged(i, i);
}

void AnnotationListModel::emitCount()
{
    emit countChanged(m_shown, totalCount());
}

void AnnotationListModel::setColorFilter(std::optional<AnnotationColor> color)
{
    if (color == m_colorFilter)
        return;
    m_colorFilter = color;
    rebuild();
}

void AnnotationListModel::setTagFilter(const QString &tag)
{
    if (tag.trimmed() == m_tagFilter)
        return;
    m_tagFilter = tag.trimmed();
    rebuild();
}

void AnnotationListModel::setTextFilter(const QString &text)
{
    if (text.trimmed() == m_textFilter)
        return;
    m_textFilter = text.trimmed();
    rebuild();
}

void AnnotationListModel::setTextMatches(const QSet<QUuid> &ids)
{
    if (ids == m_textMatches)
        return;
    m_textMatches = ids;
    if (!m_textFilter.isEmpty())
        rebuild();
}

void AnnotationListModel::setSortOrder(SortOrder order)
{
    if (order == m_sortOrder)
        return;
    m_sortOrder = order;
    rebuild();
}

QModelIndex AnnotationListModel::indexOf(const QUuid &id) const
{
    Group *group = m_groupOf.value(id);
    if (!group)
        return {};
    return createIndex(int(group->ids.indexOf(id)), 0, group);
}

const Annotation *AnnotationListModel::annotation(const QUuid &id) const
{
    const auto it = m_all.constFind(id);
    return it == m_all.cend() ? nullptr : &*it;
}

const Annotation *AnnotationListModel::annotation(const QModelIndex &index) const
{
    if (!index.isValid() || !index.internalPointer())
        return nullptr;
    const auto *group = static_cast<const Group *>(index.internalPointer());
    return annotation(group->ids.value(index.row()));
}

QStringList AnnotationListModel::usedTags() const
{
    QSet<QString> tags;
    for (const Annotation &a : m_all)
        for (const QString &t : a.tags)
            tags.insert(t);
    QStringList sorted(tags.cbegin(), tags.cend());
    sorted.sort(Qt::CaseInsensitive);
    return sorted;
}

QModelIndex AnnotationListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, 0, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.row() >= int(m_groups.size()))
        return {};
    Group *group = m_groups[size_t(parent.row())].get();
    return row < group->ids.size() ? createIndex(row, 0, group) : QModelIndex();
}

QModelIndex AnnotationListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const int row = groupRow(static_cast<const Group *>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalPointer() || parent.row() >= int(m_groups.size()))
        return 0;
    return int(m_groups[size_t(parent.row())]->ids.size());
}

int AnnotationListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (!index.internalPointer()) {
        const Group &group = *m_groups[size_t(index.row())];
        switch (role) {
        case Qt::DisplayRole:
            return group.orphans ? tr("Orphaned (%n)", nullptr, int(group.ids.size()))
                                 : tr("%1 (%2)").arg(group.path.join(u" › "_s)).arg(group.ids.size());
        case IsGroupRole:
            return true;
        case OrphanedRole:
            return group.orphans;
        case SectionPathRole:
            return group.path;
        case ChildCountRole:
            return int(group.ids.size());
        default:
            return {};
        }
    }
    const Annotation *a = annotation(index);
    if (!a)
        return {};
    switch (role) {
    case Qt::DisplayRole: {
        QString text = elided(a->anchor.quote, QuoteDisplayLength);
        if (const QString note = firstLine(a->note); !note.isEmpty())
            text += u" — "_s + elided(note, QuoteDisplayLength);
        for (const QString &tag : a->tags)
            text += u"  #"_s + tag;
        return text;
    }
    case IdRole:
        return a->id;
    case IsGroupRole:
        return false;
    case ColorRole:
        return int(a->color);
    case QuoteRole:
        return a->anchor.quote;
    case NoteRole:
        return a->note;
    case TagsRole:
        return a->tags;
    case StartRole:
        return qlonglong(a->anchor.start);
    case EndRole:
        return qlonglong(a->anchor.end);
    case CreatedRole:
        return a->created;
    case OrphanedRole:
        return a->isOrphaned();
    case SectionPathRole:
        return a->anchor.sectionPath;
    default:
        return {};
    }
}

QHash<int, QByteArray> AnnotationListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    const std::pair<int, const char *> own[] = { { IdRole, "id" }, { IsGroupRole, "isGroup" },
        { ColorRole, "color" }, { QuoteRole, "quote" }, { NoteRole, "note" }, { TagsRole, "tags" },
        { StartRole, "start" }, { EndRole, "end" }, { CreatedRole, "created" }, { OrphanedRole, "orphaned" },
        { SectionPathRole, "sectionPath" }, { ChildCountRole, "childCount" } };
    for (const auto &[role, name] : own)
        names.insert(role, name);
    return names;
}

} // namespace Pizhu
