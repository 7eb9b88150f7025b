#include "notesexportactions.h"

#include "annotationcontroller.h"
#include "annotationstore.h"
#include "documentsession.h"
#include "exportnotesdialog.h"
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
#include <QRegularExpression>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

constexpr int MessageTimeout = 8000;
const QString LastFolderKey = u"export/folder"_s;

QString noNotes()
{
    return NotesExportActions::tr("This document has no notes to export.");
}

} // namespace

NotesExportActions::NotesExportActions(
    MainWindow *window, DocumentSession *session, AnnotationController *annotations, QSettings *settings)
    : QObject(window), m_window(window), m_session(session), m_annotations(annotations), m_settings(settings)
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

Result<QList<Annotation>, QString> NotesExportActions::annotations() const
{
    using R = Result<QList<Annotation>, QString>;
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
    if (annotations.value().isEmpty())
        return R::failure(noNotes());
    return annotations.value();
}

Result<QByteArray, QString> NotesExportActions::render(Format format, ExportOptions options) const
{
    using R = Result<QByteArray, QString>;
    const auto annotations = this->annotations();
    if (!annotations)
        return R::failure(annotations.error());
    const Document &doc = *m_session->document();
    options.sourceFileName = QFileInfo(m_session->path()).fileName();
    auto describe = [](ExportError error) {
        return error == ExportError::NoAnnotations ? noNotes() : tr("No notes match the export filters.");
    };
    if (format == Format::Json) {
        const auto selected = options.select(annotations.value());
        if (!selected)
            return R::failure(describe(selected.error()));
        return WebAnnotationJson::write(selected.value(), doc);
    }
    const auto markdown = MarkdownExporter().exportNotes(doc, annotations.value(), options);
    if (!markdown)
        return R::failure(describe(markdown.error()));
    return markdown.value().toUtf8();
}

bool NotesExportActions::exportTo(const QString &path, const ExportOptions &options)
{
    const Format format = path.endsWith(u".json"_s, Qt::CaseInsensitive) ? Format::Json : Format::Markdown;
    const auto bytes = render(format, options);
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
    const auto bytes = render(Format::Markdown, {});
    if (!bytes) {
        report(bytes.error());
        return false;
    }
    QGuiApplication::clipboard()->setText(QString::fromUtf8(bytes.value()));
    report(tr("Notes copied as Markdown."));
    return true;
}

QString NotesExportActions::suggestedFileName() const
{
    const Document *doc = m_session->document();
    QString name = doc ? doc->title().simplified() : QString();
    // Characters no file system (or no shell a reader pastes the name into) takes well.
    static const QRegularExpression unsafe(u"[\\x00-\\x1f/\\\\:*?\"<>|]+"_s);
    name.replace(unsafe, u" "_s);
    name = name.simplified();
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    if (name.size() > 60)
        name = name.left(60).trimmed();
    if (name.isEmpty())
        name = QFileInfo(m_session->path()).completeBaseName();
    return tr("%1 notes").arg(name) + u".md"_s;
}

void NotesExportActions::chooseFile()
{
    const auto annotations = this->annotations();
    if (!annotations) {
        report(annotations.error());
        return;
    }
    ExportNotesDialog options(annotations.value(), m_settings, m_window);
    if (options.exec() != QDialog::Accepted)
        return;

    QString folder = m_settings ? m_settings->value(LastFolderKey).toString() : QString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QDir::homePath();
    QString selectedFilter;
    const QString markdownFilter = tr("Markdown (*.md)");
    const QString jsonFilter = tr("Web Annotations JSON (*.json)");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Notes"),
        QDir(folder).filePath(suggestedFileName()), markdownFilter + u";;"_s + jsonFilter, &selectedFilter);
    if (path.isEmpty())
        return;
    // The chosen filter decides the format when the name has no known extension.
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"md" && suffix != u"json")
        path += selectedFilter == jsonFilter ? u".json"_s : u".md"_s;
    if (exportTo(path, options.options()) && m_settings)
        m_settings->setValue(LastFolderKey, QFileInfo(path).absolutePath());
}

void NotesExportActions::report(const QString &message) const
{
    m_window->statusBar()->showMessage(message, MessageTimeout);
}

} // namespace Pizhu
