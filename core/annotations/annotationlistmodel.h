#pragma once

#include "annotation.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>
#include <QUuid>

#include <memory>
#include <optional>
#include <vector>

namespace Pizhu {

// A document's annotations for the annotations panel: top-level rows are section paths (the
// part's title down to the innermost heading), their children the annotations in that section;
// orphaned annotations sit in one group of their own, always last. Filters (colour, tag, text)
// hide rows; the order is by position in the text or by creation time, newest first.
//
// Changes to one annotation (upsert/remove) arrive as row inserts, removals, moves and
// dataChanged rather than a reset, so a view keeps its current row and expansion while the
// reader types a note into the selected annotation.
class AnnotationListModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QUuid; null for a group row
        IsGroupRole, // bool
        ColorRole, // int(AnnotationColor)
        QuoteRole,
        NoteRole,
        TagsRole, // QStringList
        StartRole, // qsizetype as qlonglong
        EndRole,
        CreatedRole, // QDateTime, UTC
        OrphanedRole, // bool: an orphan, or the orphans' group
        SectionPathRole, // QStringList
        ChildCountRole, // for group rows: how many annotations they show
    };
    enum class SortOrder { Position, Time };

    // Characters of the quote a row shows before eliding it.
    static constexpr qsizetype QuoteDisplayLength = 40;

    explicit AnnotationListModel(QObject *parent = nullptr);
    ~AnnotationListModel() override;

    void setAnnotations(const QList<Annotation> &annotations);
    void clear() { setAnnotations({}); }
    // Adds the annotation or replaces the one with its id.
    void upsert(const Annotation &annotation);
    void remove(const QUuid &id);

    std::optional<AnnotationColor> colorFilter() const { return m_colorFilter; }
    void setColorFilter(std::optional<AnnotationColor> color);
    QString tagFilter() const { return m_tagFilter; }
    void setTagFilter(const QString &tag); // empty: any; else an annotation must carry it
    QString textFilter() const { return m_textFilter; }
    void setTextFilter(const QString &text); // case-insensitive, in quote, note or tags
    // Annotations the text filter lets through even without the text in them: what the store's
    // full-text search found for it (its words in any order, say). Empty: none.
    void setTextMatches(const QSet<QUuid> &ids);
    SortOrder sortOrder() const { return m_sortOrder; }
    void setSortOrder(SortOrder order);

    int count() const { return m_shown; } // annotations that pass the filters
    int totalCount() const { return int(m_all.size()); }
    QModelIndex indexOf(const QUuid &id) const; // invalid when unknown or filtered out
    const Annotation *annotation(const QUuid &id) const;
    const Annotation *annotation(const QModelIndex &index) const;
    QStringList usedTags() const; // every tag in use, sorted

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged(int shown, int total);

private:
    struct Group
    {
        QString key;
        QStringList path;
        bool orphans = false;
        QList<QUuid> ids; // sorted by rowLess
    };

    bool passes(const Annotation &a) const;
    bool rowLess(const Annotation &a, const Annotation &b) const;
    bool groupLess(const Group &a, const Group &b) const;
    static QString groupKey(const Annotation &a);
    int groupRow(const Group *group) const;
    const Annotation &at(const QUuid &id) const;
    void rebuild();
    void insertShown(const Annotation &a);
    void removeShown(const QUuid &id);
    void placeGroup(Group *group);
    void groupChanged(Group *group);
    void emitCount();

    QHash<QUuid, Annotation> m_all;
    // Group objects keep their address while they exist: child indexes point at them, and
    // persistent indexes keep that pointer across inserts and moves of other groups.
    std::vector<std::unique_ptr<Group>> m_groups;
    QHash<QUuid, Group *> m_groupOf; // shown annotations only
    std::optional<AnnotationColor> m_colorFilter;
    QString m_tagFilter;
    QString m_textFilter;
    QSet<QUuid> m_textMatches;
    SortOrder m_sortOrder = SortOrder::Position;
    int m_shown = 0;
};

} // namespace Pizhu
