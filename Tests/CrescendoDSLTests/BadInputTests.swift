import XCTest
@testable import CrescendoDSL

/// Inputs that are not campaign files at all give one clear diagnostic, never a crash.
final class BadInputTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Paths.temporaryFolder() }
    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func only(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let ds = CampaignLoader().check(path)
        XCTAssertEqual(ds.count, 1, "\(ds)", file: file, line: line)
        guard let d = ds.first else { return "" }
        return "\(d.line):\(d.column): \(d.severity.rawValue): \(d.code): \(d.message)"
    }

    func testMissingPath() {
        XCTAssertEqual(only(folder.appendingPathComponent("nope.yaml").path), "1:1: error: file: no such file")
    }

    func testDirectory() {
        XCTAssertEqual(only(folder.path), "1:1: error: file: is a directory, not a YAML file")
    }

    func testBinaryFile() throws {
        let path = try write("logo.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        XCTAssertEqual(only(path), "3:1: error: file: is a binary file (it contains a NUL byte), not YAML")
    }

    func testNotUTF8() throws {
        let path = try write("latin1.yaml", Array("campaign: x\ntitle: caf".utf8) + [0xE9] + Array("\n".utf8))
        XCTAssertEqual(only(path), "2:11: error: file: is not UTF-8 text")
    }

    func testTenMegabytesIsRefusedBeforeParsing() throws {
        let path = try write("huge.yaml", Array(repeating: UInt8(ascii: "#"), count: 10 * 1024 * 1024))
        XCTAssertEqual(only(path), "1:1: error: file: is 10485760 bytes; campaign files are limited to 4194304 bytes (4 MiB)")
    }

    func testLoadRefusesARuleTestFileAsACampaign() throws {
        let path = try write("t.yaml", Array("campaign: c.yaml\ntests: []\n".utf8))
        let result = CampaignLoader().load(path)
        XCTAssertNil(result.campaign)
        XCTAssertEqual(result.diagnostics.map(\.message), ["is not a campaign file (it has no 'campaign:' id)"])
        XCTAssertEqual(result.diagnostics.first?.hint, "this is a rule-test file; run it with `crescendo test`")
    }
}
