import CrescendoCore
import CrescendoPublish
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Every chart the site draws, and the dry-run timeline, is well-formed XML with a title and
/// a description.
final class SVGTests: XCTestCase {
    func testEverySVGInTheSiteParsesAsXMLAndIsLabelled() throws {
        let site = Site(SiteFixture.standard()).build()
        var found = 0
        for (path, file) in site where path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            for svg in Self.svgElements(html) {
                found += 1
                try assertParses(svg, path)
                XCTAssertTrue(svg.contains("role=\"img\""), path)
                XCTAssertTrue(svg.contains("<title id="), path)
                XCTAssertTrue(svg.contains("<desc id="), path)
            }
        }
        XCTAssertGreaterThanOrEqual(found, 4, "the home page and the charts and money pages hold charts")
        let charts = String(decoding: site["charts.html"]!.bytes, as: UTF8.self)
        XCTAssertEqual(Self.svgElements(charts).count, 3)
        XCTAssertEqual(charts.components(separatedBy: "<summary>The data as a table</summary>").count - 1, 3, "every chart has a text alternative")
    }

    func testTimelineIsAStandaloneSVGDocument() throws {
        let data = SiteFixture.standard()
        let chart = TimelineChart(campaign: data.campaign, occurrences: data.past, entryTimes: data.ledger.times,
                                  indicators: [IndicatorSample(at: SiteFixture.t("2027-01-04"), name: "rate", value: 4)],
                                  from: data.campaign.start, to: SiteFixture.t("2027-02-20")).chart()
        try assertParses(chart.document, "timeline")
        XCTAssertTrue(chart.document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(chart.svg.contains("Cool-down until"), "an escalation's cool-down is shaded")
        XCTAssertTrue(chart.svg.contains("Window budget-2027"), "windows are drawn as bands")
        XCTAssertTrue(chart.summary.contains("46 ledger entries"), chart.summary)
    }

    func testScenarioTimelinesStackOnOneTimeAxisAndOneScale() throws {
        let data = SiteFixture.standard()
        let early = TimelineChart(campaign: data.campaign, occurrences: data.past, entryTimes: data.ledger.times, indicators: [],
                                  from: data.campaign.start, to: SiteFixture.t("2027-02-20"))
        var late = early
        late.entryTimes = Array(late.entryTimes.prefix(10))
        late.occurrences = []
        late.to = SiteFixture.t("2027-03-20")
        let chart = TimelineChart.stacked([("early", early), ("late", late)])
        try assertParses(chart.document, "stacked")
        XCTAssertTrue(chart.svg.contains(">Scenario early</text>") && chart.svg.contains(">Scenario late</text>"))
        // One time axis, to the later end: five date labels in all.
        XCTAssertEqual(chart.svg.components(separatedBy: "text-anchor=\"end\" fill=\"#333333\">2027-03-20</text>").count - 1, 1)
        XCTAssertEqual(chart.svg.components(separatedBy: "fill=\"#333333\">2027-0").count - 1, 5)
        // One scale for the entries: both panels run to 50 (46 entries, in steps of 10).
        XCTAssertEqual(chart.svg.components(separatedBy: "text-anchor=\"end\" fill=\"#333333\">50</text>").count - 1, 2)
        XCTAssertTrue(chart.summary.hasPrefix("One timeline per scenario, on one time axis. early: 46 ledger entries"), chart.summary)
        XCTAssertTrue(chart.summary.contains("late: 10 ledger entries"), chart.summary)
        XCTAssertTrue(chart.alternative.contains("<th scope=\"col\">Scenario</th>") || chart.alternative.contains(">Scenario<"), chart.alternative)
    }

    static func svgElements(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    private func assertParses(_ xml: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let parser = XMLParser(data: Data(xml.utf8))
        let ok = parser.parse()
        XCTAssertTrue(ok, "\(context): \(parser.parserError.map { "\($0)" } ?? "parse failed") at line \(parser.lineNumber)", file: file, line: line)
    }
}
