#include "anchoring.h"
#include "annotationstore.h"
#include "clisupport.h"
#include "command.h"
#include "notesclisupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu::Cli {
namespace {

// The registered usage is one line for --help; this is the full form shown on a usage error.
const QString Details
    = u"usage: pizhu note add FILE --quote TEXT [--occurrence N] [--note TEXT] [--color NAME] [--tag T]...\n"
      "       pizhu note list FILE [--format tsv|json]\n"
      "       pizhu note search QUERY [--format tsv|json]\n"
      "       pizhu note edit ID [--note TEXT] [--color NAME] [--tag T]... [--no-tags]\n"
      "       pizhu note rm ID\n"
      "       (each takes --db PATH; default $PIZHU_DB, else the app-data folder)\n"_s;

int noteUsage(const QString &message)
{
    err(u"pizhu: %1\n"_s.arg(message));
    err(Details);
    return BadUsage;
}

// The options of one invocation; repeated --tag accumulate, other options take the last value.
struct Options
{
    QStringList positional;
    QString db, quote, note, color, format = u"tsv"_s;
    bool hasNote = false, noTags = false;
    int occurrence = 0; // 0: not given
    QStringList tags;
};

std::optional<Options> parse(const QStringList &args, QString *error)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size()) {
                *error = u"%1 needs a value"_s.arg(arg);
                return std::nullopt;
            }
            return args.at(++i);
        };
        std::optional<QString> v;
        if (arg == u"--db") {
            if (!(v = value()))
                return std::nullopt;
            o.db = *v;
        } else if (arg == u"--quote") {
            if (!(v = value()))
                return std::nullopt;
            o.quote = *v;
        } else if (arg == u"--note") {
            if (!(v = value()))
                return std::nullopt;
            o.note = *v;
            o.hasNote = true;
        } else if (arg == u"--color" || arg == u"--colour") {
            if (!(v = value()))
                return std::nullopt;
            o.color = *v;
        } else if (arg == u"--tag") {
            if (!(v = value()))
                return std::nullopt;
            o.tags << *v;
        } else if (arg == u"--no-tags") {
            o.noTags = true;
        } else if (arg == u"--format") {
            if (!(v = value()))
                return std::nullopt;
            o.format = *v;
            if (o.format != u"tsv" && o.format != u"json") {
                *error = u"--format is tsv or json"_s;
                return std::nullopt;
            }
        } else if (arg == u"--occurrence") {
            if (!(v = value()))
                return std::nullopt;
            bool ok = false;
            o.occurrence = v->toInt(&ok);
            if (!ok || o.occurrence < 1) {
                *error = u"--occurrence takes a number from 1"_s;
                return std::nullopt;
            }
        } else if (arg.startsWith(u"--") && arg.size() > 2) {
            *error = u"unknown option %1"_s.arg(arg);
            return std::nullopt;
        } else {
            o.positional << arg;
        }
    }
    if (!o.color.isEmpty() && !annotationColorFromName(o.color)) {
        QStringList names;
        for (AnnotationColor c : allAnnotationColors())
            names << annotationColorName(c);
        *error = u"unknown colour %1 (one of %2)"_s.arg(o.color, names.join(u", "_s));
        return std::nullopt;
    }
    return o;
}

QString describe(const StoreFailure &f)
{
    // An id that is not in the store is the user's mistake, not the database's.
    return f.kind == StoreError::NotFound ? u"no such annotation"_s : describeStoreFailure(f);
}

int storeError(const AnnotationStore &store, const StoreFailure &f)
{
    err(u"pizhu: %1: %2\n"_s.arg(store.path(), describe(f)));
    return storeFailureExit(f);
}

// One line, one field: tabs, line breaks and backslashes become \t, \n, \r and \\.
QString tsvField(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (QChar c : s) {
        switch (c.unicode()) {
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        default:
            out += c;
        }
    }
    return out;
}

QJsonObject jsonFields(const Annotation &a)
{
    return { { u"id"_s, a.id.toString(QUuid::WithoutBraces) }, { u"color"_s, annotationColorName(a.color) },
        { u"sectionPath"_s, QJsonArray::fromStringList(a.anchor.sectionPath) }, { u"part"_s, a.part },
        { u"start"_s, a.anchor.start }, { u"end"_s, a.anchor.end }, { u"quote"_s, a.anchor.quote },
        { u"note"_s, a.note }, { u"tags"_s, QJsonArray::fromStringList(a.tags) },
        { u"orphaned"_s, a.isOrphaned() }, { u"anchor"_s, anchorMethodName(a.reanchoring.method) },
        { u"created"_s, a.created.toString(Qt::ISODateWithMs) },
        { u"modified"_s, a.modified.toString(Qt::ISODateWithMs) } };
}

// doc: the document the annotations are on, for their page; null when listing across documents.
QJsonObject toJson(const Annotation &a, const Document *doc)
{
    QJsonObject o = jsonFields(a);
    // Only for a document with pages (a PDF, or text extracted from one), and not for an orphan,
    // whose offsets are those of a text where its quote no longer stands.
    const QString page
        = doc && !a.isOrphaned() ? doc->pageRangeLabel(a.anchor.start, a.anchor.end) : QString();
    if (!page.isEmpty())
        o.insert(u"page"_s, page);
    return o;
}

void printAnnotations(const QList<Annotation> &list, const QString &format, const Document *doc = nullptr)
{
    if (format == u"json") {
        QJsonArray array;
        for (const Annotation &a : list)
            array.append(toJson(a, doc));
        out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return;
    }
    QString text = u"id\tcolor\tsection\tstart\tquote\tnote\ttags\tstatus\n"_s;
    for (const Annotation &a : list) {
        text += QStringList { a.id.toString(QUuid::WithoutBraces), annotationColorName(a.color),
            tsvField(a.anchor.sectionPath.join(u" > "_s)), QString::number(a.anchor.start),
            tsvField(a.anchor.quote), tsvField(a.note), tsvField(a.tags.join(u", "_s)),
            a.isOrphaned() ? u"orphaned"_s : QString() }
                    .join(u'\t');
        text += u'\n';
    }
    out(text);
}

int runAdd(const Options &o)
{
    if (o.positional.size() != 1 || o.quote.isEmpty())
        return noteUsage(u"note add takes one FILE and --quote TEXT"_s);
    const QString file = o.positional.first();
    const auto doc = loadDocument(file);
    if (!doc)
        return Unreadable;
    const QList<qsizetype> found = Anchoring::occurrences(*doc, o.quote);
    const int wanted = std::max(o.occurrence, 1);
    if (found.size() < wanted) {
        if (found.isEmpty())
            err(u"pizhu: %1: the quote is not in the document\n"_s.arg(file));
        else
            err(u"pizhu: %1: the quote occurs %2 times, not %3\n"_s.arg(file).arg(found.size()).arg(wanted));
        return Unreadable;
    }
    if (found.size() > 1 && o.occurrence == 0)
        err(u"pizhu: the quote occurs %1 times; annotating the first (see --occurrence)\n"_s.arg(
            found.size()));
    int failed = 0;
    auto store = openNotesStore(o.db, &failed);
    if (!store)
        return failed;
    if (auto sync = store->syncDocument(*doc, file); !sync)
        return storeError(*store, sync.error());
    const qsizetype start = found.at(wanted - 1);
    Annotation a = Anchoring::makeAnnotation(*doc, start, start + o.quote.size());
    a.note = o.note;
    a.tags = o.tags;
    if (!o.color.isEmpty())
        a.color = *annotationColorFromName(o.color);
    const auto added = store->add(a);
    if (!added)
        return storeError(*store, added.error());
    out(added->id.toString(QUuid::WithoutBraces) + u'\n');
    return Success;
}

int runList(const Options &o)
{
    if (o.positional.size() != 1)
        return noteUsage(u"note list takes one FILE"_s);
    const QString file = o.positional.first();
    const auto doc = loadDocument(file);
    if (!doc)
        return Unreadable;
    int failed = 0;
    auto store = openNotesStore(o.db, &failed);
    if (!store)
        return failed;
    const auto sync = store->syncDocument(*doc, file);
    if (!sync)
        return storeError(*store, sync.error());
    auto list = store->list(sync->record.hash);
    if (!list)
        return storeError(*store, list.error());
    if (store->isReadOnly() && sync->kind == DocumentSync::Kind::Changed) {
        // Nothing can be written: place the annotations on the new text for this listing only.
        QList<Anchor> anchors;
        for (const Annotation &a : std::as_const(list.value()))
            anchors << a.anchor;
        const QList<Anchoring::Match> matches = Anchoring::reanchorAll(anchors, *doc);
        for (qsizetype i = 0; i < matches.size(); ++i) {
            list.value()[i].reanchoring.method = matches[i].method;
            list.value()[i].anchor = matches[i].anchor;
        }
        std::stable_sort(list->begin(), list->end(), [](const Annotation &a, const Annotation &b) {
            return std::pair(a.isOrphaned(), a.anchor.start) < std::pair(b.isOrphaned(), b.anchor.start);
        });
    }
    if (sync->orphaned > 0)
        err(u"pizhu: %1 changed; %2 of %3 annotations could not be placed and are listed as orphaned\n"_s
                .arg(file)
                .arg(sync->orphaned)
                .arg(sync->total));
    printAnnotations(list.value(), o.format, &*doc);
    return Success;
}

int runSearch(const Options &o)
{
    if (o.positional.size() != 1)
        return noteUsage(u"note search takes one QUERY"_s);
    int failed = 0;
    auto store = openNotesStore(o.db, &failed);
    if (!store)
        return failed;
    const auto hits = store->searchNotes(o.positional.first());
    if (!hits)
        return storeError(*store, hits.error());
    QList<Annotation> list;
    for (const SearchHit &hit : hits.value()) {
        if (auto a = store->get(hit.id))
            list << a.value();
    }
    printAnnotations(list, o.format);
    return Success;
}

std::optional<QUuid> parseId(const QString &text)
{
    const QUuid id = QUuid::fromString(text.trimmed());
    if (id.isNull())
        return std::nullopt;
    return id;
}

// Runs `note edit` or `note rm` on the one annotation id they take, with the store opened.
template<typename Act> int withOneNote(const Options &o, const QString &command, Act act)
{
    if (o.positional.size() != 1)
        return noteUsage(u"note %1 takes one ID"_s.arg(command));
    const auto id = parseId(o.positional.first());
    if (!id)
        return noteUsage(u"%1 is not an annotation id"_s.arg(o.positional.first()));
    int failed = 0;
    auto store = openNotesStore(o.db, &failed);
    if (!store)
        return failed;
    return act(*store, *id);
}

int runEdit(const Options &o)
{
    return withOneNote(o, u"edit"_s, [&o](AnnotationStore &store, const QUuid &id) -> int {
        auto a = store.get(id);
        if (!a)
            return storeError(store, a.error());
        if (o.hasNote)
            a->note = o.note;
        if (!o.color.isEmpty())
            a->color = *annotationColorFromName(o.color);
        if (o.noTags || !o.tags.isEmpty())
            a->tags = o.tags;
        if (auto updated = store.update(a.value()); !updated)
            return storeError(store, updated.error());
        return Success;
    });
}

int runRemove(const Options &o)
{
    return withOneNote(o, u"rm"_s, [](AnnotationStore &store, const QUuid &id) -> int {
        if (auto removed = store.remove(id); !removed)
            return storeError(store, removed.error());
        return Success;
    });
}

int runNote(const QStringList &args)
{
    if (args.isEmpty())
        return noteUsage(u"note needs add, list, search, edit or rm"_s);
    QString error;
    const auto options = parse(args.mid(1), &error);
    if (!options)
        return noteUsage(error);
    const QString &sub = args.first();
    if (sub == u"add")
        return runAdd(*options);
    if (sub == u"list")
        return runList(*options);
    if (sub == u"search")
        return runSearch(*options);
    if (sub == u"edit")
        return runEdit(*options);
    if (sub == u"rm" || sub == u"remove")
        return runRemove(*options);
    return noteUsage(u"unknown note command %1"_s.arg(sub));
}

const Registration note({ u"note"_s, u"note add|list|search|edit|rm ARGS... [--db PATH]"_s,
    QT_TRANSLATE_NOOP("Pizhu::Cli", "add, list, search, edit and remove annotations"), runNote });

} // namespace
} // namespace Pizhu::Cli
