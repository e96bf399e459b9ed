import XCTest
import CrescendoCore
@testable import CrescendoDSL

/// `brand:` and `guides:` read into the campaign: hashtags as written, the colour in lowercase,
/// the address ending in '/', and each guide's Markdown (and its translations) read from the
/// files named relative to the campaign file.
final class KitKeyTests: XCTestCase {
    func testBrandAndGuidesAreReadIntoTheCampaign() throws {
        let path = Paths.fixtures.appendingPathComponent("kit/brand-and-guides.good.yaml").path
        let result = CampaignLoader().load(path)
        XCTAssertEqual(result.diagnostics.map(\.message), [])
        let campaign = try XCTUnwrap(result.campaign)
        XCTAssertEqual(campaign.brand, Brand(hashtags: ["#PaidSickLeaveNow", "#CareLedger", "#SantéPourTous"], color: "#8b1a1a",
                                             url: "https://care.example.org/"))
        let guide = try XCTUnwrap(campaign.guides.first)
        XCTAssertEqual(campaign.guides.count, 1)
        XCTAssertEqual(guide.slug, "hotline")
        XCTAssertEqual(guide.title, "When to call the hotline")
        XCTAssertEqual(guide.text.markdown, "# A guide\n\nCall the hotline.\n")
        XCTAssertTrue(guide.text.file.hasSuffix("Fixtures/kit/guides/ok.md"), guide.text.file)
        XCTAssertEqual(guide.text(for: "fr").markdown, "# Un guide\n\nAppelez la ligne.\n")
        XCTAssertEqual(guide.text(for: "es"), guide.text, "a language without a variant reads the default")
        XCTAssertEqual(guide.files.count, 2)
    }

    func testACampaignWithoutTheKitHasAnEmptyBrandAndNoGuides() throws {
        let path = Paths.fixtures.appendingPathComponent("minimal.good.yaml").path
        let campaign = try XCTUnwrap(CampaignLoader().load(path).campaign)
        XCTAssertEqual(campaign.brand, Brand())
        XCTAssertEqual(campaign.guides, [])
    }

    func testAGuideTooLargeIsRefusedUnread() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let campaign = folder.appendingPathComponent("c.yaml")
        try Data(repeating: 0x61, count: GuideFile.sizeLimit + 1).write(to: folder.appendingPathComponent("big.md"))
        try """
            campaign: c
            start: 2027-01-04
            metrics: { masks: { label: Masks, unit: masks } }
            demands: { psl: { text: Paid sick leave, target: Ministry, funding: Fund } }
            guides:
              big: { title: Big, file: big.md }
            rules: [{ id: r, when: { every: 5 }, do: [{ publish: { template: t } }] }]
            templates: { t: "x" }
            """.write(to: campaign, atomically: true, encoding: .utf8)
        let errors = CampaignLoader().check(campaign.path).filter(\.isError)
        XCTAssertEqual(errors.map { "\($0.line):\($0.column): \($0.message)" },
                       ["6:28: guide file 'big.md' is \(GuideFile.sizeLimit + 1) bytes; a guide may have at most \(GuideFile.sizeLimit) (1 MiB)"])
    }
}
