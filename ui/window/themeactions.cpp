#include "themeactions.h"

#include "documentview.h"
#include "mainwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {
const QString ThemeKey = u"view/theme"_s;
} // namespace

ThemeActions::ThemeActions(MainWindow *window, QSettings *settings)
    : QObject(window), m_window(window), m_settings(settings)
{
    m_theme = ReadingColours::fromKey(m_settings->value(ThemeKey).toString());
    QMenu *view = window->menu(MainWindow::Menu::View);
    auto *menu = new QMenu(tr("&Theme"), view);
    menu->setObjectName(u"themeMenu"_s);
    auto *group = new QActionGroup(menu);
    const std::array<std::pair<Theme, QString>, 4> choices { {
        { Theme::System, tr("Follow &System") },
        { Theme::Light, tr("&Light") },
        { Theme::Night, tr("&Night") },
        { Theme::HighContrast, tr("&High Contrast") },
    } };
    for (const auto &[theme, text] : choices) {
        QAction *a = menu->addAction(text, this, [this, theme] { setTheme(theme); });
        a->setObjectName(u"theme-"_s + ReadingColours::key(theme));
        a->setCheckable(true);
        a->setChecked(theme == m_theme);
        group->addAction(a);
        m_actions.at(size_t(theme)) = a;
    }
    // Beside the other ways the text is set (zoom, font, line spacing), above the pane toggles:
    // the View menu's first separator ends that group.
    QAction *before = nullptr;
    for (QAction *a : view->actions())
        if (a->isSeparator()) {
            before = a;
            break;
        }
    view->insertMenu(before, menu);

    // A large file's preview pane is made when first needed.
    connect(window, &MainWindow::previewShown, this, &ThemeActions::apply);
    qApp->installEventFilter(this);
    apply();
}

void ThemeActions::setTheme(Theme theme)
{
    m_actions.at(size_t(theme))->setChecked(true);
    if (theme == m_theme)
        return;
    m_theme = theme;
    m_settings->setValue(ThemeKey, ReadingColours::key(theme));
    apply();
}

void ThemeActions::apply()
{
    m_applying = true;
    // A default QPalette sets no role: the window goes back to the application's.
    m_window->setPalette(m_theme == Theme::System
            ? QPalette()
            : ReadingColours::windowPalette(m_theme, QApplication::palette()));
    for (DocumentView *view : { m_window->mainView(), m_window->commentaryView(), m_window->previewView() })
        if (view) // the preview pane is made when a large file first opens (previewShown)
            view->setTheme(m_theme);
    m_applying = false;
}

bool ThemeActions::eventFilter(QObject *watched, QEvent *event)
{
    // High Contrast is black on white or white on black after the desktop's own lightness.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && !m_applying
        && m_theme == Theme::HighContrast)
        apply();
    return QObject::eventFilter(watched, event);
}

} // namespace Pizhu
