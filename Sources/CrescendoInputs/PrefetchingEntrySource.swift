import Foundation

/// Reads ledger entries on a second thread, a batch at a time, so that parsing a large CSV (or
/// stepping through a ledger database) overlaps the engine's work. The reader runs as a task on
/// an executor of its own (`QueueExecutor`), so a store's async read is awaited there and the
/// engine may wait for batches on any thread. Batches come out in order;
/// the reader's error is thrown in place of the batches after it. Spent batches go back to the
/// reading thread through the `BatchQueue`, which empties and refills them: the consumer
/// neither frees entries nor allocates batches.
public final class PrefetchingEntrySource<Element> {
    private let queue: BatchQueue<[Element]>
    /// The batch last handed out, given back on the next call.
    private var current: [Element] = []

    /// Starts `fill` on its own thread, keeping at most `depth` batches ahead: `fill` appends
    /// up to the number of elements it is given to the batch, and returns false at the end.
    public convenience init(batchSize: Int = 8192, depth: Int = 4, filling fill: @escaping (inout [Element], Int) throws -> Bool) {
        nonisolated(unsafe) let fill = fill
        self.init(batchSize: batchSize, depth: depth) { batch, handOver in
            while try fill(&batch, batchSize - batch.count) {
                if batch.count >= batchSize { try handOver(&batch) }
            }
        }
    }

    /// Starts `produce` on its own thread: it calls `emit` with every element in order and
    /// returns at the end (for sources that push, such as a store's streaming read). `emit`
    /// throws to stop the producer once the consumer has gone.
    public convenience init(batchSize: Int = 8192, depth: Int = 4,
                            producing produce: @escaping (_ emit: (Element) throws -> Void) async throws -> Void) {
        nonisolated(unsafe) let produce = produce
        self.init(batchSize: batchSize, depth: depth) { batch, handOver in
            try await produce { e in
                batch.append(e)
                if batch.count >= batchSize { try handOver(&batch) }
            }
        }
    }

    /// Runs `body` on the reading thread with the batch to fill and the function that hands a
    /// full batch over and gives back an empty one (reused when the consumer has returned one).
    private init(batchSize: Int, depth: Int,
                 _ body: @escaping (inout [Element], _ handOver: (inout [Element]) throws -> Void) async throws -> Void) {
        let queue = BatchQueue<[Element]>(capacity: depth)
        self.queue = queue
        nonisolated(unsafe) let body = body
        Task(executorPreference: QueueExecutor(label: "crescendo.reader")) {
            func empty() -> [Element] {
                var batch = queue.spareBatch() ?? []
                batch.removeAll(keepingCapacity: true)
                batch.reserveCapacity(batchSize)
                return batch
            }
            var batch = empty()
            do {
                try await body(&batch) { full in
                    guard queue.put(full) else { throw Cancelled() }
                    full = empty()
                }
                if !batch.isEmpty, !queue.put(batch) { throw Cancelled() }
                queue.finish(nil)
            } catch is Cancelled {
                queue.finish(nil)
            } catch {
                queue.finish(error)
            }
        }
    }

    private struct Cancelled: Error {}

    deinit { queue.cancel() }

    /// The next batch (never empty), nil at the end, or the reader's error in its place. The
    /// caller should let go of the previous batch before asking for the next, so that it can
    /// go back to the reader to be refilled.
    public func nextBatch() throws -> [Element]? {
        var spent: [Element] = []
        swap(&spent, &current)
        if !spent.isEmpty { queue.recycle(spent) }
        guard let batch = try queue.take() else { return nil }
        current = batch
        return batch
    }
}
