import CrescendoCore
import Foundation

/// Reads ledger entries on a second thread, a batch at a time, so that parsing a large CSV
/// overlaps the engine's work. Entries and the first error come out in file order, exactly as
/// the wrapped source gives them. Spent batches go back to the reading thread, which empties and
/// refills them: the consumer neither frees entries nor allocates batches.
final class PrefetchingEntrySource<Element> {
    /// What the reading thread and the consumer share, under one lock.
    private final class Channel: @unchecked Sendable {
        let condition = NSCondition()
        var batches: [[Element]] = []
        /// Batches the consumer is done with, for the reader to reuse.
        var spent: [[Element]] = []
        var finished = false
        var error: Error?
        var cancelled = false
    }

    private let channel = Channel()
    private let depth: Int
    /// The batch last handed out.
    private var current: [Element] = []

    /// Starts `fill` on its own thread, keeping at most `depth` batches ahead: `fill` appends
    /// up to the number of elements it is given to the batch, and returns false at the end.
    init(batchSize: Int = 8192, depth: Int = 4, filling fill: @escaping (inout [Element], Int) throws -> Bool) {
        self.depth = depth
        nonisolated(unsafe) let fill = fill
        start(batchSize: batchSize) { batch, handOver in
            while try fill(&batch, batchSize - batch.count) {
                if batch.count >= batchSize { try handOver(&batch) }
            }
        }
    }

    /// Starts `produce` on its own thread: it calls `emit` with every element in order and
    /// returns at the end (for sources that push, such as a database cursor). `emit` throws to
    /// stop the producer once the consumer has gone.
    init(batchSize: Int = 8192, depth: Int = 4, producing produce: @escaping (_ emit: (Element) throws -> Void) throws -> Void) {
        self.depth = depth
        nonisolated(unsafe) let produce = produce
        start(batchSize: batchSize) { batch, handOver in
            try produce { e in
                batch.append(e)
                if batch.count >= batchSize { try handOver(&batch) }
            }
        }
    }

    /// Runs `body` on the reading thread with the batch to fill and the function that hands a
    /// full batch over (and gives back an empty one, reused when the consumer has returned one).
    private func start(batchSize: Int,
                       _ body: @escaping (inout [Element], _ handOver: (inout [Element]) throws -> Void) throws -> Void) {
        let channel = self.channel, depth = self.depth
        nonisolated(unsafe) let body = body
        let thread = Thread {
            var batch: [Element] = []
            batch.reserveCapacity(batchSize)
            var failure: Error?
            do {
                try body(&batch) { full in
                    channel.condition.lock()
                    while channel.batches.count >= depth && !channel.cancelled { channel.condition.wait() }
                    let stop = channel.cancelled
                    channel.batches.append(full)
                    full = channel.spent.popLast() ?? []
                    channel.condition.broadcast()
                    channel.condition.unlock()
                    if stop { throw Cancelled() }
                    full.removeAll(keepingCapacity: true)
                    full.reserveCapacity(batchSize)
                }
            } catch is Cancelled {
                return
            } catch {
                failure = error
            }
            channel.condition.lock()
            if !batch.isEmpty { channel.batches.append(batch) }
            channel.error = failure
            channel.finished = true
            channel.condition.broadcast()
            channel.condition.unlock()
        }
        thread.start()
    }

    private struct Cancelled: Error {}

    deinit {
        channel.condition.lock()
        channel.cancelled = true
        channel.condition.broadcast()
        channel.condition.unlock()
    }

    /// The next batch (never empty), nil at the end, or the reader's error in its place. The
    /// caller should let go of the previous batch before asking for the next, so that it can
    /// go back to the reader to be refilled.
    func nextBatch() throws -> [Element]? {
        guard try advance() else { return nil }
        return current
    }

    /// Takes the next batch from the reader into `current`; false at the end.
    private func advance() throws -> Bool {
        channel.condition.lock()
        while channel.batches.isEmpty && !channel.finished { channel.condition.wait() }
        guard !channel.batches.isEmpty else {
            let error = channel.error
            channel.condition.unlock()
            if let error { throw error }
            return false
        }
        if !channel.finished && channel.spent.count < depth + 2 { channel.spent.append(current) }
        current = channel.batches.removeFirst()
        channel.condition.broadcast()
        channel.condition.unlock()
        return true
    }
}
