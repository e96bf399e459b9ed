import CrescendoCore
import GRDB
@testable import CrescendoStore
import CrescendoTestSupport
import XCTest

/// Tokens, the audit log and idempotency keys in the ledger database (`AccessStore`).
final class AccessStoreTests: XCTestCase {
    private func store() throws -> SQLiteLedgerStore { try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString) }

    func testTokensAreKeptByHashWithUniqueNamesAndRevokedForGood() async throws {
        let s = try store()
        let token = TokenSecret.generate()
        XCTAssertTrue(token.hasPrefix("cr_") && token.count == 46, token)
        XCTAssertNotEqual(token, TokenSecret.generate())
        try s.addToken(TokenRecord(name: "ana", role: .recorder, createdAt: t(0), expiresAt: t(48)), hash: TokenSecret.hash(token))
        XCTAssertThrowsError(try s.addToken(TokenRecord(name: "ana", role: .admin, createdAt: t(1)), hash: "x")) {
            XCTAssertEqual($0 as? StoreError, .tokenExists(name: "ana"))
        }
        XCTAssertEqual(try s.token(hash: TokenSecret.hash(token))?.name, "ana")
        XCTAssertNil(try s.token(hash: TokenSecret.hash(token + "x")))
        // Never the token itself: only its SHA-256 is in the table.
        let stored = try sqliteValue(s, "SELECT hash FROM tokens")
        XCTAssertEqual(stored, TokenSecret.hash(token))
        XCTAssertEqual(stored.count, 64)

        try await s.recordTokenUse(["ana": t(5)])
        try await s.recordTokenUse(["ana": t(3)])
        XCTAssertEqual(try s.tokens().first?.lastUsedAt, t(5), "a last-used time never moves back")
        XCTAssertNil(try s.tokens().first?.refusal(at: t(47)))
        XCTAssertEqual(try s.tokens().first?.refusal(at: t(48)), "expired")

        try s.revokeToken(name: "ana", at: t(6))
        try s.revokeToken(name: "ana", at: t(7))
        XCTAssertEqual(try s.tokens().first?.revokedAt, t(6))
        XCTAssertEqual(try s.tokens().first?.refusal(at: t(6)), "revoked")
        XCTAssertThrowsError(try s.revokeToken(name: "bob", at: t(6))) { XCTAssertEqual($0 as? StoreError, .noSuchToken(name: "bob")) }
        XCTAssertThrowsError(try s.addToken(TokenRecord(name: "ana", role: .recorder, createdAt: t(8)), hash: "y"),
                             "a revoked name stays taken")
    }

    func testTheAuditLogIsAppendOnlyAndPaged() async throws {
        let s = try store()
        let lines = (1...5).map { (i: Int) -> AuditEvent in
            let even = i % 2 == 0
            return AuditEvent(at: t(Int64(i)), who: even ? "ana" : "cli", role: even ? Role.recorder : nil,
                              what: "ledger add", ids: "seq \(i)", outcome: 201)
        }
        try await s.appendAudit(lines)
        let all = try s.audit(AuditQuery())
        XCTAssertEqual(all.map(\.ids), ["seq 1", "seq 2", "seq 3", "seq 4", "seq 5"])
        XCTAssertEqual(all.map(\.id), [1, 2, 3, 4, 5])
        XCTAssertEqual(try s.audit(AuditQuery(who: "ana")).map(\.ids), ["seq 2", "seq 4"])
        XCTAssertEqual(try s.audit(AuditQuery(after: 2, limit: 2)).map(\.id), [3, 4])
        XCTAssertEqual(try s.audit(AuditQuery(who: "ana")).first?.role, .recorder)
        XCTAssertThrowsError(try sqliteValue(s, "UPDATE audit SET outcome = 200"))
        XCTAssertThrowsError(try sqliteValue(s, "DELETE FROM audit"))
        XCTAssertEqual(try s.audit(AuditQuery()).count, 5)
    }

    private func batch(_ kind: String, key: String?, who: String = "ana") -> IngestBatch {
        let claim = key.map { IdempotencyClaim(scope: who, key: $0, fingerprint: "fp-\(kind)") }
        return IngestBatch(entries: [LedgerEntry(at: t(1), kind: kind), LedgerEntry(at: t(1), kind: kind)],
                           note: WriteNote(audit: AuditEvent(at: t(1), who: who, role: .recorder, what: "POST /api/entries", outcome: 201),
                                           claim: claim),
                           reply: { stored in StoredReply(status: 201, body: "seqs \(stored.map(\.seq))") })
    }

    func testAKeyClaimedInTheSameGroupOrBeforeWritesNothing() async throws {
        let s = try store()
        let outcomes = try await s.ingest([batch("masks", key: "k1"), batch("masks", key: "k1"), batch("masks", key: "k1", who: "bob"),
                                           batch("masks", key: nil)], recordedAt: t(2))
        guard case .recorded(let first) = outcomes[0], case .claimed(let claimed) = outcomes[1],
              case .recorded(let otherScope) = outcomes[2], case .recorded = outcomes[3] else {
            return XCTFail("\(outcomes)")
        }
        XCTAssertEqual(first.map(\.seq), [1, 2])
        XCTAssertEqual(otherScope.map(\.seq), [3, 4], "keys of different tokens never meet")
        XCTAssertEqual(claimed, IdempotencyRecord(fingerprint: "fp-masks", reply: StoredReply(status: 201, body: "seqs [1, 2]"), createdAt: t(2)))
        XCTAssertEqual(try s.head().count, 6)
        XCTAssertEqual(try s.audit(AuditQuery()).map(\.ids), ["seq 1-2", "seq 3-4", "seq 5-6"])
        XCTAssertEqual(try s.idempotencyRecord(scope: "ana", key: "k1")?.reply.body, "seqs [1, 2]")

        // Pruned only once older than the cutoff.
        let none = try await s.pruneIdempotencyKeys(before: t(2))
        let two = try await s.pruneIdempotencyKeys(before: t(3))
        XCTAssertEqual([none, two], [0, 2])
        XCTAssertNil(try s.idempotencyRecord(scope: "ana", key: "k1"))
    }

    func testAFailedGroupLeavesNoEntryNoKeyAndNoAuditLine() async throws {
        let s = try store()
        var bad = batch("masks", key: "k2")
        bad.entries[1].care = "a\u{1F}b"
        do {
            _ = try await s.ingest([batch("masks", key: "k1"), bad], recordedAt: t(2))
            XCTFail("the control character is refused")
        } catch {}
        XCTAssertEqual(try s.head().count, 0)
        XCTAssertNil(try s.idempotencyRecord(scope: "ana", key: "k1"))
        XCTAssertEqual(try s.audit(AuditQuery()), [])
    }

    func testSideFactsAreRecordedWithTheirNoteOrNotAtAll() async throws {
        let s = try store()
        let note = WriteNote(audit: AuditEvent(at: t(1), who: "org", role: .organizer, what: "POST /api/indicators", ids: "indicator rate", outcome: 201),
                             claim: IdempotencyClaim(scope: "org", key: "i1", fingerprint: "f"))
        let sample = IndicatorSample(at: t(1), name: "rate", value: 3)
        let reply = StoredReply(status: 201, body: #"{"recorded":1}"#)
        let first = try await s.recordSideFacts(indicators: [sample], responses: [], recordedAt: t(1), note: note, reply: reply)
        let again = try await s.recordSideFacts(indicators: [sample], responses: [], recordedAt: t(2), note: note, reply: reply)
        XCTAssertEqual(first, .recorded([]))
        XCTAssertEqual(again, .claimed(IdempotencyRecord(fingerprint: "f", reply: reply, createdAt: t(1))))
        XCTAssertEqual(try s.indicatorSamples().count, 1)
        XCTAssertEqual(try s.audit(AuditQuery()).map(\.ids), ["indicator rate"])
    }
}

/// One value from the ledger through the store's own connection (a write, for statements that change it).
@discardableResult
private func sqliteValue(_ s: SQLiteLedgerStore, _ sql: String) throws -> String {
    if sql.hasPrefix("SELECT") { return try s.read { db in try String.fetchOne(db, sql: sql) ?? "" } }
    try s.write { db in try db.execute(sql: sql) }
    return ""
}
