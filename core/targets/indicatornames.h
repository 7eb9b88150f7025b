#pragma once

#include "target.h"

#include <QString>

namespace Pizhu {

// One name for the phrasings of one indicator, so that "国内生产总值增长5%", "GDP增长5%" and
// "经济增长预期目标为5%" are found to be the same target, within a document and across years.
class IndicatorNames
{
public:
    // The indicator's canonical name: width and spaces folded, GDP and CPI spelt out, words that
    // name no quantity dropped (预期目标, 今年), the movement a rate states added
    // (国内生产总值 growing by a % is 国内生产总值增长), then a small table of synonyms.
    static QString canonical(const Target &target);
    // What matches across documents: the canonical name, and whether the value is a rate (%, 个
    // 百分点) or an amount, so that GDP's growth never meets its size.
    static QString key(const Target &target);
};

} // namespace Pizhu
