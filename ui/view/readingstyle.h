#pragma once

#include <QFont>
#include <QObject>

class QSettings;

namespace Pizhu {

// How the text is set: font, zoom and line spacing, kept in the application settings. The
// views follow its signals; the menus and the font dialog change it.
class ReadingStyle final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MinZoom = -6;
    static constexpr int MaxZoom = 24;
    static constexpr int DefaultPointSize = 12;
    static constexpr int DefaultLineSpacing = 160;

    // settings must outlive this object.
    explicit ReadingStyle(QSettings *settings, QObject *parent = nullptr);

    QFont font() const;
    int zoom() const { return m_zoom; }
    int lineSpacing() const { return m_lineSpacing; }

    void setZoom(int steps);
    void setLineSpacing(int percent);
    // A family and size chosen by the reader; zoom starts again from that size.
    void setBaseFont(const QString &family, int pointSize);

signals:
    void fontChanged(const QFont &font);
    void lineSpacingChanged(int percent);

private:
    QSettings *m_settings;
    int m_zoom = 0;
    int m_lineSpacing = DefaultLineSpacing;
};

} // namespace Pizhu
