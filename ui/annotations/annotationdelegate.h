#pragma once

#include <QStyledItemDelegate>

namespace Pizhu {

// Draws an annotation row of AnnotationListModel with its colour's swatch, and shows its whole
// quote and note as a plain-text tooltip.
class AnnotationDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Pizhu
