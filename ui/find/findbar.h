#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Pizhu {

// The find bar over a reading pane: a query field, a pinyin switch, "k of n", previous and next,
// close. It only reports what the reader does and shows the status it is given; the search itself
// belongs to whoever listens (SearchSession). Enter and F3 go to the next match, Shift+Enter and
// Shift+F3 to the previous one (F3 while the bar is open, wherever the focus is in the window);
// Esc closes the bar.
class FindBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    QString query() const;
    bool isPinyin() const;
    void setPinyin(bool on);

public slots:
    // Shows the bar and puts the focus in the query field; a non-empty text (the selection)
    // replaces the query. The whole query is selected so typing replaces it.
    void openWith(const QString &text = {});
    // Hides the bar and says so; the reader's Esc and the close button do the same.
    void dismiss();
    // current is 1-based, 0 when there is no current match.
    void setStatus(int current, int total);

signals:
    void queryChanged(const QString &query, bool pinyin);
    void nextRequested();
    void previousRequested();
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void emitQuery();

    QLineEdit *m_field = nullptr;
    QToolButton *m_pinyin = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Pizhu
