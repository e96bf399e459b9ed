import Crypto
import CrescendoCore
import Foundation

/// The import's producer: on a thread of its own, reads entries, links them into the chain and
/// hands them to the database thread in batches.
///
/// Linking an entry writes its canonical encoding into the batch (the database thread binds the
/// text columns from there) and hashes it; the entry itself does not travel on.
final class ChainLinker: @unchecked Sendable {
    private let queue: LinkedBatchQueue
    private let recordedAt: Instant
    /// The reader; dropped before the queue finishes, so the caller's closure never outlives the call.
    private var next: (() throws -> LedgerEntry?)?
    /// The chain after the last entry linked; read it only after the queue has finished.
    private(set) var chain: EntryChain

    init(chain: EntryChain, recordedAt: Instant, queue: LinkedBatchQueue) {
        self.chain = chain
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
        // Link in locals: class properties in the loop pay for an exclusivity check per row.
        var seq = chain.seq
        var previous: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &previous) { out in chain.previous.withUnsafeBytes { out.copyMemory(from: $0) } }
        defer { self.chain = EntryChain(seq: seq, previous: withUnsafeBytes(of: previous) { Array($0) }) }
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
            let (count, text) = withUnsafeBytes(of: previous) {
                encoder.write(to: encoding, previous: $0, seq: seq + 1, entry: entry, recordedAt: recordedAt, corrects: nil, reason: nil)
            }
            try Self.refuseSeparators(text, in: encoding)
            var sha = SHA256()
            sha.update(bufferPointer: UnsafeRawBufferPointer(start: encoding, count: count))
            let digest = sha.finalize()
            withUnsafeMutableBytes(of: &previous) { out in digest.withUnsafeBytes { out.copyMemory(from: $0) } }
            seq += 1
            rows.append(ImportRow(seq: seq, at: entry.at.seconds, quantity: entry.quantity.milli, hash: previous,
                                  offset: used, text: text))
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
