// Feeds arbitrary bytes to the importer, the one place where untrusted input enters Pizhu. Any
// crash, leak or sanitizer report is a bug; so is a failure that is not one of the documented
// ImportError values, or a Document whose offsets point outside its own text.
#include "importer.h"

#include <QByteArray>

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // libFuzzer saves the input that got here
}

void checkDocument(const Pizhu::Document &doc)
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
                check(s.sourceOffset >= 0 && s.sourceOffset + s.length <= sourceSize);
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

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // Both formats: the first byte's low bit picks one, so the corpus explores each.
    const bool markdown = size > 0 && (data[0] & 1);
    const auto result = Pizhu::Importer().importBytes(
        bytes, {}, markdown ? Pizhu::Importer::Format::Markdown : Pizhu::Importer::Format::PlainText);
    if (result.ok()) {
        checkDocument(result.value());
    } else {
        using E = Pizhu::ImportError;
        const E e = result.error();
        check(e == E::Empty || e == E::Binary || e == E::TooLarge);
    }
    return 0;
}
