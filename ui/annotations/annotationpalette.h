#pragma once

#include "annotation.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace Pizhu {

// How the five highlight colours look. The tints are translucent, so the text keeps the
// palette's own colour and stays readable on light and dark backgrounds alike, and where two
// highlights overlap the tints add up and the overlap shows.
class AnnotationPalette
{
public:
    static constexpr int TintAlpha = 110;

    static QColor solid(AnnotationColor color);
    static QColor tint(AnnotationColor color)
    {
        QColor c = solid(color);
        c.setAlpha(TintAlpha);
        return c;
    }
    static QIcon swatch(AnnotationColor color);
    static QString label(AnnotationColor color); // translated: "Yellow", ...
};

} // namespace Pizhu
