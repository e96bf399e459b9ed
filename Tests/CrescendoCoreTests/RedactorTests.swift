import CrescendoCore
import XCTest

final class RedactorTests: XCTestCase {
    func testRedactsPlantedPhoneNumbersAndEmails() throws {
        let r = try Redactor()
        let text = "Call Ana at +1 (416) 555-0199 or 416.555.0123, or write ana.b@example.org; we met 2026-03-01 and gave 120 masks."
        let result = r.redact(text)
        XCTAssertEqual(result.text, "Call Ana at [redacted] or [redacted], or write [redacted]; we met 2026-03-01 and gave 120 masks.")
        XCTAssertEqual(result.count, 3)
    }

    func testInternationalAndLocalNumbers() throws {
        let r = try Redactor()
        XCTAssertEqual(r.redact("ring +44 20 7946 0958 today").text, "ring [redacted] today")
        XCTAssertEqual(r.redact("ring 555-0123 today").text, "ring [redacted] today")
        XCTAssertEqual(r.redact("week 12, 3 boxes, 2026-01-01T10:00").count, 0)
    }

    func testCampaignPatterns() throws {
        let r = try Redactor(patterns: [#"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b"#])
        let result = r.redact("lives near M5V 2T6, email a@b.co")
        XCTAssertEqual(result.text, "lives near [redacted], email [redacted]")
        XCTAssertEqual(result.count, 2)
    }

    func testInvalidPattern() {
        XCTAssertThrowsError(try Redactor(patterns: ["(unclosed"])) {
            XCTAssertEqual("\($0)", "the privacy.redact pattern \"(unclosed\" cannot be used: a group is not closed with \")\" (at character 1 of the pattern)")
        }
    }

    func testRedactsAllFreeTextOfAnEntry() throws {
        var e = LedgerEntry(at: Instant(seconds: 0), kind: "masks", care: "a@b.org", cause: "none", change: "call 613-555-0100")
        XCTAssertEqual(try Redactor().redact(&e), 2)
        XCTAssertEqual([e.care, e.cause, e.change], ["[redacted]", "none", "call [redacted]"])
    }
}
