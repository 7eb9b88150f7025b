#include "clisupport.h"
#include "command.h"
#include "markdownexporter.h"
#include "notesclisupport.h"
#include "outputwriter.h"
#include "pdfmarkupnotes.h"
#include "pdfreader.h"
#include "webannotationjson.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

struct Options
{
    QString file;
    QString format = u"markdown"_s;
    QString output; // empty: standard output
    QString db;
    ExportOptions exportOptions;
};

std::optional<Options> parse(const QStringList &args, QString *error)
{
    Options o;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool takesValue = arg == u"--format" || arg == u"-o" || arg == u"--output" || arg == u"--color"
            || arg == u"--colour" || arg == u"--tag" || arg == u"--group-by" || arg == u"--db";
        if (!takesValue) {
            if (arg.startsWith(u'-') && arg.size() > 1) {
                *error = u"unknown option %1"_s.arg(arg);
                return std::nullopt;
            }
            positional << arg;
            continue;
        }
        if (i + 1 >= args.size()) {
            *error = u"%1 needs a value"_s.arg(arg);
            return std::nullopt;
        }
        const QString value = args.at(++i);
        if (arg == u"--format") {
            if (value != u"markdown" && value != u"json" && value != u"pdf") {
                *error = u"--format is markdown, json or pdf"_s;
                return std::nullopt;
            }
            o.format = value;
        } else if (arg == u"-o" || arg == u"--output") {
            o.output = value;
        } else if (arg == u"--color" || arg == u"--colour") {
            const auto color = annotationColorFromName(value);
            if (!color) {
                QStringList names;
                for (AnnotationColor c : allAnnotationColors())
                    names << annotationColorName(c);
                *error = u"unknown colour %1 (one of %2)"_s.arg(value, names.join(u", "_s));
                return std::nullopt;
            }
            o.exportOptions.colors.append(*color);
        } else if (arg == u"--tag") {
            o.exportOptions.tags.append(value);
        } else if (arg == u"--group-by") {
            if (value != u"section" && value != u"color" && value != u"colour") {
                *error = u"--group-by is section or color"_s;
                return std::nullopt;
            }
            o.exportOptions.groupBy
                = value == u"section" ? ExportOptions::GroupBy::Section : ExportOptions::GroupBy::Color;
        } else if (arg == u"--db") {
            o.db = value;
        }
    }
    if (positional.size() != 1) {
        *error = u"export takes one FILE"_s;
        return std::nullopt;
    }
    o.file = positional.first();
    if (o.format == u"pdf" && (o.output.isEmpty() || o.output == u"-")) {
        *error = u"--format pdf writes a file: give -o OUT.pdf"_s;
        return std::nullopt;
    }
    return o;
}

// A copy of the PDF with the highlights as its own Highlight annotations, written the way every
// output is (a temporary file renamed into place); the PDF itself is only read.
int exportPdf(const Options &o, const Document &doc, const QList<Annotation> &annotations, const QString &db)
{
    if (!isPdfFile(o.file)) {
        err(u"pizhu: %1: --format pdf needs a PDF, and this is not one\n"_s.arg(o.file));
        return Unreadable;
    }
    const auto selected = o.exportOptions.select(annotations);
    if (!selected) {
        err(selected.error() == ExportError::NoAnnotations
                ? u"pizhu: %1 has no notes to export (database %2)\n"_s.arg(o.file, db)
                : u"pizhu: %1: no notes match the --color/--tag filters\n"_s.arg(o.file));
        return Failure;
    }
    const QList<PdfMarkup> markups
        = PdfMarkupNotes::markupsFor(doc, selected.value(), PdfMarkupNotes::defaultAuthor());
    if (markups.isEmpty()) {
        err(u"pizhu: %1: none of its notes can be placed on the pages (orphaned)\n"_s.arg(o.file));
        return Failure;
    }
    const auto pdf = PdfReader::writeMarkup(o.file, markups, pdfPasswordOption());
    if (!pdf) {
        err(u"pizhu: %1: %2\n"_s.arg(o.file, describePdfError(pdf.error())));
        return Unreadable;
    }
    return OutputWriter::write(o.output, pdf.value()) ? Success : OutputFailed;
}

int runExport(const QStringList &args)
{
    QString error;
    const auto o = parse(args, &error);
    if (!o)
        return usageError(u"export"_s, error);
    // Refused before anything is read or written: -o onto the document or the notes database
    // would replace what the export is made from.
    const QString dbPath = AnnotationStore::resolvePath(o->db);
    const QList<OutputWriter::Input> inputs { { o->file, u"the document being exported"_s },
        { dbPath, u"the notes database"_s }, { dbPath + u"-wal"_s, u"part of the notes database"_s },
        { dbPath + u"-shm"_s, u"part of the notes database"_s } };
    if (const auto refused = OutputWriter::refusal(o->output, inputs)) {
        err(u"pizhu: %1\n"_s.arg(*refused));
        return OutputFailed;
    }
    const auto doc = loadDocument(o->file);
    if (!doc)
        return Unreadable;
    int failed = 0;
    auto store = openNotesStore(o->db, &failed);
    if (!store)
        return failed;
    if (!syncWithStore(*store, *doc, o->file))
        return StoreFailed;
    const auto annotations = store->list(doc->hash());
    if (!annotations) {
        err(u"pizhu: %1: %2\n"_s.arg(store->path(), describeStoreFailure(annotations.error())));
        return storeFailureExit(annotations.error());
    }

    if (o->format == u"pdf")
        return exportPdf(*o, *doc, annotations.value(), store->path());

    ExportOptions options = o->exportOptions;
    options.sourceFileName = o->file == u"-" ? QString() : QFileInfo(o->file).fileName();
    QByteArray bytes;
    ExportError exportError = ExportError::NoAnnotations;
    bool exported = false;
    if (o->format == u"json") {
        const auto selected = options.select(annotations.value());
        if (selected) {
            bytes = WebAnnotationJson::write(selected.value(), *doc);
            exported = true;
        } else {
            exportError = selected.error();
        }
    } else {
        const auto md = MarkdownExporter().exportNotes(*doc, annotations.value(), options);
        if (md) {
            bytes = md->toUtf8();
            exported = true;
        } else {
            exportError = md.error();
        }
    }
    if (!exported) {
        // Said rather than written as an empty file: an empty export is almost always a mistake
        // (the wrong file, another database, a filter that matches nothing).
        err(exportError == ExportError::NoAnnotations
                ? u"pizhu: %1 has no notes to export (database %2)\n"_s.arg(o->file, store->path())
                : u"pizhu: %1: no notes match the --color/--tag filters\n"_s.arg(o->file));
        return Failure;
    }
    return OutputWriter::write(o->output, bytes) ? Success : OutputFailed;
}

const Registration exportCommand({ u"export"_s,
    u"export FILE [--format markdown|json|pdf] [-o OUT] [--color C]... [--tag T]... [--group-by section|color] [--db PATH]"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli",
        "write FILE's notes as Markdown or W3C Web Annotation JSON (standard output by default), or a "
        "copy of the PDF FILE with its highlights as PDF annotations (-o OUT.pdf)"),
    runExport });

} // namespace
} // namespace Pizhu::Cli
