import CrescendoCore

/// Numbers entries and chains their hashes, starting from a ledger's head.
///
/// It touches no database, so an import can link entries on one thread while another inserts them.
package struct EntryChain {
    /// The seq of the last entry linked.
    package private(set) var seq: Int64
    /// The hash of the last entry linked (32 bytes).
    package private(set) var previous: [UInt8]
    private var hasher = EntryHasher()

    package init(seq: Int64, previous: [UInt8]) {
        self.seq = seq
        self.previous = previous.count == 32 ? previous : Hex.zeroHash
    }

    /// Normalizes the entry, gives it the next seq and computes its hash (now `previous`);
    /// returns the normalized correction reason.
    @discardableResult
    package mutating func link(_ e: inout LedgerEntry, recordedAt: Instant, corrects: Int64? = nil, reason: String? = nil) throws -> String? {
        try Self.normalize(&e)
        let reasonText = try Self.normalized(reason, field: "reason")
        e.seq = seq + 1
        hasher.advance(&previous, seq: e.seq, entry: e, recordedAt: recordedAt, corrects: corrects, reason: reasonText)
        seq = e.seq
        return reasonText
    }

    /// Empty optional fields are absent; no field may hold U+001F, the encoding's separator.
    package static func normalize(_ e: inout LedgerEntry) throws {
        guard !containsSeparator(e.kind) else { throw StoreError.invalidText(field: "kind") }
        e.area = try normalized(e.area, field: "area")
        e.demand = try normalized(e.demand, field: "demand")
        e.care = try normalized(e.care, field: "care")
        e.cause = try normalized(e.cause, field: "cause")
        e.change = try normalized(e.change, field: "change")
    }

    @inline(__always)
    static func normalized(_ text: String?, field: String) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard !containsSeparator(text) else { throw StoreError.invalidText(field: field) }
        return text
    }

    @inline(__always)
    static func containsSeparator(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { p in p.contains(EntryHasher.separator) }
            ?? text.utf8.contains(EntryHasher.separator)
    }
}
