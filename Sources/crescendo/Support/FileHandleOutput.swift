import Foundation

/// Buffered writes to a file descriptor, for output that can run to millions of lines.
final class FileHandleOutput: @unchecked Sendable {
    static let stdout = FileHandleOutput(fd: 1)
    static let stderr = FileHandleOutput(fd: 2)

    private let fd: Int32
    private var buffer: [UInt8] = []

    init(fd: Int32) { self.fd = fd; buffer.reserveCapacity(1 << 16) }

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 || fd == 2 { flush() }
    }

    func line(_ s: String) { write(s); write("\n") }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
