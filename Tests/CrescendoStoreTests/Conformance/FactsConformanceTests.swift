import CrescendoCore
import CrescendoStore
import XCTest

/// The facts beside the entries on every store, the daemon's reading of new facts, and the
/// ledger's campaign.
final class FactsConformanceTests: XCTestCase {
    func testCampaignBinding() async throws {
        try await forEachStore { l in
            try await l.store.bind(campaign: "paid-sick-leave")
            try await l.store.bind(campaign: "paid-sick-leave")
            await assertThrows(try await l.store.bind(campaign: "other")) {
                XCTAssertEqual("\($0)", "\(l.store.location) holds the ledger of campaign paid-sick-leave, not other")
            }
        }
    }

    func testFactsRoundTrip() async throws {
        try await forEachStore { l in
            var samples = [IndicatorSample(at: t(1), name: "infection_rate", value: 4.5), IndicatorSample(at: t(0), name: "infection_rate", value: 9)]
            let imported = try await l.store.importIndicators { samples.popLast() }
            XCTAssertEqual(imported, 2)
            let read = try await l.store.indicatorSamples()
            XCTAssertEqual(read.map(\.value), [9, 4.5])
            try await l.store.recordResponse(Response(at: t(3), deadline: 2, text: "No"), recordedAt: t(3))
            try await l.store.recordResponse(Response(at: t(2), deadline: 1, text: "We will table a bill", win: .partial), recordedAt: t(3))
            let responses = try await l.store.responses()
            XCTAssertEqual(responses, [Response(at: t(2), deadline: 1, text: "We will table a bill", win: .partial),
                                       Response(at: t(3), deadline: 2, text: "No")])
            var flows = [MoneyFlow(date: CivilDate(year: 2026, month: 3, day: 1), from: "Treasury", to: "Acme", category: .corporateSubsidy,
                                   amount: Quantity(milli: 1_500_000), currency: "CAD", source: "Budget p. 41")]
            let flowCount = try await l.store.importMoneyFlows { flows.popLast() }
            XCTAssertEqual(flowCount, 1)
            let readFlows = try await l.store.moneyFlows()
            XCTAssertEqual(readFlows, [MoneyFlow(date: CivilDate(year: 2026, month: 3, day: 1), from: "Treasury", to: "Acme",
                                                 category: .corporateSubsidy, amount: Quantity(milli: 1_500_000), currency: "CAD",
                                                 source: "Budget p. 41")])
        }
    }

    /// The daemon reads what is new past its cursor, in the order facts were recorded.
    func testFactsAfterACursor() async throws {
        try await forEachStore { l in
            _ = try await l.store.append(entry(1), recordedAt: t(1))
            try await l.store.recordSideFacts(indicators: [IndicatorSample(at: t(5), name: "rate", value: 2), IndicatorSample(at: t(0), name: "rate", value: 1)],
                                              responses: [Response(at: t(2), deadline: 1, text: "Yes", win: .full)], recordedAt: t(6))
            let all = try await l.store.facts(after: FactCursor())
            XCTAssertEqual(all.entries.map(\.seq), [1])
            XCTAssertEqual(all.indicators.map(\.value), [2, 1], "in the order they were recorded")
            XCTAssertEqual(all.responses, [Response(at: t(2), deadline: 1, text: "Yes", win: .full)])
            XCTAssertEqual(all.lastRecordedAt, t(6))
            XCTAssertEqual(all.cursor, FactCursor(entrySeq: 1, indicatorID: 2, responseID: 1))
            let nothing = try await l.store.facts(after: all.cursor)
            XCTAssertTrue(nothing.isEmpty)
            XCTAssertEqual(nothing.cursor, all.cursor)
            _ = try await l.store.appendBatches([[entry(2), entry(3)]], recordedAt: t(7))
            let more = try await l.store.facts(after: all.cursor)
            XCTAssertEqual(more.entries.map(\.seq), [2, 3])
            XCTAssertEqual(more.cursor, FactCursor(entrySeq: 3, indicatorID: 2, responseID: 1))
            XCTAssertEqual(more.lastRecordedAt, t(7))
        }
    }

    /// A replay from a checkpoint reads the facts dated from an instant on, in time order, among
    /// those a cursor has read, and nothing recorded after it.
    func testFactsFromAnInstantThroughACursor() async throws {
        try await forEachStore { l in
            // Entries recorded out of time order (seq 3 is a backfill dated before seq 2).
            _ = try await l.store.appendBatches([[entry(1), entry(5), entry(3), entry(5, "hours")]], recordedAt: t(6))
            try await l.store.recordSideFacts(indicators: [IndicatorSample(at: t(4), name: "rate", value: 2), IndicatorSample(at: t(2), name: "rate", value: 1)],
                                              responses: [Response(at: t(5), deadline: 1, text: "Yes"), Response(at: t(3), deadline: 2, text: "No")],
                                              recordedAt: t(7))
            let read = try await l.store.facts(after: FactCursor())
            _ = try await l.store.append(entry(4), recordedAt: t(8))
            try await l.store.recordSideFacts(indicators: [IndicatorSample(at: t(4), name: "rate", value: 3)],
                                              responses: [Response(at: t(4), deadline: 3, text: "Later")], recordedAt: t(8))

            let from = try await l.store.facts(from: t(3), through: read.cursor)
            XCTAssertEqual(from.entries.map(\.seq), [3, 2, 4], "by time, then seq; nothing past the cursor")
            XCTAssertEqual(from.entries.map(\.at), [t(3), t(5), t(5)])
            XCTAssertEqual(from.indicators.map(\.value), [2])
            XCTAssertEqual(from.responses.map(\.text), ["No", "Yes"])
            XCTAssertEqual(from.cursor, read.cursor)
            XCTAssertEqual(from.lastRecordedAt, t(7))

            let everything = try await l.store.facts(from: .distantPast, through: FactCursor(entrySeq: 5, indicatorID: 3, responseID: 3))
            XCTAssertEqual(everything.entries.map(\.seq), [1, 3, 5, 2, 4])
            XCTAssertEqual(everything.indicators.map(\.value), [1, 2, 3])
            XCTAssertEqual(everything.responses.map(\.text), ["No", "Later", "Yes"])
            let none = try await l.store.facts(from: t(6), through: read.cursor)
            XCTAssertTrue(none.isEmpty)
            XCTAssertNil(none.lastRecordedAt)
        }
    }

    /// A replay of the site's state reads the ledger as it read at a seq, corrections up to it
    /// applied, from an instant on, in (at, seq) order: a corrected entry where it now reads (or
    /// not at all when it now reads before the instant), corrections not repeated, a correction
    /// of a correction changing nothing, and nothing past the seq.
    func testCurrentEntriesFromAnInstantThroughASeq() async throws {
        try await forEachStore { l in
            // 1..5 at hours 1, 5, 3, 7, 9; seq 3 is a backfill.
            _ = try await l.store.appendBatches([[entry(1), entry(5), entry(3), entry(7), entry(9)]], recordedAt: t(10))
            _ = try await l.store.correct(seq: 2, with: entry(8, "meals"), reason: "later", recordedAt: t(10))    // 6: 2 now at 8
            _ = try await l.store.correct(seq: 4, with: entry(2), reason: "earlier", recordedAt: t(10))           // 7: 4 now at 2
            _ = try await l.store.correct(seq: 6, with: entry(1), reason: "of a correction", recordedAt: t(10))  // 8: no effect
            _ = try await l.store.correct(seq: 3, with: entry(6, quantity: 5), reason: "after", recordedAt: t(11)) // 9
            _ = try await l.store.append(entry(4), recordedAt: t(12))                                               // 10

            var read: [LedgerEntry] = []
            try await l.store.forEachCurrentEntry(from: t(3), through: 8) { read.append($0) }
            XCTAssertEqual(read.map(\.seq), [3, 2, 5], "3 at 3, 2 now at 8, 5 at 9; 4 now before the instant")
            XCTAssertEqual(read.map(\.at), [t(3), t(8), t(9)])
            XCTAssertEqual(read.map(\.kind), ["masks", "meals", "masks"])

            read = []
            try await l.store.forEachCurrentEntry(from: t(3), through: 10) { read.append($0) }
            XCTAssertEqual(read.map(\.seq), [10, 3, 2, 5], "3 corrected by 9 to hour 6; 10 at hour 4")
            XCTAssertEqual(read.map(\.quantity), [Quantity(1), Quantity(5), Quantity(1), Quantity(1)])

            var whole: [LedgerEntry] = []
            try await l.store.forEachCurrentEntry { whole.append($0) }
            read = []
            try await l.store.forEachCurrentEntry(from: .distantPast, through: 10) { read.append($0) }
            XCTAssertEqual(read, whole.sorted { ($0.at, $0.seq) < ($1.at, $1.seq) }, "the whole current ledger in time order")

            let corrections = try await l.store.corrections(through: 8)
            XCTAssertEqual(corrections.map(\.seq), [6, 7, 8])
            let current = try await l.store.currentCorrections(through: 8)
            XCTAssertEqual(current.keys.sorted(), [2, 4])
            XCTAssertEqual(current[2]?.seq, 2)
            XCTAssertEqual(current[2]?.at, t(8))
            var raw: [Int64] = []
            try await l.store.forEachEntry(from: t(5), through: 9) { raw.append($0.seq) }
            XCTAssertEqual(raw, [2, 9, 4, 6, 5], "stored rows by (at, seq): 2 at 5, 9 at 6, 4 at 7, 6 at 8, 5 at 9")
        }
    }

    /// Text with what SQL, COPY and the encoding treat specially comes back as it went in.
    func testFreeTextOfEveryKindRoundTrips() async throws {
        try await forEachStore { l in
            let text = "«Non», dit-elle; 💡 tab\there, line\nbreak, back\\slash, quote ' and \""
            try await l.store.recordResponse(Response(at: t(1), deadline: 1, text: text), recordedAt: t(1))
            let read = try await l.store.responses()
            XCTAssertEqual(read.first?.text, text)
            let e = try await l.store.append(entry(1, care: text), recordedAt: t(1))
            let back = try await l.store.entry(seq: 1)
            XCTAssertEqual(back?.entry.care, text)
            XCTAssertEqual(back?.hash, e.hash)
        }
    }
}
