/// Lowercase hexadecimal for hashes.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    }

    static func string(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// 32 zero bytes: the previous hash of the first entry.
    static let zeroHash = [UInt8](repeating: 0, count: 32)
}
