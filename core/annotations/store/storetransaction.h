#pragma once

#include "annotationstore.h"

namespace Pizhu {

// One transaction of the store, for the scope it lives in: constructed, it begins (BEGIN
// IMMEDIATE, or a savepoint inside a transaction already open); destroyed without commit(), it
// rolls back. So every early return of a failing write leaves the store as it was.
//
//     StoreTransaction tx(*this);
//     if (!tx.began())
//         return R::failure(tx.error());
//     ... writes, each returning on failure ...
//     if (auto c = tx.commit(); !c)
//         return R::failure(c.error());
class StoreTransaction final
{
public:
    explicit StoreTransaction(AnnotationStore &store);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    bool began() const { return m_began; }
    // Why it did not begin (the store is read-only, another process holds the lock ...).
    const StoreFailure &error() const { return m_error; }
    // Keeps the writes; a commit that fails rolls back. Either way the transaction is over.
    Result<bool, StoreFailure> commit();

private:
    AnnotationStore &m_store;
    StoreFailure m_error;
    bool m_began = false;
    bool m_open = false;
};

} // namespace Pizhu
