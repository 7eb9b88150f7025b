#include "exportoptions.h"

namespace Pizhu {

bool ExportOptions::accepts(const Annotation &annotation) const
{
    if (!colors.isEmpty() && !colors.contains(annotation.color))
        return false;
    if (tags.isEmpty())
        return true;
    // Tags are compared as the reader sees them: case and surrounding spaces do not matter.
    for (const QString &wanted : tags)
        for (const QString &tag : annotation.tags)
            if (tag.trimmed().compare(wanted.trimmed(), Qt::CaseInsensitive) == 0)
                return true;
    return false;
}

Result<QList<Annotation>, ExportError> ExportOptions::select(const QList<Annotation> &annotations) const
{
    using R = Result<QList<Annotation>, ExportError>;
    if (annotations.isEmpty())
        return R::failure(ExportError::NoAnnotations);
    QList<Annotation> kept;
    kept.reserve(annotations.size());
    for (const Annotation &a : annotations)
        if (accepts(a))
            kept.append(a);
    if (kept.isEmpty())
        return R::failure(ExportError::NoneMatch);
    return kept;
}

} // namespace Pizhu
