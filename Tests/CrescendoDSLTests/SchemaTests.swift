import XCTest
@testable import CrescendoDSL

/// The JSON Schemas: valid JSON, committed copies current, and every bundled example valid
/// against the schema its first line names.
final class SchemaTests: XCTestCase {
    func testCommittedCopiesMatchWhatSchemaPrints() throws {
        let docs = Paths.repository.appendingPathComponent("docs/schema")
        let campaign = try String(contentsOf: docs.appendingPathComponent("campaign.schema.json"), encoding: .utf8)
        let ruleTest = try String(contentsOf: docs.appendingPathComponent("rule-test.schema.json"), encoding: .utf8)
        XCTAssertEqual(campaign, JSONSchemas.campaign + "\n", "regenerate with: crescendo schema > docs/schema/campaign.schema.json")
        XCTAssertEqual(ruleTest, JSONSchemas.ruleTest + "\n", "regenerate with: crescendo schema --kind test > docs/schema/rule-test.schema.json")
    }

    func testSchemasAreDraft202012JSON() throws {
        for schema in [JSONSchemas.campaign, JSONSchemas.ruleTest] {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(schema.utf8)) as? [String: Any])
            XCTAssertEqual(object["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
        }
    }

    func testBundledExamplesValidateAgainstTheSchema() throws {
        let root = Paths.repository
        let files = try ["campaigns", "rules"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
        }
        XCTAssertGreaterThanOrEqual(files.count, 5)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/validate-schema.py"] + files
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw XCTSkip("python3 is not installed: \(error)") }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 2 || process.terminationStatus == 127 {
            throw XCTSkip("schema validation needs python3 with jsonschema and PyYAML: \(text)")
        }
        XCTAssertEqual(process.terminationStatus, 0, text)
    }
}
