#pragma once

#include <QObject>
#include <QStringList>

class QLabel;
class QProgressBar;
class QStatusBar;
class QToolButton;

namespace Pizhu {

// The window's status bar: where the reader is (the section path, the page and how far through),
// and while a file opens, its progress with a Cancel button (Esc). MainWindow tells it what to
// show; it holds no document state of its own.
class WindowStatus : public QObject
{
    Q_OBJECT

public:
    explicit WindowStatus(QStatusBar *bar);

    // sectionPath from the top level down; pageLabel empty where the document has no pages.
    void showPosition(const QStringList &sectionPath, int percent, const QString &pageLabel);
    void clearPosition();
    void setLoading(bool loading);
    void setLoadFraction(double fraction); // 0..1
    void showMessage(const QString &message, int timeoutMs = 0);

signals:
    void cancelRequested();

private:
    QStatusBar *m_bar;
    QLabel *m_section;
    QLabel *m_percent;
    QProgressBar *m_loadBar;
    QToolButton *m_cancel;
};

} // namespace Pizhu
