import CrescendoCore
import CrescendoStore
import XCTest

/// The daemon's tables on every store: a step's commit, the dispatcher's claim and completion,
/// timers, watermarks and what `/api/status` and `/metrics` show.
final class DaemonConformanceTests: XCTestCase {
    private func action(_ id: String, channels: [String], due: Int64 = 1, state: ActionRecord.State = .pending) -> ActionRecord {
        ActionRecord(id: id, campaign: "c", rule: "r", action: "notify", dueAt: t(due), payload: "{\"id\":\"\(id)\"}", state: state,
                     late: false, decidedAt: t(1), channels: channels)
    }

    private func outcome(_ attempt: Int, error: String? = nil, retryAt: Instant? = nil, at: Instant = t(2), channel: String = "log") -> DeliveryOutcome {
        DeliveryOutcome(actionID: "c/1", channel: channel, attempt: attempt, at: at, error: error, retryAt: retryAt)
    }

    private func step(_ actions: [ActionRecord], timers: [TimerRecord]? = nil, through: Int64 = 1) -> DaemonStep {
        DaemonStep(campaign: "c", judgedThrough: t(through), aliveAt: t(through), actions: actions, timers: timers)
    }

    func testACommittedActionIsRecordedOnceWithADeliveryPerChannel() async throws {
        try await forEachStore { l in
            let s = step([action("c/1", channels: ["log", "hook"])])
            let first = try await l.store.commit(s)
            let again = try await l.store.commit(s)
            XCTAssertEqual(first.map(\.id), ["c/1"])
            XCTAssertEqual(again.map(\.id), [])
            let due = try await l.store.dueDeliveries(now: t(1), limit: 10)
            XCTAssertEqual(due.map(\.channel).sorted(), ["hook", "log"])
            XCTAssertEqual(due.first?.nextAttemptAt, t(1))
            XCTAssertEqual(due.first?.payload, "{\"id\":\"c/1\"}")
            let early = try await l.store.dueDeliveries(now: t(0), limit: 10)
            XCTAssertEqual(early.count, 0)
            let watermark = try await l.store.watermark(campaign: "c")
            XCTAssertEqual(watermark, Watermark(judgedThrough: t(1), aliveAt: t(1)))
            let none = try await l.store.watermark(campaign: "other")
            XCTAssertNil(none)
            let actions = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(actions.map { $0.channels.sorted() }, [["hook", "log"]])
            let ids = try await l.store.existingActionIDs(["c/1", "c/2"])
            XCTAssertEqual(ids, ["c/1"])
            let noIDs = try await l.store.existingActionIDs([])
            XCTAssertEqual(noIDs, [])
        }
    }

    /// A step that repeats recorded actions beside new ones writes the new ones, each with a
    /// delivery per channel, in the step's order, and leaves the recorded ones and their
    /// deliveries as they are (a takeover's catch-up repeats what the last holder committed).
    func testAStepWritesOnlyItsNewActionsEachWithItsDeliveries() async throws {
        try await forEachStore { l in
            try await l.store.commit(step([action("c/1", channels: ["log"])]))
            try await l.store.recordAttempt(outcome(1))
            var skipped = action("c/3", channels: [], state: .skipped)
            skipped.reason = "dropped by quiet hours"
            let written = try await l.store.commit(step([action("c/2", channels: ["hook", "log"]), action("c/1", channels: ["log"]), skipped,
                                                         action("c/4", channels: ["log"])]))
            XCTAssertEqual(written.map(\.id), ["c/2", "c/3", "c/4"])
            let due = try await l.store.dueDeliveries(now: t(5), limit: 10)
            XCTAssertEqual(due.map { "\($0.actionID) \($0.channel)" }, ["c/2 hook", "c/2 log", "c/4 log"])
            let all = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(all.map(\.id), ["c/1", "c/2", "c/3", "c/4"])
            XCTAssertEqual(all.map(\.state), [.delivered, .pending, .skipped, .pending])
            XCTAssertEqual(all.map(\.reason), [nil, nil, "dropped by quiet hours", nil])
        }
    }

    func testAnAttemptCountsOnlyOnceAndOnlyInItsTurn() async throws {
        try await forEachStore { l in
            try await l.store.commit(step([action("c/1", channels: ["log"])]))
            let first = try await l.store.recordAttempt(outcome(1, error: "refused", retryAt: t(3)))
            XCTAssertTrue(first)
            // The same first attempt reported again (a stale worker) changes nothing.
            let stale = try await l.store.recordAttempt(outcome(1, at: t(2)))
            XCTAssertFalse(stale)
            let notYet = try await l.store.dueDeliveries(now: t(2), limit: 10)
            XCTAssertEqual(notYet.count, 0, "not due before its retry time")
            let due = try await l.store.dueDeliveries(now: t(3), limit: 10)
            XCTAssertEqual(due.map(\.attempts), [1])
            XCTAssertEqual(due.first?.nextAttemptAt, t(3))
            XCTAssertEqual(due.first?.lastError, "refused")
            let second = try await l.store.recordAttempt(outcome(2, at: t(4)))
            XCTAssertTrue(second)
            let recorded = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(recorded.map(\.state), [.delivered])
            XCTAssertEqual(recorded.map(\.attempts), [2])
            XCTAssertEqual(recorded.first?.deliveredAt, t(4))
            let counts = try await l.store.actionCounts()
            XCTAssertEqual(counts, [.delivered: 1])
            XCTAssertEqual(try l.sql("SELECT delivered_at FROM deliveries"), "\(t(4).seconds)\n")
        }
    }

    /// An action with two channels is delivered once both are, and dead as soon as one is.
    func testAnActionWaitsForEveryChannel() async throws {
        try await forEachStore { l in
            try await l.store.commit(step([action("c/1", channels: ["log", "hook"])]))
            try await l.store.recordAttempt(outcome(1, channel: "log"))
            let half = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(half.map(\.state), [.pending])
            XCTAssertNil(half.first?.deliveredAt)
            try await l.store.recordAttempt(outcome(1, error: "exit 3", retryAt: nil, at: t(5), channel: "hook"))
            let dead = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(dead.map(\.state), [.dead])
            let health = try await l.store.channelHealth()
            XCTAssertEqual(health, [ChannelHealth(campaign: "c", channel: "hook", pending: 0, delivered: 0, dead: 1, lastError: "exit 3"),
                                    ChannelHealth(campaign: "c", channel: "log", pending: 0, delivered: 1, dead: 0, lastError: nil)])
        }
    }

    func testAFinalFailureMakesADeadLetter() async throws {
        try await forEachStore { l in
            try await l.store.commit(step([action("c/1", channels: ["log"])]))
            try await l.store.recordAttempt(outcome(1, error: "exit 3", retryAt: nil))
            let letters = try await l.store.deadLetters(limit: 10)
            XCTAssertEqual(letters.map(\.lastError), ["exit 3"])
            XCTAssertEqual(letters.map(\.state), [.dead])
            let counts = try await l.store.actionCounts()
            XCTAssertEqual(counts, [.dead: 1])
            let health = try await l.store.channelHealth()
            XCTAssertEqual(health.map(\.dead), [1])
        }
    }

    func testActionsComeByDueTimeThenDecisionOrder() async throws {
        try await forEachStore { l in
            try await l.store.commit(step([action("c/b", channels: [], due: 5, state: .unrouted), action("c/a", channels: ["log"], due: 3),
                                           action("c/c", channels: [], due: 5, state: .skipped)]))
            let all = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(all.map(\.id), ["c/a", "c/b", "c/c"])
            let later = try await l.store.actions(since: t(4), limit: 1)
            XCTAssertEqual(later.map(\.id), ["c/b"])
            let counts = try await l.store.actionCounts()
            XCTAssertEqual(counts, [.pending: 1, .unrouted: 1, .skipped: 1])
        }
    }

    func testTimersAreASnapshotPerCampaign() async throws {
        try await forEachStore { l in
            let timers = [TimerRecord(campaign: "c", timer: PendingTimer(at: t(9), kind: "deadline", rule: "r2", detail: "{\"n\":2}")),
                          TimerRecord(campaign: "c", timer: PendingTimer(at: t(7), kind: "cooldown", rule: "r1", detail: "{}"))]
            try await l.store.commit(step([], timers: timers))
            let stored = try await l.store.timers(campaign: "c")
            XCTAssertEqual(stored.map(\.timer.at), [t(7), t(9)])
            XCTAssertEqual(stored.last?.timer, PendingTimer(at: t(9), kind: "deadline", rule: "r2", detail: "{\"n\":2}"))
            // No snapshot leaves them; a new one replaces them.
            try await l.store.commit(step([], timers: nil, through: 2))
            let kept = try await l.store.timers(campaign: "c")
            XCTAssertEqual(kept.count, 2)
            try await l.store.commit(step([], timers: [], through: 3))
            let gone = try await l.store.timers(campaign: "c")
            XCTAssertEqual(gone.count, 0)
            let watermark = try await l.store.watermark(campaign: "c")
            XCTAssertEqual(watermark?.judgedThrough, t(3))
        }
    }

    /// A quiet hours hold (`deliverAt`) is the delivery's first attempt time, kept in the table.
    func testADeliveryHeldByQuietHoursIsNotDueBeforeItsDeliverAt() async throws {
        try await forEachStore { l in
            var held = action("c/1", channels: ["log", "hook"])
            held.deliverAt = ["hook": t(50), "log": t(0)]
            try await l.store.commit(step([held]))
            let now = try await l.store.dueDeliveries(now: t(49), limit: 10)
            XCTAssertEqual(now.map(\.channel), ["log"], "a deliver_at before the decision is the decision")
            XCTAssertEqual(now.first?.nextAttemptAt, t(1))
            let later = try await l.store.dueDeliveries(now: t(50), limit: 10)
            XCTAssertEqual(later.map(\.channel).sorted(), ["hook", "log"])
            XCTAssertEqual(later.first { $0.channel == "hook" }?.nextAttemptAt, t(50))
            guard l.kind != .sqliteMemory else { return }
            let other = try await l.reopen()
            let again = try await other.dueDeliveries(now: t(49), limit: 10)
            await other.close()
            XCTAssertEqual(again.map(\.channel), ["log"], "the hold survives a restart")
        }
    }

    /// An organizer's retry makes dead deliveries pending again, with its audit line, or does nothing.
    func testRetryingADeadLetterMakesItPendingWithItsAuditLine() async throws {
        try await forEachStore { l in
            try await l.store.commit(step([action("c/1", channels: ["log", "hook", "mail"])]))
            try await l.store.recordAttempt(outcome(1, error: "exit 3", retryAt: nil, channel: "log"))
            try await l.store.recordAttempt(outcome(1, error: "exit 4", retryAt: nil, channel: "hook"))
            try await l.store.recordAttempt(outcome(1, channel: "mail"))
            let line = AuditEvent(at: t(9), who: "org", role: .organizer, what: "POST /api/dead-letters/retry", outcome: 200)
            let none = try await l.store.retryDeadDeliveries(actionID: "c/2", channel: nil, at: t(9), audit: line)
            XCTAssertEqual(none, [])
            let notDead = try await l.store.retryDeadDeliveries(actionID: "c/1", channel: "mail", at: t(9), audit: line)
            XCTAssertEqual(notDead, [], "a delivered channel is not retried")
            let noLines = try await l.store.audit(AuditQuery())
            XCTAssertEqual(noLines, [], "nothing written when there is nothing to retry")
            let one = try await l.store.retryDeadDeliveries(actionID: "c/1", channel: "log", at: t(9), audit: line)
            XCTAssertEqual(one, ["log"])
            var actions = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(actions.map(\.state), [.pending], "pending again: it has a delivery to attempt")
            let rest = try await l.store.retryDeadDeliveries(actionID: "c/1", channel: nil, at: t(10), audit: line)
            XCTAssertEqual(rest, ["hook"])
            actions = try await l.store.actions(since: nil, limit: 10)
            XCTAssertEqual(actions.map(\.state), [.pending])
            let due = try await l.store.dueDeliveries(now: t(10), limit: 10)
            XCTAssertEqual(due.map(\.channel).sorted(), ["hook", "log"])
            XCTAssertEqual(due.first { $0.channel == "hook" }?.nextAttemptAt, t(10))
            let letters = try await l.store.deadLetters(limit: 10)
            XCTAssertEqual(letters, [])
            let audit = try await l.store.audit(AuditQuery())
            XCTAssertEqual(audit.map(\.ids), ["action c/1 channel log", "action c/1 channel hook"])
            // The retried delivery takes its next attempt in turn.
            let second = try await l.store.recordAttempt(outcome(2, at: t(11), channel: "log"))
            XCTAssertTrue(second)
        }
    }
}
