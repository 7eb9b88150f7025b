#include "recentfiles.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {
const QString Key = u"recentFiles"_s;
}

RecentFiles::RecentFiles(QSettings *settings, QMenu *menu, QObject *parent)
    : QObject(parent), m_settings(settings), m_menu(menu)
{
    rebuildMenu();
}

QStringList RecentFiles::files() const
{
    return m_settings->value(Key).toStringList();
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, MaxEntries));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files)
{
    m_settings->setValue(Key, files);
    // Queued: this may run inside one of the menu's own actions, which rebuilding deletes.
    QMetaObject::invokeMethod(this, &RecentFiles::rebuildMenu, Qt::QueuedConnection);
}

void RecentFiles::rebuildMenu()
{
    if (!m_menu)
        return;
    m_menu->clear();
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString &path = list.at(i);
        // The number gives each entry a keyboard accelerator; the name is escaped so that an
        // ampersand in a file name is not taken for one.
        QString name = QFileInfo(path).fileName();
        name.replace(u'&', u"&&"_s);
        const QString label = i < 9 ? u"&%1 %2"_s.arg(i + 1).arg(name) : name;
        QAction *action = m_menu->addAction(label);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit openRequested(path); });
    }
    if (!list.isEmpty())
        m_menu->addSeparator();
    QAction *clearAction = m_menu->addAction(tr("&Clear Menu"));
    clearAction->setEnabled(!list.isEmpty());
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace Pizhu
