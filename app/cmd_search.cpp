#include "clisupport.h"
#include "command.h"
#include "textsearcher.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

int runSearch(const QStringList &args)
{
    bool pinyin = false;
    bool notes = false;
    QString db;
    QStringList positional;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (optionsEnded || !a.startsWith(u"--")) {
            positional << a;
        } else if (a == u"--") {
            optionsEnded = true;
        } else if (a == u"--pinyin") {
            pinyin = true;
        } else if (a == u"--notes") {
            notes = true;
        } else if (a == u"--db" && i + 1 < args.size()) {
            db = args.at(++i);
        } else if (a.startsWith(u"--db=")) {
            db = a.mid(5);
        } else {
            return usageError(u"search"_s, u"unknown option %1"_s.arg(a));
        }
    }
    if (notes) {
        if (positional.size() != 1)
            return usageError(u"search"_s, u"search --notes takes one QUERY"_s);
        // The notes live in the annotation store; app/cmd_searchnotes.cpp registers that search.
        for (const Command &c : commands())
            if (c.name == u"search-notes")
                return c.run(db.isEmpty() ? positional : QStringList { u"--db"_s, db, positional.first() });
        err(u"pizhu: this build cannot search notes\n"_s);
        return Failure;
    }
    if (positional.size() != 2)
        return usageError(u"search"_s, u"search takes a FILE and a QUERY"_s);
    auto doc = loadDocument(positional.at(0));
    if (!doc)
        return Unreadable;
    const TextSearcher searcher(std::move(*doc));
    const QList<SearchMatch> matches = searcher.search(positional.at(1), { .pinyin = pinyin });
    QString text;
    for (const SearchMatch &m : matches)
        text += u"%1\t%2\t%3\t%4\n"_s.arg(m.part + 1)
                    .arg(m.range.start)
                    .arg(flatField(m.sectionPath.join(u" > "_s)), flatField(searcher.context(m).joined()));
    text += (matches.size() == 1 ? u"%1 match\n"_s : u"%1 matches\n"_s).arg(matches.size());
    out(text);
    return Success;
}

const Registration search({ u"search"_s, u"search FILE QUERY [--pinyin] | search --notes QUERY [--db PATH]"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli",
        "print each match as PART<TAB>START<TAB>SECTION<TAB>CONTEXT and a count; "
        "--pinyin also matches Han characters by pinyin (zhiliang: 质量); "
        "--notes searches the notes of every document instead"),
    runSearch });

} // namespace
} // namespace Pizhu::Cli
