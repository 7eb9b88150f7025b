#include "notesearchmodel.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

QString oneLine(QString text)
{
    for (QChar &c : text)
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::ParagraphSeparator
            || c == QChar::LineSeparator)
            c = u' ';
    return text;
}

} // namespace

NoteSearchModel::NoteSearchModel(QObject *parent)
    : QAbstractTableModel(parent), m_headers { u"Document"_s, u"Section"_s, u"Quote"_s, u"Note"_s }
{ }

void NoteSearchModel::setHeaders(const QStringList &headers)
{
    m_headers = headers;
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void NoteSearchModel::setHits(const QList<SearchHit> &hits)
{
    beginResetModel();
    m_hits = hits;
    endResetModel();
}

const SearchHit *NoteSearchModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int NoteSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int NoteSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NoteSearchModel::data(const QModelIndex &index, int role) const
{
    const SearchHit *h = index.isValid() ? hit(index.row()) : nullptr;
    if (!h)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DocumentColumn:
            return oneLine(h->documentTitle);
        case SectionColumn: {
            // The path starts with the part's title, mostly the document's: that has a column.
            QStringList path = h->sectionPath;
            if (path.size() > 1 && path.constFirst() == h->documentTitle)
                path.removeFirst();
            return oneLine(path.join(u" › "_s));
        }
        case QuoteColumn:
            return oneLine(h->quote);
        case NoteColumn:
            return oneLine(h->note);
        }
        return {};
    case Qt::ToolTipRole: {
        // A tooltip that looks like HTML is read as HTML: escape the stored text and say so.
        const QString text = index.column() == NoteColumn ? h->note
            : index.column() == QuoteColumn               ? h->quote
                                                          : QString();
        if (text.isEmpty())
            return {};
        return u"<p style='white-space:pre-wrap'>%1</p>"_s.arg(text.toHtmlEscaped());
    }
    case IdRole:
        return h->id;
    case DocumentHashRole:
        return h->documentHash;
    case DocumentPathRole:
        return h->documentPath;
    }
    return {};
}

QVariant NoteSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return m_headers.value(section);
}

} // namespace Pizhu
