import CrescendoCore
import Foundation

/// Hands batches from a producing thread to a consuming one. At most `capacity` batches wait,
/// so memory stays flat however long the input. The consumer gives each batch back when done
/// with it, and the producer fills it again: a long run allocates a handful of batches.
///
/// Used by `simulate` (CSV or database rows read on a second thread while the engine runs) and
/// by `ledger import` (rows encoded on one thread, hashed and inserted on the other).
public final class BatchQueue<Batch>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var spare: [Batch] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    /// Producers waiting in `put` for room.
    private var blockedProducers = 0
    private let capacity: Int

    public init(capacity: Int = 4) { self.capacity = capacity }

    /// Producer: adds a batch, waiting while the queue is full; false once the consumer has
    /// given up (the producer should stop).
    public func put(_ batch: consuming Batch) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while batches.count >= capacity && !cancelled {
            blockedProducers += 1
            condition.broadcast()
            condition.wait()
            blockedProducers -= 1
        }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// Producer: a batch the consumer gave back, to empty and fill again; nil if none is spare.
    public func spareBatch() -> Batch? {
        condition.lock(); defer { condition.unlock() }
        return spare.popLast()
    }

    /// Producer: there are no more batches; `error` is what stopped the producer, if anything.
    public func finish(_ error: Error?) {
        condition.lock(); defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Consumer: the next batch, or nil when the producer is done. The producer's error is
    /// thrown as soon as it is known: batches still waiting are dropped.
    public func take() throws -> Batch? {
        condition.lock(); defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        if let failure { throw failure }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Consumer: gives back a batch it is done with.
    public func recycle(_ batch: consuming Batch) {
        condition.lock(); defer { condition.unlock() }
        spare.append(batch)
    }

    /// Consumer: it has given up; wakes and stops the producer.
    public func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        batches.removeAll()
        condition.broadcast()
    }

    /// Waits until a producer is blocked in `put`, waiting for room (for tests: the producer
    /// itself says so, under the queue's lock, just before it waits).
    public func waitUntilProducerBlocked() {
        condition.lock(); defer { condition.unlock() }
        while blockedProducers == 0 { condition.wait() }
    }

    /// Waits until the producer has called `finish`.
    public func waitUntilFinished() {
        condition.lock(); defer { condition.unlock() }
        while !finished { condition.wait() }
    }
}
