#include "layoutanalyzer.h"

#include "matterfinder.h"
#include "notefinder.h"
#include "notemarks.h"
#include "pagefurniture.h"

#include <QRegularExpression>

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

constexpr int Window = 6; // lines either side when measuring the local wrap width
constexpr int BlankWindow = 20; // lines either side when judging what blank lines mean
constexpr double ShortLine
    = 0.85; // without better evidence, a line under this share of the wrap width is short
constexpr int FullWindow = 10; // lines either side when measuring how wide full lines are
constexpr int MaxWrapWidth = 220; // nobody hard-wraps wider; past it lines are paragraphs
constexpr int PartGapLines = 10; // a gap of this many blank lines separates articles
constexpr int MinProseWidth = 40; // a line this wide that stops mid-sentence is prose, not a title
constexpr int MaxTitleWidth = 80; // display columns: a title or title-block line is no wider
// The least a thread is given: text units when splitting lines, lines when measuring them.
constexpr qsizetype SplitGrain = 256 * 1024;
constexpr qsizetype MeasureGrain = 16 * 1024;

bool isWide(char32_t cp)
{
    if (cp < 0x1100)
        return false;
    // The common CJK ranges without a property lookup: ideographs, CJK punctuation, full-width forms.
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3000 && cp <= 0x303E) || (cp >= 0xFF01 && cp <= 0xFF60))
        return true;
    const int eaw = u_getIntPropertyValue(UChar32(cp), UCHAR_EAST_ASIAN_WIDTH);
    return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH;
}

constexpr qsizetype Side = 8; // lines either side of a possible part boundary
using SideWidths = std::array<int, Side>;

// Whether most lines of a run come close to its 80th-percentile width, as hard-wrapped lines do.
bool looksWrapped(const SideWidths &values, int p80)
{
    const auto full = std::count_if(values.begin(), values.end(), [p80](int w) { return w * 4 >= p80 * 3; });
    return p80 <= MaxWrapWidth && full * 2 >= qsizetype(values.size());
}

// Asked at every paragraph break: on the stack, sorted in place.
int percentile80(SideWidths values)
{
    std::sort(values.begin(), values.end());
    return values.at(size_t((values.size() - 1) * 0.8));
}

} // namespace

LayoutAnalyzer::LayoutAnalyzer(bool markdown, Importer::Progress progress, Parallelism parallelism)
    : m_markdown(markdown), m_progress(std::move(progress)), m_parallelism(parallelism)
{ }

bool LayoutAnalyzer::isBlankChar(QChar c)
{
    // Zero-width spaces and BOMs stand alone on lines in text copied from the web; they are as
    // blank as a space.
    return c.isSpace() || c == u'\u200B' || c == u'\uFEFF' || c == u'\u200C' || c == u'\u200D'
        || c == u'\u2060';
}

int LayoutAnalyzer::displayWidth(QStringView text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        // Below U+1100 nothing is wide, a surrogate or a ligature: most of a Latin text.
        if (c.unicode() < 0x1100) {
            ++width;
            continue;
        }
        if (c.isHighSurrogate() && i + 1 < text.size()) {
            width += isWide(QChar::surrogateToUcs4(c, text.at(i + 1))) ? 2 : 1;
            ++i;
        } else if (TextRepair::isLigature(c)) {
            // Measured as the letters it is written out as: a line of "ﬁnancial" is as full as
            // a line of "financial", and a ligature must not make a full line look short.
            width += int(std::max<qsizetype>(1, TextRepair::ligatureLetters(c).size()));
        } else {
            width += isWide(c.unicode()) ? 2 : 1;
        }
    }
    return width;
}

bool LayoutAnalyzer::reportProgress(double fraction) const
{
    return !m_progress || m_progress(fraction);
}

// One slice of the text's lines, measured on its own. What joins a line to the ones before it is
// left for splitLines() to settle in order: in blanksAfter, the blank lines before the line within
// the slice; in afterFormFeed, whether a form feed stood among them or in the line's own indent;
// in indented, whether the line is indented at all.
void LayoutAnalyzer::scanLines(qsizetype from, qsizetype to, SliceLines &slice) const
{
    const QStringView text = QStringView(m_text).first(to);
    slice.lines.reserve(text.sliced(from).count(u'\n') + 1);
    qsizetype pos = from;
    int blanks = 0;
    bool formFeed = false;
    while (pos < to) {
        qsizetype end = text.indexOf(u'\n', pos);
        if (end < 0)
            end = to;
        qsizetype s = pos, e = end;
        while (s < e && isBlankChar(text.at(s))) {
            formFeed = formFeed || text.at(s) == u'\f';
            ++s;
        }
        while (e > s && isBlankChar(text.at(e - 1)))
            --e;
        if (s == e) {
            ++blanks;
        } else {
            Line line;
            line.start = s;
            line.length = qint32(e - s);
            line.indented = s > pos;
            line.afterFormFeed = formFeed;
            line.blanksAfter = blanks;
            const QStringView content = text.sliced(s, e - s);
            line.pageMarker = PageFurniture::isPageNumberLine(content);
            line.width = displayWidth(content);
            line.structure = HeadingRules::classify(content, m_markdown);
            line.endsSentence = HeadingRules::endsSentence(content);
            slice.lines.append(line);
            blanks = 0;
            formFeed = false;
        }
        pos = end + 1;
    }
    slice.trailingBlanks = blanks;
    slice.trailingFormFeed = formFeed;
}

void LayoutAnalyzer::splitLines()
{
    // In slices cut after a line end, one a core: a line's own measurements (its width, its
    // numbering, whether it ends a sentence) are most of the work and need no other line.
    const qsizetype n = m_text.size();
    const int slices = m_parallelism.slicesFor(n, SplitGrain);
    std::vector<qsizetype> cut(size_t(slices) + 1, n);
    cut[0] = 0;
    for (int i = 1; i < slices; ++i) {
        const qsizetype end = m_text.indexOf(u'\n', std::max(Parallelism::bound(n, slices, i), cut[i - 1]));
        cut[i] = end < 0 ? n : end + 1;
    }
    std::vector<SliceLines> found(static_cast<size_t>(slices));
    Parallelism::run(slices, [&](int i) { scanLines(cut[size_t(i)], cut[size_t(i) + 1], found[size_t(i)]); });

    // Joined without copying the first slice (all of a small file), then settled in order: the
    // blank lines and form feeds between lines, which may cross a cut.
    std::vector<qsizetype> firstOf(found.size(), 0); // index of each slice's first line
    m_lines = std::move(found[0].lines);
    qsizetype total = 0;
    for (const SliceLines &slice : found)
        total += slice.lines.size();
    m_lines.reserve(total);
    for (size_t i = 1; i < found.size(); ++i) {
        firstOf[i] = m_lines.size();
        m_lines.append(found[i].lines);
        found[i].lines = {};
    }
    int blanks = 0;
    bool formFeed = false;
    size_t slice = 0;
    for (qsizetype k = 0; k < m_lines.size(); ++k) {
        for (; slice + 1 < found.size() && firstOf[slice + 1] <= k; ++slice) {
            blanks += found[slice].trailingBlanks;
            formFeed = formFeed || found[slice].trailingFormFeed;
        }
        Line &line = m_lines[k];
        line.afterFormFeed = formFeed || line.afterFormFeed;
        line.indented = line.indented && !line.afterFormFeed;
        const int before = blanks + line.blanksAfter;
        line.blanksAfter = 0;
        blanks = 0;
        formFeed = false;
        if (k == 0)
            continue;
        Line &prev = m_lines[k - 1];
        prev.blanksAfter = before;
        // A numbered line right after a long line that stops mid-sentence is that sentence
        // wrapping onto a line that happens to start with a number, not a heading.
        if (line.structure.kind == LineStructure::Kind::Heading && !m_markdown && before == 0
            && !prev.endsSentence && !prev.pageMarker && prev.structure.kind == LineStructure::Kind::Text
            && prev.width >= MinProseWidth)
            line.structure = LineStructure();
    }
}

// Where the page layout is known, it decides: a line starts a block where the layout says so, a
// numbered line inside a paragraph is text that wrapped there, and a line in larger type that
// starts a block is a heading even without a number.
void LayoutAnalyzer::applyLaidOut()
{
    if (m_laidOut.isEmpty())
        return;
    if (m_laidOut.size() != m_lines.size()) {
        qWarning("pizhu: the page layout describes %lld lines of a text of %lld; reading the text alone",
            qlonglong(m_laidOut.size()), qlonglong(m_lines.size()));
        m_laidOut.clear();
        return;
    }
    for (qsizetype k = 0; k < m_lines.size(); ++k) {
        Line &line = m_lines[k];
        const LaidOutLine &hint = m_laidOut.at(k);
        const QStringView text = content(k);
        line.laidOutStart = hint.startsBlock;
        line.laidOutNote = hint.note;
        line.laidOutSoftHyphen = hint.softHyphen;
        if (hint.furniture) {
            // A page number keeps its place as the page's label; anything else there is dropped.
            const bool number = line.pageMarker
                || (text.size() <= 4
                    && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); }));
            line.pageMarker = number;
            line.laidOutFurniture = !number;
            continue;
        }
        if (!hint.startsBlock || hint.note) {
            line.structure = LineStructure();
            continue;
        }
        line.structure = HeadingRules::classify(text, false);
        line.laidOutHeadingType = hint.typeRank > 0;
        if (hint.outlined) {
            line.structure = LineStructure();
            line.structure.kind = LineStructure::Kind::Heading;
            line.structure.rank = hint.typeRank;
        } else if (line.structure.kind == LineStructure::Kind::Text && hint.typeRank > 0) {
            line.structure.kind = LineStructure::Kind::Heading;
            line.structure.rank = hint.typeRank;
        }
    }
}

bool LayoutAnalyzer::continuesSentence(qsizetype j) const
{
    return j + 1 < m_lines.size() && !isStandaloneHeading(j) && !m_lines[j].endsSentence
        && !isStructureStart(j + 1);
}

// How wide a full line is around line k: the narrowest line that certainly goes on (it stops
// mid-sentence and is not a short title), less one CJK character for the line-breaking rules that
// push a character to the next line. Each side is measured separately so that an article boundary
// with a different wrap width does not mix the two. 0 when there is too little evidence.
int LayoutAnalyzer::fullWidthAround(qsizetype k, const std::vector<int> &goesOnWidth) const
{
    const qsizetype n = m_lines.size();
    auto side = [&](qsizetype from, qsizetype to) {
        int smallest = std::numeric_limits<int>::max(), count = 0;
        for (qsizetype j = std::max<qsizetype>(from, 0); j <= std::min(to, n - 1); ++j) {
            if (goesOnWidth[size_t(j)] < 0)
                continue;
            ++count;
            smallest = std::min(smallest, goesOnWidth[size_t(j)]);
        }
        return count >= 2 ? smallest - 2 : 0;
    };
    const int before = side(k - FullWindow, k - 1), after = side(k + 1, k + FullWindow);
    if (before == 0 || after == 0)
        return std::max(before, after);
    return std::min(before, after);
}

void LayoutAnalyzer::forLineRanges(const std::function<void(qsizetype, qsizetype)> &measureRange) const
{
    m_parallelism.forRanges(m_lines.size(), MeasureGrain, measureRange);
}

void LayoutAnalyzer::measure()
{
    // Every line is measured against a window of lines around it and written only where it
    // stands, so the lines are measured in ranges, one a core.
    const qsizetype n = m_lines.size();
    m_wrapWidth.resize(n);
    m_wrapped.resize(n);
    m_blankTrust.resize(n);
    m_innerBlankRun.resize(n);
    int *const wrapWidth = m_wrapWidth.data();
    bool *const wrapped = m_wrapped.data();
    // The widths of the lines that are not headings on their own, -1 for those: every line reads
    // 26 of them, from an array four bytes a line rather than the lines themselves.
    std::vector<int> bodyWidth(size_t(n), -1);
    forLineRanges([&](qsizetype begin, qsizetype end) {
        for (qsizetype j = begin; j < end; ++j)
            if (!isStandaloneHeading(j))
                bodyWidth[size_t(j)] = m_lines[j].width;
    });
    forLineRanges([&](qsizetype begin, qsizetype end) {
        for (qsizetype k = begin; k < end; ++k) {
            const qsizetype from = std::max<qsizetype>(0, k - Window), to = std::min(n - 1, k + Window);
            int first = 0, second = 0;
            for (qsizetype j = from; j <= to; ++j) {
                const int w = bodyWidth[size_t(j)];
                if (w > first) {
                    second = first;
                    first = w;
                } else if (w > second)
                    second = w;
            }
            // The second widest line, so that one overlong line does not stretch the estimate.
            const int wrap = second > 0 ? second : first;
            wrapWidth[k] = wrap;
            int full = 0, counted = 0;
            for (qsizetype j = from; j <= to; ++j) {
                const int w = bodyWidth[size_t(j)];
                counted += w >= 0;
                full += w >= 0 && w * 4 >= wrap * 3;
            }
            wrapped[k] = wrap <= MaxWrapWidth && counted >= 3 && full * 2 >= counted;
        }
    });

    // Lines that stop mid-sentence show what stands inside a paragraph: if blank lines follow
    // them too, blank lines say nothing about paragraphs. Prefix sums make every window O(1).
    std::vector<qsizetype> continuingSum(size_t(n) + 1, 0), blankSum(size_t(n) + 1, 0);
    std::vector<int> continuingRun(size_t(n), 0);
    for (qsizetype j = 0; j < n; ++j) {
        const bool c = continuesSentence(j);
        continuingSum[j + 1] = continuingSum[j] + c;
        // A short line that stops before a blank line is a title-block line ("BY SUN TZU",
        // "国务院总理"), not a sentence cut by a blank line: only lines as full as wrapped lines
        // are evidence.
        const bool evidence
            = c && (m_lines[j].width * 4 >= m_wrapWidth[j] * 3 || m_lines[j].width > MaxTitleWidth);
        blankSum[j + 1] = blankSum[j] + (evidence && m_lines[j].blanksAfter > 0);
        continuingRun[j] = evidence ? m_lines[j].blanksAfter : 0;
    }
    const qsizetype continuing = continuingSum[n], continuingBlank = blankSum[n];
    const bool trustedInFile = continuing == 0 || continuingBlank * 20 < continuing;
    // With almost no evidence (a short note: a title and two paragraphs), a short line before a
    // blank line is a title, as in most plain text.
    m_littleEvidence = continuing < 3;

    BlankTrust *const blankTrust = m_blankTrust.data();
    int *const innerBlankRun = m_innerBlankRun.data();
    forLineRanges([&](qsizetype begin, qsizetype end) {
        for (qsizetype k = begin; k < end; ++k) {
            const qsizetype bfrom = std::max<qsizetype>(0, k - BlankWindow),
                            bto = std::min(n - 1, k + BlankWindow);
            const qsizetype localContinuing = continuingSum[bto + 1] - continuingSum[bfrom];
            const qsizetype localBlank = blankSum[bto + 1] - blankSum[bfrom];
            innerBlankRun[k]
                = *std::max_element(continuingRun.cbegin() + bfrom, continuingRun.cbegin() + bto + 1);
            // A blank line after a line that stops mid-sentence is a break only where the whole
            // file uses blank lines that way: cutting a sentence in two is the worse mistake.
            if (m_markdown || (trustedInFile && (localContinuing == 0 || localBlank * 3 < localContinuing)))
                blankTrust[k] = BlankTrust::Always;
            else if (localContinuing == 0 || localBlank * 3 < localContinuing)
                blankTrust[k] = BlankTrust::AfterSentence;
            else
                blankTrust[k] = BlankTrust::Never;
        }
    });
    // The width of each line that certainly goes on, -1 for the others: asked twenty times a line
    // by fullWidthAround(), so judged once here.
    std::vector<int> goesOnWidth(size_t(n), -1);
    forLineRanges([&](qsizetype begin, qsizetype end) {
        for (qsizetype j = begin; j < end; ++j) {
            const Line &l = m_lines[j];
            if (!(l.endsSentence || isStructureStart(j) || (j + 1 < n && isStructureStart(j + 1))
                    || l.width * 2 < m_wrapWidth[j]))
                goesOnWidth[size_t(j)] = l.width;
        }
    });
    m_fullWidth.resize(n);
    int *const fullWidth = m_fullWidth.data();
    forLineRanges([&](qsizetype begin, qsizetype end) {
        for (qsizetype k = begin; k < end; ++k)
            fullWidth[k] = m_wrapped[k] ? fullWidthAround(k, goesOnWidth) : 0;
    });
}

bool LayoutAnalyzer::headingWraps(qsizetype k) const
{
    // A heading too long for one line goes on at the next when it fills its line and stops
    // mid-sentence ("……更大激发市场活力和" / "社会创造力").
    // The same holds for a heading whose first sentence happens to end exactly at the line's end:
    // a full line is a run-in heading's first line, not a heading alone.
    const Line &line = m_lines[k];
    const bool goesOn = !line.endsSentence || content(k).endsWith(u'。');
    return m_wrapped[k] && goesOn && m_fullWidth[k] > 0 && line.width >= m_fullWidth[k]
        && line.blanksAfter == 0;
}

bool LayoutAnalyzer::isStandaloneHeading(qsizetype k) const
{
    const LineStructure &s = m_lines[k].structure;
    return s.kind == LineStructure::Kind::Heading && !s.runIn;
}

bool LayoutAnalyzer::isStructureStart(qsizetype k) const
{
    return m_lines[k].structure.kind != LineStructure::Kind::Text;
}

bool LayoutAnalyzer::breaksAfter(qsizetype k) const
{
    if (k + 1 >= m_lines.size())
        return true;
    if (!m_laidOut.isEmpty())
        return m_lines[k + 1].laidOutStart;
    if (isStructureStart(k + 1))
        return true;
    if (isStandaloneHeading(k))
        return !headingWraps(k);
    const Line &line = m_lines[k];
    const bool endsSentence = line.endsSentence;
    // A full line that stops mid-sentence goes on, whatever blank line PDF extraction put after it.
    const bool fullAndGoesOn
        = !endsSentence && m_wrapped[k] && m_fullWidth[k] > 0 && line.width >= m_fullWidth[k];
    if (line.blanksAfter > 0 && m_blankTrust[k] == BlankTrust::Always && !fullAndGoesOn)
        return true;
    // A line in capitals or set between asterisks before a blank line is a title or a marker
    // ("*** END OF THE PROJECT GUTENBERG EBOOK ***"), whatever the width.
    if (line.blanksAfter > 0 && m_blankTrust[k] != BlankTrust::Never && isTitleCased(content(k)))
        return true;
    // A line well short of the wrap width before a blank line ends its paragraph, or is a title
    // ("Title: Aesop's Fables"): only full lines are cut by blank lines inside a paragraph here.
    if (line.blanksAfter > 0 && m_blankTrust[k] == BlankTrust::AfterSentence
        && (endsSentence || (line.width * 4 < m_wrapWidth[k] * 3 && line.width <= MaxTitleWidth)))
        return true;
    if (line.blanksAfter > 0 && m_littleEvidence && (endsSentence || line.width < MinProseWidth))
        return true;
    if (line.blanksAfter >= 2 && line.blanksAfter > m_innerBlankRun[k])
        return true;
    if (m_markdown)
        return false;
    if (!m_wrapped[k])
        return endsSentence;
    const int full = m_fullWidth[k] > 0 ? m_fullWidth[k] : int(ShortLine * m_wrapWidth[k]);
    if (!endsSentence)
        return false;
    if (line.width < full)
        return true;
    // In a novel every turn of dialogue opens a paragraph: after a sentence's end, a line that opens
    // a quotation starts one, however full the line before it is.
    // So does the narration after a line whose last words close a quotation.
    const QStringView nextText = content(k + 1);
    const QStringView text = content(k);
    if (!hasCjk(text)
        && (nextText.front() == u'“'
            || (nextText.front().isUpper() && text.size() >= 2 && text.back() == u'”' && text.contains(u'“')
                && HeadingRules::isSentenceEnd(text.at(text.size() - 2)))))
        return true;
    // A full line that ends a sentence ends its paragraph too when the next line is indented the way
    // a first line is: narrower than full lines by more than a character, though its text goes on.
    const Line &next = m_lines[k + 1];
    return m_fullWidth[k] > 0 && next.width < full - 2 && continuesSentence(k + 1) && next.blanksAfter == 0
        && !hasHalfWidthText(k + 1);
}

bool LayoutAnalyzer::startsPart(qsizetype k) const
{
    const qsizetype n = m_lines.size();
    if (k + 1 >= n)
        return false;
    if (m_lines[k].blanksAfter >= PartGapLines)
        return true;
    // Otherwise a change of layout: the wrap width changes, and the new article's first line is
    // indented or its blank-line habit differs from the old one's.
    if (k + 1 < Side || n - (k + 1) < Side)
        return false;
    SideWidths before {}, after {};
    int blankBefore = 0, blankAfter = 0, indentBefore = 0, indentAfter = 0;
    for (qsizetype j = k + 1 - Side; j <= k; ++j) {
        before[size_t(j - (k + 1 - Side))] = m_lines[j].width;
        blankBefore += m_lines[j].blanksAfter > 0;
        indentBefore += m_lines[j].indented;
    }
    for (qsizetype j = k + 1; j <= k + Side; ++j) {
        after[size_t(j - (k + 1))] = m_lines[j].width;
        blankAfter += j < k + Side && m_lines[j].blanksAfter > 0;
        indentAfter += j > k + 1 && m_lines[j].indented;
    }
    const int wb = percentile80(before), wa = percentile80(after);
    const bool widthChanges
        = std::abs(wb - wa) * 4 >= std::max(wb, wa) && looksWrapped(before, wb) && looksWrapped(after, wa);
    const bool indentOpens = m_lines[k + 1].indented && indentBefore <= 1 && indentAfter <= 1;
    const bool blanksChange = std::abs(blankBefore * (Side - 1) - blankAfter * Side) * 2 >= Side * (Side - 1);
    // Verse and block quotes are indented throughout: a passage inside the article, not a new one.
    const bool indentedPassage = indentAfter * 2 >= Side;
    return widthChanges && !indentedPassage && (indentOpens || blanksChange);
}

bool LayoutAnalyzer::hasRadicals() const
{
    // Asked of every character, so on every core, in blocks without an early exit inside, which
    // the compiler makes wide.
    constexpr qsizetype Stride = 4096;
    std::atomic_bool found = false;
    m_parallelism.forRanges(m_source.size(), SplitGrain, [&](qsizetype begin, qsizetype end) {
        for (qsizetype from = begin; from < end && !found; from += Stride) {
            bool any = false;
            for (QChar c : QStringView(m_source).sliced(from, std::min(Stride, end - from)))
                any |= TextRepair::isRadical(c);
            if (any)
                found = true;
        }
    });
    return found;
}

Result<Document, ImportError> LayoutAnalyzer::analyze(QString source, const DecodeInfo &info)
{
    m_source = std::move(source);
    // Line analysis reads the repaired text, so that a heading written with radicals (⼀、) is
    // still a heading; the Document keeps the source as it was for exact anchors and "show original".
    m_text = m_source;
    if (hasRadicals())
        m_repairs.radicals = TextRepair::repairRadicals(m_text);
    if (!reportProgress(0.0))
        return Result<Document, ImportError>::failure(ImportError::Cancelled);
    splitLines();
    applyLaidOut();
    m_pageLabels = PageFurniture::strip(m_lines, m_text, m_repairs);
    if (m_lines.isEmpty())
        return Result<Document, ImportError>::failure(ImportError::Empty);
    if (!m_markdown)
        findGapTitles();
    measure();
    if (!reportProgress(0.2))
        return Result<Document, ImportError>::failure(ImportError::Cancelled);
    if (!buildBlocks() || !reportProgress(0.9))
        return Result<Document, ImportError>::failure(ImportError::Cancelled);
    MatterFinder::apply(m_parts, m_source);
    NoteFinder::apply(m_parts);
    MatterFinder::markClosingLines(m_parts);
    renumberLevels();
    NoteMarks::link(m_parts);
    for (Part &part : m_parts)
        part.title = partTitle(part);
    // The per-line measurements are done with: free them before the Document builds its text, so
    // that they and the text are never held at once (on a 50 MB file they are tens of MB).
    m_text = QString();
    m_lines = {};
    m_wrapWidth = {};
    m_fullWidth = {};
    m_wrapped = {};
    m_blankTrust = {};
    m_innerBlankRun = {};
    return Document(std::move(m_source), std::move(m_parts), info, m_repairs, std::move(m_pageLabels));
}

} // namespace Pizhu
