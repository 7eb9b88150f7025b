#include "targetextractor.h"

#include "document.h"
#include "figuregovernor.h"
#include "figurescanner.h"
#include "horizonfinder.h"
#include "indicatorsplitter.h"

#include <QHash>

#include <array>
#include <bitset>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

using Comparator = Target::Comparator;

// Review language: the sentence reports what happened rather than commits to what will.
// 去年 and 上年 are left out: a plan compares with last year ("增幅明显高于去年").
constexpr std::array<QStringView, 10> pastCues { u"同比", u"已经", u"已", u"累计", u"过去", u"年来", u"以来",
    u"曾", u"截至", u"截止" };
// A paragraph that opens with one of these reviews the past: "过去一年，……", "去年，……".
constexpr std::array<QStringView, 10> pastOpeningCues { u"同比", u"已经", u"已", u"累计", u"过去", u"年来",
    u"以来", u"去年", u"上年", u"曾" };
// Words that make a sentence a commitment even when no horizon governs it.
constexpr std::array<QStringView, 12> futureCues { u"力争", u"确保", u"目标", u"预期", u"拟", u"计划",
    u"争取", u"要", u"将", u"努力", u"预计", u"力求" };
// How a heading places its section in time.
constexpr std::array<QStringView, 5> pastHeadingWords { u"回顾", u"过去", u"成就", u"成绩", u"成效" };
constexpr std::array<QStringView, 10> futureHeadingWords { u"目标", u"任务", u"建议", u"今年", u"重点工作",
    u"规划", u"计划", u"展望", u"部署", u"安排" };

// 去年 or 上年 as the time of the sentence ("去年国内生产总值增长3%"), not as a comparison base
// ("比去年", "高于去年", "同上年").
bool speaksOfLastYear(QStringView sentence)
{
    for (QStringView word : { QStringView(u"去年"), QStringView(u"上年") }) {
        for (qsizetype at = sentence.indexOf(word); at >= 0; at = sentence.indexOf(word, at + 1)) {
            if (at == 0 || !QStringView(u"比较于同").contains(sentence[at - 1]))
                return true;
        }
    }
    return false;
}

template<std::size_t N> bool containsAny(QStringView text, const std::array<QStringView, N> &words)
{
    for (QStringView w : words)
        if (text.contains(w))
            return true;
    return false;
}

bool isSentenceDelimiter(QChar c)
{
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'!':
    case u'?':
    case u'\n':
        return true;
    default:
        return false;
    }
}

bool isClauseDelimiter(QChar c)
{
    switch (c.unicode()) {
    case u'，':
    case u'；':
    case u'：':
    case u',':
    case u';':
    case u':':
        return true;
    default:
        return isSentenceDelimiter(c);
    }
}

// Walks one part's blocks in order, keeping the headings above the current block, and decides for
// each figure whether it is a commitment and which horizon governs it.
class PartScanner
{
public:
    PartScanner(const Part &part, const HorizonFinder &finder, int docYear, const IndicatorSplitter &splitter)
        : m_part(part), m_finder(finder), m_docYear(docYear), m_splitter(splitter)
    { }

    void run(QList<Target> &out)
    {
        for (int b = 0; b < m_part.blocks.size(); ++b) {
            const Block &block = m_part.blocks.at(b);
            if (block.headingLevel > 0) {
                while (
                    !m_stack.isEmpty() && m_part.blocks.at(m_stack.last()).headingLevel >= block.headingLevel)
                    m_stack.removeLast();
                m_stack.append(b);
                m_section.reset();
            }
            if (block.kind != BlockKind::Heading)
                scanBlock(b, out);
        }
    }

private:
    struct SectionTime
    {
        bool past = false;
        bool future = false;
        QString horizon;
    };

    static constexpr qsizetype MaxHeadingLength = 40;

    bool isPastYear(const Horizon &h) const { return h.year > 0 && m_docYear > 0 && h.year < m_docYear; }

    // Returned by value: the cache may grow, and a QList copy is only a reference count.
    QList<Horizon> horizonsOf(int b)
    {
        auto it = m_horizons.find(b);
        if (it == m_horizons.end())
            it = m_horizons.insert(b, m_finder.find(m_part.blocks.at(b).text));
        return *it;
    }

    // A review paragraph announces itself in its first sentence: "过去一年，……", "五年来，……".
    bool blockIsPast(int b)
    {
        auto it = m_pastBlocks.find(b);
        if (it == m_pastBlocks.end()) {
            const QString &text = m_part.blocks.at(b).text;
            qsizetype end = 0;
            while (end < text.size() && !isSentenceDelimiter(text[end]))
                ++end;
            it = m_pastBlocks.insert(b, containsAny(QStringView(text).left(end), pastOpeningCues));
        }
        return *it;
    }

    const SectionTime &sectionTime()
    {
        if (m_section)
            return *m_section;
        SectionTime time;
        QStringList titles;
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i)
            titles.append(m_part.blocks.at(m_stack.at(i)).title());
        // The part's title counts when it is a title line or a name, not when the importer took
        // it from the opening sentence of the prose.
        const Block *first = m_part.blocks.isEmpty() ? nullptr : &m_part.blocks.first();
        if (!first || first->kind == BlockKind::Heading || first->text == m_part.title
            || !first->text.startsWith(m_part.title))
            titles.append(m_part.title);
        for (const QString &title : std::as_const(titles)) {
            // A heading is short; a long "title" is a paragraph an untitled text opens with.
            if (title.size() > MaxHeadingLength)
                continue;
            QString horizon;
            bool pastYear = false;
            for (const Horizon &h : m_finder.find(title, true)) {
                if (isPastYear(h))
                    pastYear = true;
                else
                    horizon = h.label;
            }
            // "“十三五”时期发展成就和“十四五”时期主要目标任务" looks both ways; the goals win.
            const bool futureWords = containsAny(title, futureHeadingWords);
            if (!futureWords && (containsAny(title, pastHeadingWords) || pastYear)) {
                time.past = true;
                break;
            }
            if (futureWords || !horizon.isEmpty()) {
                time.future = true;
                time.horizon = horizon;
                break;
            }
        }
        m_section = time;
        return *m_section;
    }

    // The paragraphs whose horizon governs block b: the one that introduces a list of items, and
    // the lead paragraph under the heading.
    QList<int> governingBlocks(int b) const
    {
        QList<int> result;
        const int opening = m_stack.isEmpty() ? -1 : m_stack.last();
        int k = b - 1;
        while (k > opening && m_part.blocks.at(k).kind == BlockKind::Item)
            --k;
        if (k >= 0 && k != b && k >= opening && m_part.blocks.at(k).kind != BlockKind::Heading)
            result.append(k);
        if (opening >= 0) {
            const int lead = m_part.blocks.at(opening).kind == BlockKind::Heading ? opening + 1 : opening;
            if (lead < b && !result.contains(lead))
                result.append(lead);
        }
        return result;
    }

    // The horizon for a figure, "" when it is a commitment with no horizon, nothing when the
    // sentence is not a commitment.
    std::optional<QString> horizonFor(int b, qsizetype sentenceStart, qsizetype sentenceEnd, qsizetype pos)
    {
        const QList<Horizon> own = horizonsOf(b);
        const Horizon *best = nullptr;
        for (const Horizon &h : own)
            if (h.start >= sentenceStart && h.end <= pos)
                best = &h;
        // After the figure only a dated horizon governs it ("……达到 60%，到2025年"); a period
        // named there is usually a comparison ("高于“十三五”时期").
        if (!best)
            for (const Horizon &h : own)
                if (h.start >= pos && h.end <= sentenceEnd && h.year > 0 && !h.period && h.label != u"今年") {
                    best = &h;
                    break;
                }
        const SectionTime &time = sectionTime();
        // In a review section only a date still ahead makes a commitment: "今年" and a plan
        // period there belong to what was done ("提前实施部分“十四五”规划重大工程").
        if (time.past)
            return best && best->year > 0 && !best->period && m_docYear > 0 && best->year > m_docYear
                ? std::optional<QString>(best->label)
                : std::nullopt;
        if (best)
            return isPastYear(*best) ? std::nullopt : std::optional<QString>(best->label);

        const QStringView sentence
            = QStringView(m_part.blocks.at(b).text).mid(sentenceStart, sentenceEnd - sentenceStart);
        if (containsAny(sentence, pastCues) || speaksOfLastYear(sentence) || blockIsPast(b))
            return std::nullopt;
        for (const Horizon &h : own)
            if (h.end <= sentenceStart)
                best = &h;
        if (best)
            return isPastYear(*best) ? std::nullopt : std::optional<QString>(best->label);
        for (int k : governingBlocks(b)) {
            const QList<Horizon> lead = horizonsOf(k);
            if (blockIsPast(k) || lead.isEmpty())
                continue;
            const Horizon &h = lead.last();
            return isPastYear(h) ? std::nullopt : std::optional<QString>(h.label);
        }
        if (time.future)
            return time.horizon;
        if (containsAny(sentence, futureCues))
            return QString();
        return std::nullopt;
    }

    void scanBlock(int b, QList<Target> &out)
    {
        const Block &block = m_part.blocks.at(b);
        const QStringView t(block.text);
        // One bit test per character: most of a document is neither a digit nor a numeral.
        static const std::bitset<0x10000> starts = [] {
            std::bitset<0x10000> set;
            for (char16_t c = 0; c < 0xFFFF; ++c)
                if (FigureScanner::isDigit(QChar(c)) || FigureScanner::isChineseNumeral(QChar(c)))
                    set.set(c);
            return set;
        }();
        for (qsizetype i = 0; i < t.size(); ++i) {
            const QChar c = t[i];
            if (!starts.test(c.unicode()))
                continue;
            const bool chinese = !FigureScanner::isDigit(c);
            if (chinese
                && (!FigureScanner::isChineseNumeral(c)
                    || (i > 0 && FigureScanner::isChineseNumeral(t[i - 1]))))
                continue;
            if (!chinese && i > 0 && FigureScanner::isDigit(t[i - 1]))
                continue;
            const std::optional<FigureGovernor::Governor> governor = FigureGovernor::before(t, i, chinese);
            if (!governor)
                continue;
            const std::optional<Figure> figure = FigureScanner::scan(t, i);
            if (!figure)
                continue;
            if (governor->bare && figure->unit.isEmpty() && !figure->qualified)
                continue;
            const QList<Figure> figures = FigureGovernor::figureList(t, *figure);
            const qsizetype end = figures.last().end;
            i = end - 1;
            if (!FigureGovernor::closesClause(t, end))
                continue;
            emitTargets(b, *governor, figures, out);
        }
    }

    void emitTargets(
        int b, const FigureGovernor::Governor &governor, const QList<Figure> &figures, QList<Target> &out)
    {
        const Block &block = m_part.blocks.at(b);
        const QStringView t(block.text);
        const qsizetype pos = figures.first().start;
        qsizetype sentenceStart = pos;
        while (sentenceStart > 0 && !isSentenceDelimiter(t[sentenceStart - 1]))
            --sentenceStart;
        qsizetype sentenceEnd = figures.last().end;
        while (sentenceEnd < t.size() && !isSentenceDelimiter(t[sentenceEnd]))
            ++sentenceEnd;
        const std::optional<QString> horizon = horizonFor(b, sentenceStart, sentenceEnd, pos);
        if (!horizon)
            return;

        const QList<Horizon> own = horizonsOf(b);
        qsizetype clauseStart = governor.start;
        while (clauseStart > 0 && !isClauseDelimiter(t[clauseStart - 1]))
            --clauseStart;
        // A horizon inside the clause ("到 2025 年制造业……") is not part of the indicator.
        for (const Horizon &h : std::as_const(own))
            if (h.start >= clauseStart && h.end <= governor.start)
                clauseStart = h.end;
        const IndicatorSplitter::Result split = m_splitter.split(t, clauseStart, governor.start);
        if (split.indicators.isEmpty())
            return;

        QStringList path { m_part.title };
        for (int k : m_stack)
            path.append(m_part.blocks.at(k).title());

        const bool paired = split.indicators.size() == figures.size() && figures.size() > 1;
        for (qsizetype n = 0; n < split.indicators.size(); ++n) {
            for (qsizetype m = 0; m < figures.size(); ++m) {
                if (paired && m != n)
                    continue;
                const Figure &f = figures.at(m);
                const IndicatorSplitter::Span &span = split.indicators.at(n);
                Target target;
                target.indicator = t.mid(span.start, span.end - span.start).toString();
                target.direction = governor.direction;
                target.comparator
                    = f.qualified ? f.comparator : governor.comparator.value_or(Comparator::Equal);
                target.value = f.value;
                target.low = f.low;
                target.high = f.high;
                target.unit = f.unit;
                target.horizon = *horizon;
                target.sectionPath = path;
                target.indicatorStart = block.textStart + span.start;
                target.indicatorEnd = block.textStart + span.end;
                target.figureStart = block.textStart + f.start;
                target.figureEnd = block.textStart + f.end;
                target.start = target.indicatorStart;
                target.end = target.figureEnd;
                out.append(std::move(target));
            }
        }
    }

    const Part &m_part;
    const HorizonFinder &m_finder;
    const int m_docYear;
    const IndicatorSplitter &m_splitter;
    QList<int> m_stack; // blocks that open the sections around the current block, outermost first
    std::optional<SectionTime> m_section;
    QHash<int, QList<Horizon>> m_horizons;
    QHash<int, bool> m_pastBlocks;
};

} // namespace

QList<Target> TargetExtractor::extract(const Document &doc) const
{
    QList<Target> targets;
    const int docYear = HorizonFinder::documentYear(doc);
    const HorizonFinder finder(docYear);
    const IndicatorSplitter splitter;
    for (const Part &part : doc.parts())
        PartScanner(part, finder, docYear, splitter).run(targets);
    return targets;
}

} // namespace Pizhu
