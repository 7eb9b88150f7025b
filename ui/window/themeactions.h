#pragma once

#include "readingcolours.h"

#include <QObject>

#include <array>

class QAction;
class QSettings;

namespace Pizhu {

class MainWindow;

// View > Theme: Follow System (the default), Light, Night and High Contrast, remembered in the
// settings (view/theme). A theme sets the palette of the whole window, so the outline and every
// dock follow, and the reading panes' colours (DocumentView::setTheme), so the text, selection,
// highlights and find hits do. Following the system, the window keeps the application palette and
// the panes pick their light or dark marks from it, again whenever the desktop switches.
class ThemeActions final : public QObject
{
    Q_OBJECT
public:
    // settings must outlive the window.
    ThemeActions(MainWindow *window, QSettings *settings);

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);
    QAction *action(Theme theme) const { return m_actions.at(size_t(theme)); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply();

    MainWindow *m_window;
    QSettings *m_settings;
    Theme m_theme = Theme::System;
    std::array<QAction *, 4> m_actions {};
    bool m_applying = false;
};

} // namespace Pizhu
