#pragma once

#include "sourceline.h"
#include "textrepair.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Pizhu {

// Page numbers, form feeds and running headers and footers: what PDF extraction leaves of the page
// layout. None of it is text of the document. This takes it out of the line list, numbers the pages
// each remaining line stood on, and keeps the printed page numbers as labels.
class PageFurniture
{
public:
    static bool isPageNumberLine(QStringView line);

    // Removes page furniture from lines (in place). Blank lines around a page break do not count:
    // a paragraph cut by a page break is joined again. Returns the printed label of each page
    // (index = ordinal page - 1; empty where none was printed), or nothing if the file has no pages.
    static QStringList strip(QList<SourceLine> &lines, const QString &source, RepairCounts &counts);
};

} // namespace Pizhu
