#include "annotationcontroller.h"

#include "anchoring.h"
#include "annotationcommand.h"
#include "annotationlistmodel.h"
#include "annotationstore.h"

#include <QUndoStack>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

AnnotationController::AnnotationController(AnnotationStore *store, QObject *parent)
    : QObject(parent), m_store(store), m_undo(new QUndoStack(this)), m_model(new AnnotationListModel(this))
{
    if (!store)
        m_unavailable = tr("No annotation database: highlighting is off.");
    else if (store->isReadOnly())
        m_unavailable = tr("The annotation database is read-only: highlighting is off.");
    if (store) {
        connect(store, &AnnotationStore::annotationAdded, this, &AnnotationController::onAdded);
        connect(store, &AnnotationStore::annotationChanged, this, &AnnotationController::onChanged);
        connect(store, &AnnotationStore::annotationRemoved, this, &AnnotationController::onRemoved);
    }
}

AnnotationController::~AnnotationController() = default;

bool AnnotationController::canEdit() const
{
    return m_store && !m_store->isReadOnly() && m_document && !m_document->isEmpty();
}

void AnnotationController::setDocument(std::shared_ptr<const Document> document, const QString &path)
{
    m_undo->clear();
    m_document = std::move(document);
    m_hash = m_document ? m_document->hash() : QByteArray();
    m_spans.clear();
    m_longest = 0;
    QList<Annotation> loaded;
    if (m_store && m_document) {
        if (const auto synced = m_store->syncDocument(*m_document, path); !synced)
            reportFailure(synced.error().detail);
        if (auto listed = m_store->list(m_hash))
            loaded = listed.value();
        else
            reportFailure(listed.error().detail);
    }
    m_spans.reserve(size_t(loaded.size()));
    for (const Annotation &a : std::as_const(loaded)) {
        if (a.isOrphaned())
            continue;
        m_spans.push_back({ a.anchor.start, a.anchor.end, a.id });
        m_longest = std::max(m_longest, a.anchor.length());
    }
    std::sort(m_spans.begin(), m_spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    m_model->setAnnotations(loaded);
    emit annotationsReset();
}

const Annotation *AnnotationController::annotation(const QUuid &id) const
{
    return m_model->annotation(id);
}

QList<const Annotation *> AnnotationController::overlapping(qsizetype from, qsizetype to) const
{
    QList<const Annotation *> out;
    auto it = std::lower_bound(m_spans.cbegin(), m_spans.cend(), from - m_longest,
        [](const Span &s, qsizetype value) { return s.start < value; });
    for (; it != m_spans.cend() && it->start < to; ++it)
        if (it->end > from)
            if (const Annotation *a = annotation(it->id))
                out.append(a);
    return out;
}

const Annotation *AnnotationController::annotationAt(qsizetype offset) const
{
    const Annotation *best = nullptr;
    for (const Annotation *a : overlapping(offset, offset + 1))
        if (!best || a->anchor.length() < best->anchor.length())
            best = a;
    return best;
}

bool AnnotationController::refuse()
{
    emit failed(m_unavailable.isEmpty() ? tr("No document is open.") : m_unavailable);
    return false;
}

QUuid AnnotationController::highlight(qsizetype start, qsizetype end, AnnotationColor color)
{
    if (!canEdit()) {
        refuse();
        return {};
    }
    const QString &text = m_document->text();
    start = std::clamp<qsizetype>(start, 0, text.size());
    end = std::clamp<qsizetype>(end, start, text.size());
    // A selection dragged past a paragraph's end takes the line break with it; the highlight
    // is the text.
    while (end > start && text.at(end - 1).isSpace())
        --end;
    while (start < end && text.at(start).isSpace())
        ++start;
    if (start >= end)
        return {};
    Annotation a = Anchoring::makeAnnotation(*m_document, start, end);
    a.color = color;
    m_lastColor = color;
    return push(new AnnotationCommand(this, AnnotationCommand::Create, std::nullopt, a)) ? a.id : QUuid();
}

bool AnnotationController::edit(const QUuid &id, int kind, const std::function<void(Annotation &)> &change)
{
    if (!canEdit())
        return refuse();
    const Annotation *current = annotation(id);
    if (!current)
        return false;
    Annotation after = *current;
    change(after);
    if (after == *current)
        return true;
    return push(new AnnotationCommand(this, AnnotationCommand::Kind(kind), *current, after));
}

bool AnnotationController::push(AnnotationCommand *command)
{
    // A merged note edit does not add a step, so success is read from the write, not the stack.
    m_lastWriteOk = true;
    m_undo->push(command);
    return m_lastWriteOk;
}

bool AnnotationController::recolor(const QUuid &id, AnnotationColor color)
{
    m_lastColor = color;
    return edit(id, AnnotationCommand::Recolor, [color](Annotation &a) { a.color = color; });
}

bool AnnotationController::setNote(const QUuid &id, const QString &note)
{
    return edit(id, AnnotationCommand::EditNote, [&note](Annotation &a) { a.note = note; });
}

bool AnnotationController::setTags(const QUuid &id, const QStringList &tags)
{
    QStringList clean;
    for (const QString &t : tags)
        if (const QString s = t.trimmed(); !s.isEmpty() && !clean.contains(s))
            clean.append(s);
    return edit(id, AnnotationCommand::EditTags, [&clean](Annotation &a) { a.tags = clean; });
}

bool AnnotationController::reattach(const QUuid &id, qsizetype start, qsizetype end)
{
    if (!canEdit())
        return refuse();
    if (start >= end)
        return false;
    const Annotation fresh = Anchoring::makeAnnotation(*m_document, start, end);
    return edit(id, AnnotationCommand::Reattach, [&fresh](Annotation &a) {
        a.documentHash = fresh.documentHash;
        a.part = fresh.part;
        a.anchor = fresh.anchor;
        a.reanchoring = {}; // placed by the reader on this very text
    });
}

bool AnnotationController::remove(const QUuid &id)
{
    if (!canEdit())
        return refuse();
    const Annotation *current = annotation(id);
    if (!current)
        return false;
    return push(new AnnotationCommand(this, AnnotationCommand::Delete, *current, std::nullopt));
}

template<typename Write> bool AnnotationController::writeToStore(Write write)
{
    if (!m_store)
        return m_lastWriteOk = false;
    const auto result = write(*m_store);
    m_lastWriteOk = bool(result);
    if (!result)
        reportFailure(result.error().detail);
    return m_lastWriteOk;
}

bool AnnotationController::writeAdd(const Annotation &annotation)
{
    return writeToStore([&](AnnotationStore &store) { return store.add(annotation); });
}

bool AnnotationController::writeUpdate(const Annotation &annotation)
{
    return writeToStore([&](AnnotationStore &store) { return store.update(annotation); });
}

bool AnnotationController::writeRemove(const QUuid &id)
{
    return writeToStore([&](AnnotationStore &store) { return store.remove(id); });
}

void AnnotationController::reportFailure(const QString &detail)
{
    emit failed(tr("The annotation database refused the change: %1").arg(detail));
}

void AnnotationController::insertSpan(const Annotation &a)
{
    if (a.isOrphaned())
        return;
    const Span span { a.anchor.start, a.anchor.end, a.id };
    const auto at = std::upper_bound(
        m_spans.begin(), m_spans.end(), span, [](const Span &x, const Span &y) { return x.start < y.start; });
    m_spans.insert(at, span);
    m_longest = std::max(m_longest, a.anchor.length());
}

void AnnotationController::removeSpan(const QUuid &id)
{
    const Annotation *a = annotation(id);
    if (!a)
        return;
    auto it = std::lower_bound(m_spans.begin(), m_spans.end(), a->anchor.start,
        [](const Span &s, qsizetype value) { return s.start < value; });
    for (; it != m_spans.end() && it->start == a->anchor.start; ++it) {
        if (it->id == id) {
            m_spans.erase(it);
            return;
        }
    }
}

void AnnotationController::onAdded(const Annotation &annotation)
{
    if (annotation.documentHash != m_hash)
        return;
    insertSpan(annotation);
    m_model->upsert(annotation);
    emit annotationChanged(annotation.id, annotation.anchor.start, annotation.anchor.end);
}

void AnnotationController::onChanged(const Annotation &annotation)
{
    if (annotation.documentHash != m_hash)
        return;
    const Annotation *old = this->annotation(annotation.id);
    qsizetype start = annotation.anchor.start;
    qsizetype end = annotation.anchor.end;
    if (old) {
        start = std::min(start, old->anchor.start);
        end = std::max(end, old->anchor.end);
        removeSpan(annotation.id);
    }
    insertSpan(annotation);
    m_model->upsert(annotation);
    emit annotationChanged(annotation.id, start, end);
}

void AnnotationController::onRemoved(const QUuid &id, const QByteArray &hash)
{
    if (hash != m_hash)
        return;
    const Annotation *old = annotation(id);
    if (!old)
        return;
    const qsizetype start = old->anchor.start;
    const qsizetype end = old->anchor.end;
    removeSpan(id);
    m_model->remove(id);
    emit annotationChanged(id, start, end);
}

} // namespace Pizhu
