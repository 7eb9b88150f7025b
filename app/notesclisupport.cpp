#include "notesclisupport.h"

#include "clisupport.h"
#include "command.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {

QString describeStoreFailure(const StoreFailure &f)
{
    switch (f.kind) {
    case StoreError::NewerSchema:
        return u"made by a newer Pizhu; not changed (%1)"_s.arg(f.detail);
    case StoreError::NotAStore:
        return u"not a Pizhu notes database; it was left as it is (give --db a new file name)"_s;
    case StoreError::Unreadable:
        return u"the notes database cannot be read"_s;
    case StoreError::Corrupt:
        return u"the database is damaged and its notes could not be recovered (%1); it was left as it is"_s
            .arg(f.detail);
    case StoreError::ReadOnly:
        return u"cannot be written (read-only location)"_s;
    case StoreError::DiskFull:
        return u"the disk is full"_s;
    case StoreError::Busy:
        return u"another program is holding the database; try again"_s;
    case StoreError::NotFound:
        return u"not found (%1)"_s.arg(f.detail);
    case StoreError::Invalid:
        return u"refused: %1"_s.arg(f.detail);
    case StoreError::IoError:
        break;
    }
    return u"input/output error (%1)"_s.arg(f.detail);
}

int storeFailureExit(const StoreFailure &failure)
{
    switch (failure.kind) {
    case StoreError::NotAStore:
    case StoreError::Unreadable:
        return Unreadable;
    case StoreError::NotFound:
    case StoreError::Invalid:
        return Failure;
    default:
        return StoreFailed;
    }
}

namespace {
bool recovered = false; // one command per process, see storeWasRecovered()
} // namespace

std::unique_ptr<AnnotationStore> openNotesStore(const QString &dbOption, int *failureExit)
{
    const QString path = AnnotationStore::resolvePath(dbOption);
    auto store = AnnotationStore::open(path);
    if (!store) {
        err(u"pizhu: %1: %2\n"_s.arg(path, describeStoreFailure(store.error())));
        *failureExit = storeFailureExit(store.error());
        return nullptr;
    }
    if (!store.value()->movedAsidePath().isEmpty()) {
        recovered = true;
        const qsizetype n = store.value()->recoveredNotes();
        err(u"pizhu: %1 was damaged; %2 recovered into a new database there; the damaged file is kept as %3\n"_s
                .arg(path, n == 1 ? u"1 note was"_s : u"%1 notes were"_s.arg(n),
                    store.value()->movedAsidePath()));
    }
    return std::move(store).value();
}

bool storeWasRecovered()
{
    return recovered;
}

bool syncWithStore(AnnotationStore &store, const Document &doc, const QString &path)
{
    if (path == u"-" || store.isReadOnly())
        return true;
    const auto sync = store.syncDocument(doc, path);
    if (!sync) {
        err(u"pizhu: %1: %2\n"_s.arg(store.path(), describeStoreFailure(sync.error())));
        return false;
    }
    if (sync->orphaned > 0)
        err(u"pizhu: %1 changed; %2 of %3 notes could not be placed on the new text\n"_s.arg(path)
                .arg(sync->orphaned)
                .arg(sync->total));
    return true;
}

} // namespace Pizhu::Cli
