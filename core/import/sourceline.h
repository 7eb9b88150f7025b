#pragma once

#include "headingrules.h"

#include <QtGlobal>

namespace Pizhu {

// One non-blank line of a source file as the importer sees it. Small on purpose: the importer
// keeps one for every line of a file that may hold 50 MB.
struct SourceLine
{
    qsizetype start = 0; // content, trimmed of white space, in the source
    qint32 length = 0; // files are at most Importer::MaxFileSize, so lines fit
    qint32 width = 0; // display columns
    qint32 blanksAfter = 0; // blank lines between this and the next non-blank line
    qint32 page = 0; // ordinal page the line stands on; 0 when the file has no pages
    bool indented = false;
    bool pageMarker = false; // a page number alone on its line
    bool afterFormFeed = false;
    bool endsSentence = false;
    // From a typeset page's layout (PdfLayout), when the text comes with one: the line starts a
    // block, or is a running header or footer.
    bool laidOutStart = false;
    bool laidOutFurniture = false;
    bool laidOutNote = false;
    bool laidOutSoftHyphen = false; // ends in a hyphen that breaks a word (LaidOutLine::softHyphen)
    bool laidOutHeadingType = false; // set larger than the body, or in a heading's face (typeRank)
    LineStructure structure;
};

} // namespace Pizhu
