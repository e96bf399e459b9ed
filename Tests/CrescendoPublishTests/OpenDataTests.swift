import CrescendoCore
import CrescendoPublish
import Foundation
import XCTest

/// The calendar and the data package against golden files; the calendar's line format.
/// Set CRESCENDO_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
final class OpenDataTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func testCalendarMatchesGoldenFile() throws {
        try assertGolden(Site(SiteFixture.standard()).build(), "calendar.ics")
    }

    func testDataPackageMatchesGoldenFiles() throws {
        let site = Site(SiteFixture.standard()).build()
        for name in ["datapackage.json", "data/weekly-2027-W02.csv", "data/money-flows.csv"] { try assertGolden(site, name) }
    }

    func testCalendarLinesAreCRLFAndAtMost75Octets() throws {
        var data = SiteFixture.standard()
        data.campaign.title = "Paid sick leave now, for every worker in every sector, with a very long calendar name é"
        let bytes = try XCTUnwrap(Site(data).build()["calendar.ics"]).bytes
        XCTAssertEqual(Array(bytes.suffix(2)), [13, 10])
        var lines: [[UInt8]] = [[]]
        for (i, b) in bytes.enumerated() {
            if b == 10 { XCTAssertEqual(bytes[i - 1], 13, "bare LF at \(i)"); lines.append([]) } else if b != 13 { lines[lines.count - 1].append(b) }
        }
        for l in lines { XCTAssertLessThanOrEqual(l.count, 75, String(decoding: l, as: UTF8.self)) }
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("\r\n "), "the long name is folded")
        XCTAssertTrue(text.contains("BEGIN:VTODO\r\nUID:deadline-1@test-campaign.crescendo\r\n"))
        XCTAssertTrue(text.contains("DUE:"))
        XCTAssertTrue(text.contains("BEGIN:VEVENT"))
    }

    func testCalendarUIDsAreStableAcrossRuns() throws {
        let a = String(decoding: Site(SiteFixture.standard()).build()["calendar.ics"]!.bytes, as: UTF8.self)
        let b = String(decoding: Site(SiteFixture.standard()).build()["calendar.ics"]!.bytes, as: UTF8.self)
        let uids = { (s: String) in s.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        XCTAssertEqual(uids(a), uids(b))
        XCTAssertEqual(Set(uids(a)).count, uids(a).count, "UIDs are unique")
    }

    func testFeedIsJSONFeed11WithRedactedStories() throws {
        let feed = try XCTUnwrap(Site(SiteFixture.standard()).build()["feed.json"])
        XCTAssertEqual(feed.contentType, "application/feed+json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(feed.bytes)) as? [String: Any])
        XCTAssertEqual(json["version"] as? String, "https://jsonfeed.org/version/1.1")
        let items = try XCTUnwrap(json["items"] as? [[String: Any]])
        XCTAssertEqual(items.first?["title"] as? String, "Care Ledger 046")
        XCTAssertNil(items.first?["date_published"], "stories carry no date")
        XCTAssertEqual(items.first?["url"] as? String, "stories/046.html")

        var data = SiteFixture.standard()
        data.baseURL = "https://care.example.org"
        let absolute = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(Site(data).build()["feed.fr.json"]!.bytes)) as? [String: Any])
        XCTAssertEqual(absolute["feed_url"] as? String, "https://care.example.org/feed.fr.json")
        XCTAssertEqual((absolute["items"] as? [[String: Any]])?.first?["url"] as? String, "https://care.example.org/stories/fr/046.html")
    }

    private func assertGolden(_ site: [String: SiteFile], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let actual = try XCTUnwrap(site[name], name, file: file, line: line).bytes
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CRESCENDO_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual).write(to: url)
        }
        let expected = try Data(contentsOf: url)
        XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self), name, file: file, line: line)
    }
}
