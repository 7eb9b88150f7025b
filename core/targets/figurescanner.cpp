#include "figurescanner.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

struct Number
{
    qsizetype end = 0;
    QString digits; // normalised: ASCII digits, '.' for decimals
    double value = 0;
    bool decimal = false;
    QString magnitude; // "万", "亿" … that a Chinese numeral ended with
};

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

QChar asciiDigit(QChar c)
{
    return c >= u'０' && c <= u'９' ? QChar(u'0' + (c.unicode() - u'０')) : c;
}

Number parseArabic(QStringView text, qsizetype pos)
{
    Number n;
    qsizetype i = pos;
    int groupDigits = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        if (FigureScanner::isDigit(c)) {
            n.digits += asciiDigit(c);
            ++groupDigits;
            ++i;
            continue;
        }
        if ((c == u'.' || c == u'．') && !n.decimal && i + 1 < text.size()
            && FigureScanner::isDigit(text[i + 1])) {
            n.digits += u'.';
            n.decimal = true;
            ++i;
            continue;
        }
        // "2 025", "1,100": a separator followed by exactly three digits continues the number.
        // Anything else ("14 个", "3，5") ends it.
        if (!n.decimal && groupDigits <= 3 && (FigureScanner::isSpace(c) || c == u',') && i + 3 < text.size()
            && FigureScanner::isDigit(text[i + 1]) && FigureScanner::isDigit(text[i + 2])
            && FigureScanner::isDigit(text[i + 3])
            && (i + 4 >= text.size() || (!FigureScanner::isDigit(text[i + 4]) && text[i + 4] != u','))) {
            groupDigits = 0;
            ++i;
            continue;
        }
        break;
    }
    n.end = i;
    n.value = n.digits.toDouble();
    return n;
}

int chineseDigit(QChar c)
{
    static const QString digits = u"零一二三四五六七八九"_s;
    if (c == u'〇')
        return 0;
    if (c == u'两')
        return 2;
    return int(digits.indexOf(c));
}

Number parseChinese(QStringView text, qsizetype pos)
{
    Number n;
    qsizetype i = pos;
    while (i < text.size() && FigureScanner::isChineseNumeral(text[i]))
        ++i;
    n.end = i;
    QStringView s = text.mid(pos, i - pos);
    // A trailing 万 or 亿 is a magnitude that belongs with the unit ("一千万人" is 一千 万人), as it
    // does after Arabic digits.
    while (s.size() > 1 && (s.back() == u'万' || s.back() == u'亿')) {
        n.magnitude.prepend(s.back());
        s.chop(1);
    }
    const bool positional = s.size() > 1 && !s.contains(u'十') && !s.contains(u'百') && !s.contains(u'千')
        && !s.contains(u'万') && !s.contains(u'亿');
    double total = 0, section = 0, digit = 0;
    for (QChar c : s) {
        const int d = chineseDigit(c);
        if (positional) {
            total = total * 10 + std::max(d, 0);
            continue;
        }
        if (d >= 0) {
            digit = d;
        } else if (c == u'十' || c == u'百' || c == u'千') {
            const double unit = c == u'十' ? 10 : c == u'百' ? 100 : 1000;
            section += (digit == 0 && c == u'十' ? 1 : digit) * unit;
            digit = 0;
        } else { // 万, 亿 inside the numeral
            const double unit = c == u'万' ? 1e4 : 1e8;
            total = (total + section + digit) * unit;
            section = digit = 0;
        }
    }
    n.value = total + section + digit;
    n.digits = QString::number(n.value, 'g', 15);
    return n;
}

qsizetype skipSpaces(QStringView text, qsizetype i)
{
    while (i < text.size() && FigureScanner::isSpace(text[i]))
        ++i;
    return i;
}

// Longest match first, so 万亿 wins over 万 and 个百分点 over 个.
const std::array magnitudes { u"万亿"_s, u"千万"_s, u"百万"_s, u"亿"_s, u"万"_s };
const std::array units { u"个百分点"_s, u"百分点"_s, u"个工作日"_s, u"工作日"_s, u"平方公里"_s, u"平方米"_s,
    u"立方米"_s, u"千瓦时"_s, u"千瓦"_s, u"兆瓦"_s, u"吉瓦"_s, u"吨标准煤"_s, u"件"_s, u"篇"_s, u"床"_s,
    u"册"_s, u"名"_s, u"公里"_s, u"千米"_s, u"美元"_s, u"元"_s, u"吨"_s, u"千克"_s, u"公斤"_s, u"斤"_s,
    u"公顷"_s, u"亩"_s, u"人次"_s, u"人"_s, u"户"_s, u"家"_s, u"个"_s, u"所"_s, u"项"_s, u"套"_s, u"辆"_s,
    u"座"_s, u"处"_s, u"台"_s, u"岁"_s, u"年"_s, u"天"_s, u"小时"_s, u"分钟"_s, u"倍"_s, u"成"_s, u"%"_s,
    u"％"_s, u"‰"_s, u"米"_s };

// What follows a number that makes it a date, an ordinal or a count of events, not a measure.
bool endsAsNonMeasure(QStringView rest)
{
    static const std::array words { u"月"_s, u"日"_s, u"号"_s, u"届"_s, u"次"_s, u"周年"_s, u"期"_s, u"条"_s,
        u"款"_s, u"章"_s, u"节"_s, u"代"_s, u"版"_s, u"型"_s, u"名"_s, u"时"_s, u"点"_s, u"级"_s, u"批"_s,
        u"轮"_s };
    for (const QString &w : words)
        if (rest.startsWith(w))
            return true;
    return !rest.isEmpty() && isAsciiLetter(rest.front());
}

struct Measure
{
    qsizetype end = 0;
    QString unit;
    bool year = false;
    bool nonMeasure = false;
};

// Reads "多", the magnitude and the unit after a number ending at i.
Measure readUnit(QStringView text, qsizetype i, const Number &n, bool *approx)
{
    Measure m;
    QString unit = n.magnitude;
    i = skipSpaces(text, i);
    if (i < text.size() && (text[i] == u'多' || text[i] == u'余')) {
        *approx = true;
        ++i;
    }
    if (unit.isEmpty()) {
        for (const QString &mag : magnitudes) {
            if (text.mid(i).startsWith(mag)) {
                unit = mag;
                i = skipSpaces(text, i + mag.size());
                break;
            }
        }
    }
    if (i < text.size() && (text[i] == u'多' || text[i] == u'余')) {
        *approx = true;
        ++i;
    }
    const QStringView rest = text.mid(i);
    const bool yearLike = !n.decimal && n.value >= 1000 && unit.isEmpty();
    if (rest.startsWith(u'年') && (yearLike || rest.mid(1).startsWith(u'月'))) {
        m.year = true;
        return m;
    }
    if (unit.isEmpty() && endsAsNonMeasure(rest)) {
        m.nonMeasure = true;
        return m;
    }
    for (const QString &u : units) {
        if (rest.startsWith(u)) {
            // 年 is a unit only as a span of years ("受教育年限提高到11.3年"), not "年底", "年前".
            if (u == u"年" && rest.size() > 1 && QStringView(u"月底末前后内度代初中").contains(rest[1]))
                break;
            unit += u == u"％" ? u"%"_s : u;
            i += u.size();
            break;
        }
    }
    m.end = i;
    m.unit = unit;
    return m;
}

} // namespace

bool FigureScanner::isChineseNumeral(QChar c)
{
    // A switch, not a QStringView search: this runs on every character of the document.
    switch (c.unicode()) {
    case u'零':
    case u'〇':
    case u'一':
    case u'二':
    case u'两':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
    case u'十':
    case u'百':
    case u'千':
    case u'万':
    case u'亿':
        return true;
    default:
        return false;
    }
}

std::optional<Figure> FigureScanner::scan(QStringView text, qsizetype pos)
{
    if (pos < 0 || pos >= text.size())
        return std::nullopt;
    const bool chinese = !isDigit(text[pos]);
    if (chinese && !isChineseNumeral(text[pos]))
        return std::nullopt;
    if (pos > 0) {
        const QChar prev = text[pos - 1];
        if (isDigit(prev) || isAsciiLetter(prev) || prev == u'.' || prev == u'．'
            || (chinese && isChineseNumeral(prev)))
            return std::nullopt;
    }
    const Number first = chinese ? parseChinese(text, pos) : parseArabic(text, pos);
    bool approx = false;
    const Measure m1 = readUnit(text, first.end, first, &approx);
    if (m1.year || m1.nonMeasure)
        return std::nullopt;
    // A Chinese numeral carries a value only with a unit: 一千万人, 一个百分点; not 一批, 一流.
    if (chinese && m1.unit.isEmpty())
        return std::nullopt;

    Figure f;
    f.start = pos;
    f.end = m1.end;
    f.value = first.digits;
    f.low = f.high = first.value;
    f.unit = m1.unit;
    if (approx) {
        f.comparator = Target::Comparator::AtLeast;
        f.qualified = true;
    }

    // A range: "6%－6.5%", "6-6.5%", "6%至6.5%".
    qsizetype i = skipSpaces(text, f.end);
    if (!chinese && i < text.size() && QStringView(u"-－–—~～至到").contains(text[i])) {
        const qsizetype j = skipSpaces(text, i + 1);
        if (j < text.size() && isDigit(text[j])) {
            const Number second = parseArabic(text, j);
            bool approx2 = false;
            const Measure m2 = readUnit(text, second.end, second, &approx2);
            if (m2.year && m1.unit.isEmpty())
                return std::nullopt; // "2021—2025年" is a span of years
            if (!m2.year && !m2.nonMeasure
                && (m1.unit.isEmpty() || m2.unit.isEmpty() || m1.unit == m2.unit)) {
                f.end = m2.end;
                f.value = first.digits + u'-' + second.digits;
                f.high = second.value;
                if (f.unit.isEmpty())
                    f.unit = m2.unit;
                f.comparator = Target::Comparator::Range;
                f.qualified = true;
            }
        }
    }

    i = skipSpaces(text, f.end);
    const QStringView rest = text.mid(i);
    struct Qualifier
    {
        QStringView word;
        Target::Comparator comparator;
    };
    static constexpr std::array qualifiers { Qualifier { u"及以上", Target::Comparator::AtLeast },
        Qualifier { u"以上", Target::Comparator::AtLeast }, Qualifier { u"以下", Target::Comparator::AtMost },
        Qualifier { u"以内", Target::Comparator::AtMost }, Qualifier { u"左右", Target::Comparator::About },
        Qualifier { u"上下", Target::Comparator::About }, Qualifier { u"之间", Target::Comparator::Range } };
    for (const Qualifier &q : qualifiers) {
        if (rest.startsWith(q.word)) {
            if (f.comparator != Target::Comparator::Range)
                f.comparator = q.comparator;
            f.qualified = true;
            f.end = i + q.word.size();
            break;
        }
    }
    return f;
}

} // namespace Pizhu
