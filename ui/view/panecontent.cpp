#include "panecontent.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QThread>

#include <algorithm>
#include <iterator>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// Margins are in pixels at the default size; they set rhythm, the fonts set scale.
constexpr qreal ParagraphGap = 10;
constexpr qreal HeadingGapAbove = 22;
constexpr qreal PartGapAbove = 48;
constexpr qreal ItemIndent = 28;

QTextBlockFormat blockFormatFor(const Block &block, bool opensPart, int lineSpacing)
{
    QTextBlockFormat format;
    format.setLineHeight(lineSpacing, QTextBlockFormat::ProportionalHeight);
    format.setBottomMargin(ParagraphGap);
    if (block.kind == BlockKind::Heading) {
        format.setTopMargin(block.headingLevel <= 1 ? HeadingGapAbove * 1.5 : HeadingGapAbove);
        format.setHeadingLevel(std::min(block.headingLevel, 6));
    } else if (block.kind == BlockKind::Item) {
        format.setLeftMargin(ItemIndent);
    } else if (block.opensSection()) {
        format.setTopMargin(HeadingGapAbove / 2);
    }
    if (opensPart)
        format.setTopMargin(PartGapAbove);
    return format;
}

// Bold drawn from the regular face: asking for the regular style with a bold weight makes Qt
// embolden the regular glyphs instead of opening the CJK bold face, which would keep another
// 6-7 MB of font file resident for the few characters set in bold.
QTextCharFormat boldFormat()
{
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    format.setFontStyleName(u"Regular"_s);
    return format;
}

QTextCharFormat headingFormat(int level)
{
    QTextCharFormat format = boldFormat();
    // Relative sizes follow the view's font, so zooming scales headings with the text.
    format.setProperty(QTextFormat::FontSizeAdjustment, level <= 1 ? 2 : level == 2 ? 1 : 0);
    return format;
}

} // namespace

qsizetype PaneContent::textEnd() const
{
    if (blockStarts.isEmpty() || !textDocument)
        return 0;
    return blockStarts.last() + textDocument->lastBlock().length() - 1;
}

QString PaneContent::pageLabelAt(qsizetype offset) const
{
    auto it = std::upper_bound(pageStarts.cbegin(), pageStarts.cend(), offset,
        [](qsizetype off, const PageStart &p) { return off < p.offset; });
    return it == pageStarts.cbegin() ? QString() : std::prev(it)->label;
}

std::unique_ptr<PaneContent> PaneContent::build(const Document &doc, int firstPart, int lastPart,
    const PaneStyle &style, const std::function<bool(double)> &progress, QThread *targetThread)
{
    auto content = std::make_unique<PaneContent>();
    content->firstPart = firstPart;
    content->lastPart = lastPart;
    content->style = style;
    content->textDocument = std::make_unique<QTextDocument>();
    QTextDocument *text = content->textDocument.get();
    text->setUndoRedoEnabled(false);
    text->setDocumentMargin(24);
    text->setDefaultFont(style.font);

    qsizetype total = 0;
    for (int p = firstPart; p <= lastPart && p < doc.parts().size(); ++p)
        total += doc.parts().at(p).blocks.size();
    content->blockStarts.reserve(total);

    const QTextCharFormat plain;
    const QTextCharFormat title = boldFormat();

    QTextCursor cursor(text);
    cursor.beginEditBlock();
    qsizetype done = 0;
    int lastPage = 0;
    for (int p = firstPart; p <= lastPart && p < doc.parts().size(); ++p) {
        const QList<Block> &blocks = doc.parts().at(p).blocks;
        for (qsizetype b = 0; b < blocks.size(); ++b, ++done) {
            if ((done & 0x3FF) == 0x3FF && progress && !progress(double(done) / double(total)))
                return {};
            const Block &block = blocks.at(b);
            const QTextBlockFormat format = blockFormatFor(block, b == 0 && p > firstPart, style.lineSpacing);
            if (done == 0)
                cursor.setBlockFormat(format);
            else
                cursor.insertBlock(format, plain);
            content->blockStarts.append(block.textStart);
            if (doc.pageCount() > 0) {
                auto addPage = [&](qsizetype offset, int page) {
                    if (page > 0 && page != lastPage)
                        content->pageStarts.append({ offset, doc.pageLabel(page) });
                    lastPage = page;
                };
                addPage(block.textStart, block.page);
                for (const PageBreak &pb : block.pageBreaks)
                    addPage(block.textStart + pb.textOffset, pb.page);
            }
            const QString blockText = style.originalText ? doc.originalText(block) : block.text;
            if (block.kind == BlockKind::Heading) {
                cursor.insertText(blockText, headingFormat(block.headingLevel));
            } else {
                const qsizetype titleLength = std::clamp<qsizetype>(block.titleLength, 0, blockText.size());
                if (titleLength > 0)
                    cursor.insertText(blockText.left(titleLength), title);
                cursor.insertText(blockText.mid(titleLength), plain);
            }
        }
    }
    cursor.endEditBlock();
    if (targetThread)
        text->moveToThread(targetThread);
    return content;
}

} // namespace Pizhu
