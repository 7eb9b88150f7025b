#include "layoutanalyzer.h"

#include "sharedslice.h"

#include <QRegularExpression>

#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;

// The second half of LayoutAnalyzer: once measure() and breaksAfter() have said where lines break,
// the lines are gathered into blocks (repaired text with its source segments), headings are
// recognised and levelled, and the parts are named. The first half, in layoutanalyzer.cpp, reads
// the layout of the lines.
namespace Pizhu {

namespace {

constexpr qsizetype MaxHeadingChars = 200; // a block longer than this is a paragraph, whatever its number
constexpr int MaxGapTitleChars = 50;
constexpr qsizetype MaxMatterTitle = 60;
constexpr int MaxGapTitleWords = 8;
constexpr qsizetype BlockGrain = 16 * 1024; // lines: the least a thread builds blocks for

} // namespace

void LayoutAnalyzer::appendRepaired(
    Block &block, QStringView text, qsizetype sourceStart, RepairCounts &repairs)
{
    // Repairs that change lengths, so each makes segments of its own:
    // - U+2E3A and U+2E3B (two- and three-em dashes) are how PDF text layers write "——": a reader,
    //   a search and the heading rules all expect the two dashes;
    // - Latin ligatures (ﬁ ﬂ ﬃ) are how they write the letters a font drew as one glyph: a search
    //   for "finance" must find "ﬁnance" (TextRepair::ligatureLetters says which, and why no others);
    // - a justified line comes out of some PDFs letter-spaced ("去 年 终 端 消 费"): the spaces
    //   between CJK characters are layout, not text.
    // Judged only when a space after a CJK character asks: most lines have none.
    int letterSpaced = -1;
    qsizetype from = 0;
    auto flush = [&](qsizetype to) {
        if (to > from) {
            block.segments.append({ block.text.size(), sourceStart + from, to - from, to - from });
            block.text += text.sliced(from, to - from);
        }
    };
    // Nothing below the dashes is repaired, and CJK characters stand above them too: most lines of
    // a Latin text are one unchanged run, told by a loop the compiler makes wide.
    char16_t highest = 0;
    for (QChar c : text)
        highest = std::max(highest, c.unicode());
    if (highest < u'⸺') {
        flush(text.size());
        return;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < u'⸺' && c != u' ')
            continue; // nothing below the dashes is repaired, but for letter-spacing
        if (c == u'⸺' || c == u'⸻') {
            flush(i);
            const QStringView dashes = c == u'⸺' ? u"——" : u"———";
            block.segments.append({ block.text.size(), sourceStart + i, dashes.size(), 1 });
            block.text += dashes;
            ++repairs.dashes;
            from = i + 1;
        } else if (TextRepair::isLigature(c)) {
            const QString letters = TextRepair::ligatureLetters(c);
            if (letters.isEmpty())
                continue;
            flush(i);
            block.segments.append({ block.text.size(), sourceStart + i, letters.size(), 1 });
            block.text += letters;
            ++repairs.ligatures;
            from = i + 1;
        } else if (c == u' ' && i > 0 && isCjk(text.at(i - 1))
            && (letterSpaced >= 0 ? letterSpaced : (letterSpaced = isLetterSpaced(text)))) {
            qsizetype j = i;
            while (j < text.size() && text.at(j) == u' ')
                ++j;
            if (j < text.size() && isCjk(text.at(j))) {
                flush(i);
                repairs.spaces += j - i;
                from = j;
            }
            i = j - 1;
        }
    }
    flush(text.size());
}

qsizetype LayoutAnalyzer::textOffsetOf(const Block &block, qsizetype sourceOffset)
{
    // The first segment that reaches past sourceOffset holds it, or follows the gap it fell in.
    for (const Segment &seg : block.segments) {
        if (sourceOffset >= seg.sourceOffset + seg.sourceLength)
            continue;
        if (sourceOffset <= seg.sourceOffset)
            return seg.textOffset;
        // Inside a segment: an unchanged run maps one for one; a repair is one source character.
        return seg.textOffset + (seg.length == seg.sourceLength ? sourceOffset - seg.sourceOffset : 0);
    }
    return block.text.size();
}

bool LayoutAnalyzer::isTitleCased(QStringView text)
{
    if (text.startsWith(u"***") && text.endsWith(u"***"))
        return true;
    int upper = 0;
    for (QChar c : text) {
        if (c.isLower() || c.unicode() >= 0x2E80)
            return false;
        upper += c.isUpper();
    }
    return upper >= 8 && text.contains(u' ');
}

bool LayoutAnalyzer::hasCjk(QStringView text)
{
    return std::any_of(text.begin(), text.end(), isCjk);
}

bool LayoutAnalyzer::hasHalfWidthText(qsizetype k) const
{
    // Latin letters and digits are narrower in print than their display width says, so a line
    // holding them may look short without being short.
    const QStringView text = content(k);
    return std::any_of(
        text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x2000 && !c.isSpace(); });
}

bool LayoutAnalyzer::isLetterSpaced(QStringView text)
{
    // Spaces between most of the line's neighbouring CJK characters, three at least: a row of
    // words parted by spaces ("一季度 二季度 三季度 四季度", a table's cells) keeps them.
    qsizetype spaced = 0;
    qsizetype closed = 0;
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (!isCjk(text.at(i)))
            continue;
        if (isCjk(text.at(i - 1)))
            ++closed;
        else if (i >= 2 && text.at(i - 1) == u' ' && isCjk(text.at(i - 2)))
            ++spaced;
    }
    return spaced >= 3 && spaced >= closed;
}

bool LayoutAnalyzer::buildBlocks()
{
    const qsizetype n = m_lines.size();
    // Where each line's block ends, and where a part does: asked of every line on its own, so on
    // every core.
    std::vector<LineEnd> ends(size_t(n), LineEnd::GoesOn);
    forLineRanges([&](qsizetype begin, qsizetype end) {
        for (qsizetype k = begin; k < end; ++k)
            if (breaksAfter(k))
                ends[size_t(k)] = startsPart(k) ? LineEnd::EndsPart : LineEnd::EndsBlock;
    });
    // What measure() found has said all it had to: freed before the blocks take their room.
    m_wrapWidth = {};
    m_fullWidth = {};
    m_wrapped = {};
    m_blankTrust = {};
    m_innerBlankRun = {};
    // The blocks are then built in runs of lines cut where a block ends. A run needs to know only
    // whether a heading opened its part before it (an item is an item only after one), which a
    // pass over the block openings tells. Markdown stays one run: a block of markup alone is
    // dropped there, and a part left empty is no part, which a run could not know of the runs
    // before it.
    const int wanted = m_markdown ? 1 : m_parallelism.slicesFor(n, BlockGrain);
    std::vector<qsizetype> cut { 0 };
    std::vector<char> sawHeadingAt { false };
    if (wanted > 1) {
        bool sawHeading = false;
        for (qsizetype k = 0; k < n; ++k) {
            if ((k == 0 || ends[size_t(k) - 1] != LineEnd::GoesOn)
                && m_lines[k].structure.kind == LineStructure::Kind::Heading)
                sawHeading = true;
            if (ends[size_t(k)] == LineEnd::EndsPart)
                sawHeading = false;
            if (ends[size_t(k)] != LineEnd::GoesOn && k + 1 < n
                && k + 1 >= Parallelism::bound(n, wanted, int(cut.size()))) {
                cut.push_back(k + 1);
                sawHeadingAt.push_back(sawHeading);
            }
        }
    }
    cut.push_back(n);
    const int slices = int(cut.size()) - 1;
    std::vector<BlockRun> runs(static_cast<size_t>(slices));
    std::atomic_bool cancelled = false;
    Parallelism::run(slices, [&](int i) {
        const size_t r = size_t(i);
        buildRun(cut[r], cut[r + 1], sawHeadingAt[r], ends, runs[r], i == 0, cancelled);
    });
    if (cancelled)
        return false;

    // Joined in order; a part break closes the open part unless it is still empty. The runs' texts
    // join into one, a line feed between them, grown in place where it can be.
    QString text = std::move(runs.front().text);
    Part part;
    for (BlockRun &run : runs) {
        if (&run != &runs.front() && !run.text.isEmpty()) {
            const qsizetype base = text.isEmpty() ? 0 : text.size() + 1;
            if (!text.isEmpty())
                text += u'\n';
            text += run.text;
            run.text = QString();
            for (QList<Block> &piece : run.pieces)
                for (Block &block : piece)
                    block.textStart += base;
        }
        for (qsizetype j = 0; j < run.pieces.size(); ++j) {
            if (j > 0 && !part.blocks.isEmpty()) {
                m_parts.append(std::move(part));
                part = Part();
                part.kind = PartKind::Commentary; // every part after the first is an article that follows it
            }
            if (part.blocks.isEmpty())
                part.blocks = std::move(run.pieces[j]);
            else
                part.blocks.append(std::move(run.pieces[j]));
        }
        run.pieces = {};
        m_repairs.dashes += run.repairs.dashes;
        m_repairs.ligatures += run.repairs.ligatures;
        m_repairs.spaces += run.repairs.spaces;
    }
    if (!part.blocks.isEmpty())
        m_parts.append(std::move(part));
    // Every block's text is a slice of that one text, which the Document then keeps as its own:
    // the text is held once, not once in the blocks and again in the Document. A block's text
    // ends with its last segment (a join adds a space only before a line's text).
    text.squeeze();
    for (Part &p : m_parts) {
        for (Block &block : p.blocks) {
            const Segment &last = block.segments.last();
            block.text = sharedSlice(text, block.textStart, last.textOffset + last.length);
        }
    }
    return true;
}

void LayoutAnalyzer::buildRun(qsizetype from, qsizetype to, bool sawHeading, const std::vector<LineEnd> &ends,
    BlockRun &run, bool reports, std::atomic_bool &cancelled)
{
    QList<Block> piece;
    Block block;
    // Room for the run's text, a space at every join. The first run's text becomes the whole
    // document's: it has room for all of it, so that the others are copied in at its end and it
    // never moves (a second copy of the text at once is what this saves).
    qsizetype units = 0;
    for (qsizetype k = from; k < (from == 0 ? m_lines.size() : to); ++k)
        units += m_lines[k].length + 1;
    run.text.reserve(units);
    bool open = false;
    bool partHasBlocks = from > 0; // a run cut inside a part: the part has its blocks before
    qsizetype markerLength = 0; // of the open block's numbering
    bool inHeadingType = false; // the open block's first line is set as a heading (PdfLayout)
    auto closeBlock = [&] {
        if (!open)
            return;
        if (block.segments.isEmpty()) {
            // Only markup ("#" alone in Markdown): nothing for a reader to see.
            block = Block();
            open = false;
            return;
        }
        if (block.kind == BlockKind::Heading && block.segments.size() > 1) {
            // A heading that went on over its line: if a sentence ends inside, it was a run-in
            // heading whose title did not fit on the first line.
            const qsizetype stop = block.text.indexOf(u'。');
            if (stop >= 0 && stop < block.text.size() - 1) {
                block.kind = BlockKind::Paragraph;
                block.titleLength = stop;
            } else {
                block.titleLength
                    = block.text.size() - (block.text.endsWith(u'。') || block.text.endsWith(u'．'));
            }
        }
        // A long paragraph is never a heading, nor is a numbered line that reads as a sentence
        // ("2. He reigned from 514 to 496 B.C."): a note, a numbered verse, a list entry. Unless it
        // is set as a heading: "11. Who Stole the Tarts?" in bold on a line of its own.
        if (block.kind == BlockKind::Heading && !m_markdown
            && (block.text.size() > MaxHeadingChars
                || (!inHeadingType
                    && (block.headingLevel >= HeadingRules::RankArabic
                        || block.headingLevel == HeadingRules::RankLabel)
                    && HeadingRules::readsLikeSentence(QStringView(block.text).sliced(markerLength))))) {
            block.kind = BlockKind::Paragraph;
            block.headingLevel = 0;
            block.titleLength = 0;
        }
        block.sourceEnd = block.segments.last().sourceOffset + block.segments.last().sourceLength;
        block.segments.squeeze();
        // The text goes into the run's, a line feed between blocks; buildBlocks() gives it back to
        // the block as a slice of the document's. Its own buffer is kept for the next block.
        if (!run.text.isEmpty())
            run.text += u'\n';
        block.textStart = run.text.size();
        run.text += block.text;
        QString scratch = std::move(block.text);
        scratch.truncate(0);
        piece.append(std::move(block));
        partHasBlocks = true;
        block = Block();
        block.text = std::move(scratch);
        open = false;
    };
    auto closePart = [&] {
        closeBlock();
        run.pieces.append(std::move(piece));
        piece = {};
        if (partHasBlocks)
            sawHeading = false;
        partHasBlocks = false;
    };

    bool softHyphenBefore = false; // the block's last line so far ends in a typesetter's hyphen
    for (qsizetype k = from; k < to; ++k) {
        if (((k - from) & 0xFFFF) == 0) {
            // Only the calling thread may report; it tells the others when the import is cancelled.
            if (reports && !reportProgress(0.2 + 0.7 * double(k - from) / double(to - from)))
                cancelled = true;
            if (cancelled)
                return;
        }
        const Line &line = m_lines[k];
        const QStringView text = content(k);
        if (!open) {
            // Room for the whole block at once, a space at every join: appended line by line, its
            // text and segments would grow several times over.
            qsizetype last = k, units = line.length;
            while (ends[size_t(last)] == LineEnd::GoesOn && last + 1 < to)
                units += m_lines[++last].length + 1;
            block.text.reserve(units);
            block.segments.reserve(last - k + 1);
            const LineStructure &s = line.structure;
            block.sourceStart = line.start;
            block.page = line.page;
            markerLength = std::min<qsizetype>(s.markerLength, line.length);
            inHeadingType = line.laidOutHeadingType;
            if (s.kind == LineStructure::Kind::Heading) {
                block.kind = s.runIn ? BlockKind::Paragraph : BlockKind::Heading;
                block.headingLevel = s.rank;
                // A heading alone on its line is titled by the whole line, less a closing 。.
                block.titleLength
                    = s.runIn ? s.titleLength : line.length - (text.endsWith(u'。') || text.endsWith(u'．'));
                sawHeading = true;
            } else if (s.kind == LineStructure::Kind::Item && sawHeading) {
                block.kind = BlockKind::Item;
                block.titleLength = s.titleLength;
            } else if (line.laidOutNote) {
                block.kind = BlockKind::Note; // a footnote, by where and in what type it stands
            }
            open = true;
        } else {
            // Join: nothing between CJK characters, one space between words, nothing after a
            // hyphen that ends a line. Chinese is set without spaces and broken anywhere, numbers
            // too ("超过6" / "000万人"): in a Chinese paragraph a number goes on across the break.
            const QChar last = block.text.back();
            const QChar next = text.front();
            const bool inNumber = (last.isDigit() && (next.isDigit() || next == u'%' || next == u'.'))
                || ((last == u'.' || last == u',') && next.isDigit() && block.text.size() > 1
                    && block.text.at(block.text.size() - 2).isDigit()); // "1." / "4亿"
            const bool numberGoesOn = inNumber && hasCjk(QStringView(block.text).right(40));
            Segment &before = block.segments.last();
            if (last == u'-' && softHyphenBefore && before.length > 1
                && before.length == before.sourceLength) {
                // The typesetter's hyphen goes: the word is read whole, and the source keeps it.
                block.text.chop(1);
                --before.length;
                --before.sourceLength;
            } else if (!isCjk(last) && !isCjk(next) && last != u'-' && last != u'—' && !numberGoesOn) {
                block.text += u' ';
            }
            // A paragraph cut by a page break: the rest of it stood on the next page.
            const int pageSoFar = block.pageBreaks.isEmpty() ? block.page : block.pageBreaks.last().page;
            if (line.page != pageSoFar)
                block.pageBreaks.append({ block.text.size(), line.page });
        }
        const bool firstLine = block.segments.isEmpty();
        // Markdown's "## " is markup, not text the reader sees.
        qsizetype skip = 0;
        if (m_markdown && line.structure.rank > HeadingRules::RankMarkdownBase) {
            skip = line.structure.markerLength;
            while (skip < text.size() && text.at(skip).isSpace())
                ++skip;
            block.titleLength = text.size() - skip;
        }
        appendRepaired(block, text.sliced(skip), line.start + skip, run.repairs);
        softHyphenBefore = line.laidOutSoftHyphen;
        // The title was measured on the line as extracted; repairs that changed lengths on the way
        // (a leading U+2E3A that became "——", a ligature, closed-up letter-spacing) move its end.
        if (firstLine && block.titleLength > 0)
            block.titleLength = textOffsetOf(block, line.start + skip + block.titleLength);
        if (ends[size_t(k)] == LineEnd::EndsPart)
            closePart();
        else if (ends[size_t(k)] == LineEnd::EndsBlock || k + 1 == to)
            closeBlock();
    }
    run.pieces.append(std::move(piece));
}

void LayoutAnalyzer::findGapTitles()
{
    // A short line without CJK that stands after a wider gap than paragraphs have and before a
    // blank line is a title ("The Fox and the Grapes" between fables), if it reads like one.
    const qsizetype n = m_lines.size();
    for (qsizetype k = 1; k + 1 < n; ++k) {
        Line &line = m_lines[k];
        if (m_lines[k - 1].blanksAfter < 2 || line.blanksAfter < 1
            || line.structure.kind != LineStructure::Kind::Text || line.length > MaxGapTitleChars
            || line.pageMarker)
            continue;
        const QStringView text = content(k);
        if (!text.front().isUpper() || line.endsSentence || text.back() == u',' || text.back() == u'-'
            || text.count(u' ') + 1 > MaxGapTitleWords)
            continue;
        if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x2E80 || c == u'*'; }))
            continue;
        line.structure.kind = LineStructure::Kind::Heading;
        line.structure.rank = HeadingRules::RankLabel;
    }
}

void LayoutAnalyzer::renumberLevels()
{
    QList<int> ranks;
    for (const Part &part : std::as_const(m_parts))
        for (const Block &block : part.blocks)
            if (block.headingLevel > 0 && !ranks.contains(block.headingLevel))
                ranks.append(block.headingLevel);
    std::sort(ranks.begin(), ranks.end());
    for (Part &part : m_parts)
        for (Block &block : part.blocks)
            if (block.headingLevel > 0)
                block.headingLevel = int(ranks.indexOf(block.headingLevel)) + 1;
}

QString LayoutAnalyzer::partTitle(const Part &part) const
{
    if (part.blocks.isEmpty())
        return {};
    const Block &first = part.blocks.first();
    const QString &text = first.text;
    // A news dateline ("新华社北京2月6日电") that names a document in 《》 takes the document's name.
    static const QRegularExpression dateline(u"^\\S{0,16}?\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*电"_s);
    static const QRegularExpression named(u"《([^》]{1,60})》"_s);
    if (dateline.match(text).hasMatch()) {
        const auto m = named.match(text);
        if (m.hasMatch())
            return m.captured(1);
    }
    if (part.kind == PartKind::FrontMatter || part.kind == PartKind::BackMatter) {
        // "*** END OF THE PROJECT GUTENBERG EBOOK ... ***": the words, to its first sentence's end.
        QStringView words = QStringView(text).trimmed();
        while (!words.isEmpty() && (words.front() == u'*' || words.back() == u'*'))
            words = (words.front() == u'*' ? words.sliced(1) : words.chopped(1)).trimmed();
        for (qsizetype i = 0; i < words.size(); ++i) {
            const QChar c = words.at(i);
            if (c == u'。' || c == u'！' || c == u'？'
                || ((c == u'.' || c == u'!' || c == u'?') && i + 1 < words.size()
                    && words.at(i + 1) == u' ')) {
                words.truncate(i);
                break;
            }
        }
        return words.left(MaxMatterTitle).toString();
    }
    // A title-block line names the part whole.
    if (first.matter == Matter::Front && text.size() <= MaxMatterTitle && !HeadingRules::endsSentence(text))
        return text;
    // A short first line that does not end a sentence is a title line.
    if (first.kind == BlockKind::Heading || (text.size() <= 40 && !HeadingRules::endsSentence(text)))
        return text;
    qsizetype end = text.size();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'。' || c == u'！' || c == u'？' || c == u'；'
            || ((c == u'.' || c == u'!' || c == u'?') && (i + 1 == text.size() || text.at(i + 1) == u' '))) {
            end = i;
            break;
        }
    }
    return text.left(std::min<qsizetype>(end, 40));
}

} // namespace Pizhu
