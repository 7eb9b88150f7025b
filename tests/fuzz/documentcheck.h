#pragma once
// What every fuzzer that makes a Document checks of it: offsets inside its own text and source,
// and the lookups every view makes on a click holding at both ends and in the middle. A failed
// check aborts, and libFuzzer keeps the input that got there.
#include "document.h"

#include <cstdio>
#include <cstdlib>

namespace FuzzCheck {

// Aborts naming the line of the check that failed (gcc and clang fill in the caller's line).
inline void check(bool condition, int line = __builtin_LINE())
{
    if (!condition) {
        std::fprintf(stderr, "FuzzCheck: the check on line %d failed\n", line);
        std::abort(); // libFuzzer saves the input that got here
    }
}

inline void checkDocument(const Pizhu::Document &doc)
{
    const qsizetype textSize = doc.text().size();
    const qsizetype sourceSize = doc.source().size();
    for (const Pizhu::Part &part : doc.parts()) {
        for (const Pizhu::Block &block : part.blocks) {
            check(block.textStart >= 0 && block.textStart + block.text.size() <= textSize);
            check(doc.text().mid(block.textStart, block.text.size()) == block.text);
            check(block.titleLength >= 0 && block.titleLength <= block.text.size());
            check(block.sourceStart >= 0 && block.sourceStart <= block.sourceEnd
                && block.sourceEnd <= sourceSize);
            for (const Pizhu::Segment &s : block.segments) {
                check(s.textOffset >= 0 && s.length >= 0 && s.textOffset + s.length <= block.text.size());
                // The source side by its own length: a repair (a ligature "ﬁ" read as "fi") makes
                // the two differ.
                check(s.sourceOffset >= 0 && s.sourceLength >= 0
                    && s.sourceOffset + s.sourceLength <= sourceSize);
            }
        }
    }
    // The lookups every view makes on a click must hold at both ends and in the middle.
    for (const qsizetype offset : { qsizetype(0), textSize / 2, textSize > 0 ? textSize - 1 : 0 }) {
        const auto pos = doc.blockAt(offset);
        if (pos.part >= 0)
            check(pos.part < doc.parts().size() && pos.block >= 0
                && pos.block < doc.parts().at(pos.part).blocks.size());
        doc.sectionPathAt(offset);
    }
    doc.outlineText();
}

} // namespace FuzzCheck
