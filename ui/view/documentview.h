#pragma once

#include "panecontent.h"
#include "readingcolours.h"

#include <QMap>
#include <QTextBrowser>

#include <memory>

class QLabel;

namespace Pizhu {

// One reading pane: a read-only, selectable view of a PaneContent. Everything outside speaks in
// offsets of Document::text() (the canonical text annotations anchor to); this class is where
// they turn into positions in the pane's QTextDocument and back.
class DocumentView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DocumentView(QWidget *parent = nullptr);
    ~DocumentView() override;

    // Takes the content; the view shows nothing (and maps nothing) when content is null.
    void setContent(std::unique_ptr<PaneContent> content);
    bool hasContent() const { return m_content && !m_content->isEmpty(); }
    // The range of Document::text() this pane shows: [textStart, textEnd].
    qsizetype textStart() const;
    qsizetype textEnd() const;
    bool containsOffset(qsizetype offset) const;

    // Canonical offsets -> this pane. Offsets are clamped into the pane's range; a range that
    // spans blocks selects across them. Null cursor when the pane is empty.
    QTextCursor cursorForRange(qsizetype start, qsizetype end) const;
    int positionForOffset(qsizetype offset) const;
    // This pane -> canonical offsets: the offset of a position in the QTextDocument (or of the
    // cursor's position), -1 when the pane is empty.
    qsizetype textOffsetAtPosition(int position) const;
    qsizetype textOffsetAt(const QTextCursor &cursor) const
    {
        return textOffsetAtPosition(cursor.position());
    }
    // The selection as a canonical range, or {-1,-1} without one.
    std::pair<qsizetype, qsizetype> selectedRange() const;

    // The first character of the line at the top of the viewport.
    qsizetype topOffset() const;
    // Scrolls so that the line holding offset is at the top. Before the view has a size the
    // request is kept and carried out on the first resize.
    void scrollToOffset(qsizetype offset);
    // Briefly marks a range, to show the reader where a jump landed.
    void flashRange(qsizetype start, qsizetype end);

    // Named layers of extra selections (highlights, search matches, the flash), so features can
    // mark text independently without clearing each other's marks.
    void setSelectionLayer(const QString &layer, const QList<QTextEdit::ExtraSelection> &selections);
    void clearSelectionLayer(const QString &layer) { setSelectionLayer(layer, {}); }

    // Keeps the reading position while the font or line spacing changes.
    void setReadingFont(const QFont &font);
    void setLineSpacing(int percent);
    int lineSpacing() const { return m_lineSpacing; }
    // What new content should be rendered with to show without a second layout.
    PaneStyle style() const { return { font(), m_lineSpacing }; }

    // Pages of a document that has them (a PDF, or text extracted from one): the label of the page
    // offset of Document::text() stood on ("7"), empty without pages.
    QString pageLabelAt(qsizetype offset) const;
    bool hasPages() const { return m_content && !m_content->pageStarts.isEmpty(); }
    // Where a page starts on screen: the baseline (viewport coordinates) of the line it starts in.
    struct PageMark
    {
        int baseline = 0;
        QString label; // as the margin shows it: "p. 7"
    };
    // The page starts in view, top to bottom, as the margin beside the text paints them. Outside
    // the text, so they are never selected or copied with it.
    QList<PageMark> visiblePageMarks() const;
    QWidget *pageMargin() const { return m_pageMargin; }
    // Room kept above the text (pixels) for a bar over the pane, such as the find bar: the text
    // starts below it rather than under it. 0 by default.
    void setTopInset(int pixels);
    int topInset() const { return m_topInset; }
    // The widest the text column grows, in CJK characters (about twice as many Latin letters a
    // line); a wider pane centres it. 0: the text fills the pane.
    static constexpr int DefaultMaximumLineEms = 40;
    void setMaximumLineWidth(int ems);
    int maximumLineWidth() const { return m_maximumLineEms; }
    // A line above the text naming the pane ("Main document — …"), plain text; empty hides it.
    // Bars over the pane go below it (captionHeight()).
    void setCaption(const QString &caption);
    QString caption() const;
    int captionHeight() const;

    // The theme's colours the pane and the marks on it (highlights, find hits) are painted with;
    // its page, text and selection become the pane's palette. View > Theme sets it; System (the
    // default) follows the application palette when it changes.
    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    const ReadingColours &readingColours() const { return m_colours; }

signals:
    // The painters of marks repaint with readingColours().
    void readingColoursChanged();
    // The offset at the top of the view changed (scrolling, resizing, a new font).
    void topOffsetChanged(qsizetype offset);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    int blockIndexForOffset(qsizetype offset) const;
    void applyLineSpacing();
    void emitTopOffset();
    bool layoutReady() const;
    void updatePageMargin();
    QFont pageMarginFont() const;

    std::unique_ptr<PaneContent> m_content;
    QWidget *m_pageMargin = nullptr; // the page labels, left of the text
    QLabel *m_caption = nullptr; // the pane's name, above the text
    QMap<QString, QList<QTextEdit::ExtraSelection>> m_layers;
    ReadingColours m_colours;
    Theme m_theme = Theme::System;
    qsizetype m_pendingOffset = -1;
    qsizetype m_lastTopOffset = -1;
    int m_lineSpacing = 150;
    int m_topInset = 0;
    int m_maximumLineEms = DefaultMaximumLineEms;
    int m_flashGeneration = 0;
    bool m_settingPalette = false;
    bool m_scrolling = false; // set while this class moves the scroll bar itself
};

} // namespace Pizhu
