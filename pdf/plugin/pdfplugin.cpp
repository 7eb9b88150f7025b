#include "pdfplugin.h"

#include <poppler-qt6.h>

#include <QFileInfo>

#include <algorithm>

using Pizhu::PdfPlugin::Status;

namespace {

// Opens the PDF at path for reading, or says why it cannot be read.
Status openDocument(const QString &path, const QByteArray &password, std::unique_ptr<Poppler::Document> *out)
{
    // Poppler prints its complaints ("Incorrect password", "May not be a PDF file") on standard
    // error; the caller says what went wrong in its own words, once.
    static const bool quiet = [] {
        Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant());
        return true;
    }();
    Q_UNUSED(quiet);

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

} // namespace

Status pizhu_pdf_read_pages_v1(const QString &path, const QByteArray &password, QStringList *pages)
{
    std::unique_ptr<Poppler::Document> doc;
    if (const Status s = openDocument(path, password, &doc); s != Status::Ok)
        return s;
    QStringList texts;
    bool anyText = false;
    for (int i = 0; i < doc->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        QString text = page ? page->text(QRectF()) : QString();
        // The importer reads page boundaries from form feeds, so the text must not hold its own.
        text.replace(u'\f', u'\n');
        anyText = anyText || !text.trimmed().isEmpty();
        texts.append(text);
    }
    if (!anyText)
        return Status::NoText;
    *pages = std::move(texts);
    return Status::Ok;
}

namespace {

// The outline's entries in reading order, each with its depth; an entry that points outside the
// document keeps page -1 (PdfLayout then leaves it out).
void collectOutline(
    const QVector<Poppler::OutlineItem> &items, int depth, int pageCount, QList<Pizhu::PdfBookmark> *out)
{
    if (depth > 16) // a hostile file can nest its outline without end
        return;
    for (const Poppler::OutlineItem &item : items) {
        Pizhu::PdfBookmark mark;
        mark.title = item.name();
        mark.depth = depth;
        if (const QSharedPointer<const Poppler::LinkDestination> to = item.destination()) {
            const int page = to->pageNumber() - 1;
            mark.page = page >= 0 && page < pageCount ? page : -1;
            if (to->isChangeTop() && to->top() >= 0 && to->top() <= 1)
                mark.top = to->top();
        }
        out->append(mark);
        if (item.hasChildren())
            collectOutline(item.children(), depth + 1, pageCount, out);
    }
}

} // namespace

Status pizhu_pdf_read_content_v1(
    const QString &path, const QByteArray &password, int firstPage, int pageLimit, Pizhu::PdfContent *content)
{
    std::unique_ptr<Poppler::Document> doc;
    if (const Status s = openDocument(path, password, &doc); s != Status::Ok)
        return s;
    Pizhu::PdfContent result;
    result.pageCount = doc->numPages();
    const int first = std::clamp(firstPage, 0, result.pageCount);
    const int end = int(std::min<qint64>(result.pageCount, qint64(first) + std::max(pageLimit, 0)));
    result.firstPage = first;
    result.pages.reserve(end - first);
    for (int i = first; i < end; ++i) {
        Pizhu::PageWords words;
        if (std::unique_ptr<Poppler::Page> page = doc->page(i)) {
            words.size = page->pageSizeF();
            for (const std::unique_ptr<Poppler::TextBox> &box : page->textList())
                words.words.append({ box->text(), box->boundingBox() });
        }
        result.pages.append(std::move(words));
    }
    if (first == 0)
        collectOutline(doc->outline(), 0, doc->numPages(), &result.bookmarks);
    *content = std::move(result);
    return Status::Ok;
}
