#pragma once

class QLineEdit;

namespace Pizhu {

// Gives field the clear button (QLineEdit::setClearButtonEnabled) once it first holds text. The
// button shows only over text anyway, and its icon comes from the icon theme, a lookup of a few
// milliseconds that a panel built at start-up need not make before the window first paints.
void addClearButtonOnFirstText(QLineEdit *field);

} // namespace Pizhu
