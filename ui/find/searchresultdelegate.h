#pragma once

#include <QStyledItemDelegate>

namespace Pizhu {

// Draws a row of the search results with the match itself set apart from its context (bold, on a
// tint of the highlight colour), so the eye finds it in a line of Chinese without word spaces.
// Draws text only: nothing from the document is read as markup.
class SearchResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SearchResultDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Pizhu
