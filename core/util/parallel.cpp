#include "parallel.h"

#include <QThread>

#include <algorithm>
#include <system_error>
#include <thread>
#include <vector>

namespace Pizhu {

namespace {

// Past a few threads the import waits on memory, not on arithmetic.
constexpr int MaxThreads = 8;

} // namespace

int Parallelism::slicesFor(qsizetype work, qsizetype defaultGrain) const
{
    const int cores = threads > 0 ? threads : std::min(QThread::idealThreadCount(), MaxThreads);
    const qsizetype least = std::max<qsizetype>(1, grain > 0 ? grain : defaultGrain);
    return int(std::clamp<qsizetype>(work / least, 1, std::max(cores, 1)));
}

void Parallelism::forRanges(
    qsizetype count, qsizetype defaultGrain, const std::function<void(qsizetype, qsizetype)> &work) const
{
    const int slices = slicesFor(count, defaultGrain);
    run(slices, [&](int i) { work(bound(count, slices, i), bound(count, slices, i + 1)); });
}

void Parallelism::run(int slices, const std::function<void(int)> &run)
{
    // Threads of our own rather than the global pool: the importer itself often runs on a pool
    // thread (the window's loader), and the PDF reader keeps the pool busy with pages.
    std::vector<std::thread> others;
    others.reserve(size_t(std::max(slices - 1, 0)));
    int started = 1;
    for (; started < slices; ++started) {
        // A thread that cannot be had (a limit on processes, memory) is no error: its slice runs
        // here, after the first. The exception is caught where it is thrown, at the library's edge.
        try {
            others.emplace_back(run, started);
        } catch (const std::system_error &) {
            break;
        }
    }
    if (slices > 0)
        run(0);
    for (int i = started; i < slices; ++i)
        run(i);
    for (std::thread &t : others)
        t.join();
}

} // namespace Pizhu
