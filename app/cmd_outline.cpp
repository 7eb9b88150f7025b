#include "clisupport.h"
#include "command.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

int runOutline(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(u"outline"_s, u"outline takes one FILE"_s);
    const auto doc = loadDocument(args.first());
    if (!doc)
        return Unreadable;
    out(doc->outlineText());
    return Success;
}

QString kindName(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Heading:
        return u"heading"_s;
    case BlockKind::Paragraph:
        return u"paragraph"_s;
    case BlockKind::Item:
        return u"item"_s;
    case BlockKind::Note:
        return u"note"_s;
    }
    return {};
}

int runBlocks(const QStringList &args)
{
    if (args.size() != 1)
        return usageError(u"blocks"_s, u"blocks takes one FILE"_s);
    const auto doc = loadDocument(args.first());
    if (!doc)
        return Unreadable;
    QString text;
    for (qsizetype p = 0; p < doc->parts().size(); ++p)
        for (const Block &block : doc->parts().at(p).blocks)
            text += u"%1\t%2\t%3\n"_s.arg(p + 1).arg(kindName(block.kind), block.text);
    out(text);
    return Success;
}

const Registration outline({ u"outline"_s, u"outline FILE"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli", "print the outline: one node a line, indented two spaces a level"),
    runOutline });
const Registration blocks({ u"blocks"_s, u"blocks FILE"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli", "print one block a line: PART<TAB>KIND<TAB>TEXT"), runBlocks });

} // namespace
} // namespace Pizhu::Cli
