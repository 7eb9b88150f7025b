// Feeds arbitrary bytes to the importer, the one place where untrusted input enters Pizhu. Any
// crash, leak or sanitizer report is a bug; so is a failure that is not one of the documented
// ImportError values, or a Document whose offsets point outside its own text.
#include "documentcheck.h"
#include "importer.h"

#include <QByteArray>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // Both formats: the first byte's low bit picks one, so the corpus explores each.
    const bool markdown = size > 0 && (data[0] & 1);
    const auto result = Pizhu::Importer().importBytes(
        bytes, {}, markdown ? Pizhu::Importer::Format::Markdown : Pizhu::Importer::Format::PlainText);
    if (result.ok()) {
        FuzzCheck::checkDocument(result.value());
    } else {
        using E = Pizhu::ImportError;
        const E e = result.error();
        FuzzCheck::check(e == E::Empty || e == E::Binary || e == E::TooLarge);
    }
    return 0;
}
