import CrescendoCore
import CrescendoInputs
import Foundation
import XCTest

final class BatchQueueTests: XCTestCase {
    private struct Bad: Error {}

    /// Runs `body` on a thread of its own.
    private func producer(_ body: @escaping @Sendable () -> Void) { Thread { body() }.start() }

    func testBatchesArriveInOrderAndSpareOnesAreReused() throws {
        let queue = BatchQueue<[Int]>(capacity: 2)
        producer {
            var made = 0
            for i in 0..<50 {
                var batch = queue.spareBatch() ?? { made += 1; return [] }()
                batch.removeAll(keepingCapacity: true)
                batch.append(contentsOf: [i, i])
                guard queue.put(batch) else { return }
            }
            // Two waiting, one being filled, one with the consumer, one given back: never 50.
            queue.finish(made <= 6 ? nil : Bad())
        }
        var seen: [Int] = []
        while let batch = try queue.take() {
            seen.append(contentsOf: batch)
            queue.recycle(batch)
        }
        XCTAssertEqual(seen, (0..<50).flatMap { [$0, $0] })
    }

    func testTheProducersErrorIsThrown() {
        let queue = BatchQueue<[Int]>()
        producer {
            _ = queue.put([1])
            queue.finish(Bad())
        }
        queue.waitUntilFinished()
        XCTAssertThrowsError(try queue.take()) { XCTAssertTrue($0 is Bad) }
    }

    func testCancellingStopsAProducerThatIsWaiting() {
        let queue = BatchQueue<[Int]>(capacity: 1)
        let stopped = expectation(description: "the producer learns the consumer has gone")
        let puts = Counter()
        producer {
            while queue.put([0]) { puts.add() }
            queue.finish(nil)
            stopped.fulfill()
        }
        // The queue holds one batch; the producer's second put waits for room.
        queue.waitUntilProducerBlocked()
        XCTAssertEqual(puts.value, 1)
        queue.cancel()
        wait(for: [stopped], timeout: 10)
        XCTAssertEqual(puts.value, 1, "the waiting put returned false")
        XCTAssertNil(try queue.take(), "a cancelled queue hands out nothing")
    }

    /// A count shared with the producer thread.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.withLock { n += 1 } }
        var value: Int { lock.withLock { n } }
    }
}
