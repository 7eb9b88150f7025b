#pragma once

#include <QFrame>
#include <QPointer>

class QAction;

namespace Pizhu {

class DocumentView;

// The small bar that appears by a selection made with the mouse: one button per highlight
// colour and one for a note, so highlighting needs neither the menu nor a shortcut. It takes no
// focus, so the selection stays while a button is pressed; it hides when the selection goes or
// the text scrolls.
class SelectionBar final : public QFrame
{
    Q_OBJECT
public:
    // actions are shown in order; the bar is a child of view.
    SelectionBar(DocumentView *view, const QList<QAction *> &actions);

    // Shows the bar by the end of the view's selection, or hides it without one.
    void showBySelection();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<DocumentView> m_view;
};

} // namespace Pizhu
