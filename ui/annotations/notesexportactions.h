#pragma once

#include "annotation.h"
#include "exportoptions.h"
#include "result.h"

#include <QObject>

class QAction;
class QSettings;

namespace Pizhu {

class AnnotationController;
class DocumentSession;
class MainWindow;

// Puts the notes export into a MainWindow: File > Export Notes… writes the open document's
// annotations as Markdown (MarkdownExporter) or, for a .json file, as W3C Web Annotations
// (WebAnnotationJson); Edit > Copy Notes as Markdown puts the Markdown on the clipboard. The
// annotations come from the store of the AnnotationController. Before the file chooser, an
// ExportNotesDialog offers the colour and tag filters and the grouping; the file is named after the
// document's title, in the folder of the last export. What went wrong, or that there is nothing to
// export, is said in the status bar.
class NotesExportActions final : public QObject
{
    Q_OBJECT
public:
    // settings (which may be null) keeps the export choices and folder; it must outlive this.
    NotesExportActions(MainWindow *window, DocumentSession *session, AnnotationController *annotations,
        QSettings *settings = nullptr);

    QAction *exportAction() const { return m_export; }
    QAction *copyAction() const { return m_copy; }

    // Writes the notes to path (JSON when it ends in .json, else Markdown); false, with the
    // reason in the status bar, when there is nothing to write or the file cannot be written.
    bool exportTo(const QString &path, const ExportOptions &options = {});
    // The file name the chooser offers: the document's title (its file's name when it has none)
    // made safe for a file system, then " notes.md".
    QString suggestedFileName() const;
    // Copies the notes as Markdown; false, with the reason in the status bar, when there are none.
    bool copyMarkdown();

private:
    enum class Format { Markdown, Json };
    // The notes of the open document in format, or why there are none, in words.
    Result<QByteArray, QString> render(Format format, ExportOptions options) const;
    // The open document's annotations, or why they cannot be had, in words.
    Result<QList<Annotation>, QString> annotations() const;
    void chooseFile();
    void report(const QString &message) const;

    MainWindow *m_window;
    DocumentSession *m_session;
    AnnotationController *m_annotations;
    QSettings *m_settings;
    QAction *m_export = nullptr;
    QAction *m_copy = nullptr;
};

} // namespace Pizhu
