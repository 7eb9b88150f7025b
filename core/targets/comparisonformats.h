#pragma once

#include "targetcomparison.h"

#include <QByteArray>
#include <QString>

namespace Pizhu {

// Writes a TargetComparison out, in the formats of TargetFormats. Every table has a header row:
// Indicator, then one column per document labelled by its year (or file name); a cell is the
// value with its comparator in words ("约 5%", "≥ 1200万人") and any change on a base ("3.9万亿元
// (+1000亿元 on last year)"), empty where the document has no such target.
class ComparisonFormats
{
public:
    // One cell: "约 5%", "3.9万亿元 (+1000亿元 on last year)", empty for none.
    static QString cellText(const std::optional<Target> &cell);

    static QString toTsv(const TargetComparison &comparison);
    // With a UTF-8 BOM and CRLF line ends, as TargetFormats::toCsv().
    static QByteArray toCsv(const TargetComparison &comparison);
    static QString toMarkdown(const TargetComparison &comparison);
    // {"documents": [{"label", "file", "year"}], "rows": [{"indicator", "cells": [null or a
    // target as TargetFormats::toJson() writes it, plus "text": the cell]}]}
    static QByteArray toJson(const TargetComparison &comparison);
};

} // namespace Pizhu
