#pragma once

#include "target.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace Pizhu {

// A measured value as policy prose writes it: "98%以上", "1.3万亿斤", "6%－6.5%", "1100万人",
// "一个百分点", "98 %" with the space PDF extraction leaves.
struct Figure
{
    qsizetype start = 0; // first character of the value
    qsizetype end = 0; // past the unit and any qualifier (以上, 左右 …)
    QString value; // ASCII digits, dot for decimals, "6-6.5" for a range
    double low = 0;
    double high = 0;
    QString unit; // magnitude and unit: "万人", "亿元", "%"; empty for a bare index value
    // Set by a range or a qualifier after the value; otherwise Equal.
    Target::Comparator comparator = Target::Comparator::Equal;
    bool qualified = false; // a qualifier or a range was written
};

// Reads figures out of text. Stateless; the functions are the whole interface.
class FigureScanner
{
public:
    static bool isDigit(QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'０' && c <= u'９'); }
    static bool isChineseNumeral(QChar c);
    // Spaces that typesetting or PDF extraction leave inside a figure.
    static bool isSpace(QChar c) { return c == u' ' || c == u'\u00A0' || c == u'\u3000' || c == u'\t'; }

    // The figure whose value starts at pos, or nothing when what stands there is not a measured
    // value: a year (2025年), a date (1 月 17 日), an ordinal or a count of events (第十四届, 7 次),
    // a model name (5G), or a Chinese numeral without a unit (一批, 一流).
    static std::optional<Figure> scan(QStringView text, qsizetype pos);
};

} // namespace Pizhu
