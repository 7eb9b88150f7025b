#pragma once

#include "wordsegmenter.h"

#include <QList>
#include <QStringView>

#include <optional>

namespace Pizhu {

// Turns the words before a target's verb into its indicator(s): "其中农产品质量安全例行监测合格率
// 和食品抽检合格率均" gives two indicators, "农产品质量安全例行监测合格率" and "食品抽检合格率".
// Every cut falls on an ICU word boundary, so 和 inside 和谐 or 与 inside 参与 never splits.
class IndicatorSplitter
{
public:
    struct Span
    {
        qsizetype start = 0;
        qsizetype end = 0;
    };
    struct Result
    {
        QList<Span> indicators; // offsets in the text given to split()
        bool distributive = false; // 均, 都, 分别: the figure applies to each indicator
    };

    // Indicators longer than this keep their last words only: the head noun comes last in Chinese.
    static constexpr qsizetype MaxLength = 40;

    // The words of text[from, to) that name what the figure measures.
    Result split(QStringView text, qsizetype from, qsizetype to) const;

    // Whether an indicator is only a verb of giving out, with no object ("先发行", "再安排"): the
    // object is what the sentence named before.
    static bool endsWithTransferVerb(QStringView indicator);
    // The object of that verb where the sentence used it before the indicator ("发行超长期特别国债，"
    // gives 超长期特别国债), or nothing when the sentence does not name one.
    static std::optional<Span> objectBefore(QStringView text, qsizetype sentenceStart, Span indicator);
    // Whether the indicator ends in an amount with its unit ("支出规模28.5万亿元"): a value glued to
    // a name, not a name.
    static bool endsWithAmount(QStringView text, Span indicator);

private:
    WordSegmenter m_segmenter;
};

} // namespace Pizhu
