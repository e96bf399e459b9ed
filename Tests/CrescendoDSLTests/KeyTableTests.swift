import XCTest
@testable import CrescendoDSL

/// The key tables drive the parser: every key of every shape (campaign files, rule libraries,
/// rule-test files) is fed to it and must be read, not reported unknown; and a key no table
/// lists is reported unknown in every shape. A key added to a table but not read by its parser,
/// or read by a parser but missing from its table, fails here.
final class KeyTableTests: XCTestCase {
    /// A value no key accepts: a mapping where text is wanted, a list item where a mapping
    /// is, an unknown key where a shape is. Reading it always gives an error inside it.
    private static let probe = "{__probe: [1]}"

    func testTheParserReadsEveryKeyOfEveryTable() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var probed = 0
        for site in ShapeSite.all {
            for key in site.shape.keys {
                for name in [key.name] + (key.localized ? ["\(key.name).fr"] : []) {
                    let text = site.document(name, .text(Self.probe)).text
                    let (line, keyColumn, valueColumn) = try XCTUnwrap(Self.position(of: name, in: text))
                    let errors = try check(text, in: folder, probed)
                    let place = "\(site.path): '\(name)'"
                    XCTAssertFalse(errors.contains { $0.message.hasPrefix("unknown key '\(name)'") },
                                   "\(place) is in the table but the parser reports it unknown:\n\(text)")
                    XCTAssertTrue(errors.contains { $0.line == line && ($0.column >= valueColumn || $0.column == keyColumn && $0.message.contains("'\(name)'")) },
                                  "\(place) is in the table but the parser never reads its value:\n\(text)\(Self.listed(errors))")
                    probed += 1
                }
            }
        }
        XCTAssertGreaterThan(probed, 150)
    }

    func testAKeyNoTableListsIsUnknownInEveryShape() throws {
        let folder = try Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, site) in ShapeSite.all.enumerated() {
            let text = site.document("unlisted_key", .text("1")).text
            let (line, keyColumn, _) = try XCTUnwrap(Self.position(of: "unlisted_key", in: text))
            let errors = try check(text, in: folder, index)
            XCTAssertTrue(errors.contains { $0.line == line && $0.column == keyColumn && $0.message == "unknown key 'unlisted_key' in \(site.shape.name)" },
                          "\(site.path): a key the table does not list is not reported unknown:\n\(text)\(Self.listed(errors))")
        }
        XCTAssertGreaterThanOrEqual(ShapeSite.all.count, 30)
    }

    /// The errors `check` reports for `text`, written to a file of its own.
    private func check(_ text: String, in folder: URL, _ n: Int) throws -> [Diagnostic] {
        let path = folder.appendingPathComponent("probe-\(n).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return CampaignLoader().check(path).filter { $0.file == path && $0.severity == .error }
    }

    /// The line of `key:`, its column and its value's: the focus of a sample document comes
    /// last at every level, so it is on the last line.
    private static func position(of key: String, in text: String) -> (line: Int, key: Int, value: Int)? {
        let lines = text.split(separator: "\n")
        guard let last = lines.last, let range = last.range(of: "\(key): ") else { return nil }
        let column = last.distance(from: last.startIndex, to: range.lowerBound) + 1
        return (lines.count, column, column + key.count + 2)
    }

    private static func listed(_ errors: [Diagnostic]) -> String {
        "\nerrors:\n" + errors.map { "  \($0.line):\($0.column): \($0.message)" }.joined(separator: "\n")
    }
}
