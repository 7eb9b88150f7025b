#include "annotationcommand.h"

#include "annotationcontroller.h"

#include <QCoreApplication>

namespace Pizhu {

namespace {
QString describe(AnnotationCommand::Kind kind)
{
    switch (kind) {
    case AnnotationCommand::Create:
        return QCoreApplication::translate("AnnotationCommand", "Highlight");
    case AnnotationCommand::Recolor:
        return QCoreApplication::translate("AnnotationCommand", "Change Colour");
    case AnnotationCommand::EditNote:
        return QCoreApplication::translate("AnnotationCommand", "Edit Note");
    case AnnotationCommand::EditTags:
        return QCoreApplication::translate("AnnotationCommand", "Change Tags");
    case AnnotationCommand::Reattach:
        return QCoreApplication::translate("AnnotationCommand", "Re-attach Highlight");
    case AnnotationCommand::Delete:
        return QCoreApplication::translate("AnnotationCommand", "Delete Highlight");
    }
    return {};
}
} // namespace

AnnotationCommand::AnnotationCommand(AnnotationController *controller, Kind kind,
    std::optional<Annotation> before, std::optional<Annotation> after)
    : QUndoCommand(describe(kind)),
      m_controller(controller),
      m_kind(kind),
      m_before(std::move(before)),
      m_after(std::move(after))
{ }

void AnnotationCommand::redo()
{
    apply(m_after, m_before);
}

void AnnotationCommand::undo()
{
    apply(m_before, m_after);
}

void AnnotationCommand::apply(
    const std::optional<Annotation> &target, const std::optional<Annotation> &current)
{
    bool ok = false;
    if (!target)
        ok = current && m_controller->writeRemove(current->id);
    else if (!current)
        ok = m_controller->writeAdd(*target);
    else
        ok = m_controller->writeUpdate(*target);
    // A write the store refused leaves the text as it was; the stack then drops this step
    // instead of keeping one that claims a change that never happened.
    if (!ok)
        setObsolete(true);
}

int AnnotationCommand::id() const
{
    return m_kind == EditNote ? 0x5049 : -1;
}

bool AnnotationCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const AnnotationCommand *>(other);
    if (next->m_kind != EditNote || !m_after || !next->m_after || next->m_after->id != m_after->id)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace Pizhu
