#pragma once

#include "annotationstore.h"
#include "document.h"

#include <QString>

#include <memory>

namespace Pizhu::Cli {

// Shared by `pizhu export` and `pizhu import`: the notes database and the words for its errors.

QString describeStoreFailure(const StoreFailure &failure);

// The exit status for a store failure: Unreadable for a file that is not a notes database or
// cannot be read, Failure for the user's mistake (no such note), StoreFailed for the rest.
int storeFailureExit(const StoreFailure &failure);

// Opens the database at --db PATH, else $PIZHU_DB, else the app-data folder. On failure prints
// one line on stderr, sets *failureExit and returns nothing. A damaged store that was replaced by
// the notes recovered from it is said on stderr and remembered for storeWasRecovered().
std::unique_ptr<AnnotationStore> openNotesStore(const QString &dbOption, int *failureExit);

// Whether this run's store was recovered from a damaged one: main() then exits StoreRecovered
// instead of Success, so a script notices.
bool storeWasRecovered();

// Records doc (read from path) in store, re-anchoring its notes if the text changed since they
// were made. Standard input has no path to know it by and is looked up by its hash alone.
bool syncWithStore(AnnotationStore &store, const Document &doc, const QString &path);

} // namespace Pizhu::Cli
