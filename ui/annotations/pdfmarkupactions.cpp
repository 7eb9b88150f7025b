#include "pdfmarkupactions.h"

#include "annotationcontroller.h"
#include "annotationstore.h"
#include "documentsession.h"
#include "mainwindow.h"
#include "notesimporter.h"
#include "pdfmarkupnotes.h"
#include "pdfreader.h"
#include "savebytes.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStatusBar>
#include <QStyle>
#include <QToolButton>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

constexpr int MessageTimeout = 8000;

bool isPdf(const Document *doc, const QString &path)
{
    return doc && doc->glyphMap() && !path.startsWith(u':') && QFileInfo(path).isFile();
}

} // namespace

PdfMarkupActions::PdfMarkupActions(
    MainWindow *window, DocumentSession *session, AnnotationController *annotations)
    : QObject(window), m_window(window), m_session(session), m_annotations(annotations), m_bar(new QFrame)
{
    QMenu *file = window->menu(MainWindow::Menu::File);
    m_export = new QAction(tr("Export Annotated &PDF…"), this);
    m_export->setObjectName(u"exportAnnotatedPdfAction"_s);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setEnabled(false);
    connect(m_export, &QAction::triggered, this, &PdfMarkupActions::chooseFile);
    // Beside the other exports, above Quit.
    QAction *separator = nullptr;
    for (QAction *a : file->actions())
        if (a->isSeparator())
            separator = a;
    file->insertAction(separator, m_export);

    m_bar->setObjectName(u"pdfMarkupNotice"_s);
    m_bar->setAccessibleName(tr("PDF annotations notice"));
    m_bar->setFrameShape(QFrame::StyledPanel);
    auto *row = new QHBoxLayout(m_bar);
    row->setContentsMargins(8, 3, 4, 3);
    row->setSpacing(8);
    m_text = new QLabel;
    m_text->setObjectName(u"pdfMarkupNoticeText"_s);
    m_text->setTextFormat(Qt::PlainText);
    row->addWidget(m_text);
    m_import = new QAction(tr("&Import Them"), this);
    m_import->setObjectName(u"importPdfMarkupAction"_s);
    m_import->setToolTip(tr("Add the PDF's highlights and notes to Pizhu's notes of this document"));
    connect(m_import, &QAction::triggered, this, &PdfMarkupActions::importPending);
    auto *importButton = new QToolButton;
    importButton->setDefaultAction(m_import);
    importButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    row->addWidget(importButton);
    row->addStretch();
    auto *dismiss
        = new QAction(window->style()->standardIcon(QStyle::SP_TitleBarCloseButton), tr("Dismiss"), this);
    connect(dismiss, &QAction::triggered, m_bar, &QWidget::hide);
    auto *dismissButton = new QToolButton;
    dismissButton->setDefaultAction(dismiss);
    dismissButton->setAutoRaise(true);
    row->addWidget(dismissButton);
    m_bar->hide();
    window->addNoticeBar(m_bar);

    connect(&m_reading, &QFutureWatcher<Read>::finished, this, &PdfMarkupActions::markupArrived);
    connect(session, &DocumentSession::documentChanged, this, &PdfMarkupActions::documentChanged);
}

QString PdfMarkupActions::noticeText() const
{
    return m_bar->isVisible() ? m_text->text() : QString();
}

void PdfMarkupActions::documentChanged()
{
    m_bar->hide();
    m_pending.clear();
    const std::shared_ptr<const Document> doc = m_session->sharedDocument();
    const QString path = m_session->path();
    m_export->setEnabled(isPdf(doc.get(), path));
    if (!isPdf(doc.get(), path))
        return;
    // Poppler reads every page's annotations: off the GUI thread, with the document shared.
    // An encrypted PDF opens again with the password that opened it in the window.
    m_reading.setFuture(QtConcurrent::run([doc, path, password = m_session->password()] {
        Read read { path, doc->hash(), {} };
        if (auto markups = PdfReader::readMarkup(path, password))
            read.notes = PdfMarkupNotes::annotationsFrom(*doc, markups.value());
        return read;
    }));
}

void PdfMarkupActions::markupArrived()
{
    const Read read = m_reading.result();
    if (read.path != m_session->path() || read.hash != m_session->hash())
        return; // another document meanwhile
    const AnnotationStore *store = m_annotations->store();
    m_pending.clear();
    for (const Annotation &a : read.notes)
        if (store && !store->get(a.id))
            m_pending.append(a);
    if (!m_pending.isEmpty()) {
        m_text->setText(tr("This PDF carries %n highlight(s) or note(s) made in another program.", nullptr,
            int(m_pending.size())));
        m_bar->show();
    }
    emit markupRead();
}

bool PdfMarkupActions::importPending()
{
    AnnotationStore *store = m_annotations->store();
    const Document *doc = m_session->document();
    if (!store || !doc || m_pending.isEmpty())
        return false;
    const auto summary = NotesImporter::merge(*store, *doc, m_pending);
    if (!summary) {
        report(tr("The PDF's notes cannot be imported: %1").arg(summary.error().detail));
        return false;
    }
    m_pending.clear();
    m_bar->hide();
    report(tr("%n note(s) imported from the PDF.", nullptr, int(summary->added + summary->updated)));
    return true;
}

Result<QByteArray, QString> PdfMarkupActions::render() const
{
    using R = Result<QByteArray, QString>;
    const Document *doc = m_session->document();
    if (!isPdf(doc, m_session->path()))
        return R::failure(tr("Only a PDF can be exported as an annotated PDF."));
    const AnnotationStore *store = m_annotations->store();
    if (!store)
        return R::failure(tr("Notes cannot be exported: the annotation database is not open."));
    const auto annotations = store->list(doc->hash());
    if (!annotations)
        return R::failure(tr("Notes cannot be exported: the annotation database cannot be read (%1).")
                              .arg(annotations.error().detail));
    const QList<PdfMarkup> markups
        = PdfMarkupNotes::markupsFor(*doc, annotations.value(), PdfMarkupNotes::defaultAuthor());
    if (markups.isEmpty())
        return R::failure(tr("This document has no highlights to put into the PDF."));
    const auto pdf = PdfReader::writeMarkup(m_session->path(), markups, m_session->password());
    if (!pdf)
        return R::failure(pdf.error() == PdfError::Encrypted || pdf.error() == PdfError::WrongPassword
                ? tr("An encrypted PDF cannot be exported with its highlights.")
                : tr("The PDF cannot be read again to write its copy (it changed or went since it was "
                     "opened)."));
    return pdf.value();
}

bool PdfMarkupActions::exportTo(const QString &path)
{
    const QFileInfo target(path);
    const QFileInfo source(m_session->path());
    if (target.exists() && source.exists() && target.canonicalFilePath() == source.canonicalFilePath()) {
        report(tr("The annotated copy cannot replace the PDF itself; choose another name."));
        return false;
    }
    const auto bytes = render();
    if (!bytes) {
        report(bytes.error());
        return false;
    }
    if (const QString failure = saveBytes(path, bytes.value()); !failure.isEmpty()) {
        report(failure);
        return false;
    }
    report(tr("Annotated PDF written to “%1”.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void PdfMarkupActions::chooseFile()
{
    if (!m_session->document())
        return;
    const QFileInfo source(m_session->path());
    const QString suggested
        = source.dir().filePath(tr("%1 (annotated)").arg(source.completeBaseName()) + u".pdf"_s);
    QString path
        = QFileDialog::getSaveFileName(m_window, tr("Export Annotated PDF"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().toLower() != u"pdf")
        path += u".pdf"_s;
    exportTo(path);
}

void PdfMarkupActions::report(const QString &message) const
{
    m_window->statusBar()->showMessage(message, MessageTimeout);
}

} // namespace Pizhu
