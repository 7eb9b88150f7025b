#include "notemarks.h"

#include "notefinder.h"

#include <QHash>

namespace Pizhu {

namespace {

// One notes block: consecutive Note blocks, by number.
struct NotesRun
{
    int first = 0; // block index
    QHash<int, int> blockOf; // note number -> block index
};

QList<NotesRun> notesRuns(const QList<Block> &blocks)
{
    QList<NotesRun> runs;
    for (int b = 0; b < blocks.size(); ++b) {
        if (blocks.at(b).kind != BlockKind::Note)
            continue;
        if (runs.isEmpty() || blocks.at(b - 1).kind != BlockKind::Note) {
            runs.append(NotesRun());
            runs.last().first = b;
        }
        const int number = NoteFinder::noteNumber(blocks.at(b).text);
        if (number > 0 && !runs.last().blockOf.contains(number))
            runs.last().blockOf.insert(number, b);
    }
    return runs;
}

} // namespace

void NoteMarks::link(QList<Part> &parts)
{
    for (int p = 0; p < parts.size(); ++p) {
        QList<Block> &blocks = parts[p].blocks;
        const QList<NotesRun> runs = notesRuns(blocks);
        if (runs.isEmpty())
            continue;
        qsizetype nextRun = 0;
        for (int b = 0; b < blocks.size(); ++b) {
            while (nextRun < runs.size() && runs.at(nextRun).first <= b)
                ++nextRun;
            if (nextRun == runs.size())
                break; // no notes after this block: its marks, if any, cite nothing found
            Block &block = blocks[b];
            if (block.kind == BlockKind::Note || block.matter != Matter::Body)
                continue;
            const QString &text = block.text;
            for (qsizetype pos = 1; pos < text.size(); ++pos) {
                qsizetype length = 0;
                const int number = NoteFinder::markAt(text, pos, &length);
                if (number <= 0)
                    continue;
                // The first notes block after the mark that has a note of this number.
                for (qsizetype r = nextRun; r < runs.size(); ++r) {
                    const auto it = runs.at(r).blockOf.constFind(number);
                    if (it != runs.at(r).blockOf.cend()) {
                        block.noteLinks.append({ pos, length, p, it.value() });
                        break;
                    }
                }
                pos += length - 1;
            }
        }
    }
}

} // namespace Pizhu
