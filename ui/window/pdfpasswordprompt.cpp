#include "pdfpasswordprompt.h"

#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

void PdfPasswordPrompt::ask(QWidget *parent, const QString &path, bool wrongPassword,
    const std::function<void(const std::optional<QByteArray> &)> &reply)
{
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(u"pdfPasswordDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password Required"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    QString label = tr("“%1” is protected by a password.").arg(QFileInfo(path).fileName());
    if (wrongPassword)
        label += u"\n\n"_s + tr("That password does not open it. Try again:");
    else
        label += u"\n\n"_s + tr("Password:");
    dialog->setLabelText(label);
    dialog->setOkButtonText(tr("Open"));
    dialog->setWindowModality(Qt::WindowModal);
    // finished() comes once, for OK, Cancel, Escape and closing the dialog alike.
    QObject::connect(dialog, &QDialog::finished, dialog, [dialog, reply](int result) {
        if (result == QDialog::Accepted)
            reply(dialog->textValue().toUtf8());
        else
            reply(std::nullopt);
    });
    dialog->open();
}

} // namespace Pizhu
