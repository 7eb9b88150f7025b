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
#include "targetsactions.h"

#include <QCoreApplication>

namespace Pizhu {

namespace {

// The controller of the annotations on the database at dbPath; one without a store, and the
// reason, when the database cannot be opened.
AnnotationController *openAnnotations(MainWindow *window, const QString &dbPath)
{
    auto opened = AnnotationStore::open(AnnotationStore::resolvePath(dbPath), window);
    if (opened) {
        AnnotationStore *store = opened.value().release(); // owned by the window, its parent
        return new AnnotationController(store, window);
    }
    auto *controller = new AnnotationController(nullptr, window);
    controller->setUnavailableReason(QCoreApplication::translate(
        "Pizhu::AnnotationActions", "The annotation database cannot be opened (%1): highlighting is off.")
                                         .arg(opened.error().detail));
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
    parts.notesExport = new NotesExportActions(window, session, annotations);
    parts.originalText = new OriginalTextActions(window, session);
    parts.annotations = new AnnotationActions(window, session, annotations);
    // After AnnotationActions, which gives the controller each new document first: a hit in
    // another document is shown once the controller holds that document's annotations.
    parts.notesSearch = new NotesSearchActions(window, session, annotations, parts.annotations->dock());
    return parts;
}

} // namespace Pizhu
