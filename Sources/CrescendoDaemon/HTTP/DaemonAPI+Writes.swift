import CrescendoCore
import CrescendoStore
import Foundation
import Hummingbird

/// The write routes. Each writes its facts, its audit line and its `Idempotency-Key` in one
/// transaction; a refusal writes nothing but its audit line (`RefusalAudit`). The web app's
/// forms go through the same functions (`recordEntries`, `recordResponses`), so there is one
/// path into the ledger. A write that records facts wakes the scheduler (`Scheduler.wake()`),
/// which then judges them at once instead of at the next second.
extension DaemonAPI {
    func postEntries(_ request: Request, _ caller: Caller) async throws -> Response {
        let buffer = try await collect(request)
        return try await recordEntries(buffer, key: request.headers[Self.idempotencyHeader], caller, what: RefusalAudit.what(request)).response
    }

    /// Records the entries of a JSON body (one object or an array) under `key`, if any.
    func recordEntries(_ buffer: ByteBuffer, key: String?, _ caller: Caller, what: String) async throws -> WriteResult {
        try await idempotent(key: key, what: what, caller, body: buffer) { claim in
            let (decoder, body) = try decode(buffer)
            let decoded = try decoder.items(body) { try decoder.entry($0, index: $1) }
            var entries = decoded.map(\.entry)
            if let redactor = registry.redactor(campaign: decoder.campaign.id) {
                for i in entries.indices { _ = redactor.redact(&entries[i]) }
            }
            let batch = IngestBatch(entries: entries, note: note(what, caller, claim: claim, outcome: 201), reply: { stored in
                let items = stored.map { s in JSONValue.object([("seq", .int(s.seq)), ("hash", .string(s.hash))]) }
                return StoredReply(status: 201, body: JSONValue.object([("entries", .array(items))]).text)
            })
            switch try await ingest.append(batch, stampNow: decoded.map(\.stampNow)) {
            case .claimed(let first): return try replay(first, claim!, what, caller)
            case .recorded(let stored):
                metrics.recordedEntries(stored.count)
                scheduler.wake()
                return WriteResult(reply: batch.reply!(stored))
            }
        }
    }

    func postResponses(_ request: Request, _ caller: Caller) async throws -> Response {
        let buffer = try await collect(request)
        return try await recordResponses(buffer, key: request.headers[Self.idempotencyHeader], caller, what: RefusalAudit.what(request)).response
    }

    /// Responses go the way `crescendo respond` goes (`ResponseStanding`): judged by the
    /// engine (the scheduler's, `Scheduler.judge`; before the campaign's first step a replay,
    /// `LedgerStore.judge`), all recorded or none. A deadline never opened (or a response after the
    /// campaign's end) is a 422, one already answered a 409, naming the item and its deadline.
    func recordResponses(_ buffer: ByteBuffer, key: String?, _ caller: Caller, what: String) async throws -> WriteResult {
        try await idempotent(key: key, what: what, caller, body: buffer) { claim in
            let (decoder, body) = try decode(buffer)
            let responses = try decoder.items(body) { try decoder.response($0, index: $1) }
            let campaign = decoder.campaign
            let standings: [ResponseStanding]
            if let judged = try await scheduler.judge(responses, campaign: campaign.id) {
                standings = judged
            } else {
                standings = try await store.judge(responses, campaign: campaign)
            }
            if let refused = standings.last, !refused.answers {
                let i = standings.count - 1
                let status: HTTPResponse.Status = if case .alreadyAnswered = refused { .conflict } else { .unprocessableContent }
                let index: Int? = if case .array = body { i } else { nil }
                throw APIError(status, refused.sentence(responses[i], zone: campaign.zone), field: "deadline", index: index)
            }
            let items = zip(responses, standings).map { r, s -> JSONValue in
                let answered = if case .late = s { "late" } else { "in_time" }
                return .object([("deadline", .int(r.deadline)), ("answered", .string(answered))])
            }
            let reply = StoredReply(status: 201, body: JSONValue.object([("recorded", .int(responses.count)), ("responses", .array(items))]).text)
            let ids = "deadline " + responses.map { String($0.deadline) }.joined(separator: ",")
            return try await sideFacts(what, caller, claim, responses: responses, ids: ids, reply: reply)
        }
    }

    func postIndicators(_ request: Request, _ caller: Caller) async throws -> Response {
        let buffer = try await collect(request)
        let what = RefusalAudit.what(request)
        return try await idempotent(request, caller, body: buffer) { claim in
            let (decoder, body) = try decode(buffer)
            let facts = try decoder.items(body) { try decoder.indicator($0, index: $1) }
            let reply = StoredReply(status: 201, body: JSONValue.object([("recorded", .int(facts.count))]).text)
            let ids = "indicator " + Array(Set(facts.map(\.name))).sorted().joined(separator: ",")
            return try await sideFacts(what, caller, claim, indicators: facts, ids: ids, reply: reply)
        }.response
    }

    /// Records responses or indicator samples with their note; replays a key claimed meanwhile.
    private func sideFacts(_ what: String, _ caller: Caller, _ claim: IdempotencyClaim?, indicators: [IndicatorSample] = [],
                           responses: [CrescendoCore.Response] = [], ids: String, reply: StoredReply) async throws -> WriteResult {
        let outcome = try await store.recordSideFacts(indicators: indicators, responses: responses, recordedAt: clock.now(),
                                                      note: note(what, caller, claim: claim, outcome: reply.status, ids: ids),
                                                      reply: reply)
        if case .claimed(let first) = outcome { return try replay(first, claim!, what, caller) }
        scheduler.wake()
        return WriteResult(reply: reply)
    }

    func postReload(_ request: Request, _ caller: Caller) async throws -> Response {
        let ok = await reload()
        let failure = registry.lastFailure
        let status: HTTPResponse.Status = ok ? .ok : .unprocessableContent
        if ok { log.record(note(RefusalAudit.what(request), caller, claim: nil, outcome: 200, ids: "campaigns").audit) }
        return JSONResponse.make(.object([("reloaded", .bool(ok)),
                                          ("errors", .array((ok ? [] : failure?.lines ?? []).map { .string($0) }))]),
                                 status: status)
    }

    /// `POST /api/deliveries/{id}/retry`: the action's dead deliveries (or only `?channel=`'s)
    /// are attempted again now, once more each; audited. 404 when the action has no dead letter.
    /// `id` is an action's id as the path has it: `fixture%2F1-r-notify-1` (Hummingbird leaves
    /// path parameters percent-encoded) is action `fixture/1-r-notify-1`.
    func postRetry(_ request: Request, _ caller: Caller, id encoded: String) async throws -> Response {
        let id = encoded.removingPercentEncoding ?? encoded
        let channel = request.uri.queryParameters.get("channel")
        let channels = try await retryDead(id, channel: channel, caller, what: RefusalAudit.what(request))
        return JSONResponse.make(.object([("action", .string(id)), ("retried", .array(channels.map { .string($0) }))]))
    }

    /// The retry itself, for the API and the organizer's Retry button.
    func retryDead(_ id: String, channel: String?, _ caller: Caller, what: String) async throws -> [String] {
        let audit = AuditEvent(at: clock.now(), who: caller.name, role: caller.role, what: what, outcome: 200)
        let channels = try await store.retryDeadDeliveries(actionID: id, channel: channel, at: clock.now(), audit: audit)
        guard !channels.isEmpty else {
            throw APIError(.notFound, "action \(id) has no dead delivery\(channel.map { " to \($0)" } ?? "") to retry", field: "id")
        }
        return channels
    }
}
