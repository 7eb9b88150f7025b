#include "windowassembly.h"

#include "annotationactions.h"
#include "annotationcontroller.h"
#include "annotationstore.h"
#include "documentsession.h"
#include "documentview.h"
#include "filewatchactions.h"
#include "findactions.h"
#include "mainwindow.h"
#include "notesexportactions.h"
#include "notessearchactions.h"
#include "originaltextactions.h"
#include "pageactions.h"
#include "pdfmarkupactions.h"
#include "storenoticebar.h"
#include "targetsactions.h"
#include "themeactions.h"

namespace Pizhu {

namespace {

// The controller of the annotations on the database at dbPath; one without a store, and the
// reason, when the database cannot be opened. What became of the database (recovered from a
// damaged file, or refused) is said in a bar above the text until the reader dismisses it.
AnnotationController *openAnnotations(MainWindow *window, const QString &dbPath)
{
    const QString path = AnnotationStore::resolvePath(dbPath);
    auto opened = AnnotationStore::open(path, window);
    auto *notice = new StoreNoticeBar(window);
    window->addNoticeBar(notice);
    if (opened) {
        AnnotationStore *store = opened.value().release(); // owned by the window, its parent
        if (const QString recovered = StoreNoticeBar::recoveredText(*store); !recovered.isEmpty())
            notice->showNotice(recovered);
        return new AnnotationController(store, window);
    }
    auto *controller = new AnnotationController(nullptr, window);
    const QString reason = StoreNoticeBar::failureText(path, opened.error());
    controller->setUnavailableReason(reason);
    notice->showNotice(reason);
    return controller;
}

} // namespace

AssembledWindow assembleWindow(QSettings *settings, const QString &dbPath)
{
    AssembledWindow parts;
    parts.session = new DocumentSession;
    parts.window = std::make_unique<MainWindow>(settings, parts.session);
    MainWindow *window = parts.window.get();
    DocumentSession *session = parts.session;
    parts.annotationController = openAnnotations(window, dbPath);
    AnnotationController *annotations = parts.annotationController;

    // The order is the order of the menu entries and of the docks each adds.
    parts.find = new FindActions(window, session);
    parts.fileWatch = new FileWatchActions(window, session);
    parts.targets = new TargetsActions(window, session, annotations);
    parts.notesExport = new NotesExportActions(window, session, annotations, settings);
    parts.pdfMarkup = new PdfMarkupActions(window, session, annotations);
    parts.originalText = new OriginalTextActions(window, session);
    parts.pages = new PageActions(window, session, annotations, settings);
    parts.annotations = new AnnotationActions(window, session, annotations);
    // After AnnotationActions, which gives the controller each new document first: a hit in
    // another document is shown once the controller holds that document's annotations.
    parts.notesSearch = new NotesSearchActions(window, session, annotations, parts.annotations->dock());
    // Last, so that every pane the features made takes the theme (its menu goes in its own place).
    parts.theme = new ThemeActions(window, settings);
    return parts;
}

} // namespace Pizhu
