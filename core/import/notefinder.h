#pragma once

#include "document.h"

#include <QList>
#include <QStringView>

namespace Pizhu {

// Tells notes from headings and list items by what surrounds them. A run of numbered short items
// is a notes block when it follows a label ("Notes", "References", "注释", "注") or when it ends a
// chapter and the chapter's text cites its numbers ("[1]", "¹", "①", "注1"). Its blocks become
// BlockKind::Note: never headings, never parts of their own.
class NoteFinder
{
public:
    static void apply(QList<Part> &parts);

    // The number a note opens with ("1. ", "[1]", "①", "注1：", "¹ ") and the length of that
    // marker; 0 when the text does not open like a note.
    static int noteNumber(QStringView text, qsizetype *markerLength = nullptr);
    // "Notes", "NOTES", "References", "注释", "注", "参考文献"... alone, with a colon or not.
    static bool isNotesLabel(QStringView text);
    // A note mark at text[pos] ("[12]", "¹²", "⑫", "注12"): its number and length, or 0.
    static int markAt(QStringView text, qsizetype pos, qsizetype *length);

private:
    static void findLabelledRuns(Part &part);
    static void findChapterEndRuns(Part &part);
};

} // namespace Pizhu
