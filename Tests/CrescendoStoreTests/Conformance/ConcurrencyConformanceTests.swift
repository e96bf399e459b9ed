import CrescendoCore
import CrescendoStore
import XCTest

/// Several writers on one ledger at once, each with a store of its own (as several processes
/// would have), still give one contiguous seq and one linear chain on every store.
final class ConcurrencyConformanceTests: XCTestCase {
    func testConcurrentWritersKeepOneChain() async throws {
        try await forEachStore([.sqliteFile, .postgres]) { l in
            var writers: [any DaemonStore] = []
            for _ in 0..<4 { writers.append(try await l.reopen()) }
            let stores = writers
            let perWriter = 25
            try await withThrowingTaskGroup(of: [Int64].self) { group in
                for (w, store) in stores.enumerated() {
                    group.addTask {
                        var seqs: [Int64] = []
                        for i in 0..<perWriter {
                            if i % 5 == 4 {
                                // A group commit of three entries now and then.
                                let batch = try await store.appendBatches([[entry(Int64(w)), entry(Int64(w))], [entry(Int64(w))]], recordedAt: t(1))
                                seqs += batch.flatMap { $0.map(\.seq) }
                            } else {
                                seqs.append(try await store.append(entry(Int64(w), quantity: Int64(i)), recordedAt: t(1)).seq)
                            }
                        }
                        return seqs
                    }
                }
                var all: [Int64] = []
                for try await seqs in group {
                    XCTAssertEqual(seqs, seqs.sorted(), "one writer's entries are numbered in its order")
                    all += seqs
                }
                XCTAssertEqual(all.sorted(), Array(1...Int64(all.count)), "no seq twice, none skipped")
            }
            for store in stores { await store.close() }
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
            XCTAssertEqual(report.count, Int64(4 * (20 + 5 * 3)))
            let head = try await l.store.head()
            XCTAssertEqual(head.hash, report.headHash)
        }
    }
}
