import CrescendoCore
@testable import CrescendoDaemon
import CrescendoPublish
import CrescendoPublishStore
import CrescendoStore
import XCTest

/// The daemon's site kept fact by fact gives, at every step, the same bytes in every file as
/// `crescendo publish` reading the whole ledger at the same instant, with stories to redact,
/// counts to suppress, deadlines answered, indicator samples and money flows; new facts are
/// fed to the kept state, and only a backfill or a correction reads the ledger again.
final class SiteStateTests: XCTestCase {
    /// The fixture's header with a second metric, three areas, a ladder to escalate on (its
    /// markers are on the growth chart), a small `min_count` and a story template in two
    /// languages.
    static let campaign = DaemonFixture.campaignText.components(separatedBy: "rules:")[0]
        .replacingOccurrences(of: "  masks: { label: Masks, unit: masks }\n",
                              with: "  masks: { label: Masks, unit: masks }\n  meals: { label: Meals, unit: meals }\n")
        .replacingOccurrences(of: "  a01: { label: Riverside }\n",
                              with: "  a01: { label: Riverside }\n  a02: { label: Hillcrest }\n  a03: { label: Lakeview }\n") + """
        ladders:
          main:
            pick: rotate
            tactics:
              - { id: call-in, text: Mass call-in day }
              - { id: vigil, text: Evening vigil }
        privacy:
          min_count: 3
        templates:
          story: "Care Ledger {{seq}}: {{care}} Why: {{cause}}"
          story.fr: "Registre {{seq}} : {{care}} Pourquoi : {{cause}}"
        rules:
          - id: briefing-every-4
            when: { every: 4 }
            do:
              - briefing: { demand: psl, deadline: 2d }
          - id: rate-high
            when: { indicator: rate, above: 10, for: 1h }
            do:
              - briefing: { demand: psl, deadline: 3d }
          - id: escalate-every-5
            when: { every: 5 }
            do:
              - escalate: { ladder: main }
          - id: weekly
            when: { schedule: { every: week, on: monday, at: "09:00" } }
            do:
              - notify: { channel: log, text: "week" }
        """

    /// Every file of the daemon's site equals the one `publish` builds from the whole ledger now.
    private func assertSameAsPublish(_ fx: DaemonFixture, _ cache: SiteCache, _ step: String,
                                     file: StaticString = #filePath, line: UInt = #line) async throws {
        let live = try await cache.site().build()
        let data = try await SiteData.read(from: fx.store, campaign: fx.registry.primary.campaign, now: fx.clock.now())
        let published = Site(data).build()
        XCTAssertEqual(live.keys.sorted(), published.keys.sorted(), "\(step): the same paths", file: file, line: line)
        for (path, f) in published where live[path]?.bytes != f.bytes {
            XCTFail("\(step): \(path) differs from publish's", file: file, line: line)
        }
        XCTAssertFalse(published.isEmpty, file: file, line: line)
    }

    private func entry(_ at: String, _ area: String?, kind: String = "masks", quantity: Int64 = 1, care: String? = nil) -> LedgerEntry {
        entry(DaemonFixture.t(at), area, kind: kind, quantity: quantity, care: care)
    }

    private func entry(_ at: Instant, _ area: String?, kind: String = "masks", quantity: Int64 = 1, care: String? = nil) -> LedgerEntry {
        LedgerEntry(at: at, kind: kind, quantity: Quantity(quantity), area: area, demand: "psl",
                    care: care, cause: care.map { _ in "call 416-555-0199 for why" })
    }

    func testTheKeptSiteIsThePublishedSiteAfterEveryKindOfFact() async throws {
        let fx = try DaemonFixture(start: "2026-03-02T08:00:00Z", campaign: Self.campaign)
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock)
        var flows = [MoneyFlow(date: CivilDate(year: 2026, month: 2, day: 1), from: "Province", to: "Relief fund", category: .corporateSubsidy,
                               amount: Quantity(250_000), currency: "CAD", source: "Budget")].makeIterator()
        _ = try fx.store.importMoneyFlows { flows.next() }
        _ = try await fx.store.appendBatches([[
            entry("2026-02-02T10:00:00Z", "a01", care: "Masks for Dr. Anna Kowalski's clinic"),
            entry("2026-02-02T11:00:00Z", "a02", quantity: 4),
            entry("2026-02-03T10:00:00Z", "a02", kind: "meals", quantity: 7),
            entry("2026-02-03T12:00:00Z", nil),
            entry("2026-02-04T09:00:00Z", "a03", care: "Meals at 42 Queen Street West"),
        ]], recordedAt: fx.clock.now())
        try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: DaemonFixture.t("2026-02-03T00:00:00Z"), name: "rate", value: 12),
                                                        IndicatorSample(at: DaemonFixture.t("2026-02-03T09:00:00Z"), name: "rate", value: 2)],
                                           responses: [], recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "first build")
        var reads = await cache.wholeReads
        XCTAssertEqual(reads, 1)

        // New entries, an indicator sample and a response, all after what was fed: fed, not read.
        fx.clock.set(DaemonFixture.t("2026-03-02T09:30:00Z"))
        _ = try await fx.store.appendBatches([[entry("2026-03-02T09:00:00Z", "a01"), entry("2026-03-02T09:10:00Z", "a01", care: "Soup, mail x@example.org"),
                                               entry("2026-03-02T09:20:00Z", "a03", kind: "meals")]], recordedAt: fx.clock.now())
        try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: DaemonFixture.t("2026-03-02T09:25:00Z"), name: "rate", value: 30)],
                                           responses: [Response(at: DaemonFixture.t("2026-03-02T09:26:00Z"), deadline: 1, text: "We will table a bill")],
                                           recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "new facts")
        reads = await cache.wholeReads
        XCTAssertEqual(reads, 1, "new facts are fed to the kept state")

        // Time passes: the deadline clock, the calendar and this week move without a read.
        fx.clock.set(DaemonFixture.t("2026-03-05T12:00:00Z"))
        try await assertSameAsPublish(fx, cache, "later")
        reads = await cache.wholeReads
        XCTAssertEqual(reads, 1)

        // A correction of an earlier entry takes its old contribution back and replays the
        // engine from the checkpoint before it: the ledger is not read.
        // (Entry 5, of February 4: the checkpoints of February 1 and 2 were thinned out to the
        // week's last, February 3's.)
        _ = try fx.store.correct(seq: 5, with: entry("2026-02-04T09:00:00Z", "a01", kind: "meals", quantity: 9),
                                       reason: "wrong area", recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "correction")
        reads = await cache.wholeReads
        XCTAssertEqual(reads, 1)

        // A backfill (dated before what was fed) too; then new entries are fed again.
        _ = try await fx.store.appendBatches([[entry("2026-02-10T10:00:00Z", "a02", care: "Backfilled from paper")]], recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "backfill")
        _ = try await fx.store.appendBatches([[entry("2026-03-05T11:00:00Z", "a02")]], recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "after the backfill")
        reads = await cache.wholeReads
        XCTAssertEqual(reads, 1)

        // A backfill dated before every checkpoint (the first is at the end of the day before
        // the first entry's) reads the ledger whole.
        _ = try await fx.store.appendBatches([[entry("2026-01-20T10:00:00Z", "a01")]], recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "a backfill before every checkpoint")
        reads = await cache.wholeReads
        XCTAssertEqual(reads, 2)
        let site = try await cache.site()
        XCTAssertTrue(site.paths.contains("stories/fr/007.html"), "\(site.paths)")
        for path in site.paths {
            let text = String(decoding: site.render(path: path)?.bytes ?? [], as: UTF8.self)
            for secret in ["555-0199", "Kowalski", "42 Queen", "x@example.org"] { XCTAssertFalse(text.contains(secret), "\(secret) in \(path)") }
        }
    }

    /// Nineteen days of entries (two a day, areas and metrics in turn, a story every third), one
    /// entry with no area and an undeclared metric, and the rate high one evening.
    private func nineteenDays(_ fx: DaemonFixture) async throws {
        var batch: [LedgerEntry] = []
        let first = DaemonFixture.t("2026-02-20T09:00:00Z")
        for i in 0..<38 {
            let at = first + TimeSpan(seconds: Int64(i / 2) * 86_400 + Int64(i % 2) * 6 * 3600)
            batch.append(entry(at, ["a01", "a02", "a03"][i % 3], kind: i % 4 == 3 ? "meals" : "masks", quantity: Int64(1 + i % 5),
                               care: i % 3 == 0 ? "Masks for Dr. Anna Kowalski at 42 Queen Street West" : nil))
        }
        batch.append(entry("2026-03-04T11:00:00Z", nil, kind: "soap", quantity: 2))
        _ = try await fx.store.appendBatches([batch.sorted { $0.at < $1.at }], recordedAt: fx.clock.now())
        try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: DaemonFixture.t("2026-02-25T18:00:00Z"), name: "rate", value: 12),
                                                        IndicatorSample(at: DaemonFixture.t("2026-02-25T20:00:00Z"), name: "rate", value: 2)],
                                           responses: [], recordedAt: fx.clock.now())
    }

    /// Late facts of every kind go back to the engine's checkpoint before them and replay what
    /// came after; the pages are publish's bytes after each, and the ledger is not read again.
    func testLateFactsReplayFromACheckpointAndGiveThePublishedSite() async throws {
        let fx = try DaemonFixture(start: "2026-03-10T12:00:00Z", campaign: Self.campaign)
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock)
        try await nineteenDays(fx)
        try await assertSameAsPublish(fx, cache, "first build")
        let now = { fx.clock.now() }

        // A response and an indicator sample dated days before the last entry fed.
        try await fx.store.recordResponse(Response(at: DaemonFixture.t("2026-03-08T10:00:00Z"), deadline: 8, text: "We will table a bill"),
                                          recordedAt: now())
        try await assertSameAsPublish(fx, cache, "a late response")
        try await fx.store.recordSideFacts(indicators: [IndicatorSample(at: DaemonFixture.t("2026-03-06T22:00:00Z"), name: "rate", value: 30),
                                                        IndicatorSample(at: DaemonFixture.t("2026-03-07T01:00:00Z"), name: "rate", value: 3)],
                                           responses: [], recordedAt: now())
        try await assertSameAsPublish(fx, cache, "late indicator samples")

        // A one-day-old backfill with a story, and one older than the newest checkpoint by days.
        _ = try await fx.store.appendBatches([[entry("2026-03-09T10:00:00Z", "a02", care: "From paper: call Ms. Rivera at 416-555-0123")]],
                                             recordedAt: now())
        try await assertSameAsPublish(fx, cache, "a one-day backfill")
        _ = try await fx.store.appendBatches([[entry("2026-03-03T08:00:00Z", "a01", kind: "meals", quantity: 3)]], recordedAt: now())
        try await assertSameAsPublish(fx, cache, "a backfill days back")

        // Corrections: one moves an entry of March 1 to March 6 (another ISO week); one takes the
        // only entry with no area and an undeclared metric to a declared area and metric, so
        // that area and metric leave the pages.
        let moved = try XCTUnwrap(fx.store.entries(EntryQuery(since: DaemonFixture.t("2026-03-01T00:00:00Z"), limit: 1)).first)
        _ = try fx.store.correct(seq: moved.seq, with: entry("2026-03-06T13:00:00Z", moved.entry.area, kind: moved.entry.kind, quantity: 4),
                                 reason: "wrong day", recordedAt: now())
        try await assertSameAsPublish(fx, cache, "a correction moving an entry")
        let soap = try XCTUnwrap(fx.store.entries(EntryQuery(kind: "soap")).first)
        _ = try fx.store.correct(seq: soap.seq, with: entry(soap.entry.at, "a01", quantity: 2), reason: "masks, Riverside", recordedAt: now())
        try await assertSameAsPublish(fx, cache, "a correction of area and kind")
        var site = try await cache.site()
        for path in site.paths {
            let text = String(decoding: site.render(path: path)?.bytes ?? [], as: UTF8.self)
            XCTAssertFalse(text.lowercased().contains("soap"), "the corrected metric is gone from \(path)")
            for secret in ["555-0199", "555-0123", "Kowalski", "Rivera", "42 Queen"] { XCTAssertFalse(text.contains(secret), "\(secret) in \(path)") }
        }
        XCTAssertTrue(site.paths.contains { site.render(path: $0).map { String(decoding: $0.bytes, as: UTF8.self).contains("We will table a bill") } ?? false })

        // New entries are fed again, and time moves on.
        _ = try await fx.store.appendBatches([[entry("2026-03-10T11:00:00Z", "a03")]], recordedAt: now())
        fx.clock.set(DaemonFixture.t("2026-03-11T09:00:00Z"))
        try await assertSameAsPublish(fx, cache, "after the late facts")
        var reads = await cache.wholeReads
        XCTAssertEqual(reads, 1, "every late fact replayed from a checkpoint")

        // A fact older than every checkpoint reads the ledger whole.
        try await fx.store.recordResponse(Response(at: DaemonFixture.t("2026-02-01T10:00:00Z"), deadline: 1, text: "No"), recordedAt: now())
        try await assertSameAsPublish(fx, cache, "a response before every checkpoint")
        reads = await cache.wholeReads
        XCTAssertEqual(reads, 2)
        site = try await cache.site()
        XCTAssertFalse(site.paths.isEmpty)
    }

    func testAnEntryStampedAfterTheInstantReadWaitsForTheNextBuild() async throws {
        let fx = try DaemonFixture(start: "2026-03-02T08:00:00Z", campaign: Self.campaign)
        let cache = SiteCache(store: fx.store, registry: fx.registry, clock: fx.clock)
        _ = try await fx.store.appendBatches([[entry("2026-03-02T07:00:00Z", "a01"), entry("2026-03-02T08:00:05Z", "a01")]],
                                             recordedAt: fx.clock.now())
        try await assertSameAsPublish(fx, cache, "with an entry ahead of now")
        fx.clock.set(DaemonFixture.t("2026-03-02T08:00:10Z"))
        _ = try await fx.store.appendBatches([[entry("2026-03-02T08:00:10Z", "a01")]], recordedAt: fx.clock.now())
        fx.clock.set(DaemonFixture.t("2026-03-02T08:00:20Z"))
        try await assertSameAsPublish(fx, cache, "once now passes it")
        let reads = await cache.wholeReads
        XCTAssertEqual(reads, 1, "the waiting entry is fed, not read again")
    }
}
