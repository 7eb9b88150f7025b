#pragma once

#include <QtGlobal>

#include <functional>

namespace Pizhu {

// How the importer spreads one file's work over the cores: the lines (or bytes) are cut into
// contiguous slices, one a thread, each at least grain long, so a small file stays on one thread
// and pays nothing for it. Tests set a small grain to cut even a short text into many slices and
// check that the result does not depend on where the cuts fall.
struct Parallelism
{
    int threads = 0; // at most this many; 0: one a core
    qsizetype grain = 0; // the least work a slice is given; 0: the caller's default

    // How many slices `work` units make, none under grain (or defaultGrain when grain is 0).
    int slicesFor(qsizetype work, qsizetype defaultGrain) const;
    // Calls run(0) ... run(slices - 1), run(0) on the calling thread and the others on threads of
    // their own, and returns when all are done. run must not touch what another slice writes.
    static void run(int slices, const std::function<void(int)> &run);
    // Calls work(begin, end) for ranges that together cover [0, count), one a thread (slicesFor:
    // none under the grain); each call may write only what belongs to its range.
    void forRanges(
        qsizetype count, qsizetype defaultGrain, const std::function<void(qsizetype, qsizetype)> &work) const;
    // The bounds of slice i of `slices` equal slices of [0, count).
    static qsizetype bound(qsizetype count, int slices, int i) { return count * i / slices; }
};

} // namespace Pizhu
