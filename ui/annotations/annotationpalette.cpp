#include "annotationpalette.h"

#include "readingcolours.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace Pizhu {

QColor AnnotationPalette::tint(AnnotationColor color)
{
    static const ReadingColours light = ReadingColours::forTheme(Theme::Light, QPalette());
    return light.highlights.at(size_t(color));
}

QColor AnnotationPalette::solid(AnnotationColor color)
{
    QColor c = tint(color);
    c.setAlpha(255);
    return c;
}

QIcon AnnotationPalette::swatch(AnnotationColor color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(solid(color).darker(140));
    painter.setBrush(solid(color));
    painter.drawRoundedRect(QRectF(2.5, 2.5, 11, 11), 3, 3);
    return QIcon(pixmap);
}

QString AnnotationPalette::label(AnnotationColor color)
{
    switch (color) {
    case AnnotationColor::Yellow:
        return QCoreApplication::translate("AnnotationPalette", "Yellow");
    case AnnotationColor::Green:
        return QCoreApplication::translate("AnnotationPalette", "Green");
    case AnnotationColor::Blue:
        return QCoreApplication::translate("AnnotationPalette", "Blue");
    case AnnotationColor::Pink:
        return QCoreApplication::translate("AnnotationPalette", "Pink");
    case AnnotationColor::Purple:
        return QCoreApplication::translate("AnnotationPalette", "Purple");
    }
    return {};
}

} // namespace Pizhu
