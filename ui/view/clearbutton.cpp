#include "clearbutton.h"

#include <QLineEdit>

namespace Pizhu {

void addClearButtonOnFirstText(QLineEdit *field)
{
    if (!field->text().isEmpty()) {
        field->setClearButtonEnabled(true);
        return;
    }
    QObject::connect(
        field, &QLineEdit::textChanged, field, [field] { field->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
}

} // namespace Pizhu
