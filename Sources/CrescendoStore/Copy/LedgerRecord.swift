import CrescendoCore

/// One row of a ledger exactly as a store keeps it, for moving a whole ledger from one store to
/// another (`crescendo ledger copy`): `DaemonStore.forEachRecord` gives them, `restore` takes them.
///
/// They come table by table in this order, each table in the order it was recorded: the
/// campaign the ledger is bound to, entries by seq, indicator samples, responses, money flows,
/// actions, their deliveries, timers, watermarks, tokens, the audit log. Idempotency keys and
/// the web app's sessions are not copied (keys are for retries within minutes; people sign in again).
public enum LedgerRecord: Equatable, Sendable {
    /// The campaign the ledger is bound to.
    case campaign(String)
    /// An entry with its seq, `recorded_at`, correction and hash as stored.
    case entry(StoredEntry)
    case indicator(IndicatorSample)
    case response(Response, recordedAt: Instant)
    case moneyFlow(MoneyFlow)
    /// An action as the daemon recorded it (its `channels` are its deliveries, which follow).
    case action(ActionRecord)
    /// One delivery of an action, with its retry state and `deliveredAt`.
    case delivery(DeliveryRecord)
    /// A pending timer under its row id.
    case timer(id: String, TimerRecord)
    case watermark(campaign: String, Watermark)
    /// A token with its SHA-256 (never the token itself).
    case token(TokenRecord, hash: String)
    /// An audit line under its id.
    case audit(AuditEvent)
}
