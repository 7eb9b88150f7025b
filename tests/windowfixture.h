#pragma once

// The main window as the application shows it, for the GUI tests: settings of the running test
// function's own (so no test sees another's remembered state) and a fixed size.
#include "mainwindow.h"
#include "windowassembly.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace WindowFixture {

// An empty settings file in dir, named after the test function being run.
inline std::unique_ptr<QSettings> settingsForCurrentTest(const QTemporaryDir &dir)
{
    using namespace Qt::Literals::StringLiterals;
    const QString name = QString::fromLatin1(QTest::currentTestFunction());
    auto settings
        = std::make_unique<QSettings>(dir.filePath(u"settings-%1.ini"_s.arg(name)), QSettings::IniFormat);
    settings->clear();
    return settings;
}

// A window at 1400x900, shown; the caller waits for it with QTest::qWaitForWindowExposed.
inline std::unique_ptr<Pizhu::MainWindow> shownWindow(QSettings *settings)
{
    auto window = std::make_unique<Pizhu::MainWindow>(settings);
    window->resize(1400, 900);
    window->show();
    return window;
}

// The same with every feature, as the application assembles it, on the annotation database db.
inline Pizhu::AssembledWindow shownAssembledWindow(QSettings *settings, const QString &db)
{
    Pizhu::AssembledWindow parts = Pizhu::assembleWindow(settings, db);
    parts.window->resize(1400, 900);
    parts.window->show();
    return parts;
}

} // namespace WindowFixture
