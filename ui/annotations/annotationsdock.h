#pragma once

#include <QDockWidget>
#include <QPointer>
#include <QUuid>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStringListModel;
class QTimer;
class QTreeView;

namespace Pizhu {

class AnnotationController;

// The "Annotations" dock: the document's annotations grouped by section, filters, a count, and
// an editor for the current one's note and tags. A note is saved as it is typed (debounced), when
// the editor loses focus, when another annotation becomes current and when the window closes.
class AnnotationsDock final : public QDockWidget
{
    Q_OBJECT
public:
    static constexpr int SaveDelayMs = 500;

    explicit AnnotationsDock(AnnotationController *controller, QWidget *parent = nullptr);
    ~AnnotationsDock() override;

    QTreeView *view() const { return m_view; }
    QPlainTextEdit *noteEditor() const { return m_note; }
    QLineEdit *tagsEditor() const { return m_tags; }
    QLineEdit *filterEdit() const { return m_filter; }
    QUuid currentId() const { return m_current; }

    // Makes the annotation current (and visible in the list); with editNote, focuses the note.
    void select(const QUuid &id, bool editNote = false);
    // Writes a note still waiting for its debounce.
    void saveNow();

signals:
    // The reader activated a row: the window scrolls to it.
    void showRequested(qsizetype start, qsizetype end);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setCurrent(const QUuid &id);
    void loadEditor();
    void saveTags();
    void applyFilters();
    void updateTextMatches();
    void updateCount();
    void updateTagChoices();
    void completeTag(const QString &chosen);

    QPointer<AnnotationController> m_controller;
    QLineEdit *m_filter;
    QComboBox *m_color;
    QComboBox *m_tag;
    QComboBox *m_sort;
    QLabel *m_count;
    QTreeView *m_view;
    QPlainTextEdit *m_note;
    QLineEdit *m_tags;
    QStringListModel *m_tagWords;
    QCompleter *m_completer;
    QTimer *m_saveTimer;
    QUuid m_current;
    bool m_loading = false;
};

} // namespace Pizhu
