#include "targetextractor.h"

#include "document.h"
#include "figuregovernor.h"
#include "figurescanner.h"
#include "horizonfinder.h"
#include "indicatornames.h"
#include "indicatorsplitter.h"

#include <QHash>
#include <QSet>

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
// 去年 and 上年 count too, unless named as a comparison base (speaksOfLastYear()).
constexpr std::array<QStringView, 8> pastOpeningCues { u"同比", u"已经", u"已", u"累计", u"过去", u"年来",
    u"以来", u"曾" };
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
            const QStringView opening = QStringView(text).left(end);
            it = m_pastBlocks.insert(b, containsAny(opening, pastOpeningCues) || speaksOfLastYear(opening));
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
        // From an earlier sentence or a lead paragraph only a date carries over: a plan period
        // named there is mostly background ("今年是实现“十四五”规划目标任务的关键一年"), and a
        // target of the period says so itself or stands under a heading that does.
        for (const Horizon &h : own)
            if (h.end <= sentenceStart && !h.period)
                best = &h;
        if (best)
            return isPastYear(*best) ? std::nullopt : std::optional<QString>(best->label);
        for (int k : governingBlocks(b)) {
            if (blockIsPast(k))
                continue;
            const QList<Horizon> lead = horizonsOf(k);
            const auto dated
                = std::find_if(lead.crbegin(), lead.crend(), [](const Horizon &h) { return !h.period; });
            if (dated != lead.crend())
                return isPastYear(*dated) ? std::nullopt : std::optional<QString>(dated->label);
            // A period the lead paragraph opens with is what it speaks of ("“十四五”时期主要目标
            // 是：" before a list of items).
            if (!lead.isEmpty() && lead.first().start <= 1)
                return lead.first().label;
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
        qsizetype previousEnd = -1; // where the last figure that closed its clause ends
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
            emitTargets(b, *governor, figures, previousEnd, out);
            previousEnd = end;
        }
    }

    // A clause that opens with its base ("比上年年初预算增加1800亿元", after "赤字规模4.06万亿元，")
    // states a change of the figure before it, not a target of its own. Gives whether it was one;
    // the change goes to the target of that figure when there is one.
    bool takeChange(int b, const FigureGovernor::Governor &governor, const Figure &figure,
        qsizetype headStart, qsizetype previousEnd, QList<Target> &out) const
    {
        const Block &block = m_part.blocks.at(b);
        const QStringView t(block.text);
        QStringView head = t.mid(headStart, governor.start - headStart);
        // "赤字率拟按4%左右安排、比上年提高1个百分点": the base follows the last 、.
        head = head.mid(head.lastIndexOf(u'、') + 1).trimmed();
        for (QStringView w :
            { QStringView(u"预计"), QStringView(u"拟"), QStringView(u"要"), QStringView(u"并") })
            if (head.startsWith(w))
                head = head.mid(w.size());
        QStringView base;
        for (QStringView w : { QStringView(u"相比"), QStringView(u"比"), QStringView(u"较") }) {
            if (head.startsWith(w)) {
                base = head.mid(w.size()).trimmed();
                break;
            }
        }
        if (base.isEmpty())
            return false;
        // "比去年预算高0.2个百分点": the figure stands bare after 高 or 低.
        Target::Direction direction = governor.direction;
        if (direction == Target::Direction::Level && base.size() > 1) {
            if (QStringView(u"高多").contains(base.back()))
                direction = Target::Direction::Up;
            else if (QStringView(u"低少").contains(base.back()))
                direction = Target::Direction::Down;
            if (direction != Target::Direction::Level)
                base.chop(1);
        }
        if (direction == Target::Direction::Level || previousEnd < 0 || out.isEmpty()
            || out.last().figureEnd != block.textStart + previousEnd)
            return true; // a change of nothing found: no row either way
        const QString sign = direction == Target::Direction::Up ? u"+"_s : u"-"_s;
        for (qsizetype k = out.size() - 1; k >= 0 && out.at(k).figureEnd == block.textStart + previousEnd;
             --k) {
            out[k].change = sign + figure.value + figure.unit;
            out[k].changeBase = base.toString();
        }
        return true;
    }

    void emitTargets(int b, const FigureGovernor::Governor &governor, const QList<Figure> &figures,
        qsizetype previousEnd, QList<Target> &out)
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
        qsizetype clauseStart = governor.start;
        while (clauseStart > 0 && !isClauseDelimiter(t[clauseStart - 1]))
            --clauseStart;
        // The indicator never reaches back over the figure before it ("规模28.5万亿元、比上年增加").
        clauseStart = std::max(clauseStart, previousEnd);
        if (takeChange(b, governor, figures.first(), clauseStart, previousEnd, out))
            return;
        const std::optional<QString> horizon = horizonFor(b, sentenceStart, sentenceEnd, pos);
        if (!horizon)
            return;

        const QList<Horizon> own = horizonsOf(b);
        qsizetype indicatorEnd = governor.start;
        // A horizon inside the clause is not part of the indicator: at its end ("城镇调查失业率全年
        // 控制在") it is cut off, elsewhere the indicator starts after it ("到 2025 年制造业……").
        for (const Horizon &h : std::as_const(own)) {
            if (h.start < clauseStart || h.end > indicatorEnd)
                continue;
            if (h.start > clauseStart && QStringView(t).mid(h.end, indicatorEnd - h.end).trimmed().isEmpty())
                indicatorEnd = h.start;
            else
                clauseStart = h.end;
        }
        IndicatorSplitter::Result split = m_splitter.split(t, clauseStart, indicatorEnd);
        if (split.indicators.isEmpty())
            return;
        // "拟连续几年发行超长期特别国债，……，今年先发行1万亿元": what is issued is named earlier.
        for (qsizetype n = split.indicators.size() - 1; n >= 0; --n) {
            IndicatorSplitter::Span &span = split.indicators[n];
            if (!IndicatorSplitter::endsWithTransferVerb(t.mid(span.start, span.end - span.start)))
                continue;
            if (const auto object = IndicatorSplitter::objectBefore(t, sentenceStart, span))
                span = *object;
            else
                split.indicators.removeAt(n);
        }
        // A name that ends in an amount ("支出规模28.5万亿元增加1.1万亿元") is a value glued to its
        // indicator, not an indicator: no row rather than a wrong one.
        split.indicators.removeIf(
            [&](const IndicatorSplitter::Span &span) { return IndicatorSplitter::endsWithAmount(t, span); });
        if (split.indicators.isEmpty())
            return;
        qsizetype sentenceStop = sentenceEnd;
        if (sentenceStop < t.size() && t[sentenceStop] != u'\n')
            ++sentenceStop;
        const QString sentence = t.mid(sentenceStart, sentenceStop - sentenceStart).trimmed().toString();

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
                target.sentence = sentence;
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

int TargetExtractor::documentYear(const Document &doc)
{
    return HorizonFinder::documentYear(doc);
}

QList<Target> TargetExtractor::extract(const Document &doc, int year) const
{
    QList<Target> targets;
    const int stated = HorizonFinder::documentYear(doc);
    const int docYear = stated > 0 ? stated : year;
    const HorizonFinder finder(docYear);
    const IndicatorSplitter splitter;
    for (const Part &part : doc.parts())
        PartScanner(part, finder, docYear, splitter).run(targets);
    // Two phrasings of one target are one row: "经济增长预期目标为5%左右" after "国内生产总值增长
    // 5%左右". The first, in the main targets, stays.
    QSet<QString> seen;
    QList<Target> unique;
    unique.reserve(targets.size());
    for (Target &t : targets) {
        const QString key = IndicatorNames::key(t) + u'|' + t.value + u'|' + t.unit + u'|' + t.horizon;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        unique.append(std::move(t));
    }
    return unique;
}

} // namespace Pizhu
