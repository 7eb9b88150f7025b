#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace Pizhu {

// Asks for the password of an encrypted PDF in a dialog over the window: window-modal but not
// blocking (open(), not exec()), so the event loop and a load in flight carry on behind it.
class PdfPasswordPrompt
{
    Q_DECLARE_TR_FUNCTIONS(Pizhu::PdfPasswordPrompt)
public:
    // reply gets the password, or nothing when the reader cancels. wrongPassword: the last one
    // given did not open the file, and the dialog says so. The dialog is named "pdfPasswordDialog".
    static void ask(QWidget *parent, const QString &path, bool wrongPassword,
        const std::function<void(const std::optional<QByteArray> &)> &reply);
};

} // namespace Pizhu
