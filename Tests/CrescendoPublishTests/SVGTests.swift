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
        let chart = TimelineChart(campaign: data.campaign, occurrences: data.past, entryTimes: data.entries.map(\.at),
                                  indicators: [IndicatorSample(at: SiteFixture.t("2027-01-04"), name: "rate", value: 4)],
                                  from: data.campaign.start, to: SiteFixture.t("2027-02-20")).chart()
        try assertParses(chart.document, "timeline")
        XCTAssertTrue(chart.document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        XCTAssertTrue(chart.svg.contains("Cool-down until"), "an escalation's cool-down is shaded")
        XCTAssertTrue(chart.svg.contains("Window budget-2027"), "windows are drawn as bands")
        XCTAssertTrue(chart.summary.contains("46 ledger entries"), chart.summary)
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
