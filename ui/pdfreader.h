#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Pizhu {

enum class PdfError { NotPdf, Damaged, Encrypted, WrongPassword, NoText };

// Reads the text of a PDF page by page through Poppler's Qt binding, in reading order. It lives in
// ui/ because Poppler's Qt binding needs QtGui, which core/ never links; the text then goes
// through the same importer as any other (Importer::importPages), with page boundaries known
// exactly rather than guessed.
class PdfReader
{
public:
    static bool looksLikePdf(const QByteArray &head); // "%PDF-" within the first kilobyte
    // NotPdf also when the file cannot be opened (or went while it was read): the caller then reads
    // it through the importer, which says why. Encrypted: locked and no password given;
    // WrongPassword: locked and the password given opens it neither as owner nor as user.
    static Result<QStringList, PdfError> readPages(const QString &path, const QByteArray &password = {});
};

} // namespace Pizhu
