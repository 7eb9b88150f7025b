#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

class QAction;
class QFileSystemWatcher;
class QFrame;
class QLabel;
class QTimer;
class QToolButton;

namespace Pizhu {

class DocumentSession;
class MainWindow;

// Watches the file the window shows and says when it changes or goes. The document stays
// readable either way (it is in memory) and its annotations keep working (they are anchored to
// the text, not to the file); a slim bar above the panes tells the reader, with Reload when there
// is a newer file to read. Reload opens it through the window's normal loading, so annotations
// re-anchor as they do for any changed document.
class FileWatchActions final : public QObject
{
    Q_OBJECT
public:
    enum class FileState { Unchanged, Changed, Removed };

    FileWatchActions(MainWindow *window, DocumentSession *session);

    // The file being watched: the open document's, empty for the bundled one.
    QString watchedPath() const { return m_path; }
    FileState fileState() const { return m_state; }
    // The bar above the panes; hidden while there is nothing to say.
    QFrame *notice() const { return m_bar; }
    QString noticeText() const;
    // When the document on screen was read: "21:05", or with the day when not today.
    QString openedAtText() const;
    QAction *reloadAction() const { return m_reload; }
    QAction *dismissAction() const { return m_dismiss; }
    QToolButton *reloadButton() const { return m_reloadButton; }
    QToolButton *dismissButton() const { return m_dismissButton; }

    // Looks at the file now instead of after the watcher's next event settles.
    void checkNow();

signals:
    void fileStateChanged(Pizhu::FileWatchActions::FileState state);

private:
    // What the file looked like: enough to tell a real change from an editor saving it unchanged.
    struct Stamp
    {
        bool exists = false;
        qint64 size = -1;
        QDateTime modified;
        QByteArray digest; // of the bytes, for files small enough to hash in passing; else empty
    };
    static Stamp stampOf(const QString &path, const Stamp *digestLike = nullptr);
    static bool sameContent(const Stamp &a, const Stamp &b);

    void loadStarted(const QString &path);
    void documentChanged();
    void rewatch();
    void setState(FileState state);
    void reload();

    MainWindow *m_window;
    DocumentSession *m_session;
    QFileSystemWatcher *m_watcher;
    QTimer *m_settle;
    QFrame *m_bar;
    QLabel *m_icon;
    QLabel *m_text;
    QAction *m_reload;
    QAction *m_dismiss;
    QToolButton *m_reloadButton;
    QToolButton *m_dismissButton;

    QString m_path;
    Stamp m_stamp; // the file as it was read for the open document
    QDateTime m_openedAt;
    FileState m_state = FileState::Unchanged;
    Stamp m_noticeStamp; // the file when the notice last appeared: a dismissed one returns on news
    // A load in flight: the file as it was when the loader started reading it.
    QString m_loadingPath;
    Stamp m_loadingStamp;
};

} // namespace Pizhu
