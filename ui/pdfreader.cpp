#include "ui/pdfreader.h"

#include <poppler-qt6.h>

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

bool PdfReader::looksLikePdf(const QByteArray &head)
{
    return head.left(1024).contains("%PDF-");
}

Result<QStringList, PdfError> PdfReader::readPages(const QString &path, const QByteArray &password)
{
    using R = Result<QStringList, PdfError>;
    // Poppler prints its complaints ("Incorrect password", "May not be a PDF file") on standard
    // error; the caller says what went wrong in its own words, once.
    static const bool quiet = [] {
        Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant());
        return true;
    }();
    Q_UNUSED(quiet);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !looksLikePdf(file.read(1024)))
        return R::failure(PdfError::NotPdf);
    file.close();

    // The same password is tried as the owner's and as the user's: the reader knows one of them. A
    // PDF encrypted with an empty user password (an owner password only, to restrict printing or
    // copying) opens without one, as in every PDF viewer.
    std::unique_ptr<Poppler::Document> doc = Poppler::Document::load(path, password, password);
    if (!doc) // gone since it was opened above: not damaged, and the caller says what it is now
        return R::failure(QFileInfo(path).isFile() ? PdfError::Damaged : PdfError::NotPdf);
    if (doc->isLocked())
        return R::failure(password.isEmpty() ? PdfError::Encrypted : PdfError::WrongPassword);

    QStringList pages;
    bool anyText = false;
    for (int i = 0; i < doc->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        QString text = page ? page->text(QRectF()) : QString();
        // The importer reads page boundaries from form feeds, so the text must not hold its own.
        text.replace(u'\f', u'\n');
        anyText = anyText || !text.trimmed().isEmpty();
        pages.append(text);
    }
    if (pages.isEmpty())
        return R::failure(PdfError::Damaged);
    if (!anyText)
        return R::failure(PdfError::NoText);
    return pages;
}

} // namespace Pizhu
