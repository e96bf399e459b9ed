import CrescendoCore
import Foundation

/// The import's producer: on a thread of its own, reads entries, links them into the chain and
/// hands them to the database thread in batches.
final class ChainLinker: @unchecked Sendable {
    static let batchSize = 4096

    private let queue: LinkedBatchQueue
    private let recordedAt: Instant
    /// The reader; dropped before the queue finishes, so the caller's closure never outlives the call.
    private var next: (() throws -> LedgerEntry?)?
    /// The chain after the last entry linked; read it only after the queue has finished.
    private(set) var chain: EntryChain

    init(chain: EntryChain, recordedAt: Instant, queue: LinkedBatchQueue) {
        self.chain = chain
        self.recordedAt = recordedAt
        self.queue = queue
    }

    /// Starts the thread. `next` is called from that thread only, one call at a time, and is
    /// released before the queue finishes (the caller waits for that).
    func start(_ next: @escaping () throws -> LedgerEntry?) {
        self.next = next
        let thread = Thread { [self] in self.run() }
        thread.start()
    }

    private func run() {
        var failure: Error?
        do { try produce() } catch { failure = error }
        next = nil
        queue.finish(failure)
    }

    private func produce() throws {
        guard let next else { return }
        // Link on a local copy: a class property in the loop pays for an exclusivity check per row.
        var chain = self.chain
        defer { self.chain = chain }
        let recordedAt = self.recordedAt
        var batch: [LinkedEntry] = []
        batch.reserveCapacity(Self.batchSize)
        while var entry = try next() {
            try chain.link(&entry, recordedAt: recordedAt)
            batch.append(LinkedEntry(entry: entry, hash: chain.previous))
            if batch.count == Self.batchSize {
                guard queue.put(batch) else { return }
                batch = []
                batch.reserveCapacity(Self.batchSize)
            }
        }
        if !batch.isEmpty { _ = queue.put(batch) }
    }
}
