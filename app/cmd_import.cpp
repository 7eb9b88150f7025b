#include "clisupport.h"
#include "command.h"
#include "notesclisupport.h"
#include "notesimporter.h"
#include "pdfmarkupnotes.h"
#include "pdfreader.h"
#include "webannotationjson.h"

#include <QFile>
#include <QFileInfo>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

QString describe(const AnnotationJsonFailure &f)
{
    QString what;
    switch (f.kind) {
    case AnnotationJsonError::TooLarge:
        return u"the file is too large to be a notes file (over %1 MiB)"_s.arg(
            WebAnnotationJson::MaxInputSize / (1024 * 1024));
    case AnnotationJsonError::NotJson:
        return u"not JSON (syntax error at byte %1)"_s.arg(f.offset);
    case AnnotationJsonError::BadText:
        return u"a string holds half of a UTF-16 surrogate pair (at byte %1), which is no character"_s.arg(
            f.offset);
    case AnnotationJsonError::WrongShape:
        what = u"not W3C Web Annotation JSON (an Annotation, a list of them, a page or a collection)"_s;
        break;
    case AnnotationJsonError::MissingField:
        what = u"missing %1"_s.arg(f.field);
        break;
    case AnnotationJsonError::BadValue:
        what = u"bad value for %1"_s.arg(f.field);
        break;
    }
    if (f.index >= 0)
        return u"annotation %1: %2"_s.arg(f.index + 1).arg(what);
    return what;
}

void printSummary(const NotesImportSummary &summary)
{
    out(u"%1 added, %2 updated, %3 unchanged"_s.arg(summary.added)
            .arg(summary.updated)
            .arg(summary.unchanged));
    if (summary.orphaned > 0)
        out(u"; %1 could not be placed on the text and are kept as orphans"_s.arg(summary.orphaned));
    out(u"\n"_s);
}

// Reads FILE, opens the notes database and merges into it the notes notesOf makes for the
// document (by id, newer wins), then says what changed; the exit status.
int mergeNotes(
    const QString &file, const QString &db, const std::function<QList<Annotation>(const Document &)> &notesOf)
{
    const auto doc = loadDocument(file);
    if (!doc)
        return Unreadable;
    int failed = 0;
    auto store = openNotesStore(db, &failed);
    if (!store)
        return failed;
    if (!syncWithStore(*store, *doc, file))
        return StoreFailed;
    const auto summary = NotesImporter::merge(*store, *doc, notesOf(*doc));
    if (!summary) {
        err(u"pizhu: %1: %2\n"_s.arg(store->path(), describeStoreFailure(summary.error())));
        return storeFailureExit(summary.error());
    }
    printSummary(summary.value());
    return Success;
}

// The PDF's own highlights and sticky notes (made in Okular, Acrobat, Zotero, or exported by
// Pizhu) as notes on its text; the same file imported again adds nothing (stable ids).
int importFromPdf(const QString &file, const QString &db)
{
    if (!isPdfFile(file)) {
        err(u"pizhu: %1: --from-pdf needs a PDF, and this is not one\n"_s.arg(file));
        return Unreadable;
    }
    const auto markups = PdfReader::readMarkup(file, pdfPasswordOption());
    if (!markups) {
        err(u"pizhu: %1: %2\n"_s.arg(file, describePdfError(markups.error())));
        return Unreadable;
    }
    qsizetype unplaced = 0;
    const int status = mergeNotes(file, db, [&](const Document &doc) {
        return PdfMarkupNotes::annotationsFrom(doc, markups.value(), &unplaced);
    });
    if (status == Success && unplaced > 0)
        err(u"pizhu: %1: %2 annotations lie over no text and were left out\n"_s.arg(file).arg(unplaced));
    return status;
}

int runImport(const QStringList &args)
{
    QStringList positional;
    QString db;
    bool fromPdf = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"--db") {
            if (i + 1 >= args.size())
                return usageError(u"import"_s, u"--db needs a value"_s);
            db = args.at(++i);
        } else if (arg == u"--from-pdf") {
            fromPdf = true;
        } else if (arg.startsWith(u"--")) {
            return usageError(u"import"_s, u"unknown option %1"_s.arg(arg));
        } else {
            positional << arg;
        }
    }
    if (fromPdf) {
        if (positional.size() != 1)
            return usageError(u"import"_s, u"import --from-pdf takes one FILE.pdf"_s);
        return importFromPdf(positional.first(), db);
    }
    if (positional.size() != 2)
        return usageError(u"import"_s, u"import takes FILE and NOTES.json"_s);
    const QString &file = positional.at(0);
    const QString &notesPath = positional.at(1);

    // As for the document: anything but a regular file (a device, a pipe, a folder) is refused
    // before it is opened, a file over the limit before it is read, and the read itself stops one
    // byte past the limit in case the file grows in between.
    const QFileInfo notesInfo(notesPath);
    if (!notesInfo.exists()) {
        err(u"pizhu: %1: no such file\n"_s.arg(notesPath));
        return Unreadable;
    }
    if (!notesInfo.isFile()) {
        err(u"pizhu: %1: not a regular file\n"_s.arg(notesPath));
        return Unreadable;
    }
    AnnotationJsonFailure tooLargeFailure;
    tooLargeFailure.kind = AnnotationJsonError::TooLarge;
    const QString tooLarge = u"pizhu: %1: %2\n"_s.arg(notesPath, describe(tooLargeFailure));
    if (notesInfo.size() > WebAnnotationJson::MaxInputSize) {
        err(tooLarge);
        return Unreadable;
    }
    QFile notesFile(notesPath);
    if (!notesFile.open(QIODevice::ReadOnly)) {
        err(u"pizhu: %1: %2\n"_s.arg(notesPath, notesFile.errorString()));
        return Unreadable;
    }
    const QByteArray notesBytes = notesFile.read(WebAnnotationJson::MaxInputSize + 1);
    if (notesBytes.size() > WebAnnotationJson::MaxInputSize) {
        err(tooLarge);
        return Unreadable;
    }
    const auto parsed = WebAnnotationJson::parse(notesBytes);
    if (!parsed) {
        err(u"pizhu: %1: %2\n"_s.arg(notesPath, describe(parsed.error())));
        return Unreadable;
    }
    return mergeNotes(file, db, [&](const Document &) { return parsed.value(); });
}

const Registration importCommand(
    { u"import"_s, u"import FILE NOTES.json [--db PATH]  |  import FILE.pdf --from-pdf [--db PATH]"_s,
        QT_TRANSLATE_NOOP("Pizhu::Cli",
            "merge W3C Web Annotation JSON notes into FILE's notes (by id, newer wins), or the PDF's own "
            "highlights and sticky notes"),
        runImport });

} // namespace
} // namespace Pizhu::Cli
