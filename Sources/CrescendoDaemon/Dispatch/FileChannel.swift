#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Appends each action as one JSON line and fsyncs before confirming.
///
/// No duplicates, even after a crash between the fsync and the database update: on first use
/// the file is read once and the ids already in it are kept; an id already written is
/// confirmed without writing it again. A torn last line (a crash mid-write) is cut off first.
public actor FileChannel: DeliveryChannel {
    public let path: String
    private var fd: Int32 = -1
    private var written: Set<String> = []

    public init(path: String) { self.path = path }

    public func deliver(id: String, payload: String) async throws {
        try openIfNeeded()
        if written.contains(id) { return }
        var line = Array(payload.utf8)
        line.append(0x0A)
        var offset = 0
        while offset < line.count {
            let n = line[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                close(fd); fd = -1  // reopen (and re-scan) next time: the line may be torn
                throw DeliveryFailure("cannot write \(path): \(message)")
            }
            offset += n
        }
        guard fsync(fd) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd); fd = -1
            throw DeliveryFailure("cannot fsync \(path): \(message)")
        }
        written.insert(id)
    }

    /// The ids in the file (for tests and status).
    public func ids() throws -> Set<String> {
        try openIfNeeded()
        return written
    }

    private func openIfNeeded() throws {
        guard fd < 0 else { return }
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let d = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard d >= 0 else { throw DeliveryFailure("cannot open \(path): \(String(cString: strerror(errno)))") }
        let data = (try? Data(contentsOf: url)) ?? Data()
        var keep = data.count
        if let last = data.last, last != 0x0A {
            // A torn line: it was never confirmed, so it goes.
            keep = (data.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
            guard ftruncate(d, off_t(keep)) == 0 else {
                close(d)
                throw DeliveryFailure("cannot repair the torn last line of \(path): \(String(cString: strerror(errno)))")
            }
        }
        var ids = Set<String>()
        for line in data.prefix(keep).split(separator: 0x0A) {
            if let id = Self.id(in: line) { ids.insert(id) }
        }
        written = ids
        fd = d
    }

    /// The id of a line that starts `{"id":"...`.
    static func id(in line: Data.SubSequence) -> String? {
        let prefix = Array(#"{"id":""#.utf8)
        guard line.count > prefix.count, line.prefix(prefix.count).elementsEqual(prefix) else { return nil }
        let rest = line.dropFirst(prefix.count)
        guard let end = rest.firstIndex(of: 0x22) else { return nil }
        return String(decoding: rest[rest.startIndex..<end], as: UTF8.self)
    }
}
