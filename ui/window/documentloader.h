#pragma once

#include "document.h"
#include "importer.h"
#include "panecontent.h"
#include "pdfreader.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Pizhu {

// A document ready to show: the imported Document and both panes already rendered.
struct LoadedDocument
{
    QString path;
    std::shared_ptr<const Document> document;
    QByteArray hash; // Document::hash(), computed on the worker because it reads all the text
    QByteArray password; // the one that opened an encrypted PDF; empty otherwise
    std::unique_ptr<PaneContent> main; // the first part
    std::unique_ptr<PaneContent> commentary; // every later part; null when there is none
};

// Why a file could not be opened: the import's reason, or for a PDF what reading it reported.
struct LoadFailure
{
    ImportError import = ImportError::Unreadable;
    std::optional<PdfError> pdf;
};

// Imports and renders a file on a worker thread (QtConcurrent) so that a large file never
// freezes the window. A PDF is read page by page (PdfReader) and imported from its pages; a long
// one shows its opening pages first (opening()). One load at a time: starting another cancels the
// one in flight.
class DocumentLoader final : public QObject
{
    Q_OBJECT
public:
    // A loader whose parent is a widget asks for the password of an encrypted PDF with a dialog
    // over it (PdfPasswordPrompt); one without a provider reports the PDF as encrypted.
    explicit DocumentLoader(QObject *parent = nullptr);
    ~DocumentLoader() override;

    // A PDF larger than this shows its opening pages while the rest is read. Below it a PDF is read
    // whole in a fraction of a second, less than it takes to notice an opening come and go: half a
    // megabyte is some 150 typeset pages.
    static constexpr qint64 PdfOpeningAbove = 512 * 1024;

    // style is what the panes are rendered with (see PaneStyle).
    void load(const QString &path, const PaneStyle &style = {});
    // The same on the calling thread, for a small file at start-up: a thread hop and an empty
    // window painted first would cost more than the import itself.
    void loadNow(const QString &path, const PaneStyle &style = {});
    void cancel();
    bool isLoading() const { return m_loading; }

    // Asks for the password of an encrypted PDF and answers through reply, then or later: the
    // password, or nothing when the reader gave up (the load is then cancelled and the current
    // document stays). wrongPassword: the last one given did not open the file.
    using PasswordReply = std::function<void(const std::optional<QByteArray> &password)>;
    using PasswordProvider
        = std::function<void(const QString &path, bool wrongPassword, const PasswordReply &reply)>;
    void setPasswordProvider(PasswordProvider provider) { m_passwordProvider = std::move(provider); }
    bool isAwaitingPassword() const { return m_awaitingPassword; }

    // The reason a file could not be opened, for a dialog.
    static QString describe(ImportError error);
    static QString describe(PdfError error);
    static QString describe(const LoadFailure &failure);

signals:
    void started(const QString &path);
    void progress(double fraction);
    // The first pages of a long PDF (PdfReader::OpeningPages), rendered on their own while the rest
    // is read: opening->main only, and no Document. Comes before loaded, and never from loadNow.
    void opening(const std::shared_ptr<Pizhu::LoadedDocument> &opening);
    void loaded(const std::shared_ptr<Pizhu::LoadedDocument> &document);
    void failed(const QString &path, const Pizhu::LoadFailure &failure);
    void cancelled(const QString &path);

private:
    struct Request
    {
        QString path;
        PaneStyle style;
        QByteArray password;
        bool typed = false; // the password was just given by the reader, not remembered
    };
    void start(const Request &request, bool now);
    void finish(const Request &request, const Result<std::shared_ptr<LoadedDocument>, LoadFailure> &outcome,
        const std::atomic_bool &cancelled);
    bool askPassword(const Request &request, const LoadFailure &failure);

    std::shared_ptr<std::atomic_bool> m_cancel;
    int m_generation = 0;
    bool m_loading = false;
    bool m_awaitingPassword = false;
    QString m_awaitingPath;
    PasswordProvider m_passwordProvider;
    // The passwords that opened PDFs in this session, so that reopening one (Reload, Open Recent)
    // does not ask again. Kept in memory only, never written anywhere.
    QHash<QString, QByteArray> m_passwords;
};

} // namespace Pizhu
