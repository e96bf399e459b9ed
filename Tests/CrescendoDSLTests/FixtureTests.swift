import XCTest
@testable import CrescendoDSL

/// Every `Fixtures/**/*.bad.yaml` and `*.warn.yaml` lists the exact diagnostics it must give in
/// `# expect: FILE:LINE:COLUMN: SEVERITY: CODE: MESSAGE` lines at its top (FILE is the base
/// name, since a problem may be in an included library); every `*.good.yaml` gives none.
final class FixtureTests: XCTestCase {
    func testEveryFixtureGivesExactlyItsExpectedDiagnostics() throws {
        let files = try fixtureFiles()
        XCTAssertGreaterThanOrEqual(files.count, 30)
        for path in files {
            let expected = try String(contentsOfFile: path, encoding: .utf8)
                .split(separator: "\n").filter { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst("# expect: ".count)) }
            let actual = CampaignLoader().check(path).map {
                "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.column): \($0.severity.rawValue): \($0.code): \($0.message)"
            }
            let name = (path as NSString).lastPathComponent
            if name.hasSuffix(".good.yaml") {
                XCTAssertEqual(actual, [], name)
            } else {
                XCTAssertFalse(expected.isEmpty, "\(name) lists no expected diagnostics")
                XCTAssertEqual(actual, expected, name)
            }
        }
    }

    func testBadFixturesFailAndWarningFixturesPass() throws {
        for path in try fixtureFiles() {
            let diagnostics = CampaignLoader().check(path)
            XCTAssertEqual(diagnostics.hasErrors, path.hasSuffix(".bad.yaml"), (path as NSString).lastPathComponent)
        }
    }

    private func fixtureFiles() throws -> [String] {
        let root = Paths.fixtures
        let names = try FileManager.default.subpathsOfDirectory(atPath: root.path)
        return names.filter { $0.hasSuffix(".good.yaml") || $0.hasSuffix(".bad.yaml") || $0.hasSuffix(".warn.yaml") }
            .sorted().map { root.appendingPathComponent($0).path }
    }
}
