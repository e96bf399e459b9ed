import CrescendoCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 tokenizer: quoted fields (with `""` escapes and embedded line breaks),
/// CRLF or LF line endings, blank lines skipped.
///
/// It reads its source in chunks (1 MiB for files) and keeps only the current record, so memory
/// stays flat however large the file. Fields are exposed as byte slices of a reused buffer: a
/// caller that only parses numbers and dates never allocates a `String`.
public final class CSVTokenizer {
    /// Where the bytes come from.
    private enum Source {
        case descriptor(Int32, closeWhenDone: Bool)
        case memory
    }

    private let source: Source
    private let fileName: String
    private var chunk: [UInt8]
    private var chunkEnd = 0
    private var position = 0
    private var exhausted = false

    /// The bytes of the current record's fields, back to back, when they had to be copied
    /// (quotes, a record across chunks); otherwise the record is `chunk[recordStart...]`.
    private var recordBytes: [UInt8] = []
    private var recordInChunk = false
    private var recordStart = 0
    private var recordCount = 0
    /// `fieldEnds[i]` is the end offset of field `i` in the record's bytes. Read in place, the
    /// fields are still separated by their commas; copied, they are back to back.
    private var fieldEnds: [Int] = []
    private var line = 1
    /// The physical line on which the current record starts.
    public private(set) var recordLine = 0
    private var pendingLF = false

    /// The chunk size for file reads.
    public static let chunkSize = 1 << 20

    /// Tokenizes an open file descriptor; `closeWhenDone` closes it on deinit.
    public init(fileDescriptor: Int32, fileName: String, closeWhenDone: Bool = false, chunkSize: Int = CSVTokenizer.chunkSize) {
        self.source = .descriptor(fileDescriptor, closeWhenDone: closeWhenDone)
        self.fileName = fileName
        self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
    }

    /// Tokenizes bytes already in memory (tests, HTTP bodies).
    public init(bytes: [UInt8], fileName: String) {
        self.source = .memory
        self.fileName = fileName
        self.chunk = bytes
        self.chunkEnd = bytes.count
        self.exhausted = true
    }

    /// Opens a file for reading, or throws an `InputError` naming it.
    public convenience init(path: String, fileName: String? = nil, chunkSize: Int = CSVTokenizer.chunkSize) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw InputError(file: fileName ?? path, line: 0, message: "cannot open: \(reason)")
        }
        self.init(fileDescriptor: fd, fileName: fileName ?? path, closeWhenDone: true, chunkSize: chunkSize)
    }

    deinit {
        if case .descriptor(let fd, true) = source { close(fd) }
    }

    /// The number of fields in the current record.
    public var fieldCount: Int { fieldEnds.count }

    /// The bytes of field `i` of the current record (a slice of a reused buffer: copy it to keep it).
    @inline(__always)
    public func field(_ i: Int) -> ArraySlice<UInt8> {
        if recordInChunk {
            let start = i == 0 ? 0 : fieldEnds[i - 1] + 1
            return chunk[(recordStart + start)..<(recordStart + fieldEnds[i])]
        }
        return recordBytes[(i == 0 ? 0 : fieldEnds[i - 1])..<fieldEnds[i]]
    }

    /// Calls `body` with a view of the current record, valid only inside `body`. Readers use it
    /// to parse a record without retaining the buffers once per field.
    @inline(__always)
    public func withRecord<R>(_ body: (CSVRecord) throws -> R) rethrows -> R {
        if recordInChunk {
            let range = recordStart..<(recordStart + recordCount)
            return try chunk.withUnsafeBufferPointer { b in
                try fieldEnds.withUnsafeBufferPointer { e in try body(CSVRecord(bytes: UnsafeBufferPointer(rebasing: b[range]), ends: e, gap: 1)) }
            }
        }
        return try recordBytes.withUnsafeBufferPointer { b in try fieldEnds.withUnsafeBufferPointer { e in try body(CSVRecord(bytes: b, ends: e, gap: 0)) } }
    }

    /// Field `i` as a `String`.
    public func string(_ i: Int) -> String { String(decoding: field(i), as: UTF8.self) }

    /// Refills the chunk; returns false at end of input.
    private func refill() throws -> Bool {
        guard case .descriptor(let fd, _) = source, !exhausted else { return false }
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            let reason = String(cString: strerror(errno))
            throw InputError(file: fileName, line: line, message: "read failed: \(reason)")
        }
        if n == 0 { exhausted = true; return false }
        chunkEnd = n
        position = 0
        return true
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// How a scan of the current chunk ended.
    private enum ScanEnd { case record, needMore }

    /// The common case, taken first: the next record is one line of unquoted fields ending in LF,
    /// wholly inside the chunk. Its fields are found where they lie; nothing is copied. False
    /// (with nothing consumed) when the general scan must read the record instead: quotes, CR,
    /// a blank line, or a record that runs past the chunk.
    @inline(__always)
    private func nextPlainLine() -> Bool {
        var pos = position
        let end = chunkEnd
        if pendingLF {
            guard pos < end else { return false }
            if chunk[pos] == 10 { pos += 1 }
        }
        var ends = fieldEnds
        fieldEnds = []
        ends.removeAll(keepingCapacity: true)
        let start = pos
        let found: Bool = chunk.withUnsafeBufferPointer { buf in
            while pos < end {
                let b = buf[pos]
                if b == 44 {
                    ends.append(pos - start)
                } else if b == 10 {
                    ends.append(pos - start)
                    return pos > start
                } else if b == 34 || b == 13 {
                    return false
                }
                pos += 1
            }
            return false
        }
        fieldEnds = ends
        guard found else { return false }
        recordInChunk = true
        recordStart = start
        recordCount = pos - start
        position = pos + 1
        pendingLF = false
        recordLine = line
        line += 1
        return true
    }

    /// Advances to the next record; returns false at end of input.
    ///
    /// Throws an `InputError` for an unterminated quote or a character after a closing quote.
    public func nextRecord() throws -> Bool {
        if nextPlainLine() { return true }
        recordInChunk = false
        // Work on locals: class properties in a hot loop pay for dynamic exclusivity checks.
        var bytes = recordBytes
        var ends = fieldEnds
        recordBytes = []
        fieldEnds = []
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        defer { recordBytes = bytes; fieldEnds = ends }
        var state = State.fieldStart
        var sawAnything = false
        var line = self.line
        var recordLine = line
        var pendingLF = self.pendingLF
        defer { self.line = line; self.pendingLF = pendingLF; self.recordLine = recordLine }
        while true {
            if position >= chunkEnd {
                guard try refill() else { break }
            }
            var pos = position
            let end = chunkEnd
            let outcome: Result<ScanEnd, InputError> = chunk.withUnsafeBufferPointer { buf in
                while pos < end {
                    let byte = buf[pos]
                    pos += 1
                    if pendingLF {
                        pendingLF = false
                        if byte == 10 { continue }
                    }
                    switch state {
                    case .quoted:
                        if byte == 34 { state = .quoteInQuoted } else {
                            if byte == 10 { line += 1 }
                            bytes.append(byte)
                        }
                    case .quoteInQuoted:
                        if byte == 34 { bytes.append(34); state = .quoted; continue }
                        state = .unquoted
                        if byte == 44 {
                            ends.append(bytes.count); state = .fieldStart
                        } else if byte == 10 || byte == 13 {
                            line += 1; pendingLF = byte == 13
                            ends.append(bytes.count)
                            return .success(.record)
                        } else {
                            return .failure(InputError(file: fileName, line: recordLine, message: "unexpected character after a closing quote"))
                        }
                    case .fieldStart, .unquoted:
                        switch byte {
                        case 44:
                            sawAnything = true
                            ends.append(bytes.count); state = .fieldStart
                        case 10, 13:
                            line += 1; pendingLF = byte == 13
                            if !sawAnything && state == .fieldStart && ends.isEmpty {
                                recordLine = line  // a blank line: skip it
                                continue
                            }
                            ends.append(bytes.count)
                            return .success(.record)
                        case 34 where state == .fieldStart:
                            sawAnything = true; state = .quoted
                        default:
                            sawAnything = true; state = .unquoted
                            // Copy the rest of an unquoted field in one go.
                            let runStart = pos - 1
                            while pos < end {
                                let b = buf[pos]
                                if b == 44 || b == 10 || b == 13 || b == 34 { break }
                                pos += 1
                            }
                            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<pos]))
                        }
                    }
                }
                return .success(.needMore)
            }
            position = pos
            switch outcome {
            case .failure(let e): throw e
            case .success(.record): return true
            case .success(.needMore): continue
            }
        }
        if state == .quoted {
            throw InputError(file: fileName, line: recordLine, message: "unterminated quoted field")
        }
        guard sawAnything || !ends.isEmpty else { return false }
        ends.append(bytes.count)
        return true
    }
}

/// A record's bytes and where its fields end, as `CSVTokenizer.withRecord` lends them.
public struct CSVRecord {
    public let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let ends: UnsafeBufferPointer<Int>
    /// Bytes between one field's end and the next one's start: 1 (the comma) for a record read
    /// in place, 0 for one copied field by field.
    @usableFromInline let gap: Int

    /// The number of fields.
    public var count: Int { ends.count }

    /// The bytes of field `i`.
    @inline(__always)
    public func field(_ i: Int) -> Slice<UnsafeBufferPointer<UInt8>> {
        bytes[(i == 0 ? 0 : ends[i - 1] + gap)..<ends[i]]
    }
}
