#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QString>

namespace Pizhu {

// Writes bytes to path through QSaveFile, so that a write that fails halfway (a full disk, a
// folder that turned read-only) leaves the previous file as it was. Empty on success, otherwise
// what to tell the reader.
inline QString saveBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return {};
    return QCoreApplication::translate("Pizhu::SaveBytes", "Cannot write “%1”: %2")
        .arg(QDir::toNativeSeparators(path), file.errorString());
}

} // namespace Pizhu
