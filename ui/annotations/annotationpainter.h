#pragma once

#include <QObject>
#include <QPointer>
#include <QUuid>

namespace Pizhu {

class AnnotationController;
class DocumentView;

// Paints the controller's highlights in one reading pane as a layer of extra selections, shows a
// highlight's note when the pointer rests on it, and reports clicks on highlights.
//
// Only the highlights on screen (and a margin) become extra selections: QTextEdit lays out the
// text under every extra selection it is given, so 10,000 of them spread over a long document
// would force the layout of all of it.
class AnnotationPainter final : public QObject
{
    Q_OBJECT
public:
    AnnotationPainter(AnnotationController *controller, DocumentView *view, QObject *parent = nullptr);

    static inline const QString Layer = QStringLiteral("annotations");

    void refresh();
    // How many highlights the last refresh painted.
    int paintedCount() const { return m_painted; }

signals:
    void annotationClicked(const QUuid &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    std::pair<qsizetype, qsizetype> visibleRange() const;
    qsizetype offsetAt(const QPoint &viewportPos) const;
    void scheduleRefresh();
    void onChanged(const QUuid &id, qsizetype start, qsizetype end);

    QPointer<AnnotationController> m_controller;
    QPointer<DocumentView> m_view;
    std::pair<qsizetype, qsizetype> m_painting { 0, 0 }; // the range the last refresh covered
    int m_painted = 0;
    bool m_refreshQueued = false;
};

} // namespace Pizhu
