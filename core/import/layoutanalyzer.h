#pragma once

#include "document.h"
#include "headingrules.h"
#include "importer.h"
#include "pagewords.h"
#include "parallel.h"
#include "result.h"
#include "sourceline.h"
#include "textrepair.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <vector>

namespace Pizhu {

// Rebuilds a document's structure from the layout of its lines. Blank lines are not trusted
// where they also stand inside paragraphs; instead a line ends its paragraph when it is clearly
// shorter than the local wrap width and ends a sentence, or when the next line opens a heading or
// an item. Where the layout cannot decide, lines are joined: a merged paragraph is a smaller harm
// than a sentence cut in two.
class LayoutAnalyzer
{
public:
    LayoutAnalyzer(bool markdown, Importer::Progress progress, Parallelism parallelism = {});

    Result<Document, ImportError> analyze(QString source, const DecodeInfo &info);
    // The layout of typeset pages (PdfLayout), one entry for each non-blank line of the source
    // given to analyze(): where blocks start and which lines are headings by their type is then
    // known rather than guessed from line lengths. Ignored (with a warning) if it does not match.
    void setLaidOut(QList<LaidOutLine> lines) { m_laidOut = std::move(lines); }

    // Display columns: East Asian wide and full-width characters count two.
    static int displayWidth(QStringView text);
    static bool isBlankChar(QChar c);
    // A character of Chinese (or Japanese, Korean) script or punctuation, full-width forms included:
    // lines join across it without a space.
    // Asked of most characters of a Chinese text, so inline.
    static bool isCjk(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF)
            || c.isSurrogate();
    }

private:
    using Line = SourceLine;

    struct SliceLines
    {
        QList<SourceLine> lines;
        int trailingBlanks = 0; // blank lines after the slice's last line
        bool trailingFormFeed = false; // a form feed among them
    };
    void scanLines(qsizetype from, qsizetype to, SliceLines &slice) const;
    void splitLines();
    bool hasRadicals() const;
    void applyLaidOut();
    // Calls measureRange(begin, end) for ranges of lines that together cover them all, on every
    // core; each call may write only the lines in its range.
    void forLineRanges(const std::function<void(qsizetype, qsizetype)> &measureRange) const;
    void measure();
    bool breaksAfter(qsizetype k) const;
    bool startsPart(qsizetype k) const; // a new part starts at line k + 1
    bool buildBlocks(); // false if cancelled
    enum class LineEnd : quint8 { GoesOn, EndsBlock, EndsPart };
    struct BlockRun
    {
        // The blocks of a run of lines, in pieces parted where a part ends; the first continues
        // the part open where the run starts.
        QList<QList<Block>> pieces;
        QString text; // the blocks' text, a line feed between blocks; Block::textStart is into it
        RepairCounts repairs;
    };
    void buildRun(qsizetype from, qsizetype to, bool sawHeading, const std::vector<LineEnd> &ends,
        BlockRun &run, bool reports, std::atomic_bool &cancelled);
    void findGapTitles();
    void renumberLevels();
    void appendRepaired(Block &block, QStringView text, qsizetype sourceStart, RepairCounts &repairs);
    static bool isLetterSpaced(QStringView text);
    // Where sourceOffset (in the range the block's segments cover so far) landed in block.text.
    static qsizetype textOffsetOf(const Block &block, qsizetype sourceOffset);
    bool hasHalfWidthText(qsizetype k) const;
    static bool hasCjk(QStringView text);
    static bool isTitleCased(QStringView text); // "THE FULL PROJECT GUTENBERG LICENSE", "*** END ... ***"
    QString partTitle(const Part &part) const;
    QStringView content(qsizetype k) const
    {
        return QStringView(m_text).sliced(m_lines[k].start, m_lines[k].length);
    }
    bool isStandaloneHeading(qsizetype k) const;
    bool isStructureStart(qsizetype k) const;
    bool continuesSentence(qsizetype k) const;
    // goesOnWidth: the width of each line that certainly goes on, -1 for the others.
    int fullWidthAround(qsizetype k, const std::vector<int> &goesOnWidth) const;
    bool headingWraps(qsizetype k) const; // line k stops mid-sentence and the text goes on
    bool reportProgress(double fraction) const;

    bool m_markdown;
    Importer::Progress m_progress;
    Parallelism m_parallelism;
    QString m_source; // as decoded: what the Document keeps
    QString m_text; // the same with radicals repaired, one unit for one: what is analysed
    QList<Line> m_lines; // non-blank lines only
    QList<int> m_wrapWidth; // local wrap width at each line
    QList<int> m_fullWidth; // the width a full line has around each line (0: unknown)
    QList<bool> m_wrapped; // whether the region around each line is hard-wrapped
    // What a blank line after a line means here: always a paragraph break, a break only after a
    // sentence end, or nothing (blank lines stand between wrapped lines too).
    enum class BlankTrust { Always, AfterSentence, Never };
    QList<BlankTrust> m_blankTrust;
    QList<int> m_innerBlankRun;
    bool m_littleEvidence = false; // hardly any line stops mid-sentence: too little to judge blank lines by
                                   // // the blank run that usually stands inside a paragraph here
    QList<Part> m_parts;
    RepairCounts m_repairs;
    QStringList m_pageLabels;
    QList<LaidOutLine> m_laidOut; // empty: the text has no layout but its own
};

} // namespace Pizhu
