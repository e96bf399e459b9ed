import CrescendoCore
import CrescendoStore

/// Group commit: batches posted while a transaction is being written wait, and go together
/// in the next one. Each caller gets its own entries back only once they are committed.
///
/// Entries posted without `at` are stamped when their transaction starts, never earlier than
/// one second past what the scheduler is judging (`floor`), and the scheduler waits
/// (`settle()`) for the transaction in progress before reading facts, so an entry the daemon
/// stamps is never older than what the scheduler has judged.
public actor IngestQueue {
    private struct Waiting {
        var batch: [LedgerEntry]
        /// Which entries take the commit time as their `at`.
        var stampNow: [Bool]
        var continuation: CheckedContinuation<[StoredEntry], any Error>
    }

    private let store: any LedgerStore
    private let clock: any DaemonClock
    /// Shared with the scheduler, which raises it before each step.
    nonisolated let floor = StampFloor()
    private var waiting: [Waiting] = []
    private var writing = false
    /// Transactions started and finished, to let `settle` wait for the one in progress.
    private var started = 0
    private var finished = 0
    private var settling: [(Int, CheckedContinuation<Void, Never>)] = []
    public init(store: any LedgerStore, clock: any DaemonClock) {
        self.store = store; self.clock = clock
    }

    /// Appends a batch (whole or not at all) and returns it as stored. Entries whose
    /// `stampNow` flag is set get the commit time as `at`.
    func append(_ batch: [LedgerEntry], stampNow: [Bool]) async throws -> [StoredEntry] {
        try await withCheckedThrowingContinuation { c in
            waiting.append(Waiting(batch: batch, stampNow: stampNow, continuation: c))
            if !writing {
                writing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !waiting.isEmpty {
            let group = waiting
            waiting.removeAll()
            let store = self.store
            let recordedAt = clock.now()
            let stampAt = floor.stamp(recordedAt)
            started += 1
            let batches = group.map { w in
                zip(w.batch, w.stampNow).map { e, stamp in
                    var e = e
                    if stamp { e.at = stampAt }
                    return e
                }
            }
            let result: Result<[[StoredEntry]], any Error>
            do { result = .success(try await store.appendBatches(batches, recordedAt: recordedAt)) } catch { result = .failure(error) }
            finished += 1
            resumeSettled()
            switch result {
            case .success(let stored):
                for (w, s) in zip(group, stored) { w.continuation.resume(returning: s) }
            case .failure(let error):
                for w in group { w.continuation.resume(throwing: error) }
            }
        }
        writing = false
    }

    /// Returns once every transaction started before the call has finished.
    public func settle() async {
        guard finished < started else { return }
        let target = started
        await withCheckedContinuation { c in settling.append((target, c)) }
    }

    private func resumeSettled() {
        let ready = settling.filter { $0.0 <= finished }
        settling.removeAll { $0.0 <= finished }
        for (_, c) in ready { c.resume() }
    }
}
