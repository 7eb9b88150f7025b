#include "pdfplugin.h"
#include "popplerdocument.h"

#include <poppler-qt6.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <QFile>
#include <QFileInfo>

#include <algorithm>

using Pizhu::PdfPlugin::openDocument;
using Pizhu::PdfPlugin::silencePoppler;
using Pizhu::PdfPlugin::Status;

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

// The box of each UTF-16 unit of text: Poppler gives one a Unicode character (a surrogate pair's
// halves share it). Empty when it gives another number of boxes than the text has characters
// (Poppler warns that glyphs and characters may differ in complex scripts).
QList<QRectF> charBoxes(const poppler::text_box &word, const QString &text)
{
    QList<QRectF> boxes;
    boxes.reserve(text.size());
    size_t index = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const poppler::rectf r = word.char_bbox(index);
        if (r.width() <= 0 && r.height() <= 0)
            return {};
        boxes.append(QRectF(r.x(), r.y(), r.width(), r.height()));
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++index;
    }
    const poppler::rectf beyond = word.char_bbox(index);
    if (beyond.width() > 0 || beyond.height() > 0)
        return {};
    return boxes;
}

} // namespace

Status pizhu_pdf_read_content_v1(
    const QString &path, const QByteArray &password, int firstPage, int pageLimit, Pizhu::PdfContent *content)
{
    Pizhu::PdfContent result;
    // The first range checks the document as readPages does (locked, damaged) and brings the
    // outline, through the Qt binding; the words come through the C++ binding, which names fonts.
    if (firstPage <= 0) {
        std::unique_ptr<Poppler::Document> doc;
        if (const Status s = openDocument(path, password, &doc); s != Status::Ok)
            return s;
        collectOutline(doc->outline(), 0, doc->numPages(), &result.bookmarks);
    }
    silencePoppler();
    const std::string file = QFile::encodeName(path).toStdString();
    const std::string secret = password.toStdString();
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(file, secret, secret));
    if (!doc || doc->is_locked())
        return QFileInfo(path).isFile() ? Status::Damaged : Status::NotPdf; // changed since the first range
    result.pageCount = doc->pages();
    const int first = std::clamp(firstPage, 0, result.pageCount);
    const int end = int(std::min<qint64>(result.pageCount, qint64(first) + std::max(pageLimit, 0)));
    result.firstPage = first;
    result.pages.reserve(end - first);
    for (int i = first; i < end; ++i) {
        Pizhu::PageWords words;
        if (std::unique_ptr<poppler::page> page { doc->create_page(i) }) {
            const poppler::rectf box = page->page_rect(poppler::crop_box);
            words.size = QSizeF(box.width(), box.height());
            for (const poppler::text_box &word : page->text_list(poppler::page::text_list_include_font)) {
                const poppler::byte_array utf8 = word.text().to_utf8();
                const poppler::rectf r = word.bbox();
                Pizhu::PageWord w { QString::fromUtf8(utf8.data(), qsizetype(utf8.size())),
                    QRectF(r.x(), r.y(), r.width(), r.height()),
                    QString::fromStdString(word.get_font_name(0)), {} };
                w.chars = charBoxes(word, w.text);
                words.words.append(std::move(w));
            }
        }
        result.pages.append(std::move(words));
    }
    *content = std::move(result);
    return Status::Ok;
}
