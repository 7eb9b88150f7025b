#include "notesexportactions.h"

#include "annotationcontroller.h"
#include "annotationstore.h"
#include "documentsession.h"
#include "mainwindow.h"
#include "markdownexporter.h"
#include "savebytes.h"
#include "webannotationjson.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

constexpr int MessageTimeout = 8000;

} // namespace

NotesExportActions::NotesExportActions(
    MainWindow *window, DocumentSession *session, AnnotationController *annotations)
    : QObject(window), m_window(window), m_session(session), m_annotations(annotations)
{
    QMenu *file = window->menu(MainWindow::Menu::File);
    m_export = new QAction(tr("&Export Notes…"), this);
    m_export->setObjectName(u"exportNotesAction"_s);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_export, &QAction::triggered, this, &NotesExportActions::chooseFile);
    // Beside the other file actions, above Quit.
    const QList<QAction *> fileActions = file->actions();
    QAction *separator = nullptr;
    for (QAction *a : fileActions)
        if (a->isSeparator())
            separator = a;
    file->insertAction(separator, m_export);

    m_copy = window->menu(MainWindow::Menu::Edit)
                 ->addAction(tr("Copy Notes as &Markdown"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                     this, [this] { copyMarkdown(); });
    m_copy->setObjectName(u"copyNotesMarkdownAction"_s);
}

Result<QByteArray, QString> NotesExportActions::render(Format format, const QString &sourceFileName) const
{
    using R = Result<QByteArray, QString>;
    const Document *doc = m_session->document();
    if (!doc)
        return R::failure(tr("No document is open."));
    const AnnotationStore *store = m_annotations->store();
    if (!store)
        return R::failure(tr("Notes cannot be exported: the annotation database is not open."));
    const auto annotations = store->list(doc->hash());
    if (!annotations)
        return R::failure(tr("Notes cannot be exported: the annotation database cannot be read (%1).")
                              .arg(annotations.error().detail));

    ExportOptions options;
    options.sourceFileName = sourceFileName;
    auto describe = [](ExportError error) {
        return error == ExportError::NoAnnotations ? tr("This document has no notes to export.")
                                                   : tr("No notes match the export filters.");
    };
    if (format == Format::Json) {
        const auto selected = options.select(annotations.value());
        if (!selected)
            return R::failure(describe(selected.error()));
        return WebAnnotationJson::write(selected.value(), *doc);
    }
    const auto markdown = MarkdownExporter().exportNotes(*doc, annotations.value(), options);
    if (!markdown)
        return R::failure(describe(markdown.error()));
    return markdown.value().toUtf8();
}

bool NotesExportActions::exportTo(const QString &path)
{
    const Format format = path.endsWith(u".json"_s, Qt::CaseInsensitive) ? Format::Json : Format::Markdown;
    const auto bytes = render(format, QFileInfo(m_session->path()).fileName());
    if (!bytes) {
        report(bytes.error());
        return false;
    }
    if (const QString failure = saveBytes(path, bytes.value()); !failure.isEmpty()) {
        report(failure);
        return false;
    }
    report(tr("Notes exported to “%1”.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool NotesExportActions::copyMarkdown()
{
    const auto bytes = render(Format::Markdown, QFileInfo(m_session->path()).fileName());
    if (!bytes) {
        report(bytes.error());
        return false;
    }
    QGuiApplication::clipboard()->setText(QString::fromUtf8(bytes.value()));
    report(tr("Notes copied as Markdown."));
    return true;
}

void NotesExportActions::chooseFile()
{
    if (!m_session->document())
        return;
    const QFileInfo source(m_session->path());
    const QString suggested = QDir::home().filePath(tr("%1 notes").arg(source.completeBaseName()) + u".md"_s);
    QString selectedFilter;
    const QString markdownFilter = tr("Markdown (*.md)");
    const QString jsonFilter = tr("Web Annotations JSON (*.json)");
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Notes"), suggested, markdownFilter + u";;"_s + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    // The chosen filter decides the format when the name has no known extension.
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"md" && suffix != u"json")
        path += selectedFilter == jsonFilter ? u".json"_s : u".md"_s;
    exportTo(path);
}

void NotesExportActions::report(const QString &message) const
{
    m_window->statusBar()->showMessage(message, MessageTimeout);
}

} // namespace Pizhu
