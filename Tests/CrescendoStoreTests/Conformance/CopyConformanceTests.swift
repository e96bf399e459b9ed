import CrescendoCore
import CrescendoStore
import XCTest

/// `ledger copy` between every pair of stores: everything kept, row for row; a non-empty
/// target, a source that does not verify and a row the target cannot hold are refused with
/// the target left as it was.
final class CopyConformanceTests: XCTestCase {
    /// Fills a ledger with a row of every kind: entries with a correction, facts, and the
    /// daemon's actions, deliveries in each state, timers and watermarks, tokens and audit lines.
    private func fill(_ store: any DaemonStore) async throws {
        try await store.bind(campaign: "paid-sick-leave")
        _ = try await store.appendBatches([(0..<300).map { entry(Int64($0), care: $0 % 50 == 0 ? "soup\tand\\bread\n" : nil) }], recordedAt: t(400))
        _ = try await store.correct(seq: 7, with: entry(7, quantity: 3), reason: "a typo", recordedAt: t(401))
        try await store.recordSideFacts(indicators: [IndicatorSample(at: t(3), name: "rate", value: 2.5), IndicatorSample(at: t(1), name: "rate", value: 1)],
                                        responses: [Response(at: t(5), deadline: 1, text: "No", win: nil),
                                                    Response(at: t(6), deadline: 2, text: "Yes", win: .partial)], recordedAt: t(402))
        var flows = [MoneyFlow(date: CivilDate(year: 2026, month: 3, day: 1), from: "Treasury", to: "Acme", category: .corporateSubsidy,
                               amount: Quantity(milli: 1_500_000), currency: "CAD", source: "Budget p. 41")]
        _ = try await store.importMoneyFlows { flows.popLast() }
        func action(_ id: String, due: Int64, channels: [String], state: ActionRecord.State = .pending) -> ActionRecord {
            ActionRecord(id: id, campaign: "paid-sick-leave", rule: "r", action: "notify", dueAt: t(due), payload: "{\"id\":\"\(id)\"}",
                         state: state, late: due == 2, decidedAt: t(due), reason: state == .skipped ? "missed" : nil, channels: channels)
        }
        let timers = [TimerRecord(campaign: "paid-sick-leave", timer: PendingTimer(at: t(500), kind: "deadline", rule: "r", detail: "{}"))]
        try await store.commit(DaemonStep(campaign: "paid-sick-leave", judgedThrough: t(450), aliveAt: t(451),
                                          actions: [action("p/3", due: 3, channels: ["log", "hook"]), action("p/2", due: 2, channels: ["log"]),
                                                    action("p/9", due: 9, channels: [], state: .skipped)], timers: timers))
        try await store.recordAttempt(DeliveryOutcome(actionID: "p/3", channel: "log", attempt: 1, at: t(4), error: nil, retryAt: nil))
        try await store.recordAttempt(DeliveryOutcome(actionID: "p/3", channel: "hook", attempt: 1, at: t(4), error: "503", retryAt: t(6)))
        try await store.recordAttempt(DeliveryOutcome(actionID: "p/2", channel: "log", attempt: 1, at: t(4), error: "exit 2", retryAt: nil))
        try await store.addToken(TokenRecord(name: "ana", role: .recorder, createdAt: t(1), expiresAt: t(900)), hash: "hash-of-ana")
        try await store.addToken(TokenRecord(name: "org", role: .organizer, createdAt: t(2)), hash: "hash-of-org")
        try await store.recordTokenUse(["org": t(7)])
        try await store.revokeToken(name: "ana", at: t(8))
        try await store.appendAudit([AuditEvent(at: t(3), who: "ana", role: .recorder, what: "POST /api/entries", ids: "seq 1-300", outcome: 201),
                                     AuditEvent(at: t(9), who: "cli", role: nil, what: "token revoke", ids: "token ana", outcome: 200, detail: "x")])
    }

    private func records(_ store: any DaemonStore) async throws -> [LedgerRecord] {
        var out: [LedgerRecord] = []
        try await store.forEachRecord { out.append($0) }
        return out
    }

    func testACopyBetweenAnyTwoStoresKeepsEveryRow() async throws {
        for from in TestLedger.Kind.allCases {
            guard let source = try await TestLedger.make(from) else { continue }
            try await fill(source.store)
            let expected = try await records(source.store)
            // The campaign, 301 entries, 2 samples, 2 responses, a flow, 3 actions, 3 deliveries, a timer, a watermark,
            // 2 tokens, 2 audit lines.
            XCTAssertEqual(expected.count, 319)
            for to in TestLedger.Kind.allCases {
                guard let target = try await TestLedger.make(to) else { continue }
                let written = try await LedgerCopier.copy(from: source.store, to: target.store)
                let sourceContents = try await source.store.contents()
                XCTAssertEqual(written, sourceContents, "\(from.rawValue) to \(to.rawValue)")
                let copied = try await records(target.store)
                XCTAssertEqual(copied, expected, "\(from.rawValue) to \(to.rawValue)")
                let report = try await target.store.verify()
                XCTAssertNil(report.problem, "\(from.rawValue) to \(to.rawValue)")
                let heads = (try await source.store.head(), try await target.store.head())
                XCTAssertEqual(heads.0, heads.1)
                // The copy goes on as the source would: the next entry chains on, the retry is due.
                let next = try await target.store.append(entry(999), recordedAt: t(999))
                XCTAssertEqual(next.seq, 302)
                let due = try await target.store.dueDeliveries(now: t(6), limit: 10)
                XCTAssertEqual(due.map(\.channel), ["hook"])
                // Tokens still work by their hash; the audit log numbers on after the copied lines.
                let org = try await target.store.token(hash: "hash-of-org")
                XCTAssertEqual(org?.lastUsedAt, t(7))
                try await target.store.appendAudit([AuditEvent(at: t(10), who: "cli", role: nil, what: "ledger add", outcome: 201)])
                let audit = try await target.store.audit(AuditQuery())
                XCTAssertEqual(audit.map(\.id), [1, 2, 3])
                await assertThrows(try await target.store.bind(campaign: "other")) {
                    XCTAssertTrue("\($0)".hasSuffix("holds the ledger of campaign paid-sick-leave, not other"), "\($0)")
                }
                await target.close()
            }
            await source.close()
        }
    }

    func testANonEmptyTargetIsRefusedAndLeftAsItWas() async throws {
        try await forEachStore { l in
            let source = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
            _ = try source.append(entry(1), recordedAt: t(1))
            _ = try await l.store.append(entry(5), recordedAt: t(5))
            try await l.store.recordResponse(Response(at: t(1), deadline: 1, text: "No"), recordedAt: t(1))
            await assertThrows(try await LedgerCopier.copy(from: source, to: l.store)) {
                XCTAssertEqual("\($0)", "\(l.store.location) is not empty (it holds 1 entry, 1 response); copy into a new ledger: a new SQLite file, "
                               + "an empty PostgreSQL database (createdb NAME) or a new schema (postgres://...?schema=NAME)")
            }
            let all = try await l.store.entries(EntryQuery())
            XCTAssertEqual(all.map(\.entry.at), [t(5)])
        }
    }

    func testASourceThatDoesNotVerifyIsNotCopied() async throws {
        try await forEachStore([.sqliteFile, .postgres]) { source in
            for h in 1...5 { _ = try await source.store.append(entry(Int64(h)), recordedAt: t(9)) }
            try source.tamper("UPDATE entries SET quantity = 7000 WHERE seq = 2;")
            let target = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
            await assertThrows(try await LedgerCopier.copy(from: source.store, to: target)) {
                XCTAssertEqual("\($0)", "\(source.store.location) does not verify (entry 2 does not match its hash: it was edited, "
                               + "or entries were reordered or replaced); nothing was copied")
            }
            XCTAssertTrue(try target.contents().isEmpty)
        }
    }

    /// Restoring checks the chain row by row as well, so rows that do not chain never land.
    func testRestoreRefusesEntriesThatDoNotChain() async throws {
        try await forEachStore { l in
            let good = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
            _ = try await good.appendBatches([[entry(1), entry(2), entry(3)]], recordedAt: t(4))
            var rows = try good.entries(EntryQuery()).map(LedgerRecord.entry)
            rows.remove(at: 1)
            var iterator = rows.makeIterator()
            await assertThrows(try await l.store.restore(from: "the source") { iterator.next() }) {
                XCTAssertEqual("\($0)", "the source does not verify (entry 2 is missing (seq jumps from 1 to 3): entries were deleted); nothing was copied")
            }
            let contents = try await l.store.contents()
            XCTAssertTrue(contents.isEmpty)
        }
    }

    /// PostgreSQL cannot hold U+0000, which SQLite can: the copy stops naming the field, and
    /// the PostgreSQL ledger stays empty.
    func testTextPostgreSQLCannotHoldStopsTheCopyNamingTheField() async throws {
        try await forEachStore([.postgres]) { l in
            let source = try SQLiteLedgerStore(inMemoryNamed: UUID().uuidString)
            _ = try await source.appendBatches([[entry(1), entry(2, care: "a\u{0}b")]], recordedAt: t(4))
            await assertThrows(try await LedgerCopier.copy(from: source, to: l.store)) {
                XCTAssertEqual("\($0)", "care contains the character U+0000 (NUL), which the ledger does not accept")
            }
            let contents = try await l.store.contents()
            XCTAssertTrue(contents.isEmpty)
            await assertThrows(try await l.store.append(entry(1, care: "a\u{0}b"), recordedAt: t(1))) {
                XCTAssertEqual("\($0)", "care contains the character U+0000 (NUL), which the ledger does not accept")
            }
        }
    }
}
