import Foundation
import Yams

/// Follows `include:` lists depth-first, in order, reporting missing and circular includes at
/// the include's position. A library included twice is read once.
struct IncludeResolver {
    let session: LoadSession
    private(set) var visited: Set<String> = []

    init(session: LoadSession, root: String) {
        self.session = session
        visited.insert(FilePaths.identity(root))
    }

    /// The libraries `fields["include"]` names (and those they include), in include order.
    mutating func libraries(of fields: Fields, in file: String, sink: DiagnosticSink, chain: [String]) -> [RuleLibrary] {
        guard let node = fields["include"] else { return [] }
        let reader = NodeReader(sink: sink)
        let items: [Node]
        if case .sequence(let s) = node { items = Array(s) } else { items = [node] }
        var out: [RuleLibrary] = []
        for item in items {
            guard let written = reader.string(item, "include", "include") else { continue }
            let path = FilePaths.resolve(written, relativeTo: file)
            let identity = FilePaths.identity(path)
            if let start = chain.firstIndex(of: identity) {
                let loop = (chain[start...].map { ($0 as NSString).lastPathComponent } + [(path as NSString).lastPathComponent])
                sink.error(item, "include", "circular include: \(loop.joined(separator: " → "))",
                           hint: "a library may not include a file that includes it")
                continue
            }
            guard !visited.contains(identity) else { continue }
            guard FileManager.default.fileExists(atPath: path) else {
                sink.error(item, "include", "missing include: '\(written)' does not exist",
                           hint: "looked for \(path); include paths are relative to the file that includes them")
                continue
            }
            visited.insert(identity)
            let librarySink = session.sink(for: path)
            guard let source = SourceFile.read(path, into: librarySink),
                  let document = YAMLDocument.parse(source, into: librarySink),
                  let libraryFields = NodeReader(sink: librarySink).fields(document.rootNode, "file", Shapes.library)
            else { continue }
            out.append(RuleLibrary(path: path, sink: librarySink, fields: libraryFields))
            out += libraries(of: libraryFields, in: path, sink: librarySink, chain: chain + [identity])
        }
        return out
    }
}
