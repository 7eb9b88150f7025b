#pragma once

#include "annotation.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Pizhu {

enum class ExportError {
    NoAnnotations, // the document has no annotations at all
    NoneMatch, // it has some, but the colour and tag filters left none
};

// Which annotations go into an export and how they are arranged. Shared by the Markdown and the
// JSON export, so the command line and the window filter the same way.
struct ExportOptions
{
    enum class GroupBy { Section, Color };

    QList<AnnotationColor> colors; // only these colours; empty means every colour
    QStringList tags; // only annotations with at least one of these; empty means all
    GroupBy groupBy = GroupBy::Section;
    QString sourceFileName; // shown in the front matter; the path's file name is enough

    bool accepts(const Annotation &annotation) const;
    // The annotations the filters keep, in their given order; NoAnnotations or NoneMatch when
    // that leaves nothing.
    Result<QList<Annotation>, ExportError> select(const QList<Annotation> &annotations) const;
};

} // namespace Pizhu
