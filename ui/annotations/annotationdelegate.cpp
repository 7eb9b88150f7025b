#include "annotationdelegate.h"

#include "annotationlistmodel.h"
#include "annotationpalette.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

void AnnotationDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(AnnotationListModel::IsGroupRole).toBool()) {
        option->font.setBold(true);
        return;
    }
    option->icon
        = AnnotationPalette::swatch(AnnotationColor(index.data(AnnotationListModel::ColorRole).toInt()));
    option->features |= QStyleOptionViewItem::HasDecoration;
    if (index.data(AnnotationListModel::OrphanedRole).toBool())
        option->font.setItalic(true);
}

bool AnnotationDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || index.data(AnnotationListModel::IsGroupRole).toBool())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QString text = index.data(AnnotationListModel::QuoteRole).toString();
    if (const QString note = index.data(AnnotationListModel::NoteRole).toString(); !note.isEmpty())
        text += u"\n\n"_s + note;
    // Quote and note come from the document and the reader: escaped, never guessed as rich text.
    QToolTip::showText(event->globalPos(), Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal), view);
    return true;
}

} // namespace Pizhu
