import CrescendoCore
import CrescendoStore
import NIOCore

/// Writes entries as lines of `COPY entries (...) FROM STDIN` in PostgreSQL's text format, for
/// the import and a copy's restore: columns separated by tabs, `\N` for NULL, and in text a
/// backslash, tab, newline or carriage return written as `\\`, `\t`, `\n`, `\r`; the hash as
/// bytea's hex form (`\\x` and 64 digits).
///
/// PostgreSQL text cannot hold U+0000, so an entry with it is refused here, naming the field,
/// before anything is sent.
enum EntryCopyLine {
    /// The columns of each line, in order.
    static let columns = ["seq", "at", "recorded_at", "kind", "quantity", "area", "demand", "care", "cause", "change",
                          "corrects", "correction_reason", "hash"]

    private static let tab: UInt8 = 9, newline: UInt8 = 10, backslash: UInt8 = 92

    /// Appends one entry (already numbered and normalized) with its 32-byte hash.
    static func append(_ e: LedgerEntry, recordedAt: Instant, corrects: Int64?, reason: String?, hash: [UInt8],
                       to out: inout ByteBuffer) throws {
        decimal(e.seq, &out); out.writeInteger(tab)
        decimal(e.at.seconds, &out); out.writeInteger(tab)
        decimal(recordedAt.seconds, &out); out.writeInteger(tab)
        try text(e.kind, "kind", &out); out.writeInteger(tab)
        decimal(e.quantity.milli, &out); out.writeInteger(tab)
        try text(e.area, "area", &out); out.writeInteger(tab)
        try text(e.demand, "demand", &out); out.writeInteger(tab)
        try text(e.care, "care", &out); out.writeInteger(tab)
        try text(e.cause, "cause", &out); out.writeInteger(tab)
        try text(e.change, "change", &out); out.writeInteger(tab)
        if let corrects { decimal(corrects, &out) } else { null(&out) }
        out.writeInteger(tab)
        try text(reason, "reason", &out); out.writeInteger(tab)
        out.writeInteger(backslash); out.writeInteger(backslash); out.writeInteger(UInt8(ascii: "x"))
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        Hex.append(hash, to: &hex)
        out.writeBytes(hex)
        out.writeInteger(newline)
    }

    private static func null(_ out: inout ByteBuffer) {
        out.writeInteger(backslash); out.writeInteger(UInt8(ascii: "N"))
    }

    private static func decimal(_ n: Int64, _ out: inout ByteBuffer) {
        out.writeString(String(n))
    }

    /// Whether a byte must be escaped (or, U+0000, refused) in COPY's text format.
    @inline(__always)
    private static func special(_ b: UInt8) -> Bool { b == backslash || b == tab || b == newline || b == 13 || b == 0 }

    private static func text(_ value: String?, _ field: String, _ out: inout ByteBuffer) throws {
        guard var s = value else { return null(&out) }
        try s.withUTF8 { bytes in
            // Most text needs no escaping: write it whole.
            guard bytes.contains(where: special) else {
                out.writeBytes(bytes)
                return
            }
            for b in bytes {
                switch b {
                case 0: throw PostgresText.nul(field)
                case backslash: out.writeInteger(backslash); out.writeInteger(backslash)
                case tab: out.writeInteger(backslash); out.writeInteger(UInt8(ascii: "t"))
                case newline: out.writeInteger(backslash); out.writeInteger(UInt8(ascii: "n"))
                case 13: out.writeInteger(backslash); out.writeInteger(UInt8(ascii: "r"))
                default: out.writeInteger(b)
                }
            }
        }
    }
}
