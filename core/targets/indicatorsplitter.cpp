#include "indicatorsplitter.h"

#include "figurescanner.h"

#include <QSet>
#include <QString>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

// Adverbs that stand between an indicator and its verb: "合格率均达到", "资费再降", "年均增长".
const QSet<QString> &adverbs()
{
    static const QSet<QString> set { u"均"_s, u"都"_s, u"分别"_s, u"各"_s, u"皆"_s, u"再"_s, u"继续"_s,
        u"进一步"_s, u"稳步"_s, u"年均"_s, u"平均"_s, u"每年"_s, u"力争"_s, u"确保"_s, u"要"_s, u"将"_s,
        u"预计"_s, u"拟"_s, u"总体"_s, u"也"_s, u"还"_s, u"仍"_s, u"逐步"_s, u"有望"_s, u"大幅"_s, u"明显"_s,
        u"显著"_s, u"持续"_s, u"基本"_s, u"争取"_s, u"努力"_s, u"可"_s, u"能"_s, u"应"_s, u"需"_s,
        u"必须"_s };
    return set;
}

const QSet<QString> &distributiveAdverbs()
{
    static const QSet<QString> set { u"均"_s, u"都"_s, u"分别"_s, u"各"_s, u"皆"_s };
    return set;
}

// Words that open a clause but are not part of what is measured: "将民航发展基金……",
// "其中均衡性转移支付……", "推动……", "今年……".
const QSet<QString> &leadingWords()
{
    static const QSet<QString> set { u"对"_s, u"将"_s, u"把"_s, u"使"_s, u"让"_s, u"推动"_s, u"确保"_s,
        u"力争"_s, u"争取"_s, u"努力"_s, u"实现"_s, u"其中"_s, u"全年"_s, u"今年"_s, u"明年"_s, u"并"_s,
        u"同时"_s, u"要"_s, u"预计"_s, u"促进"_s, u"带动"_s, u"推进"_s, u"以及"_s, u"而"_s, u"但"_s, u"且"_s,
        u"目标"_s, u"是"_s, u"在"_s, u"着力"_s, u"力求"_s, u"进一步"_s, u"继续"_s, u"逐步"_s, u"还"_s,
        u"也"_s, u"即"_s, u"则"_s, u"又"_s, u"拟"_s, u"和"_s, u"及"_s, u"与"_s, u"使得"_s, u"安排"_s,
        u"每年"_s, u"从而"_s, u"进而"_s, u"加快"_s, u"保持"_s, u"发行"_s, u"下达"_s, u"发放"_s, u"筹集"_s };
    return set;
}

const QSet<QString> &conjunctions()
{
    static const QSet<QString> set { u"和"_s, u"及"_s, u"与"_s, u"以及"_s, u"、"_s };
    return set;
}

// An indicator that names nothing measurable on its own: "今年预期目标设定为6%以上".
const QSet<QString> &genericWords()
{
    static const QSet<QString> set { u"目标"_s, u"预期目标"_s, u"主要预期目标"_s, u"指标"_s, u"增速"_s };
    return set;
}

// Verbs of giving out an amount: what they give is their object, not the verb.
constexpr std::array<QStringView, 5> transferVerbs { u"发行", u"安排", u"下达", u"发放", u"筹集" };

bool isWordless(QStringView word)
{
    for (QChar c : word)
        if (c.isLetterOrNumber())
            return false;
    return true;
}

} // namespace

IndicatorSplitter::Result IndicatorSplitter::split(QStringView text, qsizetype from, qsizetype to) const
{
    Result result;
    if (to <= from)
        return result;
    const QStringView phrase = text.mid(from, to - from);
    const QList<qsizetype> bounds = m_segmenter.boundaries(phrase);
    QList<Span> words;
    for (qsizetype i = 1; i < bounds.size(); ++i)
        words.append({ from + bounds.at(i - 1), from + bounds.at(i) });
    const auto word = [&](const Span &s) { return text.mid(s.start, s.end - s.start); };
    const auto wordString = [&](const Span &s) { return word(s).toString(); };

    const auto stripTrailing = [&] {
        while (!words.isEmpty()) {
            const QString last = wordString(words.last());
            if (isWordless(last)) {
                words.removeLast();
            } else if (words.size() > 1
                && adverbs().contains(wordString(words.at(words.size() - 2)) + last)) {
                // Two words first: ICU may cut 年均 into 年 + 均, and that 均 is not distributive.
                words.removeLast();
                words.removeLast();
            } else if (adverbs().contains(last)) {
                result.distributive = result.distributive || distributiveAdverbs().contains(last);
                words.removeLast();
            } else {
                break;
            }
        }
    };
    stripTrailing();
    // A comparison base before the verb ("比2020年", "较上年") is not part of the indicator.
    for (qsizetype k = words.size() - 1; k > 0 && k >= words.size() - 6; --k) {
        const QString w = wordString(words.at(k));
        // ICU cuts 比上年 into 比上 + 年; 比重 is a word, not a comparison.
        if (w == u"比" || w == u"较" || w == u"同比" || w == u"比上" || w == u"较上" || w == u"比去") {
            words.resize(k);
            stripTrailing();
            break;
        }
    }
    // "起征点从月销售额10万元提高到": the indicator ends where the starting value begins.
    for (qsizetype k = words.size() - 1; k > 0; --k) {
        const QString w = wordString(words.at(k));
        if (w == u"从" || w == u"由") {
            words.resize(k);
            stripTrailing();
            break;
        }
    }
    while (!words.isEmpty()) {
        const QString first = wordString(words.first());
        if (!isWordless(first) && !leadingWords().contains(first))
            break;
        words.removeFirst();
    }

    QList<QList<Span>> groups { {} };
    for (const Span &s : std::as_const(words)) {
        if (result.distributive && conjunctions().contains(wordString(s)))
            groups.append(QList<Span>());
        else
            groups.last().append(s);
    }
    // "A、B等增幅均超过10%": what follows 等 is a head the conjuncts share; each keeps its own words.
    if (groups.size() > 1) {
        QList<Span> &last = groups.last();
        for (qsizetype k = 1; k < last.size(); ++k) {
            if (word(last.at(k)) == u"等") {
                last.resize(k);
                break;
            }
        }
    }
    for (QList<Span> &group : groups) {
        while (!group.isEmpty() && isWordless(word(group.first())))
            group.removeFirst();
        while (!group.isEmpty() && isWordless(word(group.last())))
            group.removeLast();
        while (group.size() > 1 && group.last().end - group.first().start > MaxLength)
            group.removeFirst();
        if (group.isEmpty())
            continue;
        const Span span { group.first().start, group.last().end };
        if (genericWords().contains(text.mid(span.start, span.end - span.start).toString()))
            continue;
        result.indicators.append(span);
    }
    return result;
}

} // namespace Pizhu

namespace Pizhu {

bool IndicatorSplitter::endsWithTransferVerb(QStringView indicator)
{
    for (QStringView verb : transferVerbs)
        if (indicator.endsWith(verb))
            return true;
    return false;
}

bool IndicatorSplitter::endsWithAmount(QStringView t, Span span)
{
    qsizetype digits = span.end;
    while (digits > span.start && !FigureScanner::isDigit(t[digits - 1]))
        --digits;
    // Only a unit of a few characters may follow the last digit ("万亿元", "%").
    if (digits == span.start || span.end - digits > 3 || span.end == digits)
        return false;
    qsizetype first = digits - 1;
    while (first > span.start
        && (FigureScanner::isDigit(t[first - 1]) || t[first - 1] == u'.' || t[first - 1] == u','))
        --first;
    const std::optional<Figure> figure = FigureScanner::scan(t, first);
    return figure && !figure->unit.isEmpty() && figure->end == span.end;
}

std::optional<IndicatorSplitter::Span> IndicatorSplitter::objectBefore(
    QStringView text, qsizetype sentenceStart, Span indicator)
{
    const QStringView phrase = text.mid(indicator.start, indicator.end - indicator.start);
    for (QStringView verb : transferVerbs) {
        if (!phrase.endsWith(verb))
            continue;
        const QStringView before = text.mid(sentenceStart, indicator.start - sentenceStart);
        const qsizetype at = before.lastIndexOf(verb);
        if (at < 0)
            continue;
        const qsizetype start = sentenceStart + at + verb.size();
        qsizetype end = start;
        while (end < indicator.start && !QStringView(u"，；：,;:、。").contains(text[end]))
            ++end;
        if (end > start && end - start <= MaxLength)
            return Span { start, end };
    }
    return std::nullopt;
}

} // namespace Pizhu
