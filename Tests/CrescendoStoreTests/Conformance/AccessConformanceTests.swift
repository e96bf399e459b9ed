import CrescendoCore
@testable import CrescendoStore
import CrescendoTestSupport
import XCTest

/// Tokens, the audit log, idempotency keys and the web app's sessions in the ledger database
/// (`AccessStore`), on every store.
final class AccessConformanceTests: XCTestCase {
    func testTokensAreKeptByHashWithUniqueNamesAndRevokedForGood() async throws {
        let token = TokenSecret.generate()
        XCTAssertTrue(token.hasPrefix("cr_") && token.count == 46, token)
        XCTAssertNotEqual(token, TokenSecret.generate())
        try await forEachStore { l in
            let s = l.store
            try await s.addToken(TokenRecord(name: "ana", role: .recorder, createdAt: t(0), expiresAt: t(48)), hash: TokenSecret.hash(token))
            await assertThrows(try await s.addToken(TokenRecord(name: "ana", role: .admin, createdAt: t(1)), hash: "x")) {
                XCTAssertEqual($0 as? StoreError, .tokenExists(name: "ana"))
            }
            let found = try await s.token(hash: TokenSecret.hash(token))
            XCTAssertEqual(found?.name, "ana")
            XCTAssertEqual(found?.role, .recorder)
            let none = try await s.token(hash: TokenSecret.hash(token + "x"))
            XCTAssertNil(none)
            // Never the token itself: only its SHA-256 is in the table.
            XCTAssertEqual(try l.sql("SELECT hash FROM tokens"), TokenSecret.hash(token) + "\n")

            try await s.recordTokenUse(["ana": t(5)])
            try await s.recordTokenUse(["ana": t(3)])
            var ana = try await s.tokens().first
            XCTAssertEqual(ana?.lastUsedAt, t(5), "a last-used time never moves back")
            XCTAssertNil(ana?.refusal(at: t(47)))
            XCTAssertEqual(ana?.refusal(at: t(48)), "expired")

            try await s.revokeToken(name: "ana", at: t(6))
            try await s.revokeToken(name: "ana", at: t(7))
            ana = try await s.tokens().first
            XCTAssertEqual(ana?.revokedAt, t(6))
            XCTAssertEqual(ana?.refusal(at: t(6)), "revoked")
            await assertThrows(try await s.revokeToken(name: "bob", at: t(6))) { XCTAssertEqual($0 as? StoreError, .noSuchToken(name: "bob")) }
            await assertThrows(try await s.addToken(TokenRecord(name: "ana", role: .recorder, createdAt: t(8)), hash: "y")) {
                XCTAssertEqual($0 as? StoreError, .tokenExists(name: "ana"), "a revoked name stays taken")
            }
            try await s.addToken(TokenRecord(name: "bob", role: .admin, createdAt: t(9)), hash: "z")
            let names = try await s.tokens().map(\.name)
            XCTAssertEqual(names, ["ana", "bob"])
        }
    }

    func testTheAuditLogIsAppendOnlyAndPaged() async throws {
        try await forEachStore { l in
            let s = l.store
            let lines = (1...5).map { (i: Int) -> AuditEvent in
                let even = i % 2 == 0
                return AuditEvent(at: t(Int64(i)), who: even ? "ana" : "cli", role: even ? Role.recorder : nil,
                                  what: "ledger add", ids: "seq \(i)", outcome: 201, detail: i == 5 ? "five" : nil)
            }
            try await s.appendAudit(lines)
            let all = try await s.audit(AuditQuery())
            XCTAssertEqual(all.map(\.ids), ["seq 1", "seq 2", "seq 3", "seq 4", "seq 5"])
            XCTAssertEqual(all.map(\.id), [1, 2, 3, 4, 5])
            XCTAssertEqual(all.last, AuditEvent(id: 5, at: t(5), who: "cli", role: nil, what: "ledger add", ids: "seq 5", outcome: 201, detail: "five"))
            let ana = try await s.audit(AuditQuery(who: "ana"))
            XCTAssertEqual(ana.map(\.ids), ["seq 2", "seq 4"])
            XCTAssertEqual(ana.first?.role, .recorder)
            let page = try await s.audit(AuditQuery(after: 2, limit: 2))
            XCTAssertEqual(page.map(\.id), [3, 4])
            let newest = try await s.audit(AuditQuery(limit: 2, before: Int64.max))
            XCTAssertEqual(newest.map(\.id), [5, 4])
            let older = try await s.audit(AuditQuery(limit: 2, before: 4))
            XCTAssertEqual(older.map(\.id), [3, 2])
            XCTAssertThrowsError(try l.sql("UPDATE audit SET outcome = 200"))
            XCTAssertThrowsError(try l.sql("DELETE FROM audit"))
            let after = try await s.audit(AuditQuery())
            XCTAssertEqual(after, all)
        }
    }

    private func batch(_ kind: String, key: String?, who: String = "ana") -> IngestBatch {
        let claim = key.map { IdempotencyClaim(scope: who, key: $0, fingerprint: "fp-\(kind)") }
        return IngestBatch(entries: [LedgerEntry(at: t(1), kind: kind), LedgerEntry(at: t(1), kind: kind)],
                           note: WriteNote(audit: AuditEvent(at: t(1), who: who, role: .recorder, what: "POST /api/entries", outcome: 201),
                                           claim: claim),
                           reply: { stored in StoredReply(status: 201, body: "seqs \(stored.map(\.seq))") })
    }

    func testAKeyClaimedInTheSameGroupOrBeforeWritesNothing() async throws {
        try await forEachStore { l in
            let s = l.store
            let outcomes = try await s.ingest([batch("masks", key: "k1"), batch("masks", key: "k1"), batch("masks", key: "k1", who: "bob"),
                                               batch("masks", key: nil)], recordedAt: t(2))
            guard outcomes.count == 4, case .recorded(let first) = outcomes[0], case .claimed(let claimed) = outcomes[1],
                  case .recorded(let otherScope) = outcomes[2], case .recorded = outcomes[3] else {
                return XCTFail("\(outcomes)")
            }
            XCTAssertEqual(first.map(\.seq), [1, 2])
            XCTAssertEqual(otherScope.map(\.seq), [3, 4], "keys of different tokens never meet")
            XCTAssertEqual(claimed, IdempotencyRecord(fingerprint: "fp-masks", reply: StoredReply(status: 201, body: "seqs [1, 2]"), createdAt: t(2)))
            let head = try await s.head()
            XCTAssertEqual(head.count, 6)
            let audit = try await s.audit(AuditQuery())
            XCTAssertEqual(audit.map(\.ids), ["seq 1-2", "seq 3-4", "seq 5-6"])
            let kept = try await s.idempotencyRecord(scope: "ana", key: "k1")
            XCTAssertEqual(kept?.reply.body, "seqs [1, 2]")
            // A later group with the key writes nothing either.
            let later = try await s.ingest([batch("masks", key: "k1")], recordedAt: t(3))
            XCTAssertEqual(later, [.claimed(claimed)])
            let report = try await s.verify()
            XCTAssertTrue(report.isIntact, "\(String(describing: report.problem))")
            XCTAssertEqual(report.count, 6)

            // Pruned only once older than the cutoff.
            let none = try await s.pruneIdempotencyKeys(before: t(2))
            let two = try await s.pruneIdempotencyKeys(before: t(3))
            XCTAssertEqual([none, two], [0, 2])
            let gone = try await s.idempotencyRecord(scope: "ana", key: "k1")
            XCTAssertNil(gone)
        }
    }

    func testAFailedGroupLeavesNoEntryNoKeyAndNoAuditLine() async throws {
        try await forEachStore { l in
            let s = l.store
            var bad = batch("masks", key: "k2")
            bad.entries[1].care = "a\u{1F}b"
            await assertThrows(try await s.ingest([batch("masks", key: "k1"), bad], recordedAt: t(2)))
            let head = try await s.head()
            XCTAssertEqual(head.count, 0)
            let key = try await s.idempotencyRecord(scope: "ana", key: "k1")
            XCTAssertNil(key)
            let audit = try await s.audit(AuditQuery())
            XCTAssertEqual(audit, [])
        }
    }

    func testSideFactsAreRecordedWithTheirNoteOrNotAtAll() async throws {
        try await forEachStore { l in
            let s = l.store
            let note = WriteNote(audit: AuditEvent(at: t(1), who: "org", role: .organizer, what: "POST /api/indicators", ids: "indicator rate",
                                                   outcome: 201),
                                 claim: IdempotencyClaim(scope: "org", key: "i1", fingerprint: "f"))
            let sample = IndicatorSample(at: t(1), name: "rate", value: 3)
            let reply = StoredReply(status: 201, body: #"{"recorded":1}"#)
            let first = try await s.recordSideFacts(indicators: [sample], responses: [], recordedAt: t(1), note: note, reply: reply)
            let again = try await s.recordSideFacts(indicators: [sample], responses: [], recordedAt: t(2), note: note, reply: reply)
            XCTAssertEqual(first, .recorded([]))
            XCTAssertEqual(again, .claimed(IdempotencyRecord(fingerprint: "f", reply: reply, createdAt: t(1))))
            let samples = try await s.indicatorSamples()
            XCTAssertEqual(samples.count, 1)
            let audit = try await s.audit(AuditQuery())
            XCTAssertEqual(audit.map(\.ids), ["indicator rate"])
        }
    }

    func testASessionIsKeptUntilItExpiresOrIsRemoved() async throws {
        try await forEachStore { l in
            let s = l.store
            try await s.putSession(key: "k1", value: #"{"a":1}"#, expiresAt: t(10))
            var k1 = try await s.session(key: "k1", now: t(9))
            XCTAssertEqual(k1, StoredSession(value: #"{"a":1}"#, expiresAt: t(10)))
            k1 = try await s.session(key: "k1", now: t(11))
            XCTAssertNil(k1, "expired")
            let k2 = try await s.session(key: "k2", now: t(0))
            XCTAssertNil(k2)
            // Saving again without an expiry keeps the one it had.
            try await s.putSession(key: "k1", value: #"{"a":2}"#, expiresAt: nil)
            k1 = try await s.session(key: "k1", now: t(9))
            XCTAssertEqual(k1, StoredSession(value: #"{"a":2}"#, expiresAt: t(10)))
            try await s.putSession(key: "k2", value: "{}", expiresAt: t(20))
            try await s.putSession(key: "k3", value: "{}", expiresAt: nil)
            let pruned = try await s.pruneSessions(before: t(15))
            XCTAssertEqual(pruned, 1)
            k1 = try await s.session(key: "k1", now: t(0))
            XCTAssertNil(k1, "pruned")
            let k3 = try await s.session(key: "k3", now: t(1_000_000))
            XCTAssertEqual(k3, StoredSession(value: "{}", expiresAt: nil), "a session without an expiry is kept")
            try await s.removeSession(key: "k2")
            try await s.removeSession(key: "none")
            let removed = try await s.session(key: "k2", now: t(0))
            XCTAssertNil(removed)
        }
    }
}
