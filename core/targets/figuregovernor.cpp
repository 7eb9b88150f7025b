#include "figuregovernor.h"

#include <array>
#include <bitset>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

using Direction = Target::Direction;
using Comparator = Target::Comparator;

struct Verb
{
    QStringView word;
    Direction direction;
};

// Verbs that govern a figure. The match is the longest one ending right before the figure.
constexpr std::array verbs { Verb { u"增长到", Direction::Up }, Verb { u"增长至", Direction::Up },
    Verb { u"增长", Direction::Up }, Verb { u"提高到", Direction::Up }, Verb { u"提高至", Direction::Up },
    Verb { u"提高", Direction::Up }, Verb { u"提升到", Direction::Up }, Verb { u"提升至", Direction::Up },
    Verb { u"提升", Direction::Up }, Verb { u"增加到", Direction::Up }, Verb { u"增加至", Direction::Up },
    Verb { u"增加", Direction::Up }, Verb { u"扩大到", Direction::Up }, Verb { u"扩大至", Direction::Up },
    Verb { u"扩大", Direction::Up }, Verb { u"上升到", Direction::Up }, Verb { u"上升至", Direction::Up },
    Verb { u"上升", Direction::Up }, Verb { u"增至", Direction::Up }, Verb { u"升至", Direction::Up },
    Verb { u"上涨", Direction::Up }, Verb { u"延长", Direction::Up }, Verb { u"降低到", Direction::Down },
    Verb { u"降低至", Direction::Down }, Verb { u"降低", Direction::Down },
    Verb { u"下降到", Direction::Down }, Verb { u"下降至", Direction::Down },
    Verb { u"下降", Direction::Down }, Verb { u"减少到", Direction::Down },
    Verb { u"减少至", Direction::Down }, Verb { u"减少", Direction::Down }, Verb { u"降到", Direction::Down },
    Verb { u"降至", Direction::Down }, Verb { u"压减", Direction::Down }, Verb { u"压缩到", Direction::Down },
    Verb { u"压缩至", Direction::Down }, Verb { u"压缩", Direction::Down },
    Verb { u"缩小到", Direction::Down }, Verb { u"缩小", Direction::Down },
    Verb { u"缩短到", Direction::Down }, Verb { u"缩短", Direction::Down }, Verb { u"下调", Direction::Down },
    Verb { u"减至", Direction::Down }, Verb { u"降", Direction::Down }, Verb { u"达到", Direction::Level },
    Verb { u"达", Direction::Level }, Verb { u"保持在", Direction::Level },
    Verb { u"稳定在", Direction::Level }, Verb { u"控制在", Direction::Level },
    Verb { u"维持在", Direction::Level }, Verb { u"保持", Direction::Level },
    Verb { u"设定为", Direction::Level }, Verb { u"定为", Direction::Level },
    Verb { u"为", Direction::Level }, Verb { u"按", Direction::Level }, Verb { u"安排", Direction::Level },
    Verb { u"突破", Direction::Level } };

struct Prefix
{
    QStringView word;
    Comparator comparator;
};

// Comparators written before the value; each may also stand as the verb ("增幅均超过10%").
constexpr std::array prefixes { Prefix { u"不低于", Comparator::AtLeast },
    Prefix { u"不少于", Comparator::AtLeast }, Prefix { u"超过", Comparator::AtLeast },
    Prefix { u"高于", Comparator::AtLeast }, Prefix { u"至少", Comparator::AtLeast },
    Prefix { u"不超过", Comparator::AtMost }, Prefix { u"不高于", Comparator::AtMost },
    Prefix { u"低于", Comparator::AtMost }, Prefix { u"少于", Comparator::AtMost },
    Prefix { u"大约", Comparator::About }, Prefix { u"约", Comparator::About } };

qsizetype skipSpaces(QStringView t, qsizetype i)
{
    while (i < t.size() && FigureScanner::isSpace(t[i]))
        ++i;
    return i;
}

qsizetype skipSpacesBack(QStringView t, qsizetype i)
{
    while (i > 0 && FigureScanner::isSpace(t[i - 1]))
        --i;
    return i;
}

bool endsWithAt(QStringView t, qsizetype end, QStringView word)
{
    return end >= word.size() && t.mid(end - word.size(), word.size()) == word;
}

// Whether c ends some verb or comparator: a cheap test before the full match, since 一, 二, 十
// stand before many characters that govern nothing (一批, 统一, 十分).
bool mayEndGovernor(QChar c)
{
    static const std::bitset<0x10000> ends = [] {
        std::bitset<0x10000> set;
        for (const Verb &v : verbs)
            set.set(v.word.back().unicode());
        for (const Prefix &p : prefixes)
            set.set(p.word.back().unicode());
        return set;
    }();
    return ends.test(c.unicode());
}

} // namespace

std::optional<FigureGovernor::Governor> FigureGovernor::before(
    QStringView t, qsizetype figureStart, bool chineseNumeral)
{
    Governor g;
    g.direction = Direction::Level;
    qsizetype q = skipSpacesBack(t, figureStart);
    if (chineseNumeral && (q == 0 || !mayEndGovernor(t[q - 1])))
        return std::nullopt;
    const Prefix *prefix = nullptr;
    for (const Prefix &p : prefixes)
        if (endsWithAt(t, q, p.word) && (!prefix || p.word.size() > prefix->word.size()))
            prefix = &p;
    if (prefix) {
        g.comparator = prefix->comparator;
        q = skipSpacesBack(t, q - prefix->word.size());
    }
    const Verb *verb = nullptr;
    for (const Verb &v : verbs)
        if (endsWithAt(t, q, v.word) && (!verb || v.word.size() > verb->word.size()))
            verb = &v;
    if (verb) {
        g.start = q - verb->word.size();
        g.direction = verb->direction;
        return g;
    }
    if (prefix) {
        g.start = q;
        return g;
    }
    // A bare figure: "城镇调查失业率5.5%左右". Only an Arabic figure, right after a Chinese word
    // that is not a preposition or a measure word ("从16%", "第3", "约").
    if (chineseNumeral || q == 0)
        return std::nullopt;
    const QChar c = t[q - 1];
    if (QStringView(u"从由比较第前至到和与及或、将对把在于共近超逾以每占其的").contains(c))
        return std::nullopt;
    if (!(c.isLetter() && c.unicode() >= 0x2E80) && c != u'）' && c != u')')
        return std::nullopt;
    g.start = q;
    g.bare = true;
    return g;
}

bool FigureGovernor::closesClause(QStringView t, qsizetype end)
{
    const qsizetype j = skipSpaces(t, end);
    if (j >= t.size() || QStringView(u"，。；：！？,;:!?、）)\n”").contains(t[j]))
        return true;
    static constexpr std::array<QStringView, 5> trailers { u"安排", u"的水平", u"水平", u"的目标", u"目标" };
    const QStringView rest = t.mid(j);
    for (QStringView w : trailers)
        if (rest.startsWith(w))
            return true;
    return false;
}

QList<Figure> FigureGovernor::figureList(QStringView t, Figure first)
{
    QList<Figure> figures { std::move(first) };
    for (;;) {
        const qsizetype j = skipSpaces(t, figures.last().end);
        if (j >= t.size() || !QStringView(u"、和及与").contains(t[j]))
            break;
        const qsizetype k = skipSpaces(t, j + 1);
        if (k >= t.size() || !FigureScanner::isDigit(t[k]))
            break;
        const std::optional<Figure> next = FigureScanner::scan(t, k);
        if (!next)
            break;
        figures.append(*next);
    }
    // A unit written once after the last figure belongs to all of them.
    const QString lastUnit = figures.last().unit;
    for (Figure &f : figures)
        if (f.unit != lastUnit && lastUnit.startsWith(f.unit))
            f.unit = lastUnit;
    return figures;
}

} // namespace Pizhu
