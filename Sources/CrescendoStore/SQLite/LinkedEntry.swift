import CrescendoCore

/// An entry linked into the chain, with its hash, ready to insert.
struct LinkedEntry {
    var entry: LedgerEntry
    var hash: (UInt64, UInt64, UInt64, UInt64)

    init(entry: LedgerEntry, hash: [UInt8]) {
        self.entry = entry
        self.hash = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &self.hash) { out in hash.withUnsafeBytes { out.copyMemory(from: $0) } }
    }
}
