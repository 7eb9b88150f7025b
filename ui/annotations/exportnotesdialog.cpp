#include "exportnotesdialog.h"

#include "annotationpalette.h"

#include <QCheckBox>
#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

namespace {

const QString ColorsKey = u"export/colors"_s;
const QString TagsKey = u"export/tags"_s;
const QString GroupKey = u"export/groupBy"_s;

// Every tag of the annotations once, in the order a reader of the language would look for it.
QStringList tagsOf(const QList<Annotation> &annotations)
{
    QStringList tags;
    for (const Annotation &a : annotations)
        for (const QString &tag : a.tags)
            if (!tags.contains(tag))
                tags << tag;
    QCollator collator;
    std::sort(tags.begin(), tags.end(), [&](const QString &a, const QString &b) { return collator(a, b); });
    return tags;
}

} // namespace

ExportNotesDialog::ExportNotesDialog(
    const QList<Annotation> &annotations, QSettings *settings, QWidget *parent)
    : QDialog(parent), m_annotations(annotations), m_settings(settings)
{
    setWindowTitle(tr("Export Notes"));
    setObjectName(u"exportNotesDialog"_s);

    // Colours: every one checked unless the last export left some out.
    QStringList rememberedColors;
    if (m_settings && m_settings->contains(ColorsKey))
        rememberedColors = m_settings->value(ColorsKey).toStringList();
    auto *colorRow = new QHBoxLayout;
    for (AnnotationColor color : allAnnotationColors()) {
        auto *box = new QCheckBox(AnnotationPalette::label(color));
        box->setIcon(AnnotationPalette::swatch(color));
        box->setObjectName(u"exportColor_"_s + annotationColorName(color));
        box->setChecked(rememberedColors.isEmpty() || rememberedColors.contains(annotationColorName(color)));
        connect(box, &QCheckBox::toggled, this, &ExportNotesDialog::updateCount);
        colorRow->addWidget(box);
        m_colors << box;
    }
    colorRow->addStretch();

    // Tags: none checked means every note, tagged or not.
    m_tags = new QListWidget;
    m_tags->setObjectName(u"exportTags"_s);
    const QStringList rememberedTags = m_settings ? m_settings->value(TagsKey).toStringList() : QStringList();
    const QStringList tags = tagsOf(m_annotations);
    for (const QString &tag : tags) {
        auto *item = new QListWidgetItem(tag, m_tags); // a QListWidgetItem's text is plain, never markup
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(rememberedTags.contains(tag) ? Qt::Checked : Qt::Unchecked);
    }
    m_tags->setEnabled(!tags.isEmpty());
    m_tags->setMaximumHeight(m_tags->sizeHintForRow(0) > 0 ? m_tags->sizeHintForRow(0) * 6 + 8 : 120);
    connect(m_tags, &QListWidget::itemChanged, this, &ExportNotesDialog::updateCount);
    auto *tagsHint = new QLabel(tags.isEmpty() ? tr("This document's notes have no tags.")
                                               : tr("Check tags to export only notes with one of them."));
    tagsHint->setTextFormat(Qt::PlainText);
    tagsHint->setWordWrap(true);

    m_group = new QComboBox;
    m_group->setObjectName(u"exportGroupBy"_s);
    m_group->addItem(tr("Section"), u"section"_s);
    m_group->addItem(tr("Colour"), u"color"_s);
    if (m_settings && m_settings->value(GroupKey).toString() == u"color")
        m_group->setCurrentIndex(1);
    m_group->setToolTip(
        tr("How the Markdown export arranges the notes; the JSON export lists them in order."));

    m_count = new QLabel;
    m_count->setObjectName(u"exportCount"_s);
    m_count->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Choose File…"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        remember();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Colours:"), colorRow);
    form->addRow(tr("Tags:"), m_tags);
    form->addRow(QString(), tagsHint);
    form->addRow(tr("Group by:"), m_group);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_count);
    layout->addWidget(m_buttons);
    updateCount();
}

QCheckBox *ExportNotesDialog::colorBox(AnnotationColor color) const
{
    return m_colors.value(allAnnotationColors().indexOf(color));
}

ExportOptions ExportNotesDialog::options() const
{
    ExportOptions options;
    const QList<AnnotationColor> colors = allAnnotationColors();
    for (int i = 0; i < colors.size(); ++i)
        if (m_colors.at(i)->isChecked())
            options.colors << colors.at(i);
    // Every colour is no filter. None is no export at all: selectedCount() says 0 and OK is off.
    if (options.colors.size() == colors.size())
        options.colors.clear();
    for (int i = 0; i < m_tags->count(); ++i)
        if (m_tags->item(i)->checkState() == Qt::Checked)
            options.tags << m_tags->item(i)->text();
    options.groupBy = m_group->currentData().toString() == u"color" ? ExportOptions::GroupBy::Color
                                                                    : ExportOptions::GroupBy::Section;
    return options;
}

int ExportNotesDialog::selectedCount() const
{
    if (std::none_of(m_colors.cbegin(), m_colors.cend(), [](const QCheckBox *b) { return b->isChecked(); }))
        return 0;
    const ExportOptions options = this->options();
    return int(std::count_if(m_annotations.cbegin(), m_annotations.cend(),
        [&](const Annotation &a) { return options.accepts(a); }));
}

void ExportNotesDialog::updateCount()
{
    const int selected = selectedCount();
    m_count->setText(selected == 0
            ? tr("No notes match this choice.")
            : tr("%n of %1 notes will be exported.", nullptr, selected).arg(m_annotations.size()));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(selected > 0);
}

void ExportNotesDialog::remember() const
{
    if (!m_settings)
        return;
    QStringList colors;
    for (int i = 0; i < m_colors.size(); ++i)
        if (m_colors.at(i)->isChecked())
            colors << annotationColorName(allAnnotationColors().at(i));
    m_settings->setValue(ColorsKey, colors);
    m_settings->setValue(TagsKey, options().tags);
    m_settings->setValue(GroupKey, m_group->currentData());
}

} // namespace Pizhu
