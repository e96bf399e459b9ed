import CrescendoCore
import CrescendoStore
import PostgresNIO

/// Reading entries: the columns every read selects, and a row back to a `StoredEntry`.
enum EntryRow {
    /// `SELECT \(EntryRow.columns) FROM entries ...`, in this order.
    static let columns = "seq, at, recorded_at, kind, quantity, area, demand, care, cause, change, corrects, correction_reason, hash"

    private typealias Columns = (Int64, Int64, Int64, String, Int64, String?, String?, String?, String?, String?, Int64?, String?, ByteBuffer)

    /// The entry and its stored hash bytes.
    static func decode(_ row: PostgresRow) throws -> (stored: StoredEntry, hash: [UInt8]) {
        let (seq, at, recordedAt, kind, quantity, area, demand, care, cause, change, corrects, reason, hashBuffer) = try row.decode(Columns.self)
        let e = LedgerEntry(seq: seq, at: Instant(seconds: at), kind: kind, quantity: Quantity(milli: quantity), area: area,
                            demand: demand, care: care, cause: cause, change: change)
        let hash = Array(hashBuffer.readableBytesView)
        return (StoredEntry(entry: e, recordedAt: Instant(seconds: recordedAt), corrects: corrects, correctionReason: reason,
                            hash: Hex.string(hash)), hash)
    }
}
