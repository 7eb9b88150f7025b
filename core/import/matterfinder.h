#pragma once

#include "document.h"

#include <QList>
#include <QStringView>

namespace Pizhu {

// Front and back matter: what stands around a work without being part of it. A licence or source
// trailer (Project Gutenberg's, Wikisource's "本作品…", "Public domain") and everything after it
// becomes one back-matter part; a library's header before "*** START OF" one front-matter part.
// Inside the work, the title block (title, dateline, author) and a table of contents are marked as
// front matter, "（完）", "THE END" and the editor and source lines that close it as back matter.
// Parts split off on weak evidence are merged back: a part of a few lines, or one that opens with
// a note, is no article of its own.
class MatterFinder
{
public:
    // Before notes are found: trailers, headers, weak parts, the title block.
    static void apply(QList<Part> &parts, QStringView source = {});
    // After notes are found: the lines that close each work.
    static void markClosingLines(QList<Part> &parts);

    static bool isTrailerStart(QStringView text);
    static bool isHeaderEnd(QStringView text); // "*** START OF THE PROJECT GUTENBERG EBOOK ..."
    static bool isClosingLine(QStringView text); // "（完）", "（责任编辑：…）", "THE END"

private:
    static void splitLibraryMatter(QList<Part> &parts);
    static void mergeWeakParts(QList<Part> &parts, QStringView source);
    static void settleLabelRanks(Part &part);
    static void markFrontMatter(Part &part);
    static void markBackMatter(Part &part);
};

} // namespace Pizhu
