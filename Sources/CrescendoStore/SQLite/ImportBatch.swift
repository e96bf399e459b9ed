import CrescendoCore
import CrescendoInputs

/// One row of an import: plain values, so the database thread handles it without reference
/// counting. Its canonical encoding, and so its text columns, lie in the batch's bytes.
struct ImportRow {
    var seq: Int64
    var at: Int64
    var quantity: Int64
    /// Where the row's encoding starts in the batch's bytes, and its length. The encoding
    /// starts with the previous hash in hex (`hashHexCount` bytes), written in by `ImportChain`.
    var offset: Int
    var count: Int32
    /// Where the text columns lie in the encoding.
    var text: EntryTextSpans
    /// The row's hash, once `ImportChain` has linked it.
    var hash: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The previous hash in hex at the start of an encoding.
    static let hashHexCount = 64

    /// The offset of `hash` in the row, to bind it in place.
    static let hashOffset = MemoryLayout<ImportRow>.offset(of: \ImportRow.hash)!
}

/// A batch of rows on its way from the reading thread to the database thread: the rows, and
/// their canonical encodings back to back in `bytes` (what the database thread hashes and binds).
/// Batches are recycled, so an import allocates a handful of them however long it is.
///
/// One thread at a time uses a batch: the reading thread fills it, the queue hands it over.
final class ImportBatch: @unchecked Sendable {
    static let rowCapacity = 4096
    /// A batch is handed over once its encodings reach this size (texts can be long).
    static let byteLimit = 4 << 20

    var rows: [ImportRow] = []
    /// `byteCount` bytes of encodings, in room for `byteCapacity`.
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    private(set) var byteCapacity: Int
    var byteCount = 0

    var count: Int { rows.count }

    init() {
        rows.reserveCapacity(Self.rowCapacity)
        byteCapacity = Self.rowCapacity * 256
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit { bytes.deallocate() }

    /// Makes room for `byteCount + extra` bytes, keeping those written.
    func reserve(_ extra: Int) {
        guard byteCount + extra > byteCapacity else { return }
        let capacity = max(byteCount + extra, 2 * byteCapacity)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    /// Empties the batch for reuse, keeping its memory.
    func clear() {
        rows.removeAll(keepingCapacity: true)
        byteCount = 0
    }
}

extension BatchQueue where Batch == ImportBatch {
    /// An empty batch to fill: one given back, or a new one.
    func emptyBatch() -> ImportBatch {
        guard let batch = spareBatch() else { return ImportBatch() }
        batch.clear()
        return batch
    }
}
