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
    /// The last `recorded_at` encoded, and its text (an import records every row at one instant).
    private var recordedCache: (Instant, [UInt8])?

    public init() { buffer.reserveCapacity(512) }

    /// The hash of an entry (32 bytes) that follows `previous` (32 bytes; zeros for the first).
    public mutating func hash(previous: [UInt8], seq: Int64, entry e: LedgerEntry, recordedAt: Instant,
                              corrects: Int64?, reason: String?) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        write(hashDigest(previous: previous, seq: seq, entry: e, recordedAt: recordedAt, corrects: corrects, reason: reason), into: &out)
        return out
    }

    private mutating func hashDigest(previous: [UInt8], seq: Int64, entry e: LedgerEntry, recordedAt: Instant,
                                     corrects: Int64?, reason: String?) -> SHA256Digest {
        buffer.removeAll(keepingCapacity: true)
        Hex.append(previous, to: &buffer); buffer.append(Self.separator)
        appendDecimal(seq); buffer.append(Self.separator)
        e.at.appendISO8601(to: &buffer); buffer.append(Self.separator)
        if let cached = recordedCache, cached.0 == recordedAt {
            buffer.append(contentsOf: cached.1)
        } else {
            var text: [UInt8] = []
            recordedAt.appendISO8601(to: &text)
            recordedCache = (recordedAt, text)
            buffer.append(contentsOf: text)
        }
        buffer.append(Self.separator)
        buffer.append(contentsOf: e.kind.utf8); buffer.append(Self.separator)
        appendDecimal(e.quantity.milli); buffer.append(Self.separator)
        for text in [e.area, e.demand, e.care, e.cause, e.change] {
            if let text { buffer.append(contentsOf: text.utf8) }
            buffer.append(Self.separator)
        }
        if let corrects { appendDecimal(corrects) }
        buffer.append(Self.separator)
        if let reason { buffer.append(contentsOf: reason.utf8) }
        return SHA256.hash(data: buffer)
    }

    /// Like `hash(previous:...)`, writing the 32 bytes into `previous` in place (no allocation).
    public mutating func advance(_ previous: inout [UInt8], seq: Int64, entry: LedgerEntry, recordedAt: Instant,
                                 corrects: Int64?, reason: String?) {
        let digest = hashDigest(previous: previous, seq: seq, entry: entry, recordedAt: recordedAt, corrects: corrects, reason: reason)
        write(digest, into: &previous)
    }

    private func write(_ digest: SHA256Digest, into out: inout [UInt8]) {
        digest.withUnsafeBytes { d in out.withUnsafeMutableBytes { $0.copyMemory(from: d) } }
    }

    /// The canonical encoding last hashed (for tests and docs).
    public var lastEncoding: [UInt8] { buffer }

    private mutating func appendDecimal(_ n: Int64) {
        if n < 0 { buffer.append(45); appendDecimalMagnitude(n.magnitude) } else { appendDecimalMagnitude(UInt64(n)) }
    }

    private mutating func appendDecimalMagnitude(_ n: UInt64) {
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var v = n
        withUnsafeMutableBytes(of: &digits) { raw in
            let d = raw.bindMemory(to: UInt8.self)
            repeat { d[count] = UInt8(48 + v % 10); v /= 10; count += 1 } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[i]) }
        }
    }
}
