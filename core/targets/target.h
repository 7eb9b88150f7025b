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
