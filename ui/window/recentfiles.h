#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMenu;
class QSettings;

namespace Pizhu {

// The list behind File > Open Recent, kept in the application settings, newest first.
class RecentFiles final : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxEntries = 10;

    RecentFiles(QSettings *settings, QMenu *menu, QObject *parent = nullptr);

    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

signals:
    void openRequested(const QString &path);

private:
    void store(const QStringList &files);
    void rebuildMenu();

    QSettings *m_settings;
    QPointer<QMenu> m_menu;
};

} // namespace Pizhu
