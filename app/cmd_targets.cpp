#include "clisupport.h"
#include "command.h"
#include "comparisonformats.h"
#include "targetcomparison.h"
#include "targetextractor.h"
#include "targetformats.h"

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

void writeBytes(const QByteArray &bytes)
{
    // Written as bytes: the CSV's BOM and the JSON's encoding are already UTF-8.
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

// The document's targets, dated by its own year, else by a year in its file name.
QList<Target> extractTargets(const Document &doc, const QString &file, int *year)
{
    *year = TargetExtractor::documentYear(doc);
    if (*year == 0 && file != u"-")
        *year = TargetComparison::yearInFileName(file);
    return TargetExtractor().extract(doc, *year);
}

void writeTargets(const QList<Target> &targets, TargetFormats::Format format)
{
    switch (format) {
    case TargetFormats::Format::Tsv:
        out(TargetFormats::toTsv(targets));
        break;
    case TargetFormats::Format::Markdown:
        out(TargetFormats::toMarkdown(targets));
        break;
    case TargetFormats::Format::Csv:
        writeBytes(TargetFormats::toCsv(targets));
        break;
    case TargetFormats::Format::Json:
        writeBytes(TargetFormats::toJson(targets));
        break;
    }
}

void writeComparison(const TargetComparison &comparison, TargetFormats::Format format)
{
    switch (format) {
    case TargetFormats::Format::Tsv:
        out(ComparisonFormats::toTsv(comparison));
        break;
    case TargetFormats::Format::Markdown:
        out(ComparisonFormats::toMarkdown(comparison));
        break;
    case TargetFormats::Format::Csv:
        writeBytes(ComparisonFormats::toCsv(comparison));
        break;
    case TargetFormats::Format::Json:
        writeBytes(ComparisonFormats::toJson(comparison));
        break;
    }
}

int runTargets(const QStringList &args)
{
    QStringList files;
    bool compare = false;
    TargetFormats::Format format = TargetFormats::Format::Tsv;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString name;
        if (arg == u"--format") {
            if (++i >= args.size())
                return usageError(u"targets"_s, u"--format needs a value: tsv, csv, markdown or json"_s);
            name = args.at(i);
        } else if (arg.startsWith(u"--format=")) {
            name = arg.mid(9);
        } else if (arg == u"--compare") {
            compare = true;
            continue;
        } else if (arg.startsWith(u"--")) {
            return usageError(u"targets"_s, u"unknown option %1"_s.arg(arg));
        } else {
            files.append(arg);
            continue;
        }
        const std::optional<TargetFormats::Format> parsed = TargetFormats::parse(name);
        if (!parsed)
            return usageError(u"targets"_s, u"unknown format %1: use tsv, csv, markdown or json"_s.arg(name));
        format = *parsed;
    }
    if (files.isEmpty() || (!compare && files.size() > 1))
        return usageError(u"targets"_s, u"targets takes one FILE, or several with --compare"_s);
    if (files.count(u"-"_s) > 1)
        return usageError(u"targets"_s, u"standard input (-) can be read only once"_s);

    TargetComparison comparison;
    for (const QString &file : std::as_const(files)) {
        const auto doc = loadDocument(file);
        if (!doc)
            return Unreadable;
        int year = 0;
        const QList<Target> targets = extractTargets(*doc, file, &year);
        if (!compare) {
            writeTargets(targets, format);
            return Success;
        }
        comparison.addDocument(file == u"-" ? u"(standard input)"_s : file, year, targets);
    }
    writeComparison(comparison, format);
    return Success;
}

const Registration targets({ u"targets"_s,
    u"targets FILE [FILE... --compare] [--format tsv|csv|markdown|json]"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli",
        "print the quantitative targets: one a line, INDICATOR<TAB>DIRECTION<TAB>COMPARATOR<TAB>VALUE<TAB>"
        "UNIT<TAB>HORIZON<TAB>SECTION<TAB>START<TAB>CHANGE<TAB>SENTENCE; with --compare, a table of the "
        "same targets across the documents, one column per document (its year)"),
    runTargets });

} // namespace
} // namespace Pizhu::Cli
