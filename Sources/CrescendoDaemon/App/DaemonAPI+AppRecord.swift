import CrescendoCore
import CrescendoPublish
import CrescendoStore
import Foundation
import Hummingbird

/// The record form (recorder) and its receipt. The form posts the way `POST /api/entries`
/// does (`recordEntries`), under the `Idempotency-Key` in its hidden `key` field (made when
/// the form was shown), so a double submit records the act once. Bad input gets the form
/// back, 422, with the field marked; a recorded entry leads to its receipt.
extension DaemonAPI {
    static let entryFields = ["kind", "quantity", "area", "demand", "care", "cause", "change"]

    func recordPage(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.recorder, request, context)
        guard let page = gated.page else { return gated.refusal! }
        return recordForm(page, values: [:], error: nil)
    }

    /// The form with `values` filled in and, when a field was refused, its error next to it.
    func recordForm(_ page: AppPage, values: [String: String], error: APIError?, status: HTTPResponse.Status = .ok) -> Response {
        let campaign = registry.primary.campaign
        let lang = page.lang
        var fields: [AppField] = [
            AppField(name: "kind", label: page.word("field_kind"), kind: .select(campaign.metrics.map { ($0.id, $0.label(in: lang)) })),
            AppField(name: "quantity", label: page.word("field_quantity"), kind: .input(type: "text", numeric: true), value: "1"),
        ]
        if campaign.areas.isEmpty {
            fields.append(AppField(name: "area", label: page.word("field_area"), kind: .input(type: "text", numeric: false)))
        } else {
            fields.append(AppField(name: "area", label: page.word("field_area"),
                                   kind: .select([("", page.word("field_area_none"))] + campaign.areas.map { ($0.id, $0.label(in: lang)) })))
        }
        fields.append(AppField(name: "demand", label: page.word("field_demand"),
                               kind: .select([("", page.word("field_demand_none"))] + campaign.demands.map { ($0.id, $0.text(in: lang)) })))
        for beat in ["care", "cause", "change"] {
            fields.append(AppField(name: beat, label: campaign.prompt(beat, language: lang) ?? page.word("prompt_\(beat)"), kind: .textarea))
        }
        AppField.fill(&fields, values: values, error: error.map { ($0.field, $0.message) })
        let form: [String: Any] = ["action": "/app/record", "formID": "record-form", "key": AppSession.randomToken(),
                                   "submit": page.word("record_submit"), "fields": fields.map(\.context)]
        let unplaced = error.map { e in Self.entryFields.contains(e.field ?? "") ? page.word("fix_below") : e.message }
        return page.render("record", title: page.word("record_title"), ["form": form], status: status, formError: unplaced)
    }

    func postRecord(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.recorder, request, context)
        guard let page = gated.page, let caller = gated.caller else { return gated.refusal! }
        let (checked, refusal) = try await checkedForm(request, page)
        guard let form = checked else { return refusal! }
        var values: [String: String] = [:]
        for f in Self.entryFields { if let v = form.text(f) { values[f] = v } }
        let body = JSONValue.object(Self.entryFields.compactMap { f in values[f].map { (f, JSONValue.string($0)) } })
        do {
            let result = try await recordEntries(ByteBuffer(string: body.text), key: form["key"], caller, what: "POST /app/record")
            guard let seq = Self.firstSeq(result.reply.body) else { throw APIError(.internalServerError, "the ledger gave no number") }
            return Self.seeOther("/app/receipt/\(seq)")
        } catch let error as APIError where error.status.code < 500 {
            return recordForm(page, values: values, error: error, status: HTTPResponse.Status(code: error.status.code))
        }
    }

    /// The first `seq` of an entries reply (`{"entries": [{"seq": 12, ...}]}`).
    static func firstSeq(_ body: String) -> Int64? {
        guard case .object(let top)? = JSONValue.parse(Data(body.utf8)),
              case .array(let items)? = top.first(where: { $0.0 == "entries" })?.1,
              case .object(let first)? = items.first, case .number(let n)? = first.first(where: { $0.0 == "seq" })?.1 else { return nil }
        return Int64(n)
    }

    /// "Care Ledger 001": the entry's number as the site numbers its stories, and its three
    /// beats as they will be published (redacted as the site redacts them).
    func receipt(_ request: Request, _ context: DaemonRequestContext) async throws -> Response {
        let gated = try gate(.recorder, request, context)
        guard let page = gated.page else { return gated.refusal! }
        guard let seq = context.parameters.get("seq", as: Int64.self), seq > 0, let stored = try await store.entry(seq: seq) else {
            return page.render("refused", title: page.word("refused_title"), ["message": "Care Ledger ?"], status: .notFound)
        }
        let redact = PublicRedactor(campaign: registry.primary.campaign)
        let beats: [[String: Any]] = [("receipt_care", stored.entry.care), ("receipt_cause", stored.entry.cause),
                                      ("receipt_change", stored.entry.change)].map { key, text in
            ["name": page.word(key), "text": redact(text) ?? page.word("receipt_not_given")]
        }
        return page.render("receipt", title: "Care Ledger \(seqLabel(seq))", ["label": seqLabel(seq), "beats": beats])
    }
}
