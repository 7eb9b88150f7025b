#pragma once

#include <QObject>
#include <QPointer>

namespace Pizhu {

class DocumentView;
class SearchSession;
struct SearchMatch;

// Shows a SearchSession's matches in one reading pane: every match on screen gets a highlight,
// the current one a stronger one, and when the current match changes to one in this pane that is
// off screen, the pane scrolls to it. Only what is on screen (and a margin) is highlighted, because
// tens of thousands of extra selections would make QTextEdit crawl.
class SearchHighlighter final : public QObject
{
    Q_OBJECT
public:
    SearchHighlighter(SearchSession *session, DocumentView *view, QObject *parent = nullptr);

    static inline const QString MatchLayer = QStringLiteral("search");
    static inline const QString CurrentLayer = QStringLiteral("search-current");

    // Turns the highlights off (the find bar closed) or back on.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Refreshes the highlights now (called on its own when matches or the scroll position change).
    void refresh();

private:
    void followCurrent(int index, const SearchMatch &match);
    std::pair<qsizetype, qsizetype> visibleRange() const;

    QPointer<SearchSession> m_session;
    QPointer<DocumentView> m_view;
    bool m_enabled = true;
};

} // namespace Pizhu
