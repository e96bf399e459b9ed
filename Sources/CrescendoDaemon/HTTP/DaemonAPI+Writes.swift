import CrescendoCore
import CrescendoStore
import Hummingbird

/// The write routes. Each writes its facts, its audit line and its `Idempotency-Key` in one
/// transaction; a refusal writes nothing but its audit line (`RefusalAudit`).
extension DaemonAPI {
    func postEntries(_ request: Request, _ caller: Caller) async throws -> Response {
        let buffer = try await collect(request)
        return try await idempotent(request, caller, body: buffer) { claim in
            let (decoder, body) = try decode(buffer)
            let decoded = try decoder.items(body) { try decoder.entry($0, index: $1) }
            var entries = decoded.map(\.entry)
            if let redactor = registry.redactor(campaign: decoder.campaign.id) {
                for i in entries.indices { _ = redactor.redact(&entries[i]) }
            }
            let batch = IngestBatch(entries: entries, note: note(request, caller, claim: claim, outcome: 201), reply: { stored in
                let items = stored.map { s in JSONValue.object([("seq", .int(s.seq)), ("hash", .string(s.hash))]) }
                return StoredReply(status: 201, body: JSONValue.object([("entries", .array(items))]).text)
            })
            switch try await ingest.append(batch, stampNow: decoded.map(\.stampNow)) {
            case .claimed(let first): return try replay(first, claim!, request, caller)
            case .recorded(let stored):
                metrics.recordedEntries(stored.count)
                let reply = batch.reply!(stored)
                return JSONResponse.text(reply.body, status: .created)
            }
        }
    }

    /// Responses go the way `crescendo respond` goes (`LedgerStore.judge`): judged by the
    /// engine, all recorded or none. A deadline never opened (or a response after the
    /// campaign's end) is a 422, one already answered a 409, naming the item and its deadline.
    func postResponses(_ request: Request, _ caller: Caller) async throws -> Response {
        let buffer = try await collect(request)
        return try await idempotent(request, caller, body: buffer) { claim in
            let (decoder, body) = try decode(buffer)
            let responses = try decoder.items(body) { try decoder.response($0, index: $1) }
            let campaign = decoder.campaign
            // A replay of the ledger: off the event loop.
            let standings = try await store.judge(responses, campaign: campaign)
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
            return try await sideFacts(request, caller, claim, responses: responses, ids: ids, reply: reply)
        }
    }

    func postIndicators(_ request: Request, _ caller: Caller) async throws -> Response {
        let buffer = try await collect(request)
        return try await idempotent(request, caller, body: buffer) { claim in
            let (decoder, body) = try decode(buffer)
            let facts = try decoder.items(body) { try decoder.indicator($0, index: $1) }
            let reply = StoredReply(status: 201, body: JSONValue.object([("recorded", .int(facts.count))]).text)
            let ids = "indicator " + Array(Set(facts.map(\.name))).sorted().joined(separator: ",")
            return try await sideFacts(request, caller, claim, indicators: facts, ids: ids, reply: reply)
        }
    }

    /// Records responses or indicator samples with their note; replays a key claimed meanwhile.
    private func sideFacts(_ request: Request, _ caller: Caller, _ claim: IdempotencyClaim?, indicators: [IndicatorSample] = [],
                           responses: [CrescendoCore.Response] = [], ids: String, reply: StoredReply) async throws -> Response {
        let outcome = try await store.recordSideFacts(indicators: indicators, responses: responses, recordedAt: clock.now(),
                                                      note: note(request, caller, claim: claim, outcome: reply.status, ids: ids),
                                                      reply: reply)
        if case .claimed(let first) = outcome { return try replay(first, claim!, request, caller) }
        return JSONResponse.text(reply.body, status: HTTPResponse.Status(code: reply.status))
    }

    func postReload(_ request: Request, _ caller: Caller) async throws -> Response {
        let ok = await reload()
        let failure = registry.lastFailure
        let status: HTTPResponse.Status = ok ? .ok : .unprocessableContent
        if ok { log.record(note(request, caller, claim: nil, outcome: 200, ids: "campaigns").audit) }
        return JSONResponse.make(.object([("reloaded", .bool(ok)),
                                          ("errors", .array((ok ? [] : failure?.lines ?? []).map { .string($0) }))]),
                                 status: status)
    }
}
