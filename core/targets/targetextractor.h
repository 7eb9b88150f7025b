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
    QList<Target> extract(const Document &doc) const { return extract(doc, 0); }
    // year dates the document when it does not date itself (documentYear() is 0): 今年 and 全年
    // become that year. A caller may know it from elsewhere, a file name say.
    QList<Target> extract(const Document &doc, int year) const;

    // The year the document speaks from: its dateline ("——2024年3月5日在……"), else a year in its
    // title, else its section headings ("二、2024年政府工作任务"; a review "一、2023年工作回顾" is
    // of the year before); 0 when none of them says.
    static int documentYear(const Document &doc);
};

} // namespace Pizhu
