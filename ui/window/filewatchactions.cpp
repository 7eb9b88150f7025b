#include "filewatchactions.h"

#include "documentsession.h"
#include "mainwindow.h"

#include <QAction>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

// Files up to this size are hashed when opened, so that an editor saving them unchanged (a new
// modification time, the same bytes) raises no notice; larger ones are judged by size and time.
constexpr qint64 HashUpTo = 16 * 1024 * 1024;
// Saving makes a burst of events (truncate, write, rename, a directory entry or two); the file is
// looked at once they settle, so that a save never shows as "removed" for a moment.
constexpr int SettleMs = 250;

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

FileWatchActions::FileWatchActions(MainWindow *window, DocumentSession *session)
    : QObject(window),
      m_window(window),
      m_session(session),
      m_watcher(new QFileSystemWatcher(this)),
      m_settle(new QTimer(this)),
      m_bar(new QFrame)
{
    m_settle->setSingleShot(true);
    m_settle->setInterval(SettleMs);
    connect(m_settle, &QTimer::timeout, this, &FileWatchActions::checkNow);
    // The file's own watch sees writes in place; its folder's sees it removed, renamed over (how
    // most editors save) and back again.
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_settle, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle, qOverload<>(&QTimer::start));

    // A slim bar above the panes (MainWindow::addNoticeBar) rather than a toolbar.
    m_bar->setObjectName(u"fileNotice"_s);
    m_bar->setAccessibleName(tr("File notice"));
    const QPalette palette = window->palette();
    const QColor amber(0xE0, 0xA0, 0x20);
    m_bar->setStyleSheet(
        u"QFrame#fileNotice { background: %1; border: none; border-bottom: 1px solid %2; }"_s.arg(
            mix(palette.color(QPalette::Window), amber, 0.22).name(),
            mix(palette.color(QPalette::Window), amber, 0.6).name()));
    auto *row = new QHBoxLayout(m_bar);
    row->setContentsMargins(8, 3, 4, 3);
    row->setSpacing(8);
    m_icon = new QLabel;
    row->addWidget(m_icon);
    m_text = new QLabel;
    m_text->setObjectName(u"fileNoticeText"_s);
    m_text->setTextFormat(Qt::PlainText); // the file name is the reader's
    row->addWidget(m_text);
    m_reload = new QAction(tr("&Reload"), this);
    m_reload->setObjectName(u"reloadAction"_s);
    m_reload->setToolTip(tr("Open the file as it is now; notes follow the text they were made on"));
    connect(m_reload, &QAction::triggered, this, &FileWatchActions::reload);
    m_reloadButton = new QToolButton;
    m_reloadButton->setDefaultAction(m_reload);
    m_reloadButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    row->addWidget(m_reloadButton);
    row->addStretch();
    m_dismiss
        = new QAction(window->style()->standardIcon(QStyle::SP_TitleBarCloseButton), tr("Dismiss"), this);
    m_dismiss->setObjectName(u"dismissNoticeAction"_s);
    connect(m_dismiss, &QAction::triggered, m_bar, &QWidget::hide);
    m_dismissButton = new QToolButton;
    m_dismissButton->setDefaultAction(m_dismiss);
    m_dismissButton->setAutoRaise(true);
    row->addWidget(m_dismissButton);
    m_bar->hide();

    window->addNoticeBar(m_bar);

    connect(session, &DocumentSession::loadStarted, this, &FileWatchActions::loadStarted);
    connect(session, &DocumentSession::documentChanged, this, &FileWatchActions::documentChanged);
}

FileWatchActions::Stamp FileWatchActions::stampOf(const QString &path, const Stamp *digestLike)
{
    Stamp stamp;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile())
        return stamp;
    stamp.exists = true;
    stamp.size = info.size();
    stamp.modified = info.lastModified();
    // Hashed when opened (no digestLike), else only when it can settle the question: the same size
    // as the copy opened, a new time, and that copy was hashed.
    const bool hash = digestLike ? (!digestLike->digest.isEmpty() && digestLike->size == stamp.size
                          && digestLike->modified != stamp.modified)
                                 : stamp.size <= HashUpTo;
    if (hash) {
        QFile file(path);
        QCryptographicHash sha(QCryptographicHash::Sha1);
        if (file.open(QIODevice::ReadOnly) && sha.addData(&file))
            stamp.digest = sha.result();
    }
    return stamp;
}

bool FileWatchActions::sameContent(const Stamp &a, const Stamp &b)
{
    if (a.exists != b.exists || a.size != b.size)
        return false;
    if (a.modified == b.modified)
        return true;
    return !a.digest.isEmpty() && a.digest == b.digest;
}

void FileWatchActions::loadStarted(const QString &path)
{
    // Taken before the loader reads the file, so that a change while a large file loads is not
    // mistaken for the state the document shows.
    m_loadingPath = path;
    m_loadingStamp = path.startsWith(u':') ? Stamp() : stampOf(path); // a resource never changes
}

void FileWatchActions::documentChanged()
{
    const QString path = m_session->path();
    // The bundled document is a resource, not a file anyone can change.
    m_path = path.startsWith(u':') ? QString() : path;
    m_stamp = m_path == m_loadingPath ? m_loadingStamp : stampOf(m_path);
    m_loadingPath.clear();
    m_openedAt = QDateTime::currentDateTime();
    m_settle->stop();
    m_state = FileState::Unchanged;
    m_bar->hide();
    rewatch();
    if (!m_path.isEmpty())
        checkNow(); // it may have changed while it loaded
}

void FileWatchActions::rewatch()
{
    // The file's watch follows the file, not the name: after a rename over it or a removal it
    // watches nothing. It is set again on the name each time.
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (m_path.isEmpty()) {
        if (!m_watcher->directories().isEmpty())
            m_watcher->removePaths(m_watcher->directories());
        return;
    }
    const QFileInfo info(m_path);
    const QString folder = info.absolutePath();
    const QStringList folders = m_watcher->directories();
    for (const QString &d : folders)
        if (d != folder)
            m_watcher->removePath(d);
    if (!folders.contains(folder) && QFileInfo(folder).isDir())
        m_watcher->addPath(folder);
    if (info.isFile())
        m_watcher->addPath(info.absoluteFilePath());
}

void FileWatchActions::checkNow()
{
    if (m_path.isEmpty())
        return;
    rewatch(); // first, so that a change made while looking is not missed
    const Stamp now = stampOf(m_path, &m_stamp);
    FileState next = FileState::Changed;
    if (!now.exists)
        next = FileState::Removed;
    else if (sameContent(now, m_stamp))
        next = FileState::Unchanged; // saved unchanged, or put back as it was
    const bool news = next != m_state || !sameContent(now, m_noticeStamp);
    setState(next);
    if (next != FileState::Unchanged && news) {
        m_noticeStamp = now;
        m_bar->show();
    }
}

void FileWatchActions::setState(FileState state)
{
    if (state == m_state)
        return;
    m_state = state;
    const QString name = QFileInfo(m_path).fileName();
    switch (state) {
    case FileState::Unchanged:
        m_bar->hide();
        m_text->clear();
        break;
    case FileState::Removed: {
        const QString when = openedAtText();
        m_text->setText(tr("“%1” was removed. You are reading the copy opened at %2.").arg(name, when));
        m_icon->setPixmap(m_window->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
        m_reload->setVisible(false);
        break;
    }
    case FileState::Changed:
        m_text->setText(tr("“%1” changed on disk since it was opened.").arg(name));
        m_icon->setPixmap(m_window->style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
        m_reload->setVisible(true);
        break;
    }
    m_bar->setAccessibleDescription(m_text->text());
    emit fileStateChanged(state);
}

QString FileWatchActions::openedAtText() const
{
    // Hours and minutes as the locale writes them (some locales' short format has seconds too);
    // the day as well when it was not today.
    const QLocale locale;
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(u":ss"_s).remove(u".ss"_s);
    if (m_openedAt.date() == QDate::currentDate())
        return locale.toString(m_openedAt.time(), time);
    return locale.toString(m_openedAt.date(), QLocale::ShortFormat) + u' '
        + locale.toString(m_openedAt.time(), time);
}

QString FileWatchActions::noticeText() const
{
    return m_bar->isHidden() ? QString() : m_text->text();
}

void FileWatchActions::reload()
{
    if (!m_path.isEmpty())
        m_session->requestOpen(m_path);
}

} // namespace Pizhu
