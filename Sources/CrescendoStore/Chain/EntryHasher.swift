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

    /// Whether the ledger refuses this text: it holds U+001F, the encoding's separator.
    public static func refuses(_ text: String) -> Bool { text.utf8.contains(separator) }

    /// The encoding last hashed is `buffer[0..<encodedCount]`.
    private var buffer: [UInt8] = []
    private var encodedCount = 0
    private var encoder = EntryEncoder()

    public init() { buffer = [UInt8](repeating: 0, count: 512) }

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
    public var lastEncoding: [UInt8] { Array(buffer[0..<encodedCount]) }

    private mutating func digest(previous: [UInt8], seq: Int64, entry e: LedgerEntry, recordedAt: Instant,
                                 corrects: Int64?, reason: String?) -> SHA256Digest {
        let bound = EntryEncoder.maxCount(e, reason: reason, previousCount: previous.count)
        if buffer.count < bound { buffer = [UInt8](repeating: 0, count: max(bound, 2 * buffer.count)) }
        // Encode through locals: a stored property in the call pays for exclusivity checks.
        var b = buffer, enc = encoder
        buffer = []
        let n = b.withUnsafeMutableBufferPointer { out in
            previous.withUnsafeBytes { p in
                enc.write(to: out.baseAddress!, previous: p, seq: seq, entry: e, recordedAt: recordedAt,
                          corrects: corrects, reason: reason).count
            }
        }
        var sha = SHA256()
        b.withUnsafeBytes { sha.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        buffer = b
        encoder = enc
        encodedCount = n
        return sha.finalize()
    }

    private static func write(_ digest: SHA256Digest, into out: inout [UInt8]) {
        digest.withUnsafeBytes { d in out.withUnsafeMutableBytes { $0.copyMemory(from: d) } }
    }
}
