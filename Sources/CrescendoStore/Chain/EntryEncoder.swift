import CrescendoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one text column lies in an entry's canonical encoding: a byte offset from the start of
/// the encoding, and a length (0 for an absent or empty field).
struct TextSpan {
    var start: Int32 = 0
    var count: Int32 = 0
}

/// Where an entry's text columns lie in its canonical encoding. The import binds its text
/// columns straight from there: the encoding holds each field's UTF-8, exactly as stored.
struct EntryTextSpans {
    var kind = TextSpan(), area = TextSpan(), demand = TextSpan()
    var care = TextSpan(), cause = TextSpan(), change = TextSpan()
}

/// Writes the canonical encoding of an entry (docs/ledger.md) into raw memory: the one
/// implementation of the encoding, used by `EntryHasher` (append, verify) and by the import.
///
/// The fields, as UTF-8, joined by U+001F: previous hash (64 lowercase hex digits), seq, at,
/// recorded_at (`YYYY-MM-DDTHH:MM:SSZ`, UTC), kind, quantity in thousandths, area, demand,
/// care, cause, change, corrects, correction_reason; an absent field is empty. Dates are
/// written as `Instant.appendISO8601` writes them (the text of each day comes from it).
struct EntryEncoder {
    static let separator: UInt8 = 0x1F

    /// The day last written and its text `YYYY-MM-DD` (10 bytes), from `appendISO8601`.
    private var day = Int64.min
    private var dayText: (UInt64, UInt16) = (0, 0)
    /// The `recorded_at` last written and its 20 bytes (an import records every row at one instant).
    private var recorded: Instant?
    private var recordedText: (UInt64, UInt64, UInt32) = (0, 0, 0)

    init() {}

    /// At least the number of bytes `write` writes for these fields.
    @inline(__always)
    static func maxCount(_ e: LedgerEntry, reason: String?, previousCount: Int = 32) -> Int {
        // The previous hash in hex, 12 separators, 4 decimals of at most 20 characters, 2 dates of 20.
        2 * previousCount + 12 + 4 * 20 + 2 * 20 + e.kind.utf8.count + length(e.area) + length(e.demand)
            + length(e.care) + length(e.cause) + length(e.change) + length(reason)
    }

    @inline(__always)
    private static func length(_ text: String?) -> Int { text?.utf8.count ?? 0 }

    /// Writes the encoding at `out` (room for `maxCount` bytes) and returns its length and
    /// where its text columns lie. `previous` is the previous entry's hash (32 bytes).
    @inline(__always)
    mutating func write(to out: UnsafeMutablePointer<UInt8>, previous: UnsafeRawBufferPointer, seq: Int64, entry e: LedgerEntry,
                        recordedAt: Instant, corrects: Int64?, reason: String?) -> (count: Int, spans: EntryTextSpans) {
        Self.writeHex(previous, to: out)
        return writeFields(to: out, from: 2 * previous.count, seq: seq, entry: e, recordedAt: recordedAt, corrects: corrects, reason: reason)
    }

    /// Writes the encoding after the previous hash, from offset `n` of `out` (64 for a hash,
    /// which `writeHex` can write in later): the same bytes as `write`.
    @inline(__always)
    mutating func writeFields(to out: UnsafeMutablePointer<UInt8>, from n: Int, seq: Int64, entry e: LedgerEntry,
                              recordedAt: Instant, corrects: Int64?, reason: String?) -> (count: Int, spans: EntryTextSpans) {
        let us = Self.separator
        var n = n
        var spans = EntryTextSpans()
        out[n] = us; n += 1
        n += Self.writeDecimal(seq, to: out + n)
        out[n] = us; n += 1
        writeDate(e.at, to: out + n); n += 20
        out[n] = us; n += 1
        writeRecorded(recordedAt, to: out + n); n += 20
        out[n] = us; n += 1
        spans.kind = Self.writeText(e.kind, to: out, at: &n)
        out[n] = us; n += 1
        n += Self.writeDecimal(e.quantity.milli, to: out + n)
        out[n] = us; n += 1
        spans.area = Self.writeText(e.area, to: out, at: &n)
        out[n] = us; n += 1
        spans.demand = Self.writeText(e.demand, to: out, at: &n)
        out[n] = us; n += 1
        spans.care = Self.writeText(e.care, to: out, at: &n)
        out[n] = us; n += 1
        spans.cause = Self.writeText(e.cause, to: out, at: &n)
        out[n] = us; n += 1
        spans.change = Self.writeText(e.change, to: out, at: &n)
        out[n] = us; n += 1
        if let corrects { n += Self.writeDecimal(corrects, to: out + n) }
        out[n] = us; n += 1
        _ = Self.writeText(reason, to: out, at: &n)
        return (n, spans)
    }

    /// Whether the bytes of a span hold the separator (text that the ledger refuses).
    @inline(__always)
    static func containsSeparator(_ span: TextSpan, in encoding: UnsafePointer<UInt8>) -> Bool {
        span.count > 0 && memchr(encoding + Int(span.start), Int32(separator), Int(span.count)) != nil
    }

    @inline(__always)
    private static func writeText(_ text: String?, to out: UnsafeMutablePointer<UInt8>, at n: inout Int) -> TextSpan {
        guard let text else { return TextSpan(start: Int32(truncatingIfNeeded: n), count: 0) }
        let start = n
        if let count = text.utf8.withContiguousStorageIfAvailable({ p -> Int in
            if let base = p.baseAddress { (out + start).update(from: base, count: p.count) }
            return p.count
        }) {
            n += count
        } else {
            for byte in text.utf8 { out[n] = byte; n += 1 }
        }
        return TextSpan(start: Int32(truncatingIfNeeded: start), count: Int32(truncatingIfNeeded: n - start))
    }

    /// `n` in decimal (at most 20 characters); returns the count written.
    @inline(__always)
    private static func writeDecimal(_ n: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0
        if n < 0 { out[0] = 45; i = 1 }
        var v = n.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        return withUnsafeMutableBytes(of: &digits) { raw in
            var count = 0
            repeat { raw[count] = UInt8(truncatingIfNeeded: 48 + v % 10); v /= 10; count += 1 } while v > 0
            while count > 0 { count -= 1; out[i] = raw[count]; i += 1 }
            return i
        }
    }

    /// Bytes as lowercase hex digits (64 for a hash).
    @inline(__always)
    static func writeHex(_ bytes: UnsafeRawBufferPointer, to out: UnsafeMutablePointer<UInt8>) {
        @inline(__always) func digit(_ n: UInt8) -> UInt8 { n < 10 ? 48 + n : 87 + n }
        for i in 0..<bytes.count {
            let b = bytes[i]
            out[2 * i] = digit(b >> 4)
            out[2 * i + 1] = digit(b & 15)
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (20 bytes), the text `Instant.appendISO8601` gives.
    @inline(__always)
    private mutating func writeDate(_ instant: Instant, to out: UnsafeMutablePointer<UInt8>) {
        var days = instant.seconds / 86_400
        var secs = instant.seconds % 86_400
        if secs < 0 { secs += 86_400; days -= 1 }
        if days != day {
            // The day's text as appendISO8601 writes it (YYYY-MM-DD, then THH:MM:SSZ).
            var text: [UInt8] = []
            text.reserveCapacity(20)
            Instant(seconds: days * 86_400).appendISO8601(to: &text)
            precondition(text.count == 20, "an ISO 8601 date-time is 20 bytes")
            text.withUnsafeBytes { src in
                withUnsafeMutableBytes(of: &dayText) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: src[0..<10])) }
            }
            day = days
        }
        withUnsafeBytes(of: &dayText) { UnsafeMutableRawPointer(out).copyMemory(from: $0.baseAddress!, byteCount: 10) }
        @inline(__always) func two(_ v: Int64, _ at: Int) {
            out[at] = UInt8(truncatingIfNeeded: 48 + v / 10); out[at + 1] = UInt8(truncatingIfNeeded: 48 + v % 10)
        }
        out[10] = 84  // T
        two(secs / 3600, 11); out[13] = 58
        two(secs / 60 % 60, 14); out[16] = 58
        two(secs % 60, 17); out[19] = 90  // Z
    }

    /// `recorded_at`, cached: every row of an import has the same.
    @inline(__always)
    private mutating func writeRecorded(_ instant: Instant, to out: UnsafeMutablePointer<UInt8>) {
        if recorded != instant {
            var text: [UInt8] = []
            text.reserveCapacity(20)
            instant.appendISO8601(to: &text)
            precondition(text.count == 20, "an ISO 8601 date-time is 20 bytes")
            withUnsafeMutableBytes(of: &recordedText) { raw in text.withUnsafeBytes { raw.copyMemory(from: $0) } }
            recorded = instant
        }
        withUnsafeBytes(of: &recordedText) { UnsafeMutableRawPointer(out).copyMemory(from: $0.baseAddress!, byteCount: 20) }
    }
}
