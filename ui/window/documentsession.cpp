#include "documentsession.h"

namespace Pizhu {

DocumentSession::DocumentSession(QObject *parent) : QObject(parent)
{ }

void DocumentSession::requestOpen(const QString &path)
{
    emit openRequested(path);
}

void DocumentSession::beginLoading(const QString &path)
{
    m_loading = true;
    emit loadStarted(path);
}

void DocumentSession::endLoading()
{
    m_loading = false;
}

void DocumentSession::setDocument(std::shared_ptr<const Document> document, const QString &path,
    const QByteArray &hash, const QByteArray &password)
{
    m_loading = false;
    m_document = std::move(document);
    m_path = path;
    m_hash = hash;
    m_password = password;
    emit documentChanged();
}

void DocumentSession::reportFailure(const QString &path, const QString &message)
{
    m_loading = false;
    emit loadFailed(path, message);
}

} // namespace Pizhu
