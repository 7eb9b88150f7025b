#pragma once

#include "annotation.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace Pizhu {

// How the five highlight colours look outside the reading panes (swatches, marks on a PDF page,
// which is paper whatever the theme): the Light theme's (ReadingColours). The panes paint with
// their own theme's colours, DocumentView::readingColours().
class AnnotationPalette
{
public:
    static QColor solid(AnnotationColor color);
    // Translucent, so the text keeps its colour and overlapping highlights show.
    static QColor tint(AnnotationColor color);
    static QIcon swatch(AnnotationColor color);
    static QString label(AnnotationColor color); // translated: "Yellow", ...
};

} // namespace Pizhu
