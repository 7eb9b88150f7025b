#pragma once

#include <QString>
#include <QStringList>

namespace Pizhu {

// A quantitative commitment found in a document's prose: "到 2025 年 … 制造业产品质量合格率达到 94%"
// gives indicator 制造业产品质量合格率, direction Level, comparator Equal, value 94, unit %,
// horizon 2025.
struct Target
{
    // Which way the commitment moves the indicator: 增长/提高 up, 降低/减少 down, 达到/控制在 or a
    // bare figure keep it at a level.
    enum class Direction { Up, Down, Level };
    // How the value bounds it: 以上/不低于, 以下/以内/不超过, 左右, "6%－6.5%", or exactly.
    enum class Comparator { Equal, AtLeast, AtMost, About, Range };

    QString indicator;
    Direction direction = Direction::Level;
    Comparator comparator = Comparator::Equal;
    // Normalised digits with a dot for decimals; a range is written "6-6.5".
    QString value;
    double low = 0; // the value, or a range's lower end, for sorting and comparing
    double high = 0; // equal to low unless the comparator is Range
    QString unit; // "%", "个百分点", "万人", "亿元", "万亿斤", "倍", or empty for an index value
    // The year the commitment is due ("2025"), "今年" when the document never states its year, a
    // plan period ("十四五"), or empty when none governs it.
    QString horizon;
    QStringList sectionPath;
    // A change on a base that the same sentence states beside the value ("赤字规模4.06万亿元，比上年
    // 年初预算增加1800亿元"): the signed amount with its unit ("+1800亿元") and the base as the
    // document names it ("上年年初预算"). Both empty when the sentence states none.
    QString change;
    QString changeBase;
    // The sentence the target was read from, as the document writes it.
    QString sentence;

    // Ranges in Document::text(). The statement runs from the indicator to the end of the figure
    // (value, unit and qualifier); two targets split from "A和B均达到 98%以上" share the figure but
    // not the indicator.
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype indicatorStart = 0;
    qsizetype indicatorEnd = 0;
    qsizetype figureStart = 0;
    qsizetype figureEnd = 0;

    friend bool operator==(const Target &, const Target &) = default;

    // The tokens the command line and the exports use: "up"/"down"/"level", ">="/"<="/"~"/"range"/"=".
    static QString directionName(Direction direction)
    {
        switch (direction) {
        case Direction::Up:
            return QStringLiteral("up");
        case Direction::Down:
            return QStringLiteral("down");
        case Direction::Level:
            return QStringLiteral("level");
        }
        return {};
    }
    // The value for a reader, its comparator in words: "约 5%", "≥ 1200万人", "≤ 5.5%", "6–6.5%",
    // "94%".
    QString valueText() const
    {
        QString text = value;
        text.replace(QLatin1Char('-'), QChar(u'–'));
        text += unit;
        switch (comparator) {
        case Comparator::About:
            return QStringLiteral("约 ") + text;
        case Comparator::AtLeast:
            return QStringLiteral("≥ ") + text;
        case Comparator::AtMost:
            return QStringLiteral("≤ ") + text;
        case Comparator::Equal:
        case Comparator::Range:
            break;
        }
        return text;
    }
    // The change for a reader: "+1.1万亿元 on last year", "+1800亿元 on last year (年初预算)";
    // empty when there is none.
    QString changeText() const
    {
        if (change.isEmpty())
            return {};
        for (QStringView lastYear : { QStringView(u"上年"), QStringView(u"去年") }) {
            if (changeBase.startsWith(lastYear)) {
                const QString rest = changeBase.mid(lastYear.size());
                return change + QStringLiteral(" on last year")
                    + (rest.isEmpty() ? QString() : QStringLiteral(" (") + rest + QLatin1Char(')'));
            }
        }
        return change + QStringLiteral(" on ") + changeBase;
    }
    static QString comparatorName(Comparator comparator)
    {
        switch (comparator) {
        case Comparator::Equal:
            return QStringLiteral("=");
        case Comparator::AtLeast:
            return QStringLiteral(">=");
        case Comparator::AtMost:
            return QStringLiteral("<=");
        case Comparator::About:
            return QStringLiteral("~");
        case Comparator::Range:
            return QStringLiteral("range");
        }
        return {};
    }
};

} // namespace Pizhu
