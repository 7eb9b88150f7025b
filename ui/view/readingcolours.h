#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include <array>

namespace Pizhu {

// The colour themes of View > Theme. System follows the desktop's palette, light or dark.
enum class Theme { System, Light, Night, HighContrast };

// The colours a reading pane paints with: the page and its text, the selection, find hits and the
// five highlight colours (in AnnotationColor's order). They are chosen together, per theme, so
// that a highlight never looks like a selection or a find hit: every two of them, the highlights
// as painted over the page, differ by a CIEDE2000 distance of at least MinDistance (measured by
// tests/tst_readingcolours.cpp).
struct ReadingColours
{
    static constexpr double MinDistance = 20;

    QColor page;
    QColor text;
    QColor selection;
    QColor selectedText;
    QColor findHit;
    QColor findHitText;
    QColor currentHit;
    QColor currentHitText;
    // Translucent, so that where two highlights overlap the tints add up and the overlap shows.
    std::array<QColor, 5> highlights;
    // High contrast draws a strong outline around each highlight, in this colour per highlight;
    // invalid colours in the other themes.
    std::array<QColor, 5> outlines;
    bool dark = false;

    // The colours of theme; System takes the page and text from system and its light or dark
    // set of marks from the palette's lightness (Qt 6.4 has no QStyleHints::colorScheme()).
    static ReadingColours forTheme(Theme theme, const QPalette &system);
    static bool isDark(const QPalette &palette);
    // The palette a whole window takes in theme; for System, system itself.
    static QPalette windowPalette(Theme theme, const QPalette &system);

    // palette with the page, text and selection roles of these colours.
    QPalette applyTo(QPalette palette) const;

    // The names stored in the settings ("system", "light", "night", "highContrast").
    static QString key(Theme theme);
    static Theme fromKey(const QString &key);
};

} // namespace Pizhu
