#pragma once

#include "annotationstore.h"

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Pizhu {

class NoteSearchModel;

// The "Search Notes" dock: a field that searches the quotes, notes and tags of every document in
// the annotation store as the reader types (debounced), a count, and the hits best first with
// their document and section. Activating a hit emits hitActivated; going there is the caller's
// business. Without a store the dock says why and stays disabled.
class NotesSearchDock final : public QDockWidget
{
    Q_OBJECT
public:
    static constexpr int SearchDelayMs = 150;
    static constexpr int MaxHits = 500;

    explicit NotesSearchDock(QWidget *parent = nullptr);
    ~NotesSearchDock() override;

    // store may be null (no database): unavailableReason then says why, in the dock.
    void setStore(const AnnotationStore *store, const QString &unavailableReason = {});

    // The widgets exist from the dock's first showing; asking for one builds them.
    QLineEdit *field();
    QLabel *countLabel();
    // Why the dock is disabled; hidden while a store is there.
    QLabel *unavailableLabel();
    QTableView *view();
    NoteSearchModel *model() const { return m_model; }

    // Runs the query in the field now, not after the typing pause.
    void searchNow();
    // Shows the dock, focuses the field and selects its text for a new query.
    void focusField();

signals:
    void hitActivated(const Pizhu::SearchHit &hit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildContent();
    void showStore(); // the store's presence (or why it is missing) in the widgets

    QPointer<const AnnotationStore> m_store;
    QString m_unavailableReason;
    QLineEdit *m_field = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_unavailable = nullptr;
    QTableView *m_view = nullptr;
    NoteSearchModel *m_model;
    QTimer *m_debounce;
};

} // namespace Pizhu
