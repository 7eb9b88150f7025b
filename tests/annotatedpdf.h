#pragma once

// A PDF typeset at run time for the annotated-PDF tests (tests/typesetpdf.h): Chinese prose in two
// columns over several pages, read back from its layout, and three passages to highlight in it:
// one across a page break, one in the right column of a two-column page, one over two lines of
// the left column. Header-only, like typesetpdf.h.

#include "anchoring.h"
#include "importer.h"
#include "pdfreader.h"
#include "typesetpdf.h"

#include <QList>
#include <QString>

namespace AnnotatedPdf {

inline const QString Prose = QStringLiteral(
    "质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核心的党中央坚强领导下，"
    "我国质量事业实现跨越式发展，质量强国建设取得历史性成效。全民质量意识显著提高，质量管理和"
    "品牌发展能力明显增强，产品、工程、服务质量总体水平稳步提升，质量安全更有保障，一批重大技术"
    "装备、重大工程、重要消费品、新兴领域高技术产品的质量达到国际先进水平。");

// Writes the PDF to path; false if it could not be written.
inline bool write(const QString &path)
{
    QList<TypesetPdf::Block> blocks;
    for (int i = 0; i < 14; ++i)
        blocks << TypesetPdf::Block { TypesetPdf::Kind::Paragraph,
            Prose.mid((i * 23) % 90) + Prose.left(20 + (i * 17) % 60), 12 };
    TypesetPdf::Options options;
    options.columns = 2;
    options.columnWidthEm = 36;
    options.linesPerPage = 24;
    options.runningHeader = QStringLiteral("质量强国建设纲要");
    return TypesetPdf::write(path, blocks, options);
}

inline std::optional<Pizhu::Document> read(const QString &path)
{
    const auto laidOut = Pizhu::PdfReader::readLayout(path);
    if (!laidOut)
        return std::nullopt;
    auto doc = Pizhu::Importer().importLaidOut(laidOut.value());
    if (!doc)
        return std::nullopt;
    return std::move(doc.value());
}

struct Passage
{
    QString name;
    qsizetype start = 0;
    qsizetype end = 0;
};

// The three passages, as ranges of doc.text(); fewer when the layout did not give their places.
inline QList<Passage> passages(const Pizhu::Document &doc)
{
    QList<Passage> found;
    const double middle = doc.glyphMap() ? doc.glyphMap()->pageSize(0).width() / 2 : 0;
    bool pageBreak = false, right = false, left = false;
    for (const Pizhu::Part &part : doc.parts()) {
        for (const Pizhu::Block &block : part.blocks) {
            const qsizetype s = block.textStart;
            if (!pageBreak && !block.pageBreaks.isEmpty() && block.pageBreaks.first().textOffset >= 8
                && block.pageBreaks.first().textOffset + 8 <= block.text.size()) {
                const qsizetype at = s + block.pageBreaks.first().textOffset;
                found.append({ QStringLiteral("across a page break"), at - 8, at + 8 });
                pageBreak = true;
                continue;
            }
            const auto boxes = doc.pdfBoxesFor(s, s + block.text.size());
            if (boxes.isEmpty() || boxes.first().page != 0 || boxes.size() != 1 || block.text.size() < 60)
                continue;
            const QList<QRectF> &lines = boxes.first().boxes;
            const bool allRight = std::all_of(
                lines.cbegin(), lines.cend(), [&](const QRectF &r) { return r.left() > middle; });
            const bool allLeft = std::all_of(
                lines.cbegin(), lines.cend(), [&](const QRectF &r) { return r.right() < middle; });
            if (!right && allRight) {
                found.append({ QStringLiteral("in the right column"), s + 5, s + 19 });
                right = true;
            } else if (!left && allLeft) {
                found.append({ QStringLiteral("over two lines"), s + 10, s + 40 });
                left = true;
            }
        }
    }
    return found;
}

} // namespace AnnotatedPdf
