import CrescendoTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `crescendo publish` and `simulate --format svg|ics`, run as the built binary on the example campaign.
final class PublishCommandTests: XCTestCase {
    private var scratch: ScratchFolder!
    private var folder: URL { scratch.url }
    private let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var campaign: String { repo.appendingPathComponent("campaigns/paid-sick-leave.yaml").path }
    private var ledgerCSV: String { repo.appendingPathComponent("campaigns/data/paid-sick-leave.ledger.csv").path }

    override func setUpWithError() throws { scratch = try ScratchFolder("cli") }
    override func tearDown() { scratch = nil }

    func testPublishTwiceGivesByteIdenticalSites() throws {
        let imported = try crescendo(["ledger", "import", "--campaign", campaign, "--db", "l.sqlite", ledgerCSV], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        for out in ["a", "b"] {
            let run = try crescendo(["publish", "--campaign", campaign, "--db", "l.sqlite", "--out", out, "--at", "2027-02-15T12:00"], in: folder)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.hasPrefix("wrote "), run.stdout)
        }
        let fm = FileManager.default
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        let files = try fm.subpathsOfDirectory(atPath: a.path).sorted()
        XCTAssertEqual(files, try fm.subpathsOfDirectory(atPath: b.path).sorted())
        for f in ["index.html", "calendar.ics", "datapackage.json", "feed.json", "stories/fr/001.html", "weekly/2027-W02.md"] {
            XCTAssertTrue(files.contains(f), f)
        }
        for f in files {
            var dir: ObjCBool = false
            guard fm.fileExists(atPath: a.appendingPathComponent(f).path, isDirectory: &dir), !dir.boolValue else { continue }
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(f)), try Data(contentsOf: b.appendingPathComponent(f)), f)
        }
    }

    func testSimulateWritesATimelineSVGAndACalendar() throws {
        let svg = try crescendo(["simulate", campaign, "--ledger", ledgerCSV, "--format", "svg"], in: folder)
        XCTAssertEqual(svg.status, 0, svg.stderr)
        XCTAssertTrue(XMLParser(data: Data(svg.stdout.utf8)).parse(), "the timeline is well-formed XML")
        XCTAssertTrue(svg.stdout.contains("<title id=\"timeline-title\">"))
        let ics = try crescendo(["simulate", campaign, "--ledger", ledgerCSV, "--format", "ics"], in: folder)
        XCTAssertEqual(ics.status, 0, ics.stderr)
        XCTAssertTrue(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        XCTAssertTrue(ics.stdout.contains("BEGIN:VTODO\r\nUID:deadline-1@paid-sick-leave.crescendo\r\n"))
        for line in ics.stdout.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
    }
}
