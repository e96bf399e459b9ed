/// A QR code's modules as an encoder made them (Debian's qrencode: see CrescendoRender's
/// `QREncoder`), and the code drawn as SVG for a poster. Pure: the encoding is the encoder's,
/// the drawing is this type's.
public struct QRCode: Hashable, Sendable {
    /// What the code says (the address a phone opens).
    public let text: String
    /// Modules per side.
    public let size: Int
    /// Row by row; true is a dark module.
    public let modules: [Bool]

    /// Reads qrencode's `-t ASCII -m 0` output: a line per row, `##` for a dark module and two
    /// spaces for a light one. Nil when it is not a square of modules.
    public init?(text: String, ascii: String) {
        let rows = ascii.split(separator: "\n", omittingEmptySubsequences: true).map(Array.init)
        let size = rows.count
        guard size >= 21, rows.allSatisfy({ $0.count == 2 * size }) else { return nil }
        var modules: [Bool] = []
        modules.reserveCapacity(size * size)
        for row in rows {
            for i in stride(from: 0, to: row.count, by: 2) {
                switch (row[i], row[i + 1]) {
                case ("#", "#"): modules.append(true)
                case (" ", " "): modules.append(false)
                default: return nil
                }
            }
        }
        self.text = text
        self.size = size
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark.
    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// The code as an inline `<svg>`: dark runs of each row as one path, a quiet zone of four
    /// modules, crisp edges, and `label` and `description` as its accessible name and description.
    public func svg(label: String, description: String, id: String) -> String {
        let side = size + 8
        var d = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else { x += 1; continue }
                var run = 1
                while x + run < size, isDark(x: x + run, y: y) { run += 1 }
                d += "M\(x + 4) \(y + 4)h\(run)v1h-\(run)z"
                x += run
            }
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" class=\"qr\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" shape-rendering=\"crispEdges\">"
        s += "<title id=\"\(id)-title\">\(HTML.escape(label))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
        s += "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"\(d)\"/></svg>"
        return s
    }
}
