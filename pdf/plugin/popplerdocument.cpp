#include "popplerdocument.h"

#include <poppler/cpp/poppler-document.h>

#include <QFileInfo>

namespace Pizhu::PdfPlugin {

// Poppler prints its complaints ("Incorrect password", "May not be a PDF file") on standard error,
// through both its bindings; the caller says what went wrong in its own words, once.
void silencePoppler()
{
    static const bool quiet = [] {
        Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant());
        poppler::set_debug_error_function([](const std::string &, void *) {}, nullptr);
        return true;
    }();
    Q_UNUSED(quiet);
}

// Opens the PDF at path for reading, or says why it cannot be read.
Status openDocument(const QString &path, const QByteArray &password, std::unique_ptr<Poppler::Document> *out)
{
    silencePoppler();
    // The same password is tried as the owner's and as the user's: the reader knows one of them. A
    // PDF encrypted with an empty user password (an owner password only, to restrict printing or
    // copying) opens without one, as in every PDF viewer.
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path, password, password);
    if (!doc) // gone since PdfReader looked into it: not damaged, and the caller says what it is now
        return QFileInfo(path).isFile() ? Status::Damaged : Status::NotPdf;
    if (doc->isLocked())
        return password.isEmpty() ? Status::Encrypted : Status::WrongPassword;
    if (doc->numPages() <= 0)
        return Status::Damaged;
    *out = std::move(doc);
    return Status::Ok;
}

} // namespace Pizhu::PdfPlugin
