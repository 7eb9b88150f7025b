#include "markdownexporter.h"

#include "markdownescaper.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {
namespace {

constexpr int MaxHeadingLevel = 6;

// An annotation with where it now stands in the outline.
struct Placed
{
    const Annotation *annotation = nullptr;
    int part = -1;
    int block = -1;
    QList<int> path; // child indices from the part's outline root to its section
    QStringList titles; // the part's title and the headings on the way, for the location line
};

// Finds the section of the outline that holds block b of a part: descend into the last heading
// that starts at or before b; an item is a section of its own block only, since the text after
// an item belongs to the heading above it.
void locate(const OutlineNode &root, int b, Placed &placed)
{
    placed.titles = { root.title };
    const OutlineNode *node = &root;
    for (;;) {
        const auto &children = node->children;
        auto it = std::upper_bound(children.cbegin(), children.cend(), b,
            [](int block, const OutlineNode &n) { return block < n.block; });
        if (it == children.cbegin())
            return;
        --it;
        const int index = int(it - children.cbegin());
        if (it->kind == OutlineNode::Kind::Item) {
            if (it->block == b)
                placed.path.append(index);
            return;
        }
        placed.path.append(index);
        placed.titles.append(it->title);
        node = &*it;
    }
}

QString heading(int level, const QString &title)
{
    QString text = title;
    text.replace(u'\n', u' ');
    return QString(std::min(level, MaxHeadingLevel), u'#') + u' '
        + MarkdownEscaper::escapeLine(text.trimmed()) + u"\n\n"_s;
}

class Writer
{
public:
    Writer(const Document &doc, QString &out) : m_doc(doc), m_out(out)
    {
        // Looked up once: translate() per annotation is a measurable part of a large export.
        for (AnnotationColor color : allAnnotationColors())
            m_colorLabels.append(MarkdownExporter::colorLabel(color));
        m_paragraphFormat = MarkdownExporter::tr("¶ %1");
        m_pageFormat = MarkdownExporter::tr("p. %1");
        m_pagesFormat = MarkdownExporter::tr("pp. %1");
    }

    // level: that of the heading the annotation stands under.
    void annotation(const Annotation &a, const QStringList &titles, int block, int level)
    {
        m_out += MarkdownEscaper::blockQuote(a.anchor.quote);
        m_out += u"\n\n"_s;
        // The page the quote stood on, as a citation right under it ("— p. 7"): a paragraph of
        // its own, since a line right after a block quote would continue the quote. Orphans have
        // no place in this text, hence no page.
        if (block >= 0) {
            const QString pages = m_doc.pageRangeLabel(a.anchor.start, a.anchor.end);
            if (!pages.isEmpty()) {
                m_out += u"— "_s;
                m_out += MarkdownEscaper::escapeLine(
                    (pages.contains(u'–') ? m_pagesFormat : m_pageFormat).arg(pages));
                m_out += u"\n\n"_s;
            }
        }
        if (!a.note.trimmed().isEmpty()) {
            m_out += MarkdownEscaper::escapeNote(a.note.trimmed(), level + 1);
            m_out += u"\n\n"_s;
        }
        // Emphasis sets the line apart from the note; it opens on the colour label (a letter) and
        // closes after an escaped or plain character, so it always pairs up.
        m_out += u'*';
        m_out += m_colorLabels.at(qsizetype(a.color));
        if (!a.tags.isEmpty()) {
            m_out += u" ·"_s;
            for (const QString &tag : a.tags) {
                m_out += u" #"_s;
                m_out += MarkdownEscaper::escapeLine(QString(tag).replace(u' ', u'_'));
            }
        }
        for (qsizetype i = 0; i < titles.size(); ++i) {
            m_out += i == 0 ? u" · "_s : u" › "_s;
            const QString &title = titles.at(i);
            m_out += MarkdownEscaper::escapeLine(
                title.contains(u'\n') ? QString(title).replace(u'\n', u' ').trimmed() : title.trimmed());
        }
        if (block >= 0) {
            m_out += u" · "_s;
            m_out += m_paragraphFormat.arg(block + 1);
        }
        m_out += u"*\n\n"_s;
    }

    // Emits the sections of node that hold any of items (all of which lie inside node, at
    // path depth `depth`), interleaved with node's own annotations in document order.
    void section(const OutlineNode &node, int part, int level, QList<const Placed *> items, int depth)
    {
        struct Event
        {
            qsizetype at;
            const Placed *placed; // an annotation of node itself, or
            int child; // the child section that holds the next run of items
        };
        QList<Event> events;
        const QList<Block> &blocks = m_doc.parts().at(part).blocks;
        for (qsizetype i = 0; i < items.size();) {
            const Placed *p = items.at(i);
            if (p->path.size() == depth) {
                events.append({ p->annotation->anchor.start, p, -1 });
                ++i;
                continue;
            }
            const int child = p->path.at(depth);
            const int childBlock = node.children.at(child).block;
            events.append({ blocks.at(childBlock).textStart, nullptr, child });
            while (
                i < items.size() && items.at(i)->path.size() > depth && items.at(i)->path.at(depth) == child)
                ++i;
        }
        std::stable_sort(
            events.begin(), events.end(), [](const Event &a, const Event &b) { return a.at < b.at; });
        for (const Event &e : std::as_const(events)) {
            if (e.placed) {
                annotation(*e.placed->annotation, e.placed->titles, e.placed->block, level);
                continue;
            }
            QList<const Placed *> inside;
            for (const Placed *p : std::as_const(items))
                if (p->path.size() > depth && p->path.at(depth) == e.child)
                    inside.append(p);
            const OutlineNode &child = node.children.at(e.child);
            m_out += heading(level + 1, child.title);
            section(child, part, level + 1, inside, depth + 1);
        }
    }

private:
    const Document &m_doc;
    QString &m_out;
    QStringList m_colorLabels; // by AnnotationColor's value
    QString m_paragraphFormat;
    QString m_pageFormat; // "p. 7"
    QString m_pagesFormat; // "pp. 7–8": a quote that runs over a page break
};

} // namespace

MarkdownExporter::MarkdownExporter(Clock clock) : m_clock(std::move(clock))
{ }

QString MarkdownExporter::colorLabel(AnnotationColor color)
{
    switch (color) {
    case AnnotationColor::Yellow:
        return tr("Yellow");
    case AnnotationColor::Green:
        return tr("Green");
    case AnnotationColor::Blue:
        return tr("Blue");
    case AnnotationColor::Pink:
        return tr("Pink");
    case AnnotationColor::Purple:
        return tr("Purple");
    }
    return tr("Yellow");
}

Result<QString, ExportError> MarkdownExporter::exportNotes(
    const Document &doc, const QList<Annotation> &annotations, const ExportOptions &options) const
{
    using R = Result<QString, ExportError>;
    const auto selected = options.select(annotations);
    if (!selected)
        return R::failure(selected.error());
    const QList<Annotation> &kept = selected.value();

    // Place each annotation; those that no longer stand in the text go with the orphans.
    QList<Placed> placed;
    QList<const Annotation *> orphans;
    placed.reserve(kept.size());
    for (const Annotation &a : kept) {
        const Document::Position pos = a.isOrphaned() ? Document::Position {} : doc.blockAt(a.anchor.start);
        if (pos.part < 0 || pos.part >= doc.outline().size()) {
            orphans.append(&a);
            continue;
        }
        Placed p;
        p.annotation = &a;
        p.part = pos.part;
        p.block = pos.block;
        locate(doc.outline().at(pos.part), pos.block, p);
        placed.append(std::move(p));
    }
    std::stable_sort(placed.begin(), placed.end(), [](const Placed &a, const Placed &b) {
        return a.annotation->anchor.start < b.annotation->anchor.start;
    });

    const QString title = doc.title().trimmed().isEmpty() ? options.sourceFileName : doc.title().trimmed();
    const QDateTime now = (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();

    QString out;
    out.reserve(kept.size() * 400 + 1024);
    out += u"---\n"_s;
    out += u"title: "_s + MarkdownEscaper::yamlString(title) + u'\n';
    out += u"source: "_s + MarkdownEscaper::yamlString(options.sourceFileName) + u'\n';
    out += u"document_hash: "_s + MarkdownEscaper::yamlString(QString::fromLatin1(doc.hash())) + u'\n';
    out += u"exported_at: "_s + MarkdownEscaper::yamlString(now.toString(Qt::ISODate)) + u'\n';
    out += u"annotation_count: %1\n"_s.arg(kept.size());
    out += u"---\n\n"_s;
    out += heading(1, title);

    Writer writer(doc, out);
    if (options.groupBy == ExportOptions::GroupBy::Color) {
        for (AnnotationColor color : allAnnotationColors()) {
            bool any = false;
            for (const Placed &p : std::as_const(placed)) {
                if (p.annotation->color != color)
                    continue;
                if (!any)
                    out += heading(2, colorLabel(color));
                any = true;
                writer.annotation(*p.annotation, p.titles, p.block, 2);
            }
        }
    } else {
        for (int part = 0; part < doc.outline().size(); ++part) {
            QList<const Placed *> inPart;
            for (const Placed &p : std::as_const(placed))
                if (p.part == part)
                    inPart.append(&p);
            if (inPart.isEmpty())
                continue;
            // The first part is the document itself, under the title; every further part (the
            // commentary) is a top-level section of its own after it.
            int level = 1;
            if (part > 0) {
                level = 2;
                out += heading(level, doc.outline().at(part).title);
            }
            writer.section(doc.outline().at(part), part, level, inPart, 0);
        }
    }

    if (!orphans.isEmpty()) {
        out += heading(2, tr("Orphaned notes"));
        for (const Annotation *a : std::as_const(orphans))
            writer.annotation(*a, a->anchor.sectionPath, -1, 2);
    }
    while (out.endsWith(u"\n\n"_s))
        out.chop(1);
    return out;
}

} // namespace Pizhu
