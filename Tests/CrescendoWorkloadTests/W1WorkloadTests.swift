import CrescendoCore
import CrescendoInputs
import CrescendoWorkload
import XCTest

final class W1WorkloadTests: XCTestCase {
    private func ledger(_ w: W1Workload) throws -> String {
        var bytes: [UInt8] = []
        try w.writeLedger { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testSplitMix64ReferenceValues() {
        var r = SplitMix64(seed: 0)
        XCTAssertEqual(r.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(r.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    func testSameSeedSameFileAndSortedByTime() throws {
        let a = try ledger(W1Workload(entries: 5_000, seed: 7))
        XCTAssertEqual(a, try ledger(W1Workload(entries: 5_000, seed: 7)))
        XCTAssertNotEqual(a, try ledger(W1Workload(entries: 5_000, seed: 8)))
        let lines = a.split(separator: "\n")
        XCTAssertEqual(lines.first, "id,at,kind,quantity,area,demand")
        XCTAssertEqual(lines.count, 5_001)
        let times = lines.dropFirst().map { $0.split(separator: ",")[1] }
        XCTAssertEqual(times, times.sorted())
        XCTAssertTrue(times.allSatisfy { $0.hasPrefix("2026-") && $0.hasSuffix("Z") && $0.count == 20 })
    }

    func testTheFileReadsBackAgainstTheW1Campaign() throws {
        let text = try ledger(W1Workload(entries: 20_000, seed: 1))
        let campaign = Campaign(id: "w1", title: "W1", zone: .utc, start: W1Workload.yearStart,
                                metrics: W1Workload.kinds.map { Metric(id: $0.id, label: $0.id, unit: "") },
                                demands: W1Workload.demands.map { Demand(id: $0.id, text: "", target: "", funding: "") },
                                areas: W1Workload.areas.map { Area(id: $0, label: $0) })
        let reader = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(text.utf8), fileName: "ledger.csv"), file: "ledger.csv", campaign: campaign)
        var kinds: [String: Int] = [:]
        try reader.forEach { e, _ in kinds[e.kind, default: 0] += 1 }
        XCTAssertEqual(kinds.values.reduce(0, +), 20_000)
        XCTAssertEqual(Double(kinds["masks"] ?? 0) / 20_000, 0.5, accuracy: 0.02)
        XCTAssertEqual(Double(kinds["calls_diverted"] ?? 0) / 20_000, 0.2, accuracy: 0.02)
    }

    func testRateShape() {
        // 2026-03-02 is a Monday in ISO week 10 (crisis); 2026-01-03 is a Saturday.
        XCTAssertEqual(W1Workload.weight(ofHour: (31 + 28 + 1) * 24 + 10), 1.0 * 1.4 * 3.0, accuracy: 1e-12)
        XCTAssertEqual(W1Workload.weight(ofHour: 2 * 24 + 3), 0.45 * 0.2, accuracy: 1e-12)
    }

    func testIndicatorsHaveTwoWaves() throws {
        var bytes: [UInt8] = []
        try W1Workload(seed: 1).writeIndicators { bytes += $0 }
        let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.count, 8_760)
        let values = rows.compactMap { Double($0.split(separator: ",")[2]) }
        XCTAssertEqual(values[2016], 125, accuracy: 1)
        XCTAssertEqual(values[7056], 95, accuracy: 1)
        XCTAssertEqual(values[4500], 5, accuracy: 0.6)
    }
}
