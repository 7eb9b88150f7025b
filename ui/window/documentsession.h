#pragma once

#include "document.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace Pizhu {

// The document the window shows, its file and its hash, and whether another is being opened:
// the state every feature observes (as Okular's DocumentObserver does) instead of asking the
// window. The window loads files and tells the session when one is shown; features that want a
// file opened ask the session (requestOpen), and whoever shows documents opens it.
class DocumentSession final : public QObject
{
    Q_OBJECT
public:
    explicit DocumentSession(QObject *parent = nullptr);

    const Document *document() const { return m_document.get(); }
    std::shared_ptr<const Document> sharedDocument() const { return m_document; }
    // The file the document was read from; a Qt resource path (":/…") for the bundled one.
    QString path() const { return m_path; }
    QByteArray hash() const { return m_hash; }
    // The password that opened the file, when it is an encrypted PDF; empty otherwise.
    QByteArray password() const { return m_password; }
    bool isLoading() const { return m_loading; }

    // Asks for path to be opened (openRequested); the session changes once it is shown.
    void requestOpen(const QString &path);

    // For the window, which loads and shows documents.
    void beginLoading(const QString &path);
    void endLoading();
    // password: the one that opened an encrypted PDF, for whoever reads the file again (the pages).
    void setDocument(std::shared_ptr<const Document> document, const QString &path, const QByteArray &hash,
        const QByteArray &password = {});
    void reportFailure(const QString &path, const QString &message);

signals:
    void openRequested(const QString &path);
    // A file started loading; the current document stays until documentChanged or loadFailed.
    void loadStarted(const QString &path);
    // The window shows another document (its panes already hold it).
    void documentChanged();
    void loadFailed(const QString &path, const QString &message);

private:
    std::shared_ptr<const Document> m_document;
    QString m_path;
    QByteArray m_hash;
    QByteArray m_password;
    bool m_loading = false;
};

} // namespace Pizhu
