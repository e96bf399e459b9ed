/// Finds the second occurrence of a duplicated mapping key. Yams refuses duplicate keys but
/// points at the first one; the useful position is the second.
enum DuplicateKeyLocator {
    /// Looks for `key:` after the first occurrence: later on the same line (flow mappings),
    /// then on later lines at the same column, stopping where the mapping's indentation ends.
    static func second(key: String, after first: Position, in text: String) -> Position? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let candidates = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        let firstLine = lines[first.line - 1]
        var index = first.column
        while index < firstLine.count {
            if firstLine[index - 1] == "," || firstLine[index - 1] == "{", let start = keyStart(firstLine, from: index, candidates) {
                return Position(line: first.line, column: start + 1)
            }
            index += 1
        }
        let indent = first.column - 1
        for lineIndex in first.line..<lines.count {
            let line = lines[lineIndex]
            let leading = line.prefix { $0 == " " }.count
            if leading == line.count || line[leading] == "#" { continue }
            if leading < indent { return nil }
            if leading == indent, keyStart(line, from: indent, candidates) != nil {
                return Position(line: lineIndex + 1, column: indent + 1)
            }
        }
        return nil
    }

    /// The index where `key:` starts at `from` (after spaces), if it does.
    private static func keyStart(_ line: [Unicode.Scalar], from: Int, _ candidates: [[Unicode.Scalar]]) -> Int? {
        var start = from
        while start < line.count, line[start] == " " { start += 1 }
        for key in candidates where start + key.count <= line.count && Array(line[start..<start + key.count]) == key {
            var end = start + key.count
            while end < line.count, line[end] == " " { end += 1 }
            if end < line.count, line[end] == ":" { return start }
        }
        return nil
    }
}
