#include "notesclisupport.h"

#include "clisupport.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {

QString describeStoreFailure(const StoreFailure &f)
{
    switch (f.kind) {
    case StoreError::NewerSchema:
        return u"made by a newer Pizhu; not changed (%1)"_s.arg(f.detail);
    case StoreError::Corrupt:
        return u"the database is damaged and could not be moved aside"_s;
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

std::unique_ptr<AnnotationStore> openNotesStore(const QString &dbOption)
{
    const QString path = AnnotationStore::resolvePath(dbOption);
    auto store = AnnotationStore::open(path);
    if (!store) {
        err(u"pizhu: %1: %2\n"_s.arg(path, describeStoreFailure(store.error())));
        return nullptr;
    }
    if (!store.value()->movedAsidePath().isEmpty())
        err(u"pizhu: %1 was damaged; it was moved to %2 and a new database started\n"_s.arg(
            path, store.value()->movedAsidePath()));
    return std::move(store).value();
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
