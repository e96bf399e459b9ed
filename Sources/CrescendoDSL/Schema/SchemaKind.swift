import Foundation

/// The kinds of file of the campaign language that have a JSON Schema (draft 2020-12), for
/// editors' completion and validation. Each is written from the key tables the parser reads
/// (`Shapes`); `crescendo schema` prints one, `crescendo schema --write docs/schema` (or
/// `make schema`) writes them all, and a test fails when `docs/schema/` differs.
public enum SchemaKind: String, CaseIterable, Sendable {
    /// Campaign files and rule libraries.
    case campaign
    /// Rule-test files.
    case test
    /// Scenario files (`simulate --scenario`).
    case scenario

    /// Each kind's file name in `docs/schema/`, title, and the top levels its files may have.
    /// A new kind of file is a case and one line here.
    private var definition: (fileName: String, title: String, roots: [Shape]) {
        switch self {
        case .campaign: return ("campaign.schema.json", "Crescendo campaign file or rule library", [Shapes.campaign, Shapes.library])
        case .test: return ("rule-test.schema.json", "Crescendo rule-test file", [Shapes.ruleTestFile])
        case .scenario: return ("scenario.schema.json", "Crescendo scenario file", [Shapes.scenarioFile])
        }
    }

    /// The schema's file name in `docs/schema/`.
    public var fileName: String { definition.fileName }
    var title: String { definition.title }
    var roots: [Shape] { definition.roots }

    /// The schema: two-space indented JSON with a final newline, the same on every run.
    public var text: String {
        SchemaBuilder.document(id: "https://crescendo.example/schema/\(fileName)", title: title, roots: roots).prettyText
    }

    /// Writes the schemas of `kinds` into `folder` (made if missing), each as its `fileName`;
    /// returns the paths written. Throws `SchemaWriteError`, naming the path and the reason.
    public static func write(_ kinds: [SchemaKind] = allCases, to folder: String) throws -> [String] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw SchemaWriteError("cannot write the schemas into '\(folder)': it is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SchemaWriteError("create the folder", folder, error)
        }
        return try kinds.map { kind in
            let path = (folder as NSString).appendingPathComponent(kind.fileName)
            do {
                try Data(kind.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw SchemaWriteError("write", path, error)
            }
            return path
        }
    }
}
