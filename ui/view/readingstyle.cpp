#include "readingstyle.h"

#include <QApplication>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {
const QString ZoomKey = u"view/zoom"_s;
const QString SpacingKey = u"view/lineSpacing"_s;
const QString FamilyKey = u"view/fontFamily"_s;
const QString SizeKey = u"view/fontSize"_s;
} // namespace

ReadingStyle::ReadingStyle(QSettings *settings, QObject *parent) : QObject(parent), m_settings(settings)
{
    m_zoom = std::clamp(m_settings->value(ZoomKey, 0).toInt(), MinZoom, MaxZoom);
    m_lineSpacing = std::clamp(m_settings->value(SpacingKey, DefaultLineSpacing).toInt(), 100, 300);
}

QFont ReadingStyle::font() const
{
    // The application font already names the CJK face that the whole interface shares (see
    // app/gui.cpp); a chosen family goes in front of it, so Han characters missing from a
    // Latin-only choice still come from that face rather than from a second one, which would
    // map another 10-20 MB of font file.
    QFont font = QApplication::font();
    QStringList families = font.families().isEmpty() ? QStringList { font.family() } : font.families();
    const QString family = m_settings->value(FamilyKey).toString();
    if (!family.isEmpty() && !families.contains(family))
        families.prepend(family);
    font.setFamilies(families);
    const int base = m_settings->value(SizeKey, DefaultPointSize).toInt();
    font.setPointSize(std::max(6, base + m_zoom));
    // Han, Latin and the other scripts that need no shaping are set straight from the font's
    // character map, without HarfBuzz: shaping was about an eighth of the processor time to the
    // first paint (4-5 ms of it) for nothing visible in Chinese text, whose punctuation and forms
    // come from the Simplified Chinese face itself. Scripts that need it (Arabic, the Indic
    // scripts) are still shaped; Latin text loses kerning and ligatures.
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

void ReadingStyle::setZoom(int steps)
{
    steps = std::clamp(steps, MinZoom, MaxZoom);
    if (steps == m_zoom)
        return;
    m_zoom = steps;
    m_settings->setValue(ZoomKey, m_zoom);
    emit fontChanged(font());
}

void ReadingStyle::setLineSpacing(int percent)
{
    percent = std::clamp(percent, 100, 300);
    if (percent == m_lineSpacing)
        return;
    m_lineSpacing = percent;
    m_settings->setValue(SpacingKey, m_lineSpacing);
    emit lineSpacingChanged(m_lineSpacing);
}

void ReadingStyle::setBaseFont(const QString &family, int pointSize)
{
    m_settings->setValue(FamilyKey, family);
    m_settings->setValue(SizeKey, pointSize);
    m_zoom = 0;
    m_settings->setValue(ZoomKey, m_zoom);
    emit fontChanged(font());
}

} // namespace Pizhu
