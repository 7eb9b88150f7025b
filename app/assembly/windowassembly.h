#pragma once

#include <QString>

#include <memory>

class QSettings;

namespace Pizhu {

class AnnotationActions;
class AnnotationController;
class DocumentSession;
class FileWatchActions;
class FindActions;
class MainWindow;
class NotesExportActions;
class NotesSearchActions;
class OriginalTextActions;
class PageActions;
class PdfMarkupActions;
class TargetsActions;
class ThemeActions;

// The reading window with every feature built and connected: the one place that knows which
// features there are and what each needs. The window owns them all; the pointers are for the
// caller's convenience (tests reach the features through them).
struct AssembledWindow
{
    std::unique_ptr<MainWindow> window;
    DocumentSession *session = nullptr;
    AnnotationController *annotationController = nullptr;
    FindActions *find = nullptr;
    FileWatchActions *fileWatch = nullptr;
    TargetsActions *targets = nullptr;
    NotesExportActions *notesExport = nullptr;
    PdfMarkupActions *pdfMarkup = nullptr;
    OriginalTextActions *originalText = nullptr;
    AnnotationActions *annotations = nullptr;
    NotesSearchActions *notesSearch = nullptr;
    PageActions *pages = nullptr;
    ThemeActions *theme = nullptr;
};

// Builds the window on settings (which must outlive it) and opens the annotation database at
// AnnotationStore::resolvePath(dbPath). Without a usable database the window still works,
// highlighting off and the status bar saying why.
AssembledWindow assembleWindow(QSettings *settings, const QString &dbPath);

} // namespace Pizhu
