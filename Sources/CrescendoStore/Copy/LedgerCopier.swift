import CrescendoCore
import CrescendoInputs

/// Copies a whole ledger from one store to another (`crescendo ledger copy`): every entry with
/// its seq, times, correction and hash, the facts beside them, and the daemon's actions,
/// deliveries, timers and watermarks, so a daemon started on the copy carries on where the
/// source's left off.
///
/// The source must verify and the target must be empty. The rows stream: one task reads the
/// source (`forEachRecord`) into a bounded queue on a thread of its own while the target writes
/// them in one transaction (`restore`) on another, so memory stays flat however long the
/// ledger, and a failure anywhere leaves the target as it was.
public enum LedgerCopier {
    /// Rows handed from the reader to the writer at a time.
    static let batchSize = 4096

    /// Copies `source` into `target`; returns what was written.
    public static func copy(from source: any DaemonStore, to target: any DaemonStore) async throws -> LedgerContents {
        let existing = try await target.contents()
        guard existing.isEmpty else { throw StoreError.notEmpty(path: target.location, holds: existing.description) }
        let report = try await source.verify()
        if let problem = report.problem { throw StoreError.brokenSource(path: source.location, problem: problem.message) }
        let rows = PrefetchingEntrySource<LedgerRecord>(batchSize: batchSize, producing: { emit in
            try await source.forEachRecord(emit)
        })
        let location = source.location
        // The writer may wait for the reader's rows; it waits on a thread of its own.
        return try await withTaskExecutorPreference(QueueExecutor(label: "crescendo.copy.write")) {
            var batch: [LedgerRecord] = []
            var index = 0
            return try await target.restore(from: location) {
                if index == batch.count {
                    batch = []
                    guard let next = try rows.nextBatch() else { return nil }
                    batch = next
                    index = 0
                }
                defer { index += 1 }
                return batch[index]
            }
        }
    }
}
