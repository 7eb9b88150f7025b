#pragma once

#include "annotation.h"

#include <QUndoCommand>

#include <optional>

namespace Pizhu {

class AnnotationController;

// One undoable change to one annotation, as the states before and after it: no "before" is a
// create, no "after" a delete, both an edit (recolour, note, tags). Every redo and undo is one
// store write, so one transaction. Consecutive note edits of the same annotation merge into one
// step, so undo takes back a typing session rather than each debounced save.
class AnnotationCommand final : public QUndoCommand
{
public:
    enum Kind { Create, Recolor, EditNote, EditTags, Reattach, Delete };

    AnnotationCommand(AnnotationController *controller, Kind kind, std::optional<Annotation> before,
        std::optional<Annotation> after);

    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    void apply(const std::optional<Annotation> &target, const std::optional<Annotation> &current);

    AnnotationController *m_controller;
    Kind m_kind;
    std::optional<Annotation> m_before;
    std::optional<Annotation> m_after;
};

} // namespace Pizhu
