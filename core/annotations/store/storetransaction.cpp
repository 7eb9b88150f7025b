#include "storetransaction.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

Result<bool, StoreFailure> AnnotationStore::begin()
{
    if (m_readOnly)
        return Result<bool, StoreFailure>::failure({ StoreError::ReadOnly, m_path });
    QSqlQuery q(db());
    // IMMEDIATE takes the write lock now, so a second process waits on the busy timeout here
    // instead of failing later when a read transaction cannot be upgraded.
    if (!q.exec(m_depth == 0 ? u"BEGIN IMMEDIATE"_s : u"SAVEPOINT nested%1"_s.arg(m_depth)))
        return Result<bool, StoreFailure>::failure(failure(q));
    ++m_depth;
    return true;
}

Result<bool, StoreFailure> AnnotationStore::commit()
{
    QSqlQuery q(db());
    const bool outermost = m_depth == 1;
    if (!q.exec(outermost ? u"COMMIT"_s : u"RELEASE nested%1"_s.arg(m_depth - 1))) {
        const StoreFailure f = failure(q);
        rollback();
        return Result<bool, StoreFailure>::failure(f);
    }
    --m_depth;
    return true;
}

void AnnotationStore::rollback()
{
    if (m_depth <= 0)
        return;
    --m_depth;
    QSqlQuery q(db());
    if (m_depth == 0) {
        q.exec(u"ROLLBACK"_s);
        return;
    }
    q.exec(u"ROLLBACK TO nested%1"_s.arg(m_depth));
    q.exec(u"RELEASE nested%1"_s.arg(m_depth));
}

Result<bool, StoreFailure> AnnotationStore::transaction(
    const std::function<Result<bool, StoreFailure>()> &work)
{
    StoreTransaction tx(*this);
    if (!tx.began())
        return Result<bool, StoreFailure>::failure(tx.error());
    if (auto done = work(); !done)
        return done;
    return tx.commit();
}

StoreTransaction::StoreTransaction(AnnotationStore &store) : m_store(store)
{
    auto b = m_store.begin();
    m_began = m_open = bool(b);
    if (!b)
        m_error = b.error();
}

StoreTransaction::~StoreTransaction()
{
    if (m_open)
        m_store.rollback();
}

Result<bool, StoreFailure> StoreTransaction::commit()
{
    if (!m_open)
        return Result<bool, StoreFailure>::failure(
            m_began ? StoreFailure { StoreError::Invalid, u"the transaction is over"_s } : m_error);
    m_open = false; // AnnotationStore::commit() rolls back itself when the commit fails
    return m_store.commit();
}

} // namespace Pizhu
