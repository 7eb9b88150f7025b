#include "annotationpalette.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>

namespace Pizhu {

QColor AnnotationPalette::solid(AnnotationColor color)
{
    switch (color) {
    case AnnotationColor::Yellow:
        return QColor(255, 210, 0);
    case AnnotationColor::Green:
        return QColor(40, 190, 70);
    case AnnotationColor::Blue:
        return QColor(40, 140, 255);
    case AnnotationColor::Pink:
        return QColor(255, 80, 150);
    case AnnotationColor::Purple:
        return QColor(150, 80, 230);
    }
    return QColor(255, 210, 0);
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
