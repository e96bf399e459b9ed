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
        var batch: IngestBatch
        /// Which entries take the commit time as their `at`.
        var stampNow: [Bool]
        var continuation: CheckedContinuation<WriteOutcome, any Error>
    }

    private let store: any AccessStore
    private let clock: any DaemonClock
    /// Shared with the scheduler, which raises it before each step.
    nonisolated let floor = StampFloor()
    private var waiting: [Waiting] = []
    private var writing = false
    /// Transactions started and finished, to let `settle` wait for the one in progress.
    private var started = 0
    private var finished = 0
    private var settling: [(Int, CheckedContinuation<Void, Never>)] = []
    public init(store: any AccessStore, clock: any DaemonClock) {
        self.store = store; self.clock = clock
    }

    /// Appends a batch (whole or not at all) with its note (audit line, key) and returns how it
    /// went: stored, or not written because its key was claimed. Entries whose `stampNow` flag
    /// is set get the commit time as `at`. Every batch of a group commit and its audit line are
    /// in one transaction.
    func append(_ batch: IngestBatch, stampNow: [Bool]) async throws -> WriteOutcome {
        try await withCheckedThrowingContinuation { c in
            waiting.append(Waiting(batch: batch, stampNow: stampNow, continuation: c))
            if !writing {
                writing = true
                Task { await self.flush() }
            }
        }
    }

    /// Appends entries without a note (tests, and writers with nothing to audit).
    func append(_ entries: [LedgerEntry], stampNow: [Bool]) async throws -> [StoredEntry] {
        if case .recorded(let stored) = try await append(IngestBatch(entries: entries), stampNow: stampNow) { return stored }
        return []
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
                var b = w.batch
                for i in b.entries.indices where w.stampNow[i] { b.entries[i].at = stampAt }
                b.note?.audit.at = recordedAt
                return b
            }
            let result: Result<[WriteOutcome], any Error>
            do { result = .success(try await store.ingest(batches, recordedAt: recordedAt)) } catch { result = .failure(error) }
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
