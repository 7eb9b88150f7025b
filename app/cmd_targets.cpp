#include "clisupport.h"
#include "command.h"
#include "targetextractor.h"
#include "targetformats.h"

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

int runTargets(const QStringList &args)
{
    QString file;
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
        } else if (arg.startsWith(u"--")) {
            return usageError(u"targets"_s, u"unknown option %1"_s.arg(arg));
        } else if (file.isEmpty()) {
            file = arg;
            continue;
        } else {
            return usageError(u"targets"_s, u"targets takes one FILE"_s);
        }
        const std::optional<TargetFormats::Format> parsed = TargetFormats::parse(name);
        if (!parsed)
            return usageError(u"targets"_s, u"unknown format %1: use tsv, csv, markdown or json"_s.arg(name));
        format = *parsed;
    }
    if (file.isEmpty())
        return usageError(u"targets"_s, u"targets takes one FILE"_s);
    const auto doc = loadDocument(file);
    if (!doc)
        return Unreadable;
    const QList<Target> targets = TargetExtractor().extract(*doc);
    switch (format) {
    case TargetFormats::Format::Tsv:
        out(TargetFormats::toTsv(targets));
        break;
    case TargetFormats::Format::Markdown:
        out(TargetFormats::toMarkdown(targets));
        break;
    case TargetFormats::Format::Csv:
    case TargetFormats::Format::Json: {
        // Written as bytes: the CSV's BOM and the JSON's encoding are already UTF-8.
        const QByteArray bytes = format == TargetFormats::Format::Csv ? TargetFormats::toCsv(targets)
                                                                      : TargetFormats::toJson(targets);
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        break;
    }
    }
    return Success;
}

const Registration targets({ u"targets"_s, u"targets FILE [--format tsv|csv|markdown|json]"_s,
    u"print the quantitative targets: one a line, INDICATOR<TAB>DIRECTION<TAB>"
    u"COMPARATOR<TAB>VALUE<TAB>UNIT<TAB>HORIZON<TAB>SECTION<TAB>START"_s,
    runTargets });

} // namespace
} // namespace Pizhu::Cli
