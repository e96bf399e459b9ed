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
    private var recordedCache: (instant: Instant, text: [UInt8])?

    public init() { buffer.reserveCapacity(512) }

    /// The hash of an entry (32 bytes) that follows `previous` (32 bytes; zeros for the first).
    public mutating func hash(previous: [UInt8], seq: Int64, entry e: LedgerEntry, recordedAt: Instant,
                              corrects: Int64?, reason: String?) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        Self.write(digest(previous: previous, seq: seq, entry: e, recordedAt: recordedAt, corrects: corrects, reason: reason), into: &out)
        return out
    }

    /// Like `hash(previous:...)`, writing the 32 bytes into `previous` in place (no allocation).
    public mutating func advance(_ previous: inout [UInt8], seq: Int64, entry: LedgerEntry, recordedAt: Instant,
                                 corrects: Int64?, reason: String?) {
        let d = digest(previous: previous, seq: seq, entry: entry, recordedAt: recordedAt, corrects: corrects, reason: reason)
        Self.write(d, into: &previous)
    }

    /// The canonical encoding last hashed (for tests and docs).
    public var lastEncoding: [UInt8] { buffer }

    private mutating func digest(previous: [UInt8], seq: Int64, entry e: LedgerEntry, recordedAt: Instant,
                                 corrects: Int64?, reason: String?) -> SHA256Digest {
        if recordedCache?.instant != recordedAt {
            var text: [UInt8] = []
            recordedAt.appendISO8601(to: &text)
            recordedCache = (recordedAt, text)
        }
        // Build in a local array: appends to a stored property pay for exclusivity checks.
        var b = buffer
        buffer = []
        b.removeAll(keepingCapacity: true)
        let us = Self.separator
        Hex.append(previous, to: &b); b.append(us)
        Self.appendDecimal(seq, to: &b); b.append(us)
        e.at.appendISO8601(to: &b); b.append(us)
        b.append(contentsOf: recordedCache?.text ?? []); b.append(us)
        Self.appendText(e.kind, to: &b); b.append(us)
        Self.appendDecimal(e.quantity.milli, to: &b); b.append(us)
        Self.appendText(e.area, to: &b); b.append(us)
        Self.appendText(e.demand, to: &b); b.append(us)
        Self.appendText(e.care, to: &b); b.append(us)
        Self.appendText(e.cause, to: &b); b.append(us)
        Self.appendText(e.change, to: &b); b.append(us)
        if let corrects { Self.appendDecimal(corrects, to: &b) }
        b.append(us)
        Self.appendText(reason, to: &b)
        var sha = SHA256()
        b.withUnsafeBytes { sha.update(bufferPointer: $0) }
        let d = sha.finalize()
        buffer = b
        return d
    }

    private static func write(_ digest: SHA256Digest, into out: inout [UInt8]) {
        digest.withUnsafeBytes { d in out.withUnsafeMutableBytes { $0.copyMemory(from: d) } }
    }

    @inline(__always)
    private static func appendText(_ text: String?, to b: inout [UInt8]) {
        guard var text else { return }
        text.withUTF8 { b.append(contentsOf: $0) }
    }

    private static func appendDecimal(_ n: Int64, to b: inout [UInt8]) {
        if n < 0 { b.append(45) }
        var v = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            var count = 0
            repeat { raw[count] = UInt8(48 + v % 10); v /= 10; count += 1 } while v > 0
            while count > 0 { count -= 1; b.append(raw[count]) }
        }
    }
}
