#pragma once

#include "document.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QLabel;
class QTableView;

namespace Pizhu {

class ComparisonModel;

// View > Compare Targets: the targets of the open document beside those of other documents (the
// recent ones), one column per document labelled by its year. The other files are read on a
// worker thread; a file that cannot be read (an encrypted PDF among them) or holds no targets is
// left out, and the line under the table says how many were.
class CompareTargetsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit CompareTargetsDialog(QWidget *parent = nullptr);
    ~CompareTargetsDialog() override;

    // Starts a comparison; a newer one overtakes a comparison still running.
    void compare(std::shared_ptr<const Document> open, const QString &openPath, const QStringList &files);

    ComparisonModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString status() const;

signals:
    // The table shows a finished comparison of this many documents.
    void compared(int documents);

private:
    void copyMarkdown() const;

    ComparisonModel *m_model;
    QTableView *m_view;
    QLabel *m_status;
    quint64 m_generation = 0;
};

} // namespace Pizhu
