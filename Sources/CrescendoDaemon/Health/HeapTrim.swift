#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory freed by a whole read of the ledger, or by a site build's copies of its
/// engine, back to the system.
///
/// A start (or a reload, or a late fact older than every checkpoint) replays the whole
/// ledger: the scheduler reads every entry into an array, and the site feeds its state from
/// every row. That memory is freed when the pass ends, but glibc's allocator keeps freed
/// pages in its arenas (one per thread that allocated), so the daemon's RSS stays at the
/// start's level. Measured at 1,000,000 W1 entries: 220 MB of RSS, 155 MB after
/// `malloc_trim(0)` (docs/daemon.md, "What a start costs, and what the daemon holds").
/// Elsewhere than glibc it does nothing.
enum HeapTrim {
    /// Returns the allocator's free pages to the system (a few milliseconds).
    static func release() {
        #if canImport(Glibc)
        _ = trim?(0)
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim` (declared in `malloc.h`, which the Glibc module does not bring).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()
    #endif
}
