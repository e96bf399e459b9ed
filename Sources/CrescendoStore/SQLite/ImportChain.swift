import Crypto
import CrescendoCore

/// The hash chain as an import extends it, on the database thread, batch by batch: each row's
/// hash is SHA-256 of its encoding, once the previous hash (in hex) is written at its start.
struct ImportChain {
    /// The seq of the last entry linked.
    private(set) var seq: Int64
    /// The hash of the last entry linked.
    private var previous: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ chain: EntryChain) {
        seq = chain.seq
        withUnsafeMutableBytes(of: &previous) { out in chain.previous.withUnsafeBytes { out.copyMemory(from: $0) } }
    }

    /// Completes the encodings of the batch's rows and gives each row its hash, in order.
    mutating func link(_ batch: ImportBatch) {
        let bytes = batch.bytes
        var previous = self.previous, seq = self.seq
        batch.rows.withUnsafeMutableBufferPointer { rows in
            for i in rows.indices {
                let encoding = bytes + rows[i].offset
                withUnsafeBytes(of: previous) { EntryEncoder.writeHex($0, to: encoding) }
                var sha = SHA256()
                sha.update(bufferPointer: UnsafeRawBufferPointer(start: encoding, count: Int(rows[i].count)))
                let digest = sha.finalize()
                withUnsafeMutableBytes(of: &previous) { out in digest.withUnsafeBytes { out.copyMemory(from: $0) } }
                rows[i].hash = previous
                seq = rows[i].seq
            }
        }
        self.previous = previous
        self.seq = seq
    }

    /// The chain after the last entry linked.
    var chain: EntryChain { EntryChain(seq: seq, previous: withUnsafeBytes(of: previous) { Array($0) }) }
}
