#pragma once

#include "annotationstore.h"

#include <QAbstractTableModel>

namespace Pizhu {

// The hits of a notes search (AnnotationStore::searchNotes) as a table, best first: the
// document's title, the section path, the quote and the note. Every cell is plain text as
// stored; newlines in a note show as spaces so that a row stays one line. The tooltip of a quote
// or note cell holds the whole text, HTML-escaped (tooltips are read as rich text).
class NoteSearchModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { DocumentColumn, SectionColumn, QuoteColumn, NoteColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QUuid
        DocumentHashRole, // QByteArray
        DocumentPathRole, // QString, empty when the document was never opened from a file
    };

    explicit NoteSearchModel(QObject *parent = nullptr);

    // The column titles, in Column order: ui/ passes them translated (core's strings are not).
    void setHeaders(const QStringList &headers);

    void setHits(const QList<SearchHit> &hits);
    void clear() { setHits({}); }
    const QList<SearchHit> &hits() const { return m_hits; }
    // The hit of row, or null.
    const SearchHit *hit(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SearchHit> m_hits;
    QStringList m_headers;
};

} // namespace Pizhu
