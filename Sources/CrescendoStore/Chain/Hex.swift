/// Lowercase hexadecimal for hashes.
package enum Hex {
    @inline(__always)
    private static func digit(_ n: UInt8) -> UInt8 { n < 10 ? 48 + n : 87 + n }

    package static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
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

    package static func string(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        append(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of lowercase or uppercase hex digits; nil for anything else.
    package static func bytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ d: UInt8) -> UInt8? {
            switch d {
            case 48...57: return d - 48
            case 97...102: return d - 87
            case 65...70: return d - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let hi = value(digits[i]), let lo = value(digits[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// 32 zero bytes: the previous hash of the first entry.
    package static let zeroHash = [UInt8](repeating: 0, count: 32)
}
