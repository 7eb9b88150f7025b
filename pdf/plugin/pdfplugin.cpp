#include "pdfplugin.h"
#include "popplerdocument.h"

#include <poppler-qt6.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QPolygonF>
#include <QSet>

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

Status pizhu_pdf_read_content_v2(const QString &path, const QByteArray &password, int firstPage,
    int pageLimit, const std::function<bool()> &nextPage, Pizhu::PdfContent *content)
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
        if (nextPage && !nextPage())
            return Status::Cancelled;
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

namespace {

using Pizhu::PdfMarkup;

QColor colorOf(quint32 rgb)
{
    return QColor(int((rgb >> 16) & 0xff), int((rgb >> 8) & 0xff), int(rgb & 0xff));
}

quint32 rgbOf(const QColor &color)
{
    return color.isValid()
        ? (quint32(color.red()) << 16) | (quint32(color.green()) << 8) | quint32(color.blue())
        : 0xffff00; // a highlight without /C shows yellow in every reader
}

// Poppler's annotations take coordinates as fractions of the page, from its top left corner.
QRectF normalized(const QRectF &box, const QSizeF &page)
{
    return QRectF(box.x() / page.width(), box.y() / page.height(), box.width() / page.width(),
        box.height() / page.height());
}

QRectF inPoints(const QRectF &box, const QSizeF &page)
{
    return QRectF(box.x() * page.width(), box.y() * page.height(), box.width() * page.width(),
        box.height() * page.height());
}

std::unique_ptr<Poppler::Annotation> annotationOf(const PdfMarkup &m, const QSizeF &page)
{
    QRectF bounds;
    for (const QRectF &box : m.boxes)
        bounds = bounds.united(box);
    std::unique_ptr<Poppler::Annotation> annotation;
    if (m.kind == PdfMarkup::Kind::Text) {
        annotation = std::make_unique<Poppler::TextAnnotation>(Poppler::TextAnnotation::Linked);
    } else {
        auto highlight = std::make_unique<Poppler::HighlightAnnotation>();
        highlight->setHighlightType(m.kind == PdfMarkup::Kind::Underline
                ? Poppler::HighlightAnnotation::Underline
                : m.kind == PdfMarkup::Kind::StrikeOut ? Poppler::HighlightAnnotation::StrikeOut
                : m.kind == PdfMarkup::Kind::Squiggly  ? Poppler::HighlightAnnotation::Squiggly
                                                       : Poppler::HighlightAnnotation::Highlight);
        QList<Poppler::HighlightAnnotation::Quad> quads;
        for (const QRectF &box : m.boxes) {
            const QRectF r = normalized(box, page);
            // Clockwise from the top left, as Poppler's Qt binding takes them; it writes them in
            // the order the PDF specification's readers expect (top left, top right, bottom left,
            // bottom right).
            quads.append({ { r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft() }, false, false, 0 });
        }
        highlight->setHighlightQuads(quads);
        annotation = std::move(highlight);
    }
    annotation->setBoundary(normalized(bounds, page));
    annotation->setContents(m.contents);
    annotation->setAuthor(m.author);
    annotation->setUniqueName(m.uniqueName);
    annotation->setCreationDate(m.created);
    Poppler::Annotation::Style style = annotation->style();
    style.setColor(colorOf(m.rgb));
    style.setOpacity(1.0);
    annotation->setStyle(style);
    return annotation;
}

} // namespace

Status pizhu_pdf_write_markup_v1(
    const QString &path, const QByteArray &password, const QList<PdfMarkup> &markups, QByteArray *pdf)
{
    std::unique_ptr<Poppler::Document> doc;
    if (const Status s = openDocument(path, password, &doc); s != Status::Ok)
        return s;
    // Pages and annotations are kept until the document is saved: Poppler writes what the page
    // holds, and a page object gone before the save may take its changes with it.
    std::vector<std::unique_ptr<Poppler::Page>> pages(size_t(doc->numPages()));
    std::vector<std::unique_ptr<Poppler::Annotation>> added;
    // A PDF exported before (or brought in from one) carries the notes already, under the names
    // written here: the old annotation gives way to the new one instead of showing twice.
    QSet<QString> names;
    for (const PdfMarkup &m : markups)
        if (!m.uniqueName.isEmpty())
            names.insert(m.uniqueName);
    for (int i = 0; i < doc->numPages() && !names.isEmpty(); ++i) {
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page)
            continue;
        bool touched = false;
        std::vector<std::unique_ptr<Poppler::Annotation>> present = page->annotations();
        for (std::unique_ptr<Poppler::Annotation> &a : present) {
            if (names.contains(a->uniqueName())) {
                page->removeAnnotation(a.release()); // which deletes it
                touched = true;
            }
        }
        if (touched)
            pages[size_t(i)] = std::move(page);
    }
    for (const PdfMarkup &m : markups) {
        if (m.page < 0 || m.page >= doc->numPages() || m.boxes.isEmpty())
            continue;
        std::unique_ptr<Poppler::Page> &page = pages[size_t(m.page)];
        if (!page)
            page = doc->page(m.page);
        if (!page)
            return Status::Damaged;
        const QSizeF size = page->pageSizeF();
        if (!(size.width() > 0 && size.height() > 0))
            return Status::Damaged;
        added.push_back(annotationOf(m, size));
        page->addAnnotation(added.back().get());
        // Last: Poppler stamps /M with the time of every change it makes to an annotation after it
        // (adding it to the page included), and the date is the note's own.
        added.back()->setModificationDate(m.modified);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return Status::Damaged;
    std::unique_ptr<Poppler::PDFConverter> converter = doc->pdfConverter();
    converter->setOutputDevice(&buffer);
    converter->setPDFOptions(converter->pdfOptions() | Poppler::PDFConverter::WithChanges);
    if (!converter->convert())
        return Status::Damaged;
    buffer.close();
    *pdf = std::move(bytes);
    return Status::Ok;
}

Status pizhu_pdf_read_markup_v1(const QString &path, const QByteArray &password, QList<PdfMarkup> *markups)
{
    std::unique_ptr<Poppler::Document> doc;
    if (const Status s = openDocument(path, password, &doc); s != Status::Ok)
        return s;
    QList<PdfMarkup> found;
    for (int i = 0; i < doc->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page)
            continue;
        const QSizeF size = page->pageSizeF();
        for (const std::unique_ptr<Poppler::Annotation> &a :
            page->annotations({ Poppler::Annotation::AHighlight, Poppler::Annotation::AText })) {
            PdfMarkup m;
            m.page = i;
            if (a->subType() == Poppler::Annotation::AText) {
                m.kind = PdfMarkup::Kind::Text;
                m.boxes.append(inPoints(a->boundary(), size));
            } else {
                const auto *h = static_cast<const Poppler::HighlightAnnotation *>(a.get());
                switch (h->highlightType()) {
                case Poppler::HighlightAnnotation::Highlight:
                    m.kind = PdfMarkup::Kind::Highlight;
                    break;
                case Poppler::HighlightAnnotation::Underline:
                    m.kind = PdfMarkup::Kind::Underline;
                    break;
                case Poppler::HighlightAnnotation::StrikeOut:
                    m.kind = PdfMarkup::Kind::StrikeOut;
                    break;
                case Poppler::HighlightAnnotation::Squiggly:
                    m.kind = PdfMarkup::Kind::Squiggly;
                    break;
                }
                for (const Poppler::HighlightAnnotation::Quad &q : h->highlightQuads()) {
                    QPolygonF polygon;
                    for (const QPointF &p : q.points)
                        polygon << p;
                    m.boxes.append(inPoints(polygon.boundingRect(), size));
                }
                if (m.boxes.isEmpty())
                    m.boxes.append(inPoints(a->boundary(), size));
            }
            m.rgb = rgbOf(a->style().color());
            m.contents = a->contents();
            m.author = a->author();
            m.uniqueName = a->uniqueName();
            m.created = a->creationDate();
            m.modified = a->modificationDate();
            found.append(std::move(m));
        }
    }
    *markups = std::move(found);
    return Status::Ok;
}
