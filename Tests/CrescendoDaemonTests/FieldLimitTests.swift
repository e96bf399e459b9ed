import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import CrescendoTestSupport
import Hummingbird
import HummingbirdTesting
import XCTest

/// Input that cannot stall the daemon: field limits (422 naming the field, nothing written)
/// and any 2,000-character text recorded and redacted correctly (its time is `make bench`'s).
final class FieldLimitTests: XCTestCase {
    func withAPI(_ body: @escaping @Sendable (any TestClientProtocol, DaemonFixture) async throws -> Void) async throws {
        let fx = try DaemonFixture()
        try await Application(router: fx.api().router()).test(.router) { client in try await body(client, fx) }
    }

    func testFreeTextOverTwoThousandCharactersIsRefusedNamingTheField() async throws {
        try await withAPI { client, fx in
            for field in ["care", "cause", "change"] {
                let long = String(repeating: "é", count: 2001)
                let (status, text) = try await post(client, "/api/entries", #"{"kind":"masks","\#(field)":"\#(long)"}"#)
                XCTAssertEqual(status, .unprocessableContent)
                XCTAssertEqual(text, #"{"error":"\#(field) is 2001 characters, more than the 2000 characters it may hold","field":"\#(field)"}"#)
            }
            let zalgo = "a" + String(repeating: "\u{0301}", count: 9000)
            let (combined, combinedText) = try await post(client, "/api/entries", #"{"kind":"masks","care":"\#(zalgo)"}"#)
            XCTAssertEqual(combined, .unprocessableContent)
            XCTAssertTrue(combinedText.contains("bytes of UTF-8"), combinedText)
            let (kind, kindText) = try await post(client, "/api/entries", #"{"kind":"\#(String(repeating: "k", count: 201))"}"#)
            XCTAssertEqual(kind, .unprocessableContent)
            XCTAssertTrue(kindText.contains(#""field":"kind""#), kindText)
            let (text, textBody) = try await post(client, "/api/responses", #"{"deadline":1,"text":"\#(String(repeating: "x", count: 2001))"}"#)
            XCTAssertEqual(text, .unprocessableContent)
            XCTAssertTrue(textBody.contains(#""field":"text""#), textBody)
            let many = "[" + Array(repeating: #"{"kind":"masks"}"#, count: 1001).joined(separator: ",") + "]"
            let (batch, batchText) = try await post(client, "/api/entries", many)
            XCTAssertEqual(batch, .unprocessableContent)
            XCTAssertEqual(batchText, #"{"error":"the batch has 1001 items, more than 1000; send smaller batches"}"#)
            XCTAssertEqual(try fx.store.head().count, 0)
        }
    }

    func testAdversarialTwoThousandCharacterFieldsAreRecordedAndRedacted() async throws {
        try await withAPI { client, fx in
            let texts = [
                String(repeating: "1", count: 2000), String(repeating: "1 ", count: 1000), String(repeating: "@", count: 2000),
                String(repeating: "a.", count: 1000), String(repeating: "a@b.", count: 500), String(repeating: "1-", count: 999) + "1",
                String(repeating: "Mr Aa ", count: 333), String((0..<2000).map { i in Array("1 .-@a(+")[i % 8] }),
            ]
            for (i, care) in texts.enumerated() {
                let (status, body) = try await post(client, "/api/entries", #"{"kind":"masks","care":"\#(care)"}"#)
                XCTAssertEqual(status, .created, "text \(i): \(body)")
                let stored = try fx.store.entry(seq: Int64(i + 1))?.entry.care ?? ""
                XCTAssertEqual(stored, try Redactor().redact(care).text, "text \(i)")
            }
        }
    }
}
