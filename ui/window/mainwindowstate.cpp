// What the window remembers between sessions: its geometry, docks and splitter, which panes are
// shown, and each document's reading position in each pane.
#include "mainwindow.h"

#include "documentsession.h"
#include "documentview.h"

#include <QAction>
#include <QSettings>
#include <QSplitter>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

QString positionKey(const QByteArray &hash, const QString &pane)
{
    return u"positions/%1/%2"_s.arg(QString::fromLatin1(hash), pane);
}

} // namespace

void MainWindow::saveReadingPosition() const
{
    if (!m_session->document())
        return;
    const QByteArray hash = m_session->hash();
    m_settings->setValue(positionKey(hash, u"main"_s), m_mainView->topOffset());
    if (m_commentaryView->hasContent())
        m_settings->setValue(positionKey(hash, u"commentary"_s), m_commentaryView->topOffset());
}

void MainWindow::restoreReadingPosition(const QByteArray &hash)
{
    for (auto [view, pane] :
        { std::pair { m_mainView, u"main"_s }, std::pair { m_commentaryView, u"commentary"_s } }) {
        const QVariant saved = m_settings->value(positionKey(hash, pane));
        if (saved.isValid() && view->containsOffset(saved.toLongLong()))
            view->scrollToOffset(saved.toLongLong());
    }
}

void MainWindow::restoreWindowState()
{
    if (!restoreGeometry(m_settings->value(u"window/geometry"_s).toByteArray()))
        resize(1400, 900); // the first start; the window manager keeps it on the screen
    restoreState(m_settings->value(u"window/state"_s).toByteArray());
    const QByteArray splitter = m_settings->value(u"window/splitter"_s).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    applyStyle();
    updatePaneVisibility();
}

void MainWindow::saveWindowState() const
{
    m_settings->setValue(u"window/geometry"_s, saveGeometry());
    m_settings->setValue(u"window/state"_s, saveState());
    m_settings->setValue(u"window/splitter"_s, m_splitter->saveState());
    for (const QAction *toggle : { m_showOutline, m_showMain, m_showCommentary })
        m_settings->setValue(u"view/"_s + toggle->objectName(), toggle->isChecked());
}

} // namespace Pizhu
