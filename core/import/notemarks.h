#pragma once

#include "document.h"

#include <QList>

namespace Pizhu {

// Links the note marks in a part's text ("[1]", "¹", "①", "注1") to the notes NoteFinder found:
// a mark refers to the note of its number in the first notes block after it in the same part.
class NoteMarks
{
public:
    static void link(QList<Part> &parts);
};

} // namespace Pizhu
