import XCTest
import Yams
import CrescendoCore
@testable import CrescendoDSL

/// A localized key (a guide's `file`, with language variants `file.fr`, `file.pt-br`, as
/// template ids have) is accepted by the parser and stated by the schema as `patternProperties`.
final class LocalizedKeyTests: XCTestCase {
    private let guide = Shapes.guide

    func testTheParserAcceptsLanguageVariantsAndNothingElse() throws {
        let node = try XCTUnwrap(Yams.compose(yaml: "title: T\nfile: a.md\nfile.fr: a.fr.md\nfile.pt-br: a.pt.md\nfile.french: x\nfiles: y\n"))
        let sink = DiagnosticSink(file: "guide.yaml")
        let fields = try XCTUnwrap(NodeReader(sink: sink).fields(node, "guides", guide))
        XCTAssertEqual(fields.entries.map(\.key), ["title", "file", "file.fr", "file.pt-br"])
        XCTAssertEqual(sink.diagnostics.map { "\($0.line): \($0.message) (\($0.hint ?? ""))" }, [
            "5: unknown key 'file.french' in a guide (known keys: title, file)",
            "6: unknown key 'files' in a guide (did you mean 'file'?)",
        ])
    }

    func testTheSchemaAcceptsWhatTheParserAccepts() throws {
        let schema = SchemaBuilder.document(id: "https://crescendo.example/schema/guide.schema.json", title: "a guide", roots: [guide])
        var walk = SchemaWalk(schema: schema)
        walk.shape(guide, at: schema, "a guide", isRoot: true)
        XCTAssertEqual(walk.problems, [])
        XCTAssertEqual(schema["patternProperties"]?["^file\\.[A-Za-z]{2,3}(-[^.]*)?$"]?["type"], .string("string"))

        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schemaPath = folder.appendingPathComponent("guide.schema.json").path
        try schema.prettyText.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let good = folder.appendingPathComponent("good.yaml").path, bad = folder.appendingPathComponent("bad.yaml").path
        try "title: T\nfile: a.md\nfile.fr: a.fr.md\nfile.pt-br: a.pt.md\n".write(toFile: good, atomically: true, encoding: .utf8)
        try "title: T\nfile: a.md\nfile.french: a.fr.md\n".write(toFile: bad, atomically: true, encoding: .utf8)
        try SchemaTests.validate([good], "--schema", schemaPath)
        try SchemaTests.validate([bad], "--schema", schemaPath, "--invalid")
    }
}
