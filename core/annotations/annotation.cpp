#include "annotation.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

QString annotationTimeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString annotationColorName(AnnotationColor color)
{
    switch (color) {
    case AnnotationColor::Yellow:
        return u"yellow"_s;
    case AnnotationColor::Green:
        return u"green"_s;
    case AnnotationColor::Blue:
        return u"blue"_s;
    case AnnotationColor::Pink:
        return u"pink"_s;
    case AnnotationColor::Purple:
        return u"purple"_s;
    }
    return u"yellow"_s;
}

QList<AnnotationColor> allAnnotationColors()
{
    return { AnnotationColor::Yellow, AnnotationColor::Green, AnnotationColor::Blue, AnnotationColor::Pink,
        AnnotationColor::Purple };
}

std::optional<AnnotationColor> annotationColorFromName(const QString &name)
{
    const QString wanted = name.trimmed();
    for (AnnotationColor color : allAnnotationColors())
        if (wanted.compare(annotationColorName(color), Qt::CaseInsensitive) == 0)
            return color;
    return std::nullopt;
}

static const AnchorMethod allMethods[] = { AnchorMethod::Created, AnchorMethod::StoredOffsets,
    AnchorMethod::ExactQuote, AnchorMethod::Approximate, AnchorMethod::Orphaned };

QString anchorMethodName(AnchorMethod method)
{
    switch (method) {
    case AnchorMethod::Created:
        return u"created"_s;
    case AnchorMethod::StoredOffsets:
        return u"offsets"_s;
    case AnchorMethod::ExactQuote:
        return u"exact"_s;
    case AnchorMethod::Approximate:
        return u"approximate"_s;
    case AnchorMethod::Orphaned:
        return u"orphaned"_s;
    }
    return u"created"_s;
}

std::optional<AnchorMethod> anchorMethodFromName(const QString &name)
{
    for (AnchorMethod method : allMethods)
        if (anchorMethodName(method) == name)
            return method;
    return std::nullopt;
}

} // namespace Pizhu
