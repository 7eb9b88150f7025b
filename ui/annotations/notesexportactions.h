#pragma once

#include "result.h"

#include <QObject>

class QAction;

namespace Pizhu {

class AnnotationController;
class DocumentSession;
class MainWindow;

// Puts the notes export into a MainWindow: File > Export Notes… writes the open document's
// annotations as Markdown (MarkdownExporter) or, for a .json file, as W3C Web Annotations
// (WebAnnotationJson); Edit > Copy Notes as Markdown puts the Markdown on the clipboard. The
// annotations come from the store of the AnnotationController. What went wrong, or that
// there is nothing to export, is said in the status bar: nothing here waits on a dialog but the
// file chooser.
class NotesExportActions final : public QObject
{
    Q_OBJECT
public:
    NotesExportActions(MainWindow *window, DocumentSession *session, AnnotationController *annotations);

    QAction *exportAction() const { return m_export; }
    QAction *copyAction() const { return m_copy; }

    // Writes the notes to path (JSON when it ends in .json, else Markdown); false, with the
    // reason in the status bar, when there is nothing to write or the file cannot be written.
    bool exportTo(const QString &path);
    // Copies the notes as Markdown; false, with the reason in the status bar, when there are none.
    bool copyMarkdown();

private:
    enum class Format { Markdown, Json };
    // The notes of the open document in format, or why there are none, in words.
    Result<QByteArray, QString> render(Format format, const QString &sourceFileName) const;
    void chooseFile();
    void report(const QString &message) const;

    MainWindow *m_window;
    DocumentSession *m_session;
    AnnotationController *m_annotations;
    QAction *m_export = nullptr;
    QAction *m_copy = nullptr;
};

} // namespace Pizhu
