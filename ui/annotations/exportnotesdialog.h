#pragma once

#include "annotation.h"
#include "exportoptions.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QSettings;

namespace Pizhu {

// What File > Export Notes… asks before the file chooser: which colours and tags go in and how the
// Markdown is grouped, as `pizhu export --color/--tag/--group-by` offers. It counts the notes the
// choice keeps as it changes, and OK is off while that is none. The colours and the grouping are
// remembered in settings; the tags offered are the document's own, so only those still present
// come back checked.
class ExportNotesDialog final : public QDialog
{
    Q_OBJECT
public:
    ExportNotesDialog(const QList<Annotation> &annotations, QSettings *settings, QWidget *parent = nullptr);

    ExportOptions options() const;
    // The notes the current choice keeps.
    int selectedCount() const;

    QCheckBox *colorBox(AnnotationColor color) const;
    QListWidget *tagList() const { return m_tags; }
    QComboBox *groupBox() const { return m_group; }
    QLabel *countLabel() const { return m_count; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // Saves the choice to settings; called when the dialog is accepted.
    void remember() const;

private:
    void updateCount();

    QList<Annotation> m_annotations;
    QSettings *m_settings;
    QList<QCheckBox *> m_colors; // in allAnnotationColors() order
    QListWidget *m_tags = nullptr;
    QComboBox *m_group = nullptr;
    QLabel *m_count = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Pizhu
