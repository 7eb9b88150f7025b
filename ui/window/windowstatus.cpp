#include "windowstatus.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolButton>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

WindowStatus::WindowStatus(QStatusBar *bar)
    : QObject(bar),
      m_bar(bar),
      m_section(new QLabel),
      m_percent(new QLabel),
      m_loadBar(new QProgressBar),
      m_cancel(new QToolButton)
{
    m_section->setObjectName(u"sectionPath"_s);
    m_section->setTextFormat(Qt::PlainText); // titles come from the document
    m_section->setMinimumWidth(1);
    m_percent->setObjectName(u"readingProgress"_s);
    m_loadBar->setObjectName(u"loadProgress"_s);
    m_loadBar->setRange(0, 100);
    m_loadBar->setMaximumWidth(200);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop opening the file (Esc)"));
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(m_cancel, &QToolButton::clicked, this, &WindowStatus::cancelRequested);
    m_bar->addWidget(m_section, 1);
    m_bar->addPermanentWidget(m_loadBar);
    m_bar->addPermanentWidget(m_cancel);
    m_bar->addPermanentWidget(m_percent);
    setLoading(false);
}

void WindowStatus::showPosition(const QStringList &sectionPath, int percent, const QString &pageLabel)
{
    m_section->setText(sectionPath.join(u" › "_s));
    percent = std::clamp(percent, 0, 100);
    m_percent->setText(
        pageLabel.isEmpty() ? tr("%1%").arg(percent) : tr("p. %1 · %2%").arg(pageLabel).arg(percent));
}

void WindowStatus::clearPosition()
{
    m_section->clear();
    m_percent->clear();
}

void WindowStatus::setLoading(bool loading)
{
    m_loadBar->setValue(0);
    m_loadBar->setVisible(loading);
    m_cancel->setVisible(loading);
    m_cancel->setEnabled(loading);
    if (loading)
        m_bar->showMessage(tr("Opening…"));
    else
        m_bar->clearMessage();
}

void WindowStatus::setLoadFraction(double fraction)
{
    m_loadBar->setValue(int(std::clamp(fraction, 0.0, 1.0) * 100));
}

void WindowStatus::showMessage(const QString &message, int timeoutMs)
{
    m_bar->showMessage(message, timeoutMs);
}

} // namespace Pizhu
