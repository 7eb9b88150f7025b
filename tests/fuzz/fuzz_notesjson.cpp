// Feeds arbitrary bytes to the notes import, the other place where untrusted input enters Pizhu:
// WebAnnotationJson::parse, then re-anchoring what it read on a document, as `pizhu import` and
// the window do. Any crash, leak or sanitizer report is a bug; so is an annotation that parses but
// does not survive being written out and read back, or an anchor placed outside the text.
#include "importer.h"
#include "notesimporter.h"
#include "webannotationjson.h"

#include <QByteArray>
#include <QDateTime>

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort(); // libFuzzer saves the input that got here
}

// Short, so re-anchoring hundreds of annotations stays fast, but with headings, items and
// repeated phrases so quotes can be found in more than one place.
const Pizhu::Document &document()
{
    static const Pizhu::Document doc
        = Pizhu::Importer()
              .importText(
                  u"质量强国建设纲要\n\n一、形势背景\n质量是人类生产生活的重要保障。建设质量强国是推动高质量"
                  u"发展的重要举措。\n"
                  "二、总体要求\n（一）指导思想。坚持以质量为本，推动高质量发展。\n"
                  "1. 提高质量总体水平。2. 提升质量创新能力。\n三、主要目标\n质量是人类生产生活的重要保障。\n"_s)
              .value();
    return doc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = Pizhu::WebAnnotationJson::parse(bytes);
    if (!parsed.ok())
        return 0; // refusing is fine; every refusal is a return value by construction
    const QList<Pizhu::Annotation> &annotations = parsed.value();

    const Pizhu::Document &doc = document();
    const QByteArray written = Pizhu::WebAnnotationJson::write(annotations, u"fuzz"_s, doc.hash());
    const auto reread = Pizhu::WebAnnotationJson::parse(written);
    check(reread.ok() && reread->size() == annotations.size());

    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const QList<Pizhu::Annotation> placed = Pizhu::NotesImporter::placeOnDocument(annotations, doc, now);
    check(placed.size() == annotations.size());
    const qsizetype textSize = doc.text().size();
    for (const Pizhu::Annotation &a : placed) {
        check(a.part >= 0 && a.part < doc.parts().size());
        if (a.isOrphaned())
            continue;
        check(a.anchor.start >= 0 && a.anchor.start <= a.anchor.end && a.anchor.end <= textSize);
        check(doc.text().mid(a.anchor.start, a.anchor.length()) == a.anchor.quote);
    }
    return 0;
}
