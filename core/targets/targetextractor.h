#pragma once

#include "target.h"

#include <QList>

namespace Pizhu {

class Document;

// Finds the quantitative commitments in a document's prose (see Target).
//
// A figure counts when a verb or comparator governs it (增长 6%以上, 达到 94%, 控制在5.5%以内)
// or an indicator stands right before it (城镇调查失业率5.5%左右), it closes its clause, and the
// sentence is a commitment: a horizon governs it (到 2025 年, 今年, a heading such as
// "2021年重点工作"), or it says 力争/确保/拟/目标. Review passages (过去一年, 同比, headings with
// 回顾) and numbers that are dates, ordinals or counts of events give nothing.
class TargetExtractor
{
public:
    // Targets in text order. Cheap to call on a large document: only the clauses around figures
    // are segmented into words.
    QList<Target> extract(const Document &doc) const;
};

} // namespace Pizhu
