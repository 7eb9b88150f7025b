#include "app/gui.h"

#include <QApplication>
#include <QLabel>

using namespace Qt::Literals::StringLiterals;

namespace Pizhu {

// Placeholder until the reading window lands (issue 3): shows that the GUI starts.
int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QLabel label(u"Pizhu"_s);
    label.show();
    return app.exec();
}

} // namespace Pizhu
