#pragma once

namespace Pizhu {
// Starts the window: `pizhu [options] [FILE]`. Returns the process exit code.
int runGui(int &argc, char **argv);
} // namespace Pizhu
