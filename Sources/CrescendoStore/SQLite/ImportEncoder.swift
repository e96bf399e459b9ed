import CrescendoCore
import CrescendoInputs
import Foundation

/// The import's producer: on a thread of its own, reads entries, numbers and checks them, and
/// writes their canonical encodings into batches for the database thread (which chains their
/// hashes and inserts them). The entries themselves do not travel on.
///
/// An encoding is written without its first field, the previous hash (64 hex digits): that is
/// known only once the entry before has been hashed, on the database thread (`ImportChain`).
/// Hashing there balances the two threads: reading and parsing the CSV keeps this one busy.
final class ImportEncoder: @unchecked Sendable {
    private let queue: BatchQueue<ImportBatch>
    private let recordedAt: Instant
    /// The seq of the ledger's last entry before the import.
    private let startSeq: Int64
    /// The reader; dropped before the queue finishes, so the caller's closure never outlives the call.
    private var next: (() throws -> LedgerEntry?)?

    init(startSeq: Int64, recordedAt: Instant, queue: BatchQueue<ImportBatch>) {
        self.startSeq = startSeq
        self.recordedAt = recordedAt
        self.queue = queue
    }

    /// Starts the thread. `next` is called from that thread only, one call at a time, and is
    /// released before the queue finishes (the caller waits for that).
    func start(_ next: @escaping () throws -> LedgerEntry?) {
        self.next = next
        let thread = Thread { [self] in self.run() }
        thread.start()
    }

    private func run() {
        var failure: Error?
        do { try produce() } catch { failure = error }
        next = nil
        queue.finish(failure)
    }

    private func produce() throws {
        guard let next else { return }
        var seq = startSeq
        let recordedAt = self.recordedAt
        var encoder = EntryEncoder()

        var batch = queue.emptyBatch()
        // Fill the batch through locals: its properties in the loop would pay for exclusivity checks.
        var rows = batch.rows
        batch.rows = []  // moved out, so the array stays uniquely referenced
        var bytes = batch.bytes, used = 0, capacity = batch.byteCapacity
        while let entry = try next() {
            let bound = EntryEncoder.maxCount(entry, reason: nil)
            if used + bound > capacity {
                batch.byteCount = used
                batch.reserve(bound)
                bytes = batch.bytes; capacity = batch.byteCapacity
            }
            // The encoding goes straight into the batch: hashed there, and bound from there.
            let encoding = bytes + used
            let (count, text) = encoder.writeFields(to: encoding, from: ImportRow.hashHexCount, seq: seq + 1, entry: entry,
                                                    recordedAt: recordedAt, corrects: nil, reason: nil)
            try Self.refuseSeparators(text, in: encoding)
            // Rows count their bytes in Int32 (and so their spans fit too).
            guard let count32 = Int32(exactly: count) else { throw StoreError.entryTooLarge(bytes: count) }
            seq += 1
            rows.append(ImportRow(seq: seq, at: entry.at.seconds, quantity: entry.quantity.milli, offset: used,
                                  count: count32, text: text))
            used += count
            if rows.count == ImportBatch.rowCapacity || used >= ImportBatch.byteLimit {
                batch.rows = rows; batch.byteCount = used
                rows = []
                guard queue.put(batch) else { return }
                batch = queue.emptyBatch()
                rows = batch.rows
                batch.rows = []
                bytes = batch.bytes; used = 0; capacity = batch.byteCapacity
            }
        }
        if !rows.isEmpty {
            batch.rows = rows; batch.byteCount = used
            _ = queue.put(batch)
        }
    }

    /// What `EntryChain.normalize` refuses, in its order: text holding the encoding's separator.
    /// (Empty optional fields need no normalizing here: an empty span is stored as NULL.)
    @inline(__always)
    private static func refuseSeparators(_ t: EntryTextSpans, in encoding: UnsafePointer<UInt8>) throws {
        func refuses(_ span: TextSpan) -> Bool { EntryEncoder.containsSeparator(span, in: encoding) }
        if refuses(t.kind) { throw StoreError.invalidText(field: "kind") }
        if refuses(t.area) { throw StoreError.invalidText(field: "area") }
        if refuses(t.demand) { throw StoreError.invalidText(field: "demand") }
        if refuses(t.care) { throw StoreError.invalidText(field: "care") }
        if refuses(t.cause) { throw StoreError.invalidText(field: "cause") }
        if refuses(t.change) { throw StoreError.invalidText(field: "change") }
    }
}
