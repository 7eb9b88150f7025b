#include "annotationstore.h"

#include "storerows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;
using namespace Pizhu::StoreRows;

namespace Pizhu {

QString AnnotationStore::resolvePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return explicitPath;
    const QString fromEnv = qEnvironmentVariable("PIZHU_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/annotations.sqlite"_s;
}

AnnotationStore::AnnotationStore(QString path, QString connection, bool readOnly, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_connection(std::move(connection)), m_readOnly(readOnly)
{ }

AnnotationStore::~AnnotationStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase AnnotationStore::db() const
{
    return QSqlDatabase::database(m_connection, false);
}

StoreFailure AnnotationStore::failure(const QSqlQuery &query) const
{
    return { refineForFullDisk(errorKind(query.lastError()), m_path), query.lastError().text() };
}

StoreFailure AnnotationStore::failure(StoreError kind, const QString &detail) const
{
    return { kind, detail };
}

Result<bool, StoreFailure> AnnotationStore::setDurability(Durability durability)
{
    if (m_readOnly)
        return true; // nothing is written, so nothing waits for the disk
    QSqlQuery q(db());
    if (!q.exec(durability == Durability::Full ? u"PRAGMA synchronous = FULL"_s
                                               : u"PRAGMA synchronous = NORMAL"_s))
        return Result<bool, StoreFailure>::failure(failure(q));
    return true;
}

} // namespace Pizhu
