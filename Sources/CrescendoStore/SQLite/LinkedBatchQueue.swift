import Foundation

/// Hands batches of linked rows from the thread that reads and links them to the thread that
/// inserts them; at most `capacity` batches wait, so memory stays flat. The inserting thread
/// gives each batch back when done with it, for the linking thread to fill again.
final class LinkedBatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [ImportBatch] = []
    private var spare: [ImportBatch] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Adds a batch, waiting while the queue is full; false when the consumer has given up.
    func put(_ batch: ImportBatch) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// An empty batch to fill: one given back, or a new one.
    func emptyBatch() -> ImportBatch {
        condition.lock()
        let batch = spare.popLast()
        condition.unlock()
        guard let batch else { return ImportBatch() }
        batch.clear()
        return batch
    }

    /// Gives back a batch the consumer is done with.
    func recycle(_ batch: ImportBatch) {
        condition.lock(); defer { condition.unlock() }
        spare.append(batch)
    }

    /// No more batches; `error` is what stopped the producer, if anything.
    func finish(_ error: Error?) {
        condition.lock(); defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// The next batch; `nil` when the producer is done; throws the producer's error.
    func take() throws -> ImportBatch? {
        condition.lock(); defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if let failure { throw failure }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The consumer failed: wake and stop the producer.
    func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        batches.removeAll()
        condition.broadcast()
    }

    /// Waits until the producer has called `finish`.
    func waitUntilFinished() {
        condition.lock(); defer { condition.unlock() }
        while !finished { condition.wait() }
    }
}
