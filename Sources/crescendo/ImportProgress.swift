import Foundation

/// A progress line on standard error (`imported 262,144 rows, 812,000 rows/s`), shown only
/// when standard error is a terminal.
struct ImportProgress {
    private let start = ContinuousClock.now
    let enabled = isatty(STDERR_FILENO) != 0

    func report(_ rows: Int) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\rimported \(rows) rows, \(rate(rows)) rows/s   ".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// Rows per second since the start.
    func rate(_ rows: Int) -> Int {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return seconds > 0 ? Int(Double(rows) / seconds) : 0
    }
}
