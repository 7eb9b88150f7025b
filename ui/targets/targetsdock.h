#pragma once

#include "target.h"

#include <QDockWidget>
#include <QList>

#include <memory>

class QAction;
class QModelIndex;
class QPushButton;
class QTableView;

namespace Pizhu {

class Document;
class TargetModel;

// The "Targets" dock: the document's quantitative commitments in a sortable table (indicator,
// comparator, value, unit, horizon, section). Activating a row says which range of
// Document::text() the target stands at; the Highlight button asks for the selected targets to
// become highlights. The dock scrolls and annotates nothing itself: the main window connects
// targetActivated and highlightRequested to the view and the annotation store.
class TargetsDock final : public QDockWidget
{
    Q_OBJECT
public:
    explicit TargetsDock(QWidget *parent = nullptr);
    ~TargetsDock() override;

    // Extracts the targets of doc on a worker thread and shows them; a later call wins over one
    // still running. nullptr empties the table.
    void setDocument(std::shared_ptr<const Document> doc);
    // Shows targets already extracted (tests, or a caller that has them).
    void setTargets(QList<Target> targets);

    TargetModel *model() const { return m_model; }
    // The table and the button exist from the dock's first showing; asking for them builds them.
    QTableView *view();
    QAction *copyMarkdownAction() const { return m_copyMarkdown; }
    QAction *exportCsvAction() const { return m_exportCsv; }
    QPushButton *highlightButton();

    // The targets in the order the table shows them, as a Markdown table.
    QString markdown() const;
    // Writes the targets as CSV (RFC 4180, UTF-8 with BOM); false when the file cannot be written.
    bool exportCsv(const QString &path) const;

signals:
    void targetActivated(qsizetype start, qsizetype end);
    void highlightRequested(qsizetype start, qsizetype end);
    // Extraction for the latest setDocument() finished and the table shows its targets.
    void targetsReady(int count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildContent();
    void activate(const QModelIndex &index);
    void requestHighlights();
    void copyMarkdown();
    void chooseCsvFile();
    void updateActions();

    TargetModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_highlight = nullptr;
    QAction *m_copyMarkdown = nullptr;
    QAction *m_exportCsv = nullptr;
    quint64 m_generation = 0; // which setDocument() call the running extraction belongs to
};

} // namespace Pizhu
