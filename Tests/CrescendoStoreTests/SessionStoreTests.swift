import CrescendoCore
@testable import CrescendoStore
import CrescendoTestSupport
import XCTest

/// The web app's sessions in the ledger database (schema v6), behind the store seam.
final class SessionStoreTests: XCTestCase {
    private func store() throws -> SQLiteLedgerStore { try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString) }

    func testASessionIsKeptUntilItExpiresOrIsRemoved() async throws {
        let s = try store()
        try await s.putSession(key: "k1", value: #"{"a":1}"#, expiresAt: t(10))
        XCTAssertEqual(try s.session(key: "k1", now: t(9)), StoredSession(value: #"{"a":1}"#, expiresAt: t(10)))
        XCTAssertNil(try s.session(key: "k1", now: t(11)), "expired")
        XCTAssertNil(try s.session(key: "k2", now: t(0)))
        // Saving again without an expiry keeps the one it had.
        try await s.putSession(key: "k1", value: #"{"a":2}"#, expiresAt: nil)
        XCTAssertEqual(try s.session(key: "k1", now: t(9)), StoredSession(value: #"{"a":2}"#, expiresAt: t(10)))
        try await s.putSession(key: "k2", value: "{}", expiresAt: t(20))
        let pruned = try await s.pruneSessions(before: t(15))
        XCTAssertEqual(pruned, 1)
        XCTAssertNil(try s.session(key: "k1", now: t(0)), "pruned")
        try await s.removeSession(key: "k2")
        XCTAssertNil(try s.session(key: "k2", now: t(0)))
    }

    func testTheAuditPagesNewestFirstBeforeAnID() async throws {
        let s = try store()
        let lines = (1...5).map { AuditEvent(at: t(Int64($0)), who: "w\($0)", role: .admin, what: "x", outcome: 200) }
        try await s.appendAudit(lines)
        XCTAssertEqual(try s.audit(AuditQuery(limit: 2, before: Int64.max)).map(\.who), ["w5", "w4"])
        XCTAssertEqual(try s.audit(AuditQuery(limit: 2, before: 4)).map(\.who), ["w3", "w2"])
    }
}
