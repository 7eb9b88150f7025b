#pragma once

#include "pdfgeometry.h"
#include "textrepair.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>

namespace Pizhu {

// Note: one note of a notes block (endnotes after a chapter, "注释" after an essay, references).
enum class BlockKind { Heading, Paragraph, Item, Note };
// FrontMatter and BackMatter: a part that is no article of its own, such as a licence or source
// trailer (Project Gutenberg's, Wikisource's "本作品…") or the header a library put before a book.
enum class PartKind { Main, Commentary, FrontMatter, BackMatter };
// What a block is to the work: its body, or matter around it (title block, dateline and author
// before it; "（完）", editor and source lines after it).
enum class Matter { Body, Front, Back };

// A note mark in a block's text ("[1]", "¹", "①", "注1") and the note it refers to.
struct NoteLink
{
    qsizetype textOffset = 0; // of the mark inside Block::text
    qsizetype length = 0;
    int part = -1; // the note: index into Document::parts() and Part::blocks
    int block = -1;
};

// One run of a block's text that stands unchanged in the source: joining wrapped lines drops the
// line breaks and indentation between runs, so a position inside a block maps back to the source
// through these.
struct Segment
{
    qsizetype textOffset = 0; // offset inside Block::text
    qsizetype sourceOffset = 0; // offset inside Document::source()
    qsizetype length = 0; // in the text
    qsizetype sourceLength = 0; // in the source: differs only where a repair changed the length
                                // (U+2E3A, one character, reads as "——", two)
};

// Where a page break falls inside a block: a paragraph cut by a page break is joined again, and
// its text from textOffset on stood on page.
struct PageBreak
{
    qsizetype textOffset = 0; // offset inside Block::text of the first character on the page
    int page = 0; // ordinal page (1-based)
};

struct Block
{
    BlockKind kind = BlockKind::Paragraph;
    Matter matter = Matter::Body;
    // Outline level for a heading, or for a paragraph that opens with a run-in heading
    // ("（一）指导思想。以习近平……"); 0 otherwise.
    int headingLevel = 0;
    // The first titleLength characters of text are the heading's or item's title: the whole
    // text for a heading on its own line, up to the first 。 for a run-in heading or an item.
    qsizetype titleLength = 0;
    QString text; // the reflowed text: wrapped lines joined as a reader reads them
    qsizetype textStart = 0; // offset of text inside Document::text()
    qsizetype sourceStart = 0; // range of the block in Document::source()
    qsizetype sourceEnd = 0;
    QList<Segment> segments;
    int page = 0; // ordinal page the block starts on (1-based); 0 if the file has none
    QList<PageBreak> pageBreaks; // page breaks inside the block, in text order; mostly none
    QList<NoteLink> noteLinks; // the note marks in text, in text order; mostly none

    QString title() const { return text.left(titleLength); }
    // The ordinal page the character at textOffset (inside text) stood on; 0 if the file has none.
    int pageAt(qsizetype textOffset) const;
    bool opensSection() const { return headingLevel > 0; }
    qsizetype sourceOffsetAt(qsizetype textOffset) const;
};

struct Part
{
    PartKind kind = PartKind::Main;
    QString title;
    QList<Block> blocks;
};

} // namespace Pizhu

// Nothing in these points into itself, so a list of them grows by moving its memory (realloc) and
// not element by element: joining the blocks that the importer built on several threads otherwise
// holds two copies of them at once.
Q_DECLARE_TYPEINFO(Pizhu::Segment, Q_PRIMITIVE_TYPE);
Q_DECLARE_TYPEINFO(Pizhu::PageBreak, Q_PRIMITIVE_TYPE);
Q_DECLARE_TYPEINFO(Pizhu::NoteLink, Q_PRIMITIVE_TYPE);
Q_DECLARE_TYPEINFO(Pizhu::Block, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Pizhu::Part, Q_RELOCATABLE_TYPE);

namespace Pizhu {

// How the bytes were decoded; problems are counted, never fatal.
struct DecodeInfo
{
    QByteArray encoding; // "UTF-8", "UTF-16LE", "GB18030", ...
    bool hadBom = false;
    qsizetype invalidSequences = 0; // replaced by U+FFFD
    qsizetype crlfLines = 0;
};

struct OutlineNode
{
    // FrontMatter and BackMatter stand for a whole part of that kind, one node without children.
    enum class Kind { Part, Commentary, Heading, Item, FrontMatter, BackMatter };
    Kind kind = Kind::Heading;
    QString title;
    int part = 0; // index into Document::parts()
    int block = -1; // index into Part::blocks, -1 for a part node
    int depth = 0;
    QList<OutlineNode> children;

    static QString kindName(Kind kind);
};

// An imported document. Immutable once built: the importer makes it, everything else reads it.
class Document
{
public:
    Document() = default;
    Document(QString source, QList<Part> parts, DecodeInfo decodeInfo, RepairCounts repairs = {},
        QStringList pageLabels = {});

    const QString &source() const { return m_source; }
    // The canonical text: every block's text in order, blocks separated by '\n', parts too.
    // Annotations anchor to offsets in this text; its hash identifies the document.
    const QString &text() const { return m_text; }
    const QList<Part> &parts() const { return m_parts; }
    const DecodeInfo &decodeInfo() const { return m_decodeInfo; }
    const RepairCounts &repairs() const { return m_repairs; }
    // The block's text with the source's characters where repairs changed them ("show original").
    QString originalText(const Block &block) const;
    // How to name an ordinal page: its printed number where the file had one ("7"), else the ordinal.
    QString pageLabel(int page) const;
    int pageCount() const { return int(m_pageLabels.size()); }
    // The ordinal page the character at offset of text() stood on, exactly: in a PDF the page its
    // glyph is drawn on (glyphMap()), else a block that runs over a page break knows where the
    // break fell (Block::pageBreaks). The '\n' after a block counts as
    // the block's last character. 0 when the document has no pages or offset is outside the text.
    int pageAt(qsizetype textOffset) const;
    // pageLabel(pageAt(textOffset)): "7", or empty when the document has no pages.
    QString pageLabelAt(qsizetype textOffset) const { return pageLabel(pageAt(textOffset)); }
    // The pages a range of text() stands on, as a reader cites them: "7", "7–8"; empty without pages.
    QString pageRangeLabel(qsizetype start, qsizetype end) const;
    // The title of the first main part: front matter before it does not name the document.
    QString title() const;
    // Hex SHA-256 of text(): what the store, export and settings key documents by. Computed on the
    // first call, from any thread (a 50 MB text takes some 400 ms, which a window spends while it
    // renders the panes, and the importer need not spend at all); empty for a Document().
    const QByteArray &hash() const;

    const QList<OutlineNode> &outline() const { return m_outline; }
    // "part\ttitle" lines indented two spaces a level, as in outline.expected.
    QString outlineText() const;

    struct Position
    {
        int part = -1;
        int block = -1;
    };
    // The block that holds offset of text(), or {-1,-1} outside any block.
    Position blockAt(qsizetype textOffset) const;
    // Titles from the part down to the innermost heading above offset of text().
    QStringList sectionPathAt(qsizetype textOffset) const;

    bool isEmpty() const { return m_parts.isEmpty(); }

    // The runs of source() that the range [textStart, textEnd) of text() was made from, in text
    // order: the lines a paragraph was joined from, without the line breaks, running headers and
    // page numbers that stood between them. A repair that changed the length (U+2E3A read as
    // "——") is its whole source character.
    QList<SourceRange> sourceRangesOf(qsizetype textStart, qsizetype textEnd) const;
    // The offset in text() of the character at sourceOffset of source(); -1 for a character that is
    // in no block (a running header, a page number, a line break between blocks).
    qsizetype textOffsetOfSource(qsizetype sourceOffset) const;
    // A PDF's glyphs (PdfLayout); nullptr for a document that was not read from a PDF's layout.
    const PdfGlyphMap *glyphMap() const { return m_glyphs.get(); }
    // Where the range [textStart, textEnd) of text() stands on the PDF's pages, one rectangle a
    // line (PdfGlyphMap::boxesFor); empty without a glyph map.
    QList<PdfPageBoxes> pdfBoxesFor(qsizetype textStart, qsizetype textEnd) const;
    // The importer's: a map whose size() is not source().size() is not kept.
    void setGlyphMap(PdfGlyphMap map);

private:
    void buildText();
    void buildOutline();

    QString m_source;
    QString m_text;
    struct HashOnce
    {
        std::once_flag once;
        QByteArray hex;
    };
    std::shared_ptr<HashOnce> m_hash; // shared by copies, which have the same text
    QList<Part> m_parts;
    DecodeInfo m_decodeInfo;
    RepairCounts m_repairs;
    QStringList m_pageLabels;
    QList<OutlineNode> m_outline;
    std::shared_ptr<const PdfGlyphMap> m_glyphs; // shared: a Document is copied by value
};

} // namespace Pizhu
