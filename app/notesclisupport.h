#pragma once

#include "annotationstore.h"
#include "document.h"

#include <QString>

#include <memory>

namespace Pizhu::Cli {

// Shared by `pizhu export` and `pizhu import`: the notes database and the words for its errors.

QString describeStoreFailure(const StoreFailure &failure);

// Opens the database at --db PATH, else $PIZHU_DB, else the app-data folder; prints one line on
// stderr and returns nothing on failure.
std::unique_ptr<AnnotationStore> openNotesStore(const QString &dbOption);

// Records doc (read from path) in store, re-anchoring its notes if the text changed since they
// were made. Standard input has no path to know it by and is looked up by its hash alone.
bool syncWithStore(AnnotationStore &store, const Document &doc, const QString &path);

} // namespace Pizhu::Cli
