import CrescendoCore
import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    /// Inserts a step's actions that are not recorded yet, each with a pending delivery per
    /// channel, in **one statement**, and returns the ones it inserted (in the step's order).
    ///
    /// One statement, so that an action and its deliveries are written together by the
    /// database itself: the deliveries are those of the rows the action insert returned, joined
    /// inside the statement, never decided by the client reading a `RETURNING` row between two
    /// statements. An action already recorded (by an earlier step, or by a daemon that held the
    /// lease before) is left as it is, and so are its deliveries. Rows are inserted in the
    /// step's order (`WITH ORDINALITY`), so `decided` and the deliveries' `ord` follow it, as
    /// one insert after another did. A delivery quiet hours hold starts at its `deliver_at`,
    /// so it is not attempted before then, across restarts.
    func insertActions(_ actions: [ActionRecord], _ c: PostgresConnection) async throws -> [ActionRecord] {
        guard !actions.isEmpty else { return [] }
        let routed = actions.flatMap { a in a.channels.map { (a, $0) } }
        let rows = try await c.run("""
            WITH input AS (
                SELECT * FROM unnest(\(actions.map(\.id))::text[], \(actions.map(\.campaign))::text[], \(actions.map(\.rule))::text[],
                                     \(actions.map(\.action))::text[], \(actions.map(\.dueAt.seconds))::bigint[], \(actions.map(\.payload))::text[],
                                     \(actions.map(\.state.rawValue))::text[], \(actions.map(\.late))::boolean[],
                                     \(actions.map(\.decidedAt.seconds))::bigint[], \(actions.map { $0.reason ?? "" })::text[],
                                     \(actions.map { $0.reason != nil })::boolean[])
                    WITH ORDINALITY AS t (id, campaign, rule, action, due_at, payload, state, late, decided_at, reason, has_reason, n)
            ), inserted AS (
                INSERT INTO actions (id, campaign, rule, action, due_at, payload, state, late, decided_at, reason)
                SELECT id, campaign, rule, action, due_at, payload, state, late, decided_at, CASE WHEN has_reason THEN reason END
                FROM input ORDER BY n
                ON CONFLICT (id) DO NOTHING
                RETURNING id
            ), routed AS (
                INSERT INTO deliveries (action_id, channel, state, next_attempt_at)
                SELECT d.action_id, d.channel, 'pending', d.first_at
                FROM unnest(\(routed.map(\.0.id))::text[], \(routed.map(\.1))::text[],
                            \(routed.map { a, channel in max(a.decidedAt, a.deliverAt[channel] ?? a.decidedAt).seconds })::bigint[])
                         WITH ORDINALITY AS d (action_id, channel, first_at, n)
                JOIN inserted i ON i.id = d.action_id
                ORDER BY d.n
                ON CONFLICT (action_id, channel) DO NOTHING
            )
            SELECT id FROM inserted
            """, logger: logger)
        var ids = Set<String>()
        for try await id in rows.decode(String.self) { ids.insert(id) }
        return actions.filter { ids.contains($0.id) }
    }
}
