#include "searchresultdelegate.h"

#include "searchresultsmodel.h"

#include <QApplication>
#include <QPainter>

namespace Pizhu {

SearchResultDelegate::SearchResultDelegate(QObject *parent) : QStyledItemDelegate(parent)
{ }

void SearchResultDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString match = index.data(SearchResultsModel::MatchTextRole).toString();
    if (index.column() != SearchResultsModel::ContextColumn || match.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the style draws background, focus and selection; the text is drawn here
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QFont bold = opt.font;
    bold.setBold(true);

    painter->save();
    painter->setClipRect(area);
    painter->setPen(text);
    int x = area.left();
    auto draw = [&](const QString &piece, const QFont &font, bool mark) {
        const QFontMetrics metrics(font);
        const int width = metrics.horizontalAdvance(piece);
        const QRect box(x, area.top(), width, area.height());
        if (mark && !selected) {
            QColor tint = opt.palette.color(QPalette::Highlight);
            tint.setAlpha(60);
            painter->fillRect(box, tint);
        }
        painter->setFont(font);
        painter->drawText(box, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextSingleLine, piece);
        x += width;
    };
    draw(index.data(SearchResultsModel::ContextBeforeRole).toString(), opt.font, false);
    draw(match, bold, true);
    draw(index.data(SearchResultsModel::ContextAfterRole).toString(), opt.font, false);
    painter->restore();
}

} // namespace Pizhu
