#pragma once

#include "document.h"
#include "pdfreader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Pizhu::Cli {

// Writers for standard output and standard error in UTF-8, whatever the locale.
void out(const QString &text);
void err(const QString &text);

// The password of an encrypted PDF, from --password PASS. main() takes the option out of the
// arguments before the subcommand parses them, so every command that reads a FILE accepts it
// without knowing of it; it is set once per process, before the command runs. Empty: none given.
void setPdfPassword(const QByteArray &password);

// Takes `name VALUE` (or `name=VALUE`) out of args, up to a "--" that ends the options; the last
// one given wins. Returns false, with *error set, when name has no value; *value is left alone
// when the option is not there.
bool takeValueOption(QStringList &args, const QString &name, QString *value, QString *error);
// Takes --password PASS (or --password=PASS) out of args, up to a "--" that ends the options.
// Returns false, with *error set, when --password has no value.
bool takePasswordOption(QStringList &args, QByteArray *password, QString *error);

// Reads FILE (or standard input for "-") and imports it; a PDF with the password of
// setPdfPassword(). On failure prints one line on stderr
// naming the file and the reason, and returns nothing; the caller exits with Unreadable.
std::optional<Document> loadDocument(const QString &path);

// The password setPdfPassword() was given, and whether path is a regular file holding a PDF.
QByteArray pdfPasswordOption();
bool isPdfFile(const QString &path);
// "the PDF is damaged and cannot be read", ...: one PdfReader failure in words.
QString describePdfError(PdfError error);

// Prints "pizhu: MESSAGE" and the subcommand's usage line; returns BadUsage.
int usageError(const QString &commandName, const QString &message);

// text as one field of the tab-separated output: tabs and line breaks become spaces, since they
// part fields and records.
QString flatField(QString text);

} // namespace Pizhu::Cli
