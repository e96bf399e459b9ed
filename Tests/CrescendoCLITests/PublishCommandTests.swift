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
        for f in ["index.html", "calendar.ics", "datapackage.json", "feed.json", "stories/fr/001.html", "weekly/2027-W02.md",
                  "cards/story-001.svg", "cards/story-001.png", "cards/fr/story-001.png", "cards/week-2027-W02.png", "cards/silence-1.png",
                  "silence/1.html", "guides/er-or-hotline.html", "guides/fr/er-or-hotline.html", "print/week-2027-W02.html"] {
            XCTAssertTrue(files.contains(f), f)
        }
        for f in files {
            var dir: ObjCBool = false
            guard fm.fileExists(atPath: a.appendingPathComponent(f).path, isDirectory: &dir), !dir.boolValue else { continue }
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(f)), try Data(contentsOf: b.appendingPathComponent(f)), f)
        }
    }

    /// A folder on `PATH` that holds qrencode and, if asked, rsvg-convert, and nothing else.
    private func path(withRenderer: Bool) throws -> String {
        let bin = folder.appendingPathComponent(withRenderer ? "bin-all" : "bin-qr")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        for tool in ["qrencode"] + (withRenderer ? ["rsvg-convert"] : []) where !FileManager.default.fileExists(atPath: bin.appendingPathComponent(tool).path) {
            try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent(tool).path, withDestinationPath: "/usr/bin/\(tool)")
        }
        return bin.path
    }

    /// Every file below `root` and its bytes.
    private func contents(_ root: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for f in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(f).path, isDirectory: &dir), !dir.boolValue {
                out[f] = try Data(contentsOf: root.appendingPathComponent(f))
            }
        }
        return out
    }

    func testAPublishReusesUnchangedCardsAndAFailedOneLeavesTheSiteAsItWas() throws {
        let imported = try crescendo(["ledger", "import", "--campaign", campaign, "--db", "l.sqlite", ledgerCSV], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let site = folder.appendingPathComponent("site")
        let publish = ["publish", "--campaign", campaign, "--db", "l.sqlite", "--out", "site", "--at", "2027-01-20T12:00"]
        let first = try crescendo(publish, in: folder, environment: ["PATH": try path(withRenderer: true)])
        XCTAssertEqual(first.status, 0, first.stderr)
        let published = try contents(site)
        XCTAssertTrue(published.keys.contains("cards/story-001.png"))
        // The same site again without rsvg-convert: every card is unchanged, so its PNG is kept.
        let again = try crescendo(publish, in: folder, environment: ["PATH": try path(withRenderer: false)])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try contents(site), published)
        // Later, with new stories, the missing renderer is an error naming the card; the site stays as it was.
        let later = try crescendo(Array(publish.dropLast()) + ["2027-02-15T12:00"], in: folder, environment: ["PATH": try path(withRenderer: false)])
        XCTAssertEqual(later.status, 1)
        XCTAssertTrue(later.stderr.hasPrefix("error: cannot make cards/"), later.stderr)
        XCTAssertTrue(later.stderr.contains(".png: rsvg-convert is not installed (Debian's librsvg2-bin; `make deps` installs it)"), later.stderr)
        XCTAssertEqual(try contents(site), published)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("site") }, ["site"])
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
