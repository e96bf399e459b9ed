import CrescendoCore
import CrescendoInputs
@testable import CrescendoStore
import XCTest

final class LedgerStoreTests: XCTestCase {
    func testAppendNumbersAndChainsEntries() throws {
        try forEachStore { store in
            let a = try store.append(entry(1), recordedAt: t(2))
            let b = try store.append(entry(3, "childcare_hours", quantity: 4), recordedAt: t(4))
            XCTAssertEqual([a.seq, b.seq], [1, 2])
            XCTAssertNotEqual(a.hash, b.hash)
            XCTAssertEqual(a.hash.count, 64)
            XCTAssertEqual(try store.head(), ChainHead(count: 2, seq: 2, hash: b.hash))
            XCTAssertEqual(try store.entry(seq: 2), b)
            let report = try store.verify()
            XCTAssertNil(report.problem)
            XCTAssertEqual(report.count, 2)
            XCTAssertEqual(report.headHash, b.hash)
        }
    }

    func testTheHashIsSHA256OfTheDocumentedEncoding() throws {
        try forEachStore { store in
            let stored = try store.append(LedgerEntry(at: t(0), kind: "masks", quantity: Quantity(milli: 2500), area: "a01", care: "soup"),
                                          recordedAt: t(1))
            let zeros = String(repeating: "0", count: 64)
            let encoding = [zeros, "1", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "masks", "2500", "a01", "", "soup", "", "", "", ""]
                .joined(separator: "\u{1F}")
            var hasher = EntryHasher()
            _ = hasher.hash(previous: Hex.zeroHash, seq: 1, entry: stored.entry, recordedAt: t(1), corrects: nil, reason: nil)
            XCTAssertEqual(String(decoding: hasher.lastEncoding, as: UTF8.self), encoding)
            // python3 -c "import hashlib; print(hashlib.sha256(ENCODING.encode()).hexdigest())"
            XCTAssertEqual(stored.hash, "6ab4ec9c163b03a48305c47f7a54786c4ef8b10dc612ce906dab07f9f7b7b3ce")
        }
    }

    /// One hasher, reused (as an import reuses it), writes every date as `Instant.iso8601` does:
    /// across days, before 1970, at the ends of days.
    func testTheEncodingWritesDatesAsISO8601AcrossDays() {
        var hasher = EntryHasher()
        let day: Int64 = 86_400, start: Int64 = 1_767_225_600
        for seconds in [-day - 1, -1, 0, 59, day - 1, day, start, start + day - 1, start - 1, start + 3_600, 253_402_300_799] {
            let e = LedgerEntry(at: Instant(seconds: seconds), kind: "k", quantity: Quantity(milli: seconds.magnitude > 0 ? 1 : 0))
            let recorded = Instant(seconds: seconds / 2)
            _ = hasher.hash(previous: Hex.zeroHash, seq: 12, entry: e, recordedAt: recorded, corrects: 7, reason: "why")
            let fields = String(decoding: hasher.lastEncoding, as: UTF8.self).split(separator: "\u{1F}", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 13)
            XCTAssertEqual(String(fields[1]), "12")
            XCTAssertEqual(String(fields[2]), Instant(seconds: seconds).iso8601)
            XCTAssertEqual(String(fields[3]), recorded.iso8601)
            XCTAssertEqual(fields[11...].joined(separator: "|"), "7|why")
        }
    }

    func testCorrectionsAreEntriesOfTheirOwn() throws {
        try forEachStore { store in
            _ = try store.append(entry(1, quantity: 40), recordedAt: t(1))
            _ = try store.append(entry(2), recordedAt: t(2))
            var fixed = entry(1, quantity: 4)
            fixed.care = "typo fixed"
            let c = try store.correct(seq: 1, with: fixed, reason: "40 was a typo", recordedAt: t(5))
            XCTAssertEqual(c.seq, 3)
            XCTAssertEqual(c.corrects, 1)
            XCTAssertEqual(c.correctionReason, "40 was a typo")
            XCTAssertEqual(try store.entry(seq: 1)?.entry.quantity, Quantity(40), "the corrected entry stays as it was")
            var current: [LedgerEntry] = []
            try store.forEachCurrentEntry { current.append($0) }
            XCTAssertEqual(current.map(\.seq), [1, 2])
            XCTAssertEqual(current.map(\.quantity), [Quantity(4), Quantity(1)])
            XCTAssertNil(try store.verify().problem)
            XCTAssertThrowsError(try store.correct(seq: 9, with: fixed, reason: "x", recordedAt: t(6))) {
                XCTAssertEqual("\($0)", "there is no entry 9 in the ledger")
            }
        }
    }

    func testImportIsOneTransactionAndABadLastRowLeavesTheLedgerAsItWas() throws {
        try forEachStore { store in
            _ = try store.append(entry(0), recordedAt: t(0))
            let before = try store.head()
            let csv = "at,kind,quantity,area\n2026-01-02,masks,3,a01\n2026-01-03,masks,2,a02\n2026-01-04,masks,-1,a01\n"
            let reader = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(csv.utf8), fileName: "ledger.csv"), file: "ledger.csv", campaign: nil)
            XCTAssertThrowsError(try store.importEntries(recordedAt: t(9), progress: nil, reader.next)) {
                XCTAssertEqual("\($0)", "ledger.csv:4: negative quantity \"-1\" in column quantity")
            }
            XCTAssertEqual(try store.head(), before)
            XCTAssertNil(try store.verify().problem)
            let goodCSV = "at,kind,quantity,area\n2026-01-02,masks,3,a01\n2026-01-03,masks,2,a02\n"
            let good = try LedgerCSVReader(tokenizer: CSVTokenizer(bytes: Array(goodCSV.utf8), fileName: "ledger.csv"),
                                           file: "ledger.csv", campaign: nil)
            let summary = try store.importEntries(recordedAt: t(9), progress: nil, good.next)
            XCTAssertEqual(summary.count, 2)
            XCTAssertEqual(summary.firstSeq, 2)
            XCTAssertEqual(summary.head.count, 3)
            XCTAssertNil(try store.verify().problem)
        }
    }

    func testForEachEntryStreamsAfterASeq() throws {
        try forEachStore { store in
            for h in 0..<5 { _ = try store.append(entry(Int64(h), area: "a0\(h % 2 + 1)"), recordedAt: t(10)) }
            var seen: [Int64] = []
            try store.forEachEntry(after: 2) { seen.append($0.seq) }
            XCTAssertEqual(seen, [3, 4, 5])
            XCTAssertEqual(try store.entries(EntryQuery(area: "a02")).map(\.seq), [2, 4])
            XCTAssertEqual(try store.entries(EntryQuery(since: t(1), until: t(3))).map(\.seq), [2, 3])
        }
    }

    func testUpdatesAndDeletesAreRefused() throws {
        try forEachStore { store in
            _ = try store.append(entry(1), recordedAt: t(1))
            XCTAssertThrowsError(try store.dbQueue.write { try $0.execute(sql: "UPDATE entries SET quantity = 5") }) {
                XCTAssertTrue("\($0)".contains("ledger entries are append-only"), "\($0)")
            }
            XCTAssertThrowsError(try store.dbQueue.write { try $0.execute(sql: "DELETE FROM entries") })
            XCTAssertEqual(try store.head().count, 1)
        }
    }

    func testFreeTextWithTheSeparatorIsRefused() throws {
        try forEachStore { store in
            XCTAssertThrowsError(try store.append(entry(1, care: "a\u{1F}b"), recordedAt: t(1))) {
                XCTAssertEqual("\($0)", "care contains a control character (U+001F), which the ledger does not accept")
            }
        }
    }

    func testCampaignBinding() throws {
        try forEachStore { store in
            try store.bind(campaign: "paid-sick-leave")
            try store.bind(campaign: "paid-sick-leave")
            XCTAssertThrowsError(try store.bind(campaign: "other")) {
                XCTAssertEqual("\($0)", "\(store.path) holds the ledger of campaign paid-sick-leave, not other")
            }
        }
    }

    func testFactsRoundTrip() throws {
        try forEachStore { store in
            var samples = [IndicatorSample(at: t(1), name: "infection_rate", value: 4.5), IndicatorSample(at: t(0), name: "infection_rate", value: 9)]
            XCTAssertEqual(try store.importIndicators { samples.popLast() }, 2)
            XCTAssertEqual(try store.indicatorSamples().map(\.value), [9, 4.5])
            try store.recordResponse(Response(at: t(3), deadline: 2, text: "No"), recordedAt: t(3))
            try store.recordResponse(Response(at: t(2), deadline: 1, text: "We will table a bill", win: .partial), recordedAt: t(3))
            XCTAssertEqual(try store.responses(), [Response(at: t(2), deadline: 1, text: "We will table a bill", win: .partial),
                                                   Response(at: t(3), deadline: 2, text: "No")])
            // Deadlines are engine output, not a table (migration v3 dropped the one nothing wrote).
            XCTAssertFalse(try store.dbQueue.read { try $0.tableExists("deadlines") })
            var flows = [MoneyFlow(date: CivilDate(year: 2026, month: 3, day: 1), from: "Treasury", to: "Acme", category: .corporateSubsidy,
                                   amount: Quantity(milli: 1_500_000), currency: "CAD", source: "Budget p. 41")]
            XCTAssertEqual(try store.importMoneyFlows { flows.popLast() }, 1)
            XCTAssertEqual(try store.moneyFlows().first?.source, "Budget p. 41")
        }
    }
}
