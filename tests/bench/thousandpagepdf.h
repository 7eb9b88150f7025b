#pragma once

// The long PDF the benchmarks read: the 2023 government work report (tests/data/fixtures/public)
// typeset again and again (tests/typesetpdf.h) until it has 1,000 pages or more, with the
// report's title as the running header. Header-only, like the test helpers it builds on.

#include "../typesetpdf.h"
#include "importer.h"
#include "pdfreader.h"

#include <QString>

namespace ThousandPagePdf {

// Writes the PDF to path; its page count, or 0 when it could not be made.
inline qsizetype write(const QString &path)
{
    using namespace Pizhu;
    // A benchmark sits a folder deeper than the executables PdfReader finds the plugin from.
    if (!qEnvironmentVariableIsSet("PIZHU_PDF_PLUGIN"))
        qputenv("PIZHU_PDF_PLUGIN", PIZHU_PDF_PLUGIN_FILE_PATH);
    const auto clean
        = Importer().importFile(QStringLiteral(PIZHU_FIXTURES_DIR "/public/zh-gov-work-report-2023.txt"));
    if (!clean.ok())
        return 0;
    QList<TypesetPdf::Block> once;
    for (const Block &b : clean->parts().first().blocks)
        once.append({ b.kind == BlockKind::Heading ? TypesetPdf::Kind::Heading : TypesetPdf::Kind::Paragraph,
            b.text, b.kind == BlockKind::Heading ? 15.0 : 12.0 });
    TypesetPdf::Options options;
    options.runningHeader = clean->parts().first().title;
    // About 35 pages a copy.
    for (int copies = 30;; copies += 2) {
        QList<TypesetPdf::Block> blocks;
        for (int i = 0; i < copies; ++i)
            blocks += once;
        if (!TypesetPdf::write(path, blocks, options))
            return 0;
        const auto pages = PdfReader::readPages(path);
        if (!pages.ok())
            return 0;
        if (pages->size() >= 1000)
            return pages->size();
    }
}

} // namespace ThousandPagePdf
