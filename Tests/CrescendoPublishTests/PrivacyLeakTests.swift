import CrescendoCore
import CrescendoPublish
import XCTest

/// Personal details planted in every free-text field must not reach any file of the site.
final class PrivacyLeakTests: XCTestCase {
    /// What is planted, and a fragment of it that must not appear anywhere.
    let planted: [(text: String, mustNotAppear: String)] = [
        ("Dr. Anna Kowalski", "Kowalski"),
        ("Mrs. Patel", "Patel"),
        ("Joan Rivera", "Joan Rivera"),
        ("42 Queen Street West", "Queen Street"),
        ("17 Jane St", "Jane St"),
        ("1200 Bloor St. W", "Bloor"),
        ("12 rue Saint-Denis", "Saint-Denis"),
        ("416-555-0199", "555-0199"),
        ("+1 (647) 555-0123", "555-0123"),
        ("(416) 555 0188", "555 0188"),
        ("anna.k@example.org", "example.org"),
    ]

    func testNoPlantedDetailAppearsInAnyFile() throws {
        // Names without a title are known only to the campaign, which lists them in privacy.redact.
        let campaign = SiteFixture.campaign(redact: [#"\bJoan Rivera\b"#])
        var entries = SiteFixture.entries(30, from: "2027-01-04T09:00")
        for (i, p) in planted.enumerated() {
            entries[i].care = "Drove \(p.text) to the clinic"
            entries[i + 11].cause = "Called \(p.text) about it"
            entries[i + 1].change = "Ask \(p.text) and fund clinics"
        }
        // An area finer than the declared ones (an address) must not appear either.
        entries[29].area = "42 Queen Street West"
        let responses = [Response(at: SiteFixture.t("2027-01-06T10:00"), deadline: 1, text: "Call Mrs. Patel at 416-555-0199")]
        let site = Site(SiteFixture.data(campaign: campaign, entries: entries, responses: responses)).build()
        XCTAssertGreaterThan(site.count, 30)
        for (path, file) in site {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for p in planted {
                XCTAssertFalse(text.contains(p.mustNotAppear), "\(path) contains \(p.mustNotAppear)")
            }
        }
        let story = try XCTUnwrap(site["stories/001.html"])
        XCTAssertTrue(String(decoding: story.bytes, as: UTF8.self).contains("Drove [redacted] to the clinic"))
    }

    func testInvalidCampaignPatternsWithholdAllFreeText() {
        let campaign = SiteFixture.campaign(redact: ["(unclosed"])
        let site = Site(SiteFixture.data(campaign: campaign, entries: SiteFixture.entries(10, from: "2027-01-04T09:00"))).build()
        let story = String(decoding: site["stories/001.html"]!.bytes, as: UTF8.self)
        XCTAssertFalse(story.contains("Delivered masks"))
        XCTAssertTrue(story.contains("[withheld]"))
    }
}
