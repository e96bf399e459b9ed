import XCTest
import CrescendoCore
@testable import CrescendoDSL

/// The JSON Schemas: `docs/schema/` holds exactly what the key tables generate, every key of the
/// tables is in it at its place, and files validate as the parser reads them (the bundled
/// examples and the fixtures, through `scripts/validate-schema.py`).
final class SchemaTests: XCTestCase {
    private static let regenerate = "regenerate with `make schema` (crescendo schema --write docs/schema)"
    private let docs = Paths.repository.appendingPathComponent("docs/schema")

    func testDocsSchemaHoldsWhatTheTablesGenerate() throws {
        for kind in SchemaKind.allCases {
            let committed = try String(contentsOf: docs.appendingPathComponent(kind.fileName), encoding: .utf8)
            XCTAssertTrue(committed == kind.text, "docs/schema/\(kind.fileName) differs from what the key tables generate; \(Self.regenerate)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(files, SchemaKind.allCases.map(\.fileName).sorted(), "docs/schema holds a schema no table generates")
    }

    func testWriteWritesEverySchemaAndCreatesTheFolder() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("schema").path
        let written = try SchemaKind.write(to: target)
        XCTAssertEqual(written, SchemaKind.allCases.map { "\(target)/\($0.fileName)" })
        for kind in SchemaKind.allCases {
            XCTAssertEqual(try String(contentsOfFile: "\(target)/\(kind.fileName)", encoding: .utf8), kind.text)
        }
        XCTAssertEqual(try SchemaKind.write([.test], to: target), ["\(target)/rule-test.schema.json"])
        XCTAssertThrowsError(try SchemaKind.write(to: written[0])) {
            XCTAssertEqual("\($0)", "cannot write the schemas into '\(written[0])': it is a file, not a folder")
        }
    }

    func testSchemasAreDraft202012JSON() throws {
        for kind in SchemaKind.allCases {
            let schema = try XCTUnwrap(JSONValue.parse(Data(kind.text.utf8)), kind.fileName)
            XCTAssertEqual(schema["$schema"], .string("https://json-schema.org/draft/2020-12/schema"))
            XCTAssertEqual(schema["$id"], .string("https://crescendo.example/schema/\(kind.fileName)"))
            XCTAssertTrue(kind.text.hasSuffix("}\n"))
        }
    }

    func testEveryTableKeyIsInTheCommittedSchemaAtItsPlace() throws {
        for kind in SchemaKind.allCases {
            let schema = try XCTUnwrap(JSONValue.parse(Data(contentsOf: docs.appendingPathComponent(kind.fileName))))
            var walk = SchemaWalk(schema: schema)
            if kind.roots.count == 1 {
                walk.shape(kind.roots[0], at: schema, kind.roots[0].name, isRoot: true)
            } else {
                let references = SchemaWalk.items(schema["oneOf"])
                XCTAssertEqual(references.count, kind.roots.count)
                for (root, reference) in zip(kind.roots, references) { walk.shape(root, at: reference, root.name) }
            }
            XCTAssertEqual(walk.problems, [], "docs/schema/\(kind.fileName) differs from the key tables; \(Self.regenerate)")
            XCTAssertGreaterThan(walk.keys, kind == .campaign ? 110 : kind == .test ? 50 : 30)
        }
    }

    func testBundledExamplesValidateAgainstTheSchemaTheyName() throws {
        let files = try ["campaigns", "campaigns/scenarios", "rules"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: Paths.repository.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        }
        XCTAssertGreaterThanOrEqual(files.count, 11)
        try Self.validate(files)
    }

    /// Fixtures with an error the schema can see (structure, types, patterns, forms).
    private static let structural = [
        "above-and-below", "action-and-condition-forms", "empty", "library-standalone", "malformed-actions",
        "malformed-duration", "missing-id", "no-do", "not-yaml", "tabs", "top-level-list", "two-documents",
        "two-triggers", "unknown-key", "wrong-type", "kit/brand-and-guides",
    ].map { "\($0).bad.yaml" } + ["include/bad-reference.lib.yaml"]
    /// Fixtures whose errors only the parser sees (references, templates, zones, cron, ...).
    private static let semantic = [
        "ambiguous-ladder", "backtracking-regex", "bad-secret-env", "duplicate-key", "duplicate-rule-id", "invalid-regex", "malformed-cron", "malformed-date",
        "malformed-zone", "template-syntax", "template-variable-for-rule", "template-variable-never-provided",
        "undeclared-channel", "undeclared-demand", "undeclared-indicator", "undeclared-ladder", "undeclared-metric",
        "undeclared-template", "undeclared-window", "include/cycle", "include/library-errors", "include/missing",
    ].map { "\($0).bad.yaml" }
    /// A rule-test fixture with errors the rule-test schema sees.
    private static let structuralTest = ["rule-test.bad.yaml"]
    /// Not validated: PyYAML shares the aliases, and validating walks every expansion.
    private static let unvalidated = ["aliases.bad.yaml"]

    func testFixturesValidateAsTheParserReadsThem() throws {
        let root = Paths.fixtures.path
        let all = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".yaml") }.sorted()
        let bad = all.filter { $0.hasSuffix(".bad.yaml") || $0 == "include/bad-reference.lib.yaml" }
        XCTAssertEqual(Set(bad), Set(Self.structural + Self.structuralTest + Self.semantic + Self.unvalidated), "classify each bad fixture here")
        let valid = all.filter { !bad.contains($0) } + Self.semantic
        XCTAssertGreaterThanOrEqual(valid.count, 30)
        let campaign = docs.appendingPathComponent("campaign.schema.json").path
        try Self.validate(valid.map { "\(root)/\($0)" }, "--schema", campaign)
        try Self.validate(Self.structural.map { "\(root)/\($0)" }, "--schema", campaign, "--invalid")
        try Self.validate(Self.structuralTest.map { "\(root)/\($0)" }, "--schema", docs.appendingPathComponent("rule-test.schema.json").path, "--invalid")
    }

    /// Runs `scripts/validate-schema.py` (jsonschema and PyYAML come from `make deps`); a
    /// failure, with its output, unless it exits 0.
    static func validate(_ files: [String], _ options: String...) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/validate-schema.py"] + options + files
        process.currentDirectoryURL = Paths.repository
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "scripts/validate-schema.py \(options.joined(separator: " ")):\n\(text)")
    }
}
