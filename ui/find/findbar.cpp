#include "findbar.h"

#include "clearbutton.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QStyle>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

FindBar::FindBar(QWidget *parent) : QWidget(parent)
{
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"findField"_s);
    m_field->setPlaceholderText(tr("Find in document"));
    addClearButtonOnFirstText(m_field);
    m_field->installEventFilter(this);

    m_pinyin = new QToolButton(this);
    m_pinyin->setObjectName(u"pinyinButton"_s);
    m_pinyin->setText(tr("Pinyin"));
    m_pinyin->setToolTip(tr("Also match Chinese characters by their pinyin: zhiliang finds 质量"));
    m_pinyin->setCheckable(true);
    m_pinyin->setChecked(true); // the promise: a Latin query also finds Chinese by pinyin

    m_status = new QLabel(this);
    m_status->setObjectName(u"findStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(u"00000 / 00000"_s));

    m_previous = new QToolButton(this);
    m_previous->setObjectName(u"previousButton"_s);
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setToolTip(tr("Previous match (Shift+Enter, Shift+F3)"));
    m_next = new QToolButton(this);
    m_next->setObjectName(u"nextButton"_s);
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(tr("Next match (Enter, F3)"));
    m_close = new QToolButton(this);
    m_close->setObjectName(u"closeButton"_s);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_pinyin);
    layout->addWidget(m_status);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_close);

    connect(m_field, &QLineEdit::textChanged, this, &FindBar::emitQuery);
    connect(m_pinyin, &QToolButton::toggled, this, &FindBar::emitQuery);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::previousRequested);
    connect(m_next, &QToolButton::clicked, this, &FindBar::nextRequested);
    connect(m_close, &QToolButton::clicked, this, &FindBar::dismiss);

    // Window-wide, but a hidden widget's shortcuts are off: F3 works while the bar is open.
    auto *f3 = new QShortcut(QKeySequence(Qt::Key_F3), this);
    connect(f3, &QShortcut::activated, this, &FindBar::nextRequested);
    auto *shiftF3 = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this);
    connect(shiftF3, &QShortcut::activated, this, &FindBar::previousRequested);

    setStatus(0, 0);
}

QString FindBar::query() const
{
    return m_field->text();
}

bool FindBar::isPinyin() const
{
    return m_pinyin->isChecked();
}

void FindBar::setPinyin(bool on)
{
    m_pinyin->setChecked(on);
}

void FindBar::openWith(const QString &text)
{
    show();
    if (!text.isEmpty())
        m_field->setText(text);
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void FindBar::dismiss()
{
    if (isHidden())
        return;
    hide();
    emit closed();
}

void FindBar::setStatus(int current, int total)
{
    const bool any = total > 0;
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    if (m_field->text().isEmpty())
        m_status->clear();
    else if (!any)
        m_status->setText(tr("No matches"));
    else
        m_status->setText(tr("%1 of %2").arg(current).arg(total));
}

void FindBar::emitQuery()
{
    emit queryChanged(m_field->text(), m_pinyin->isChecked());
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                emit previousRequested();
            else
                emit nextRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            dismiss();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        dismiss();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace Pizhu
