#include "matterfinder.h"

#include "headingrules.h"
#include "layoutanalyzer.h"
#include "notefinder.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

constexpr int TitleBlockWidth = 80; // display columns: a title-block line is shorter than this
constexpr int MaxTitleBlockLines = 8;
constexpr qsizetype WeakPartChars = 300; // a part shorter than this is no article of its own
constexpr qsizetype WeakPartBlocks = 3;
constexpr qsizetype SeparatorLines = 10; // more line breaks than this between two parts: ten blank lines

bool isBlankish(QChar c)
{
    return c.isSpace() || c == u'\u3000';
}

// Lower case without white space: "目　　录" and "Table of  Contents" compare as words.
QString squeezed(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        if (!isBlankish(c))
            out += c.toLower();
    return out;
}

// The first character of squeezed(text), without making it.
QChar firstLetter(QStringView text)
{
    for (QChar c : text)
        if (!isBlankish(c))
            return c.toLower();
    return {};
}

bool enclosedInParens(QStringView text)
{
    return text.size() >= 2 && (text.front() == u'（' || text.front() == u'(' || text.front() == u'【')
        && (text.back() == u'）' || text.back() == u')' || text.back() == u'】');
}

bool isTocLabel(QStringView text)
{
    const QString word = squeezed(text);
    return word == u"目录" || word == u"contents" || word == u"tableofcontents";
}

void demote(Block &block, Matter matter)
{
    block.matter = matter;
    if (block.kind != BlockKind::Note)
        block.kind = BlockKind::Paragraph;
    block.headingLevel = 0;
    block.titleLength = 0;
}

// Moves blocks [from, to) to the end of into; the moved-from blocks are left for the caller to
// remove. Copying them instead held the back matter twice: most of a file, where a trailer comes
// early (a book repeated after its licence).
void moveBlocks(QList<Block> &blocks, qsizetype from, qsizetype to, QList<Block> &into)
{
    into.reserve(into.size() + (to - from));
    for (qsizetype b = from; b < to; ++b)
        into.append(std::move(blocks[b]));
}

qsizetype partChars(const Part &part)
{
    qsizetype n = 0;
    for (const Block &b : part.blocks)
        n += b.text.size();
    return n;
}

} // namespace

bool MatterFinder::isTrailerStart(QStringView text)
{
    // Asked of every block of a book: most are told by their first character.
    if (text.isEmpty())
        return false;
    const char16_t first = text.front().toLower().unicode();
    if (first != u'*' && first != u'e' && first != u'本' && first != u'p' && first != u't')
        return false;
    if (text.startsWith(u"***") && text.contains(u"END OF", Qt::CaseInsensitive)
        && text.contains(u"PROJECT GUTENBERG", Qt::CaseInsensitive))
        return true;
    if (text.startsWith(u"End of the Project Gutenberg", Qt::CaseInsensitive)
        || text.startsWith(u"End of Project Gutenberg", Qt::CaseInsensitive))
        return true;
    if (text.startsWith(u"本作品")) {
        static const std::array<QStringView, 6> licence
            = { u"公有领域", u"著作权", u"版权", u"许可协议", u"授权", u"知识共享" };
        return std::any_of(licence.begin(), licence.end(), [&](QStringView w) { return text.contains(w); });
    }
    return text.compare(u"Public domain", Qt::CaseInsensitive) == 0
        || text.startsWith(u"This work is in the public domain", Qt::CaseInsensitive)
        || text.startsWith(u"This work is licensed under", Qt::CaseInsensitive);
}

bool MatterFinder::isHeaderEnd(QStringView text)
{
    return text.startsWith(u"***") && text.contains(u"START OF", Qt::CaseInsensitive)
        && text.contains(u"PROJECT GUTENBERG", Qt::CaseInsensitive);
}

bool MatterFinder::isClosingLine(QStringView text)
{
    if (text.size() > 60)
        return false;
    const QString word = squeezed(text);
    static const std::array<QStringView, 9> ends = { u"（完）", u"(完)", u"【完】", u"完", u"（全文完）",
        u"（全文结束）", u"theend", u"finis", u"end" };
    if (std::find(ends.begin(), ends.end(), QStringView(word)) != ends.end())
        return true;
    static const std::array<QStringView, 9> sourceWords
        = { u"编辑", u"责编", u"来源", u"电）", u"记者", u"供稿", u"校对", u"审核", u"稿）" };
    if (enclosedInParens(text) && text.size() <= 40)
        return std::any_of(
            sourceWords.begin(), sourceWords.end(), [&](QStringView w) { return text.contains(w); });
    static const std::array<QStringView, 6> leads
        = { u"责任编辑", u"编辑：", u"来源：", u"文章来源", u"Source:", u"Editor:" };
    return std::any_of(leads.begin(), leads.end(), [&](QStringView w) { return text.startsWith(w); });
}

void MatterFinder::splitLibraryMatter(QList<Part> &parts)
{
    // A licence or source trailer: it and everything after it is one back-matter part.
    for (qsizetype p = 0; p < parts.size(); ++p) {
        QList<Block> &blocks = parts[p].blocks;
        qsizetype at = -1;
        for (qsizetype b = (p == 0 ? 1 : 0); b < blocks.size() && at < 0; ++b)
            if (isTrailerStart(blocks.at(b).text))
                at = b;
        if (at < 0)
            continue;
        Part back;
        back.kind = PartKind::BackMatter;
        moveBlocks(blocks, at, blocks.size(), back.blocks);
        blocks.resize(at);
        for (qsizetype q = p + 1; q < parts.size(); ++q)
            back.blocks += std::move(parts[q].blocks);
        parts.resize(blocks.isEmpty() ? p : p + 1);
        parts.append(std::move(back));
        break;
    }
    // A library's header: everything up to its "*** START OF" line is one front-matter part. The
    // header may have been cut into parts of its own by its layout.
    constexpr qsizetype HeaderParts = 4;
    for (qsizetype p = 0; p < std::min(parts.size(), HeaderParts); ++p) {
        if (parts.at(p).kind == PartKind::BackMatter)
            return;
        const QList<Block> &blocks = parts.at(p).blocks;
        const auto it = std::find_if(
            blocks.cbegin(), blocks.cend(), [](const Block &b) { return isHeaderEnd(b.text); });
        if (it == blocks.cend())
            continue;
        const qsizetype at = it - blocks.cbegin() + 1;
        const bool restOfPart = at < blocks.size();
        if (!restOfPart && (p + 1 >= parts.size() || parts.at(p + 1).kind == PartKind::BackMatter))
            return; // nothing after the header: leave the file as it is
        Part front;
        front.kind = PartKind::FrontMatter;
        for (qsizetype q = 0; q < p; ++q)
            front.blocks += std::move(parts[q].blocks);
        moveBlocks(parts[p].blocks, 0, at, front.blocks);
        parts[p].blocks.remove(0, at);
        parts.remove(0, restOfPart ? p : p + 1);
        parts.first().kind = PartKind::Main;
        parts.prepend(std::move(front));
        return;
    }
}

// Lines that separate two blocks in the source: ten blank lines between them are a separator the
// writer put there on purpose, which no size rule overrides.
static qsizetype linesBetween(QStringView source, const Block &before, const Block &after)
{
    if (source.isEmpty() || after.sourceStart <= before.sourceEnd || after.sourceStart > source.size())
        return 0;
    return source.sliced(before.sourceEnd, after.sourceStart - before.sourceEnd).count(u'\n');
}

void MatterFinder::mergeWeakParts(QList<Part> &parts, QStringView source)
{
    for (qsizetype p = 1; p < parts.size();) {
        Part &part = parts[p];
        Part &prev = parts[p - 1];
        if (part.kind != PartKind::Commentary || prev.kind == PartKind::FrontMatter) {
            ++p;
            continue;
        }
        const Block &opening = part.blocks.first();
        if (!prev.blocks.isEmpty() && linesBetween(source, prev.blocks.last(), opening) > SeparatorLines) {
            ++p;
            continue;
        }
        // A new article is strong evidence; a few lines, a note or a notes label, or a chapter of
        // the same kind as the last part's chapters (a change of layout inside one book) is not.
        bool weak = part.blocks.size() < WeakPartBlocks || partChars(part) < WeakPartChars
            || NoteFinder::isNotesLabel(opening.text) || NoteFinder::noteNumber(opening.text) > 0;
        // A heading's body follows it: a part cannot start right after one.
        weak = weak || (!prev.blocks.isEmpty() && prev.blocks.last().kind == BlockKind::Heading);
        if (!weak && opening.kind == BlockKind::Heading)
            weak = std::any_of(prev.blocks.cbegin(), prev.blocks.cend(), [&](const Block &b) {
                return b.kind == BlockKind::Heading && b.headingLevel == opening.headingLevel;
            });
        if (!weak) {
            ++p;
            continue;
        }
        prev.blocks += std::move(part.blocks);
        parts.removeAt(p);
    }
}

void MatterFinder::settleLabelRanks(Part &part)
{
    int top = 0;
    for (const Block &b : std::as_const(part.blocks))
        if (b.headingLevel > 0 && b.headingLevel != HeadingRules::RankLabel
            && (top == 0 || b.headingLevel < top))
            top = b.headingLevel;
    for (qsizetype b = 0; b < part.blocks.size(); ++b) {
        Block &block = part.blocks[b];
        if (block.headingLevel != HeadingRules::RankLabel)
            continue;
        if (b == 0) {
            // The part's first line is its title, not a section of it.
            block.kind = BlockKind::Paragraph;
            block.headingLevel = 0;
            block.titleLength = 0;
        } else {
            block.headingLevel = top > 0 ? top : int(HeadingRules::RankChapter);
        }
    }
}

void MatterFinder::markFrontMatter(Part &part)
{
    QList<Block> &blocks = part.blocks;
    const qsizetype n = blocks.size();
    // The title block: short lines that end no sentence (a dateline in brackets or after "——" may),
    // before a heading, a long paragraph or a salutation.
    qsizetype k = 0;
    while (k < n && k < MaxTitleBlockLines) {
        const Block &b = blocks.at(k);
        if (b.kind == BlockKind::Heading || b.kind == BlockKind::Note || b.opensSection()
            || LayoutAnalyzer::displayWidth(b.text) > TitleBlockWidth)
            break;
        const bool dateline = enclosedInParens(b.text) || b.text.startsWith(u'—');
        if (HeadingRules::endsSentence(b.text) && !dateline)
            break;
        ++k;
    }
    const bool bodyFollows = k < n
        && (blocks.at(k).kind == BlockKind::Heading || blocks.at(k).opensSection()
            || LayoutAnalyzer::displayWidth(blocks.at(k).text) > TitleBlockWidth
            || blocks.at(k).text.endsWith(u'：') || blocks.at(k).text.endsWith(u':'));
    if (!bodyFollows)
        k = 0;
    for (qsizetype b = 0; b < k; ++b)
        blocks[b].matter = Matter::Front;

    // A table of contents: its entries are the headings that follow it, not headings themselves.
    for (qsizetype t = 0; t < std::min<qsizetype>(n, 40); ++t) {
        if (!isTocLabel(blocks.at(t).text))
            continue;
        // An entry names a heading further on: its text stands again after it. Where the short
        // blocks after the label last stand is gathered for one first letter at a time, when an
        // entry asks for it: a long book has a few entry letters and hundreds of thousands of
        // blocks, most of which need no squeezed copy.
        QHash<QString, qsizetype> lastAt;
        QSet<QChar> gathered;
        auto lastOf = [&](const QString &entry) {
            const QChar letter = entry.isEmpty() ? QChar() : entry.front();
            if (!gathered.contains(letter)) {
                gathered.insert(letter);
                for (qsizetype j = t + 1; j < n; ++j) {
                    const QString &text = blocks.at(j).text;
                    if (text.size() <= 60 && firstLetter(text) == letter)
                        lastAt.insert(squeezed(text), j);
                }
            }
            return lastAt.value(entry, -1);
        };
        qsizetype end = t + 1;
        while (end < n && lastOf(squeezed(blocks.at(end).text)) > end)
            ++end;
        if (end - t < 3)
            continue;
        for (qsizetype b = 0; b < end; ++b)
            if (b >= t || blocks.at(b).matter == Matter::Front)
                demote(blocks[b], Matter::Front);
        break;
    }
}

void MatterFinder::markBackMatter(Part &part)
{
    QList<Block> &blocks = part.blocks;
    // The lines that close a work ("（完）", an editor or source line), with its notes between them.
    for (qsizetype b = blocks.size() - 1; b > 0; --b) {
        Block &block = blocks[b];
        if (block.kind == BlockKind::Note || NoteFinder::isNotesLabel(block.text))
            continue;
        if (!isClosingLine(block.text) || block.kind == BlockKind::Heading)
            break;
        block.matter = Matter::Back;
    }
}

void MatterFinder::apply(QList<Part> &parts, QStringView source)
{
    splitLibraryMatter(parts);
    mergeWeakParts(parts, source);
    bool firstMain = true;
    for (Part &part : parts) {
        if (part.kind == PartKind::FrontMatter || part.kind == PartKind::BackMatter) {
            for (Block &block : part.blocks)
                demote(block, part.kind == PartKind::FrontMatter ? Matter::Front : Matter::Back);
            continue;
        }
        settleLabelRanks(part);
        if (firstMain)
            markFrontMatter(part);
        firstMain = false;
    }
}

void MatterFinder::markClosingLines(QList<Part> &parts)
{
    for (Part &part : parts)
        if (part.kind == PartKind::Main || part.kind == PartKind::Commentary)
            markBackMatter(part);
}

} // namespace Pizhu
