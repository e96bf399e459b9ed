import CrescendoCore
@testable import CrescendoPublish
import XCTest

final class SuppressionTests: XCTestCase {
    func testSmallCellIsFewerThanNAndTheNextSmallestIsWithheld() {
        // One row: a=3, b=10, c=12, total 25.
        let s = Suppression(values: ["a": 3, "b": 10, "c": 12, "t": 25], lines: [.init(parts: ["a", "b", "c"], total: "t")])
        let out = s.solve(minCount: 5)
        XCTAssertEqual(out["a"], .fewerThan(5))
        XCTAssertEqual(out["b"], .withheld)
        XCTAssertEqual(out["c"], .count(12))
        XCTAssertEqual(out["t"], .count(25))
    }

    func testWhenNoOtherPartCanBeHiddenTheTotalIs() {
        let s = Suppression(values: ["a": 3, "b": 0, "t": 3, "x": 9, "g": 12],
                            lines: [.init(parts: ["a", "b"], total: "t"), .init(parts: ["t", "x"], total: "g")])
        let out = s.solve(minCount: 5)
        XCTAssertEqual(out["a"], .fewerThan(5))
        XCTAssertEqual(out["t"], .fewerThan(5))
        XCTAssertEqual(out["b"], .count(0), "a zero is never a complement")
        XCTAssertEqual(out["x"], .withheld, "t is hidden, so x could be recomputed from g")
        XCTAssertEqual(out["g"], .count(12))
    }

    func testPinnedTotalIsNeverHidden() {
        let s = Suppression(values: ["a": 2, "t": 2], lines: [.init(parts: ["a"], total: "t")], pinned: ["t"])
        XCTAssertEqual(s.solve(minCount: 5)["t"], .count(2))
    }

    /// A crafted ledger: in week 2027-W01, Parkdale (a01) has 3 entries, the other areas 10 and 12.
    func testAreaWithThreeEntriesIsSuppressedEverywhereAndCannotBeRecomputed() throws {
        let entries = SiteFixture.entries(3, from: "2027-01-04T09:00", areas: ["a01"])
            + SiteFixture.entries(10, from: "2027-01-05T09:00", areas: ["a02"])
            + SiteFixture.entries(12, from: "2027-01-06T09:00", areas: ["a03"])
        let data = SiteFixture.data(entries: entries, now: "2027-01-09T12:00")
        let counts = PublicCounts(campaign: data.campaign, tally: data.ledger, now: data.now)
        let week = "2027-W01"
        XCTAssertEqual(counts.entries(week: week, area: "a01", metric: "masks"), .fewerThan(5))
        XCTAssertEqual(counts.entries(week: week, area: "a01"), .fewerThan(5))
        XCTAssertEqual(counts.entries(week: week, area: "a02", metric: "masks"), .withheld)
        XCTAssertEqual(counts.entries(week: week, area: "a03", metric: "masks"), .count(12))
        XCTAssertEqual(counts.entries(week: week), .count(25))
        XCTAssertNil(counts.quantity(week: week, area: "a02", metric: "masks"))
        assertNoLoneHiddenCell(counts)

        let site = Site(data).build()
        let csv = String(decoding: try XCTUnwrap(site["data/weekly-2027-W01.csv"]).bytes, as: UTF8.self)
        XCTAssertTrue(csv.contains("2027-W01,a01,Parkdale,masks,Masks distributed,,,fewer than 5\r\n"), csv)
        XCTAssertTrue(csv.contains("2027-W01,a02,St. James Town,masks,Masks distributed,,,withheld\r\n"), csv)
        let page = String(decoding: try XCTUnwrap(site["weekly/2027-W01.html"]).bytes, as: UTF8.self)
        XCTAssertTrue(page.contains("<th scope=\"row\">Parkdale</th><td class=\"num\">fewer than 5</td>"), page)
        for (path, file) in site where path.hasSuffix(".html") || path.hasSuffix(".md") || path.hasSuffix(".csv") {
            let text = String(decoding: file.bytes, as: UTF8.self)
            XCTAssertFalse(text.contains("Parkdale</th><td class=\"num\">3<"), path)
            XCTAssertFalse(text.contains(",a01,Parkdale,masks,Masks distributed,3,"), path)
        }
    }

    /// In every published line (a row or column with its total), either nothing is hidden or
    /// at least two cells are, so no hidden cell is the difference of visible ones.
    private func assertNoLoneHiddenCell(_ c: PublicCounts, file: StaticString = #filePath, line: UInt = #line) {
        func hidden(_ d: Disclosed) -> Int { d.value == nil ? 1 : 0 }
        for w in c.weeks {
            for m in c.metrics {
                let n = c.areas.map { hidden(c.entries(week: w, area: $0, metric: m)) }.reduce(0, +) + hidden(c.entries(week: w, metric: m))
                XCTAssertNotEqual(n, 1, "week \(w) metric \(m)", file: file, line: line)
            }
            for a in c.areas {
                let n = c.metrics.map { hidden(c.entries(week: w, area: a, metric: $0)) }.reduce(0, +) + hidden(c.entries(week: w, area: a))
                XCTAssertNotEqual(n, 1, "week \(w) area \(a)", file: file, line: line)
            }
        }
        for m in c.metrics {
            let n = c.weeks.map { hidden(c.entries(week: $0, metric: m)) }.reduce(0, +) + hidden(c.entries(metric: m))
            XCTAssertNotEqual(n, 1, "metric \(m) over the weeks", file: file, line: line)
        }
    }
}
