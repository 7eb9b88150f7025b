#pragma once

// A document as text extracted from a PDF comes: three pages printed "— 7 —" to "— 9 —" at their
// feet, a running header on each, and a paragraph cut by the first page break. The export tests
// share it to check that notes carry their page. Header-only so each test program stays one .cpp.

#include "document.h"
#include "importer.h"

namespace Pizhu::PagedFixture {

using namespace Qt::Literals::StringLiterals;

inline QString text()
{
    const QString header = u"质量强国建设纲要（2023年）"_s;
    return header
        + u"\n一、形势背景\n"
          "质量是人类生产生活的重要保障。党的十八大以来，在以习近平同志为核\n"
          "心的党中央坚强领导下，我国质量事业实现跨越式发展，质量强国建设取\n"
          "得历史性成效。全民质量意识显著提高，质量管理和品牌发展能力明显增\n"
          "强，产品、工程、服务质量总体水平稳步提升，质量安全更有保障，一批\n"
          "— 7 —\n\n\f"_s
        + header
        + u"\n重大技术装备、重大工程、重要消费品、新兴领域高技术产品的质量达到\n"
          "国际先进水平，商贸、旅游、金融、物流等服务质量明显改善。\n"
          "当今世界正经历百年未有之大变局，新一轮科技革命和产业变革深入发展，\n"
          "引发质量理念、机制、实践的深刻变革。\n"
          "— 8 —\n\n\f"_s
        + header
        + u"\n二、总体要求\n"
          "面对新形势新要求，必须把推动发展的立足点转到提高质量和效益上来。\n"
          "— 9 —\n"_s;
}

inline Document document()
{
    auto doc = Importer().importText(text());
    if (!doc || doc->pageCount() != 3)
        qFatal("the paged fixture did not import with its three pages");
    return std::move(doc).value();
}

} // namespace Pizhu::PagedFixture
