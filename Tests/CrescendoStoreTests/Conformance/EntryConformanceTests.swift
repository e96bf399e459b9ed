import CrescendoCore
import CrescendoInputs
@testable import CrescendoStore
import XCTest

/// Entries on every store: numbering, the chain and its encoding, corrections, group commit,
/// reads and the append-only guard (docs/ledger.md).
final class EntryConformanceTests: XCTestCase {
    func testAppendNumbersAndChainsEntries() async throws {
        try await forEachStore { l in
            let a = try await l.store.append(entry(1), recordedAt: t(2))
            let b = try await l.store.append(entry(3, "childcare_hours", quantity: 4), recordedAt: t(4))
            XCTAssertEqual([a.seq, b.seq], [1, 2])
            XCTAssertNotEqual(a.hash, b.hash)
            XCTAssertEqual(a.hash.count, 64)
            let head = try await l.store.head()
            XCTAssertEqual(head, ChainHead(count: 2, seq: 2, hash: b.hash))
            let stored = try await l.store.entry(seq: 2)
            XCTAssertEqual(stored, b)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
            XCTAssertEqual(report.count, 2)
            XCTAssertEqual(report.headHash, b.hash)
        }
    }

    /// Every store gives the hash of the documented encoding, pinned to Python's hashlib.
    func testTheHashIsSHA256OfTheDocumentedEncoding() async throws {
        try await forEachStore { l in
            let stored = try await l.store.append(LedgerEntry(at: t(0), kind: "masks", quantity: Quantity(milli: 2500), area: "a01", care: "soup"),
                                                  recordedAt: t(1))
            let zeros = String(repeating: "0", count: 64)
            let encoding = [zeros, "1", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z", "masks", "2500", "a01", "", "soup", "", "", "", ""]
                .joined(separator: "\u{1F}")
            var hasher = EntryHasher()
            _ = hasher.hash(previous: Hex.zeroHash, seq: 1, entry: stored.entry, recordedAt: t(1), corrects: nil, reason: nil)
            XCTAssertEqual(String(decoding: hasher.lastEncoding, as: UTF8.self), encoding)
            // python3 -c "import hashlib; print(hashlib.sha256(ENCODING.encode()).hexdigest())"
            XCTAssertEqual(stored.hash, "6ab4ec9c163b03a48305c47f7a54786c4ef8b10dc612ce906dab07f9f7b7b3ce")
            let head = try await l.store.head()
            XCTAssertEqual(head.hash, stored.hash)
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

    func testCorrectionsAreEntriesOfTheirOwn() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(1, quantity: 40), recordedAt: t(1))
            _ = try await l.store.append(entry(2), recordedAt: t(2))
            var fixed = entry(1, quantity: 4)
            fixed.care = "typo fixed"
            let c = try await l.store.correct(seq: 1, with: fixed, reason: "40 was a typo", recordedAt: t(5))
            XCTAssertEqual(c.seq, 3)
            XCTAssertEqual(c.corrects, 1)
            XCTAssertEqual(c.correctionReason, "40 was a typo")
            let first = try await l.store.entry(seq: 1)
            XCTAssertEqual(first?.entry.quantity, Quantity(40), "the corrected entry stays as it was")
            var current: [LedgerEntry] = []
            try await l.store.forEachCurrentEntry { current.append($0) }
            XCTAssertEqual(current.map(\.seq), [1, 2])
            XCTAssertEqual(current.map(\.quantity), [Quantity(4), Quantity(1)])
            XCTAssertEqual(current.first?.care, "typo fixed")
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
            await assertThrows(try await l.store.correct(seq: 9, with: fixed, reason: "x", recordedAt: t(6))) {
                XCTAssertEqual("\($0)", "there is no entry 9 in the ledger")
            }
            let head = try await l.store.head()
            XCTAssertEqual(head.count, 3, "a refused correction records nothing")
        }
    }

    /// The daemon's group commit: several batches in one transaction, numbered in order.
    func testBatchesAreAppendedInOrderInOneTransaction() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(0), recordedAt: t(0))
            let stored = try await l.store.appendBatches([[entry(1), entry(2)], [entry(3)], [], [entry(4, "calls")]], recordedAt: t(5))
            XCTAssertEqual(stored.map { $0.map(\.seq) }, [[2, 3], [4], [], [5]])
            XCTAssertEqual(stored[3].first?.entry.kind, "calls")
            let all = try await l.store.entries(EntryQuery())
            XCTAssertEqual(all.map(\.hash), [all[0].hash] + stored.flatMap { $0.map(\.hash) })
            // A bad entry in a later batch rolls back every batch.
            let before = try await l.store.head()
            await assertThrows(try await l.store.appendBatches([[entry(6)], [entry(7, care: "a\u{1F}b")]], recordedAt: t(6))) {
                XCTAssertEqual("\($0)", "care contains a control character (U+001F), which the ledger does not accept")
            }
            let after = try await l.store.head()
            XCTAssertEqual(after, before)
            let report = try await l.store.verify()
            XCTAssertNil(report.problem)
        }
    }

    func testEntriesAreStreamedAndQueried() async throws {
        try await forEachStore { l in
            for h in 0..<5 { _ = try await l.store.append(entry(Int64(h), area: "a0\(h % 2 + 1)"), recordedAt: t(10)) }
            var seen: [Int64] = []
            try await l.store.forEachEntry(after: 2) { seen.append($0.seq) }
            XCTAssertEqual(seen, [3, 4, 5])
            let inArea = try await l.store.entries(EntryQuery(area: "a02"))
            XCTAssertEqual(inArea.map(\.seq), [2, 4])
            let inTime = try await l.store.entries(EntryQuery(since: t(1), until: t(3)))
            XCTAssertEqual(inTime.map(\.seq), [2, 3])
            let page = try await l.store.entries(EntryQuery(kind: "masks", demand: "paid-sick-leave", fromSeq: 2, toSeq: 5, limit: 2))
            XCTAssertEqual(page.map(\.seq), [2, 3])
            let none = try await l.store.entry(seq: 99)
            XCTAssertNil(none)
        }
    }

    /// A reader that stops part-way (its body throws) leaves the store usable.
    func testAStreamingReadStoppedByItsReaderLeavesTheStoreUsable() async throws {
        struct Enough: Error {}
        try await forEachStore { l in
            _ = try await l.store.appendBatches([(0..<3_000).map { entry(Int64($0)) }], recordedAt: t(0))
            var n = 0
            await assertThrows(try await l.store.forEachEntry(after: 0) { _ in
                n += 1
                if n == 10 { throw Enough() }
            }) { XCTAssertTrue($0 is Enough, "\($0)") }
            let report = try await l.store.verify()
            XCTAssertEqual(report.count, 3_000)
            _ = try await l.store.append(entry(1), recordedAt: t(1))
        }
    }

    func testVersionMovesWithEveryWriteTheSiteShows() async throws {
        try await forEachStore { l in
            let empty = try await l.store.version()
            XCTAssertEqual(empty, LedgerVersion(headSeq: 0, headHash: EntryHasher.genesis, lastIndicatorID: 0, lastResponseID: 0, lastMoneyFlowID: 0))
            let e = try await l.store.append(entry(1), recordedAt: t(1))
            try await l.store.recordSideFacts(indicators: [IndicatorSample(at: t(1), name: "rate", value: 1)],
                                              responses: [Response(at: t(2), deadline: 1, text: "No")], recordedAt: t(2))
            var flows = [MoneyFlow(date: CivilDate(year: 2026, month: 3, day: 1), from: "A", to: "B", category: .other,
                                   amount: Quantity(1), currency: "CAD", source: "s")]
            _ = try await l.store.importMoneyFlows { flows.popLast() }
            let v = try await l.store.version()
            XCTAssertEqual(v, LedgerVersion(headSeq: 1, headHash: e.hash, lastIndicatorID: 1, lastResponseID: 1, lastMoneyFlowID: 1))
        }
    }

    func testUpdatesAndDeletesOfEntriesAreRefused() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(1), recordedAt: t(1))
            XCTAssertThrowsError(try l.sql("UPDATE entries SET quantity = 5")) {
                XCTAssertTrue("\($0)".contains("ledger entries are append-only: record a correction instead"), "\($0)")
            }
            XCTAssertThrowsError(try l.sql("DELETE FROM entries")) {
                XCTAssertTrue("\($0)".contains("ledger entries are append-only"), "\($0)")
            }
            let head = try await l.store.head()
            XCTAssertEqual(head.count, 1)
            XCTAssertEqual(try l.sql("SELECT quantity FROM entries"), "1000\n")
        }
    }

    func testFreeTextWithTheSeparatorIsRefused() async throws {
        try await forEachStore { l in
            await assertThrows(try await l.store.append(entry(1, care: "a\u{1F}b"), recordedAt: t(1))) {
                XCTAssertEqual("\($0)", "care contains a control character (U+001F), which the ledger does not accept")
            }
            let head = try await l.store.head()
            XCTAssertEqual(head.count, 0)
        }
    }

    /// Empty optional text is stored as NULL on every store, so the encoding's empty field and
    /// the column agree.
    func testEmptyOptionalFieldsAreStoredAsNull() async throws {
        try await forEachStore { l in
            var e = entry(1, area: "")
            e.care = ""; e.cause = "why"
            let stored = try await l.store.append(e, recordedAt: t(1))
            XCTAssertNil(stored.entry.area)
            XCTAssertNil(stored.entry.care)
            XCTAssertEqual(try l.sql("SELECT count(*) FROM entries WHERE area IS NULL AND care IS NULL AND change IS NULL AND cause = 'why'"), "1\n")
        }
    }
}
