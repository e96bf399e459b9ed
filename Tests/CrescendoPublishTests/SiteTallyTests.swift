import CrescendoCore
@testable import CrescendoPublish
import XCTest

/// `SiteTally.remove` (a correction's old values taken back) leaves the tally one never given
/// the entry: the same cells (an emptied one gone), instants, stories and no-area flag, so the
/// same pages.
final class SiteTallyTests: XCTestCase {
    func testAddingThenRemovingEntriesLeavesTheTallyNeverGivenThem() {
        let campaign = SiteFixture.campaign(minCount: 3)
        var entries = SiteFixture.entries(20, from: "2027-01-04T09:00") + SiteFixture.entries(6, from: "2027-01-11T09:00", kind: "childcare_hours")
        for i in entries.indices { entries[i].seq = Int64(i + 1) }
        // Before every entry (the first week moves), in a week of its own with no area and a
        // metric of its own, one with a story, and one beside others in a cell.
        let extras = [
            LedgerEntry(seq: 40, at: SiteFixture.t("2027-01-02T10:00"), kind: "masks", quantity: Quantity(3), area: "a01", demand: "psl"),
            LedgerEntry(seq: 41, at: SiteFixture.t("2027-01-19T10:00"), kind: "soap", quantity: Quantity(2), area: nil, demand: "psl",
                        care: "Soap for the shelter on 42 Queen Street", cause: "No budget line"),
            LedgerEntry(seq: 42, at: SiteFixture.t("2027-01-04T09:00"), kind: "masks", quantity: Quantity(5), area: "a01", demand: "psl"),
        ]
        let plain = SiteTally(campaign: campaign, entries: entries)
        var given = plain
        for x in extras { given.add(x) }
        XCTAssertTrue(given.anyNoArea)
        XCTAssertEqual(given.count, plain.count + 3)
        for x in extras.reversed() { given.remove(x) }

        XCTAssertEqual(given.count, plain.count)
        XCTAssertEqual(given.instants, plain.instants)
        XCTAssertEqual(given.stories.map(\.seq), plain.stories.map(\.seq))
        XCTAssertFalse(given.anyNoArea)
        XCTAssertEqual(Set(given.cells.keys), Set(plain.cells.keys), "an emptied week goes")
        XCTAssertEqual(given.cells.mapValues { $0.mapValues { $0.mapValues(\.count) } }, plain.cells.mapValues { $0.mapValues { $0.mapValues(\.count) } })

        var data = SiteFixture.data(campaign: campaign, entries: entries)
        let expected = Site(data).build()
        data.ledger = given
        let built = Site(data).build()
        XCTAssertEqual(built.keys.sorted(), expected.keys.sorted())
        for (path, f) in expected where built[path]?.bytes != f.bytes { XCTFail("\(path) differs from the tally never given the entries") }
    }
}
