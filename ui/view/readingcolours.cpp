#include "readingcolours.h"

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

QColor tint(int r, int g, int b, int alpha)
{
    return QColor(r, g, b, alpha);
}

// Selection and find hits are opaque and much darker or lighter than the tints, in another hue
// than any highlight: the blue highlight leans to cyan and the selection to deep blue, and find
// hits are orange, a hue no highlight uses (they used to share the yellow highlight's).
ReadingColours lightMarks()
{
    ReadingColours c;
    c.page = Qt::white;
    c.text = QColor(20, 20, 20);
    c.selection = QColor(20, 90, 200);
    c.selectedText = Qt::white;
    c.findHit = QColor(215, 120, 20);
    c.findHitText = Qt::black;
    c.currentHit = QColor(170, 20, 50);
    c.currentHitText = Qt::white;
    const int a = 110;
    c.highlights = { tint(255, 200, 0, a), tint(20, 200, 80, a), tint(0, 180, 240, a), tint(255, 90, 120, a),
        tint(120, 60, 240, a) };
    return c;
}

// On a dark page the same tints would glow; these are muted, and the text stays light on them.
ReadingColours nightMarks()
{
    ReadingColours c;
    c.dark = true;
    c.page = QColor(30, 30, 32);
    c.text = QColor(205, 205, 200);
    c.selection = QColor(130, 140, 190);
    c.selectedText = Qt::black;
    c.findHit = QColor(200, 115, 80);
    c.findHitText = Qt::black;
    c.currentHit = QColor(215, 170, 40);
    c.currentHitText = Qt::black;
    const int a = 120;
    c.highlights = { tint(210, 160, 20, a), tint(30, 200, 70, a), tint(0, 180, 210, a), tint(240, 60, 100, a),
        tint(100, 60, 240, a) };
    return c;
}

ReadingColours highContrastMarks(bool dark)
{
    ReadingColours c;
    c.dark = dark;
    if (dark) {
        c.page = Qt::black;
        c.text = Qt::white;
        c.selection = QColor(220, 250, 240);
        c.selectedText = Qt::black;
        c.findHit = QColor(255, 165, 20);
        c.findHitText = Qt::black;
        c.currentHit = QColor(255, 60, 10);
        c.currentHitText = Qt::black;
        const int a = 170;
        c.highlights = { tint(230, 230, 0, a), tint(0, 180, 100, a), tint(0, 210, 250, a),
            tint(255, 40, 120, a), tint(130, 110, 255, a) };
    } else {
        c.page = Qt::white;
        c.text = Qt::black;
        c.selection = QColor(0, 20, 130);
        c.selectedText = Qt::white;
        c.findHit = QColor(210, 115, 0);
        c.findHitText = Qt::black;
        c.currentHit = QColor(160, 0, 45);
        c.currentHitText = Qt::white;
        const int a = 160;
        c.highlights = { tint(255, 210, 0, a), tint(0, 160, 90, a), tint(0, 160, 250, a),
            tint(255, 100, 130, a), tint(120, 20, 255, a) };
    }
    for (size_t i = 0; i < c.highlights.size(); ++i) {
        QColor solid = c.highlights[i];
        solid.setAlpha(255);
        c.outlines[i] = dark ? solid.lighter(130) : solid.darker(170);
    }
    return c;
}

QPalette makePalette(const QColor &window, const QColor &windowText, const QColor &base, const QColor &text,
    const QColor &muted, const QColor &link, const ReadingColours &marks)
{
    const bool dark = window.lightness() < 128;
    const QColor button = dark ? window.lighter(125) : window;
    QPalette p(windowText, button, button.lighter(150), button.darker(200), button.darker(130), text,
        dark ? Qt::white : Qt::black, base, window);
    p.setColor(QPalette::AlternateBase, dark ? base.lighter(120) : base.darker(104));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, link);
    p.setColor(QPalette::Highlight, marks.selection);
    p.setColor(QPalette::HighlightedText, marks.selectedText);
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, muted);
    return p;
}

} // namespace

bool ReadingColours::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

ReadingColours ReadingColours::forTheme(Theme theme, const QPalette &system)
{
    switch (theme) {
    case Theme::Light:
        return lightMarks();
    case Theme::Night:
        return nightMarks();
    case Theme::HighContrast:
        return highContrastMarks(isDark(system));
    case Theme::System:
        break;
    }
    ReadingColours c = isDark(system) ? nightMarks() : lightMarks();
    c.page = system.color(QPalette::Base);
    c.text = system.color(QPalette::Text);
    return c;
}

QPalette ReadingColours::windowPalette(Theme theme, const QPalette &system)
{
    const ReadingColours marks = forTheme(theme, system);
    switch (theme) {
    case Theme::Light:
        return makePalette(QColor(239, 239, 239), Qt::black, marks.page, marks.text, QColor(115, 115, 115),
            QColor(0, 80, 200), marks);
    case Theme::Night:
        return makePalette(QColor(42, 42, 45), QColor(215, 215, 210), marks.page, marks.text,
            QColor(135, 135, 130), QColor(120, 170, 240), marks);
    case Theme::HighContrast:
        return marks.dark ? makePalette(Qt::black, Qt::white, Qt::black, Qt::white, QColor(200, 200, 200),
                   QColor(120, 200, 255), marks)
                          : makePalette(Qt::white, Qt::black, Qt::white, Qt::black, QColor(60, 60, 60),
                              QColor(0, 0, 170), marks);
    case Theme::System:
        break;
    }
    return system;
}

QPalette ReadingColours::applyTo(QPalette palette) const
{
    for (QPalette::ColorGroup group : { QPalette::Active, QPalette::Inactive }) {
        palette.setColor(group, QPalette::Base, page);
        palette.setColor(group, QPalette::Text, text);
        palette.setColor(group, QPalette::Highlight, selection);
        palette.setColor(group, QPalette::HighlightedText, selectedText);
    }
    palette.setColor(QPalette::Disabled, QPalette::Base, page);
    return palette;
}

QString ReadingColours::key(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return u"light"_s;
    case Theme::Night:
        return u"night"_s;
    case Theme::HighContrast:
        return u"highContrast"_s;
    case Theme::System:
        break;
    }
    return u"system"_s;
}

Theme ReadingColours::fromKey(const QString &key)
{
    for (Theme theme : { Theme::Light, Theme::Night, Theme::HighContrast })
        if (key == ReadingColours::key(theme))
            return theme;
    return Theme::System;
}

} // namespace Pizhu
