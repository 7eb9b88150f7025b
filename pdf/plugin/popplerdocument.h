#pragma once

// Opening a PDF with Poppler's Qt binding, shared by the plugin's entry points (reading its text,
// showing its pages).

#include "pdfplugin.h"

#include <poppler-qt6.h>

#include <memory>

namespace Pizhu::PdfPlugin {

// Keeps Poppler's own complaints off standard error, for both of its bindings; idempotent.
void silencePoppler();

// Opens the PDF at path with password tried as owner's and as user's, or says why it cannot.
Status openDocument(const QString &path, const QByteArray &password, std::unique_ptr<Poppler::Document> *out);

} // namespace Pizhu::PdfPlugin
