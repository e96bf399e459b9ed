/// Lowercase hexadecimal for hashes.
enum Hex {
    @inline(__always)
    private static func digit(_ n: UInt8) -> UInt8 { n < 10 ? 48 + n : 87 + n }

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count * 2))
        out.withUnsafeMutableBufferPointer { o in
            bytes.withUnsafeBufferPointer { b in
                for i in 0..<b.count {
                    o[start + 2 * i] = digit(b[i] >> 4)
                    o[start + 2 * i + 1] = digit(b[i] & 15)
                }
            }
        }
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
