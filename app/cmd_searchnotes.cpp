#include "annotationstore.h"
#include "clisupport.h"
#include "command.h"
#include "notesclisupport.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

int searchNotes(const QString &query, const QString &dbOption)
{
    int failed = 0;
    const auto store = openNotesStore(dbOption, &failed);
    if (!store)
        return failed;
    const auto hits = store->searchNotes(query);
    if (!hits) {
        err(u"pizhu: %1: %2\n"_s.arg(store->path(), describeStoreFailure(hits.error())));
        return storeFailureExit(hits.error());
    }
    QString text;
    for (const SearchHit &hit : *hits)
        text += u"%1\t%2\t%3\t%4\n"_s.arg(flatField(hit.documentTitle),
            flatField(hit.sectionPath.join(u" > "_s)), flatField(hit.quote), flatField(hit.note));
    text += (hits->size() == 1 ? u"%1 note\n"_s : u"%1 notes\n"_s).arg(hits->size());
    out(text);
    return Success;
}

int runSearchNotes(const QStringList &args)
{
    QString db;
    QStringList positional;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--db" && i + 1 < args.size())
            db = args.at(++i);
        else if (args.at(i).startsWith(u"--db="))
            db = args.at(i).mid(5);
        else
            positional << args.at(i);
    }
    if (positional.size() != 1)
        return usageError(u"search-notes"_s, u"search-notes takes one QUERY"_s);
    return searchNotes(positional.first(), db);
}

const Registration searchNotesCommand({ u"search-notes"_s, u"search-notes QUERY [--db PATH]"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli",
        "search quotes, notes and tags of every document (also: search --notes); "
        "prints DOCUMENT<TAB>SECTION<TAB>QUOTE<TAB>NOTE and a count"),
    runSearchNotes });

} // namespace
} // namespace Pizhu::Cli
