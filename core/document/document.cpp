#include "document.h"

#include "parallel.h"
#include "sharedslice.h"

#include <QCryptographicHash>

#include <algorithm>
#include <iterator>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

qsizetype Block::sourceOffsetAt(qsizetype textOffset) const
{
    if (segments.isEmpty())
        return sourceStart;
    auto it = std::upper_bound(segments.cbegin(), segments.cend(), textOffset,
        [](qsizetype off, const Segment &s) { return off < s.textOffset; });
    if (it != segments.cbegin())
        --it;
    const qsizetype into = std::clamp<qsizetype>(textOffset - it->textOffset, 0, it->length);
    if (it->length == it->sourceLength)
        return it->sourceOffset + into;
    // Inside a repair that changed the length: the repaired characters all stand for its source.
    return it->sourceOffset + (into == it->length ? it->sourceLength : std::min(into, it->sourceLength - 1));
}

int Block::pageAt(qsizetype textOffset) const
{
    auto it = std::upper_bound(pageBreaks.cbegin(), pageBreaks.cend(), textOffset,
        [](qsizetype off, const PageBreak &b) { return off < b.textOffset; });
    return it == pageBreaks.cbegin() ? page : std::prev(it)->page;
}

QString OutlineNode::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Part:
        return u"part"_s;
    case Kind::Commentary:
        return u"commentary"_s;
    case Kind::Heading:
        return u"heading"_s;
    case Kind::Item:
        return u"item"_s;
    case Kind::FrontMatter:
        return u"front matter"_s;
    case Kind::BackMatter:
        return u"back matter"_s;
    }
    return {};
}

Document::Document(
    QString source, QList<Part> parts, DecodeInfo decodeInfo, RepairCounts repairs, QStringList pageLabels)
    : m_source(std::move(source)),
      m_parts(std::move(parts)),
      m_decodeInfo(std::move(decodeInfo)),
      m_repairs(repairs),
      m_pageLabels(std::move(pageLabels))
{
    buildText();
    buildOutline();
    m_hash = std::make_shared<HashOnce>();
}

const QByteArray &Document::hash() const
{
    static const QByteArray none;
    if (!m_hash)
        return none;
    std::call_once(m_hash->once, [this] {
        // In chunks, so a 50 MB text does not need a 50 MB UTF-8 copy; a chunk never ends between
        // the two halves of a surrogate pair, which would hash as a replacement character.
        QCryptographicHash hasher(QCryptographicHash::Sha256);
        constexpr qsizetype Chunk = 64 * 1024;
        for (qsizetype pos = 0; pos < m_text.size();) {
            qsizetype len = std::min(Chunk, m_text.size() - pos);
            if (pos + len < m_text.size() && m_text.at(pos + len - 1).isHighSurrogate())
                --len;
            hasher.addData(QStringView(m_text).sliced(pos, len).toUtf8());
            pos += len;
        }
        m_hash->hex = hasher.result().toHex();
    });
    return m_hash->hex;
}

QString Document::title() const
{
    for (const Part &part : m_parts)
        if (part.kind == PartKind::Main)
            return part.title;
    return m_parts.isEmpty() ? QString() : m_parts.first().title;
}

QString Document::originalText(const Block &block) const
{
    // Copy the joins from the block's text and everything else from the source.
    QString text;
    text.reserve(block.text.size());
    qsizetype pos = 0;
    for (const Segment &seg : block.segments) {
        text += QStringView(block.text).sliced(pos, seg.textOffset - pos);
        text += QStringView(m_source).sliced(seg.sourceOffset, seg.sourceLength);
        pos = seg.textOffset + seg.length;
    }
    text += QStringView(block.text).sliced(pos);
    return text;
}

QString Document::pageLabel(int page) const
{
    if (page < 1 || page > m_pageLabels.size())
        return {};
    const QString &printed = m_pageLabels.at(page - 1);
    return printed.isEmpty() ? QString::number(page) : printed;
}

int Document::pageAt(qsizetype textOffset) const
{
    if (m_pageLabels.isEmpty())
        return 0;
    const Position pos = blockAt(textOffset);
    if (pos.part < 0)
        return 0;
    const Block &block = m_parts.at(pos.part).blocks.at(pos.block);
    // A PDF knows where each character was drawn: a footnote read after the paragraph it
    // interrupted (which went on to the next page) still stood on its own page.
    if (m_glyphs) {
        const int drawnOn = m_glyphs->pageOf(block.sourceOffsetAt(textOffset - block.textStart));
        if (drawnOn >= 0)
            return drawnOn + 1;
    }
    return block.pageAt(textOffset - block.textStart);
}

QString Document::pageRangeLabel(qsizetype start, qsizetype end) const
{
    // end is exclusive: the last character of the range is what ends it.
    const int first = pageAt(start);
    const int last = end > start ? pageAt(end - 1) : first;
    if (first <= 0)
        return {};
    if (last <= first)
        return pageLabel(first);
    return pageLabel(first) + u'–' + pageLabel(last);
}

QList<SourceRange> Document::sourceRangesOf(qsizetype textStart, qsizetype textEnd) const
{
    QList<SourceRange> ranges;
    Position pos = blockAt(std::max<qsizetype>(textStart, 0));
    if (pos.part < 0)
        return ranges;
    for (int p = pos.part; p < m_parts.size(); ++p) {
        const QList<Block> &blocks = m_parts.at(p).blocks;
        for (int b = p == pos.part ? pos.block : 0; b < blocks.size(); ++b) {
            const Block &block = blocks.at(b);
            if (block.textStart >= textEnd)
                return ranges;
            const qsizetype from = std::max<qsizetype>(textStart - block.textStart, 0);
            const qsizetype to = std::min<qsizetype>(textEnd - block.textStart, block.text.size());
            for (const Segment &seg : block.segments) {
                const qsizetype s = std::max(from, seg.textOffset);
                const qsizetype e = std::min(to, seg.textOffset + seg.length);
                if (s >= e)
                    continue;
                const bool unchanged = seg.length == seg.sourceLength;
                SourceRange r { unchanged ? seg.sourceOffset + (s - seg.textOffset) : seg.sourceOffset,
                    unchanged ? seg.sourceOffset + (e - seg.textOffset)
                              : seg.sourceOffset + seg.sourceLength };
                if (!ranges.isEmpty() && ranges.last().end == r.start)
                    ranges.last().end = r.end;
                else
                    ranges.append(r);
            }
        }
    }
    return ranges;
}

qsizetype Document::textOffsetOfSource(qsizetype sourceOffset) const
{
    for (const Part &part : m_parts) {
        for (const Block &block : part.blocks) {
            if (sourceOffset < block.sourceStart || sourceOffset >= block.sourceEnd)
                continue;
            for (const Segment &seg : block.segments) {
                if (sourceOffset < seg.sourceOffset || sourceOffset >= seg.sourceOffset + seg.sourceLength)
                    continue;
                // A repair that changed the length stands for its whole source character.
                const qsizetype into = seg.length == seg.sourceLength ? sourceOffset - seg.sourceOffset : 0;
                return block.textStart + seg.textOffset + into;
            }
        }
    }
    return -1;
}

QList<PdfPageBoxes> Document::pdfBoxesFor(qsizetype textStart, qsizetype textEnd) const
{
    if (!m_glyphs)
        return {};
    return m_glyphs->boxesFor(sourceRangesOf(textStart, textEnd));
}

void Document::setGlyphMap(PdfGlyphMap map)
{
    if (map.size() == m_source.size())
        m_glyphs = std::make_shared<const PdfGlyphMap>(std::move(map));
    else
        m_glyphs.reset();
}

namespace {

constexpr qsizetype TextGrain = 1024 * 1024; // text units: the least a thread copies

} // namespace

void Document::buildText()
{
    std::vector<Block *> blocks;
    qsizetype size = 0;
    bool contiguous = true;
    for (Part &part : m_parts) {
        for (Block &block : part.blocks) {
            if (size > 0)
                ++size; // the line feed between blocks
            block.textStart = size;
            // The importer builds its blocks' text as slices of one buffer, in order, a line feed
            // between blocks: that buffer is then the document's text as it stands.
            const Block *first = blocks.empty() ? &block : blocks.front();
            contiguous = contiguous && !block.text.isEmpty() && sameBuffer(block.text, first->text)
                && block.text.constData() == first->text.constData() + size
                && (size == 0 || block.text.constData()[-1] == u'\n');
            size += block.text.size();
            blocks.push_back(&block);
        }
    }
    if (size == 0)
        return;
    if (contiguous) {
        m_text = sharedSlice(blocks.front()->text, 0, size);
        return;
    }
    // Any other blocks (built by hand, or moved out of order) are copied together, on every core
    // (on a 50 MB file some 100 MB), each thread copying a range of blocks; the blocks then take
    // their text back as slices of it, so that it is held once.
    m_text = QString(size, Qt::Uninitialized);
    QChar *const out = m_text.data(); // detached here, once, before any thread writes
    const qsizetype count = qsizetype(blocks.size());
    const int slices = std::min<qsizetype>(Parallelism().slicesFor(size, TextGrain), count);
    Parallelism::run(slices, [&](int i) {
        for (qsizetype b = Parallelism::bound(count, slices, i); b < Parallelism::bound(count, slices, i + 1);
             ++b) {
            const Block &block = *blocks[size_t(b)];
            if (block.textStart > 0)
                out[block.textStart - 1] = u'\n';
            std::copy(block.text.cbegin(), block.text.cend(), out + block.textStart);
        }
    });
    for (Block *block : blocks)
        block->text = sharedSlice(m_text, block->textStart, block->text.size());
}

void Document::buildOutline()
{
    m_outline.clear();
    for (int p = 0; p < m_parts.size(); ++p) {
        const Part &part = m_parts.at(p);
        OutlineNode root;
        root.title = part.title;
        root.part = p;
        if (part.kind == PartKind::FrontMatter || part.kind == PartKind::BackMatter) {
            // Matter is shown as what it is, once: its headings are no part of the work's outline.
            root.kind = part.kind == PartKind::FrontMatter ? OutlineNode::Kind::FrontMatter
                                                           : OutlineNode::Kind::BackMatter;
            m_outline.append(root);
            continue;
        }
        root.kind = part.kind == PartKind::Main ? OutlineNode::Kind::Part : OutlineNode::Kind::Commentary;
        // Open sections, innermost last, with their levels; the part sits at level 0.
        QList<std::pair<int, OutlineNode *>> open { { 0, &root } };
        for (int b = 0; b < part.blocks.size(); ++b) {
            const Block &block = part.blocks.at(b);
            OutlineNode node;
            node.part = p;
            node.block = b;
            node.title = block.title();
            if (block.headingLevel > 0) {
                node.kind = OutlineNode::Kind::Heading;
                while (open.size() > 1 && open.last().first >= block.headingLevel)
                    open.removeLast();
                OutlineNode *parent = open.last().second;
                node.depth = parent->depth + 1;
                parent->children.append(node);
                open.append({ block.headingLevel, &parent->children.last() });
            } else if (block.kind == BlockKind::Item) {
                node.kind = OutlineNode::Kind::Item;
                OutlineNode *parent = open.last().second;
                node.depth = parent->depth + 1;
                parent->children.append(node);
            }
        }
        m_outline.append(root);
    }
}

static void appendOutline(QString &out, const OutlineNode &node)
{
    out += QString(node.depth * 2, u' ');
    out += OutlineNode::kindName(node.kind);
    out += u'\t';
    out += node.title;
    out += u'\n';
    for (const OutlineNode &child : node.children)
        appendOutline(out, child);
}

QString Document::outlineText() const
{
    QString out;
    for (const OutlineNode &node : m_outline)
        appendOutline(out, node);
    return out;
}

Document::Position Document::blockAt(qsizetype textOffset) const
{
    if (textOffset < 0 || textOffset > m_text.size())
        return {};
    // Parts and blocks are in text order; find the last block starting at or before the offset.
    Position found;
    for (int p = 0; p < m_parts.size(); ++p) {
        const QList<Block> &blocks = m_parts.at(p).blocks;
        if (blocks.isEmpty() || blocks.first().textStart > textOffset)
            break;
        auto it = std::upper_bound(blocks.cbegin(), blocks.cend(), textOffset,
            [](qsizetype off, const Block &b) { return off < b.textStart; });
        found = { p, int(it - blocks.cbegin()) - 1 };
    }
    return found;
}

QStringList Document::sectionPathAt(qsizetype textOffset) const
{
    const Position pos = blockAt(textOffset);
    if (pos.part < 0)
        return {};
    QStringList path { m_parts.at(pos.part).title };
    QList<int> levels { 0 };
    const QList<Block> &blocks = m_parts.at(pos.part).blocks;
    for (int b = 0; b <= pos.block; ++b) {
        const Block &block = blocks.at(b);
        if (block.headingLevel <= 0)
            continue;
        while (levels.size() > 1 && levels.last() >= block.headingLevel) {
            levels.removeLast();
            path.removeLast();
        }
        levels.append(block.headingLevel);
        path.append(block.title());
    }
    return path;
}

} // namespace Pizhu
