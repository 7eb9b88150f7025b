#pragma once

#include "annotation.h"
#include "result.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QFrame;
class QLabel;
class QToolButton;

namespace Pizhu {

class AnnotationController;
class DocumentSession;
class MainWindow;

// Highlights that travel inside the PDF, in the window:
// - File > Export Annotated PDF… writes a copy of the open PDF with its highlights as the PDF's
//   own Highlight annotations (PdfMarkupNotes, PdfReader::writeMarkup), never over the PDF itself;
// - opening a PDF that carries highlights or sticky notes made in another program (or exported by
//   Pizhu to another reader) offers, in a bar above the panes, to bring in those not yet among
//   its notes. The PDF's annotations are read off the GUI thread.
class PdfMarkupActions final : public QObject
{
    Q_OBJECT
public:
    PdfMarkupActions(MainWindow *window, DocumentSession *session, AnnotationController *annotations);

    QAction *exportAction() const { return m_export; }
    QAction *importAction() const { return m_import; }
    QFrame *notice() const { return m_bar; }
    QString noticeText() const;
    // The notes of the open PDF's annotations that are not among its notes yet.
    qsizetype pendingCount() const { return m_pending.size(); }

    // Writes the annotated copy to path; false, with the reason in the status bar, when there is
    // nothing to write, path is the PDF itself, or the file cannot be written.
    bool exportTo(const QString &path);
    // Brings the pending notes into the store; false, with the reason in the status bar, on failure.
    bool importPending();

signals:
    // The open PDF's annotations were read (pendingCount() says how many are new).
    void markupRead();

private:
    struct Read
    {
        QString path;
        QByteArray hash;
        QList<Annotation> notes;
    };
    Result<QByteArray, QString> render() const;
    void documentChanged();
    void markupArrived();
    void chooseFile();
    void report(const QString &message) const;

    MainWindow *m_window;
    DocumentSession *m_session;
    AnnotationController *m_annotations;
    QAction *m_export = nullptr;
    QAction *m_import = nullptr;
    QFrame *m_bar = nullptr;
    QLabel *m_text = nullptr;
    QFutureWatcher<Read> m_reading;
    QList<Annotation> m_pending;
};

} // namespace Pizhu
