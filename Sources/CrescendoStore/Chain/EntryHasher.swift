import Crypto
import CrescendoCore

/// The canonical encoding of a ledger entry and its place in the hash chain (docs/ledger.md).
///
/// The encoding is the UTF-8 of these fields joined by U+001F (unit separator), in this order:
/// previous hash (64 lowercase hex digits; 64 zeros before the first entry), seq, at (UTC,
/// `YYYY-MM-DDTHH:MM:SSZ`), recorded_at (same form), kind, quantity in thousandths, area,
/// demand, care, cause, change, corrects (a seq), correction_reason; an absent field is empty.
/// The entry's hash is SHA-256 of that encoding.
public struct EntryHasher {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)
    static let separator: UInt8 = 0x1F

    private var buffer: [UInt8] = []

    public init() { buffer.reserveCapacity(512) }

    /// The hash of an entry (32 bytes) that follows `previous` (32 bytes; zeros for the first).
    public mutating func hash(previous: [UInt8], seq: Int64, entry e: LedgerEntry, recordedAt: Instant,
                              corrects: Int64?, reason: String?) -> [UInt8] {
        buffer.removeAll(keepingCapacity: true)
        Hex.append(previous, to: &buffer); buffer.append(Self.separator)
        appendDecimal(seq); buffer.append(Self.separator)
        e.at.appendISO8601(to: &buffer); buffer.append(Self.separator)
        recordedAt.appendISO8601(to: &buffer); buffer.append(Self.separator)
        buffer.append(contentsOf: e.kind.utf8); buffer.append(Self.separator)
        appendDecimal(e.quantity.milli); buffer.append(Self.separator)
        for text in [e.area, e.demand, e.care, e.cause, e.change] {
            if let text { buffer.append(contentsOf: text.utf8) }
            buffer.append(Self.separator)
        }
        if let corrects { appendDecimal(corrects) }
        buffer.append(Self.separator)
        if let reason { buffer.append(contentsOf: reason.utf8) }
        return Array(SHA256.hash(data: buffer))
    }

    /// The canonical encoding last hashed (for tests and docs).
    public var lastEncoding: [UInt8] { buffer }

    private mutating func appendDecimal(_ n: Int64) {
        if n < 0 { buffer.append(45); appendDecimalMagnitude(n.magnitude) } else { appendDecimalMagnitude(UInt64(n)) }
    }

    private mutating func appendDecimalMagnitude(_ n: UInt64) {
        if n >= 10 { appendDecimalMagnitude(n / 10) }
        buffer.append(UInt8(48 + n % 10))
    }
}
