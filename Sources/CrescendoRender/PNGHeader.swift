/// What a PNG file's signature and first chunk (IHDR) say: that it is a PNG, and its size.
public struct PNGHeader: Hashable, Sendable {
    public let width: Int
    public let height: Int

    init(width: Int, height: Int) { self.width = width; self.height = height }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Nil when `bytes` do not start with the PNG signature and an IHDR chunk.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= 33, Array(bytes[0..<8]) == Self.signature, Array(bytes[12..<16]) == Array("IHDR".utf8),
              Self.uint32(bytes, 8) == 13 else { return nil }
        width = Self.uint32(bytes, 16)
        height = Self.uint32(bytes, 20)
        guard width > 0, height > 0 else { return nil }
    }

    private static func uint32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }
}
