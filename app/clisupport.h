#pragma once

#include "core/document.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Pizhu::Cli {

// Writers for standard output and standard error in UTF-8, whatever the locale.
void out(const QString &text);
void err(const QString &text);

// Reads FILE (or standard input for "-") and imports it. On failure prints one line on stderr
// naming the file and the reason, and returns nothing; the caller exits with Unreadable.
std::optional<Document> loadDocument(const QString &path);

// Prints "pizhu: MESSAGE" and the subcommand's usage line; returns BadUsage.
int usageError(const QString &commandName, const QString &message);

} // namespace Pizhu::Cli
