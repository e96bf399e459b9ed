import CrescendoCore
import CrescendoPublish
import XCTest

final class PublicRedactorTests: XCTestCase {
    let redact = PublicRedactor(campaign: SiteFixture.campaign(redact: [#"\bJoan Rivera\b"#]))

    func testAddressesTitledNamesAndListedNamesAreRedacted() {
        XCTAssertEqual(redact("Delivered 12 masks to a shelter on Queen St"), "Delivered 12 masks to a shelter on [redacted]")
        XCTAssertEqual(redact("Met at 42 Queen Street West, then left"), "Met at [redacted], then left")
        XCTAssertEqual(redact("Dropped off at 12 rue Saint-Denis."), "Dropped off at [redacted].")
        XCTAssertEqual(redact("Drove Dr. Anna Kowalski and Mrs Patel home"), "Drove [redacted] and [redacted] home")
        XCTAssertEqual(redact("Joan Rivera called 416-555-0199"), "[redacted] called [redacted]")
    }

    func testOrdinaryCampaignWordsAreLeftAlone() {
        for text in ["Covered 6 hours of childcare for a nurse in St. James Town",
                     "The Ministry of Labour stopped free mask distribution on 2027-01-04",
                     "Our nurse line answered 14 calls that would have gone to 911",
                     "A permanent PPE budget for shelters, line 4.2"] {
            XCTAssertEqual(redact(text), text)
        }
    }
}
