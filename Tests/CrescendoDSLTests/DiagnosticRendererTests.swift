import XCTest
@testable import CrescendoDSL

final class DiagnosticRendererTests: XCTestCase {
    private let diagnostic = Diagnostic(file: "c.yaml", line: 3, column: 18, severity: .error, code: "weekly-masks",
                                        message: "undeclared metric 'mask'", hint: "did you mean 'masks'?",
                                        sourceLine: "    when: { sum: mask, over: 7d, above: 5000 }")

    func testTextShowsPositionSourceCaretAndHint() {
        XCTAssertEqual(DiagnosticRenderer.text(diagnostic), """
            c.yaml:3:18: error: weekly-masks: undeclared metric 'mask'
                when: { sum: mask, over: 7d, above: 5000 }
                             ^
            hint: did you mean 'masks'?

            """)
    }

    func testTextWithoutSourceOrHint() {
        let d = Diagnostic(file: "x.yaml", line: 1, column: 1, severity: .warning, code: "file", message: "no such file")
        XCTAssertEqual(DiagnosticRenderer.text(d), "x.yaml:1:1: warning: file: no such file\n")
    }

    func testCaretKeepsTabsSoItLinesUp() {
        let d = Diagnostic(file: "t.yaml", line: 1, column: 3, severity: .error, code: "yaml", message: "m", sourceLine: "\ta: b")
        XCTAssertEqual(DiagnosticRenderer.text(d), "t.yaml:1:3: error: yaml: m\n\ta: b\n\t ^\n")
    }

    func testJSONHasEveryFieldAndNullHint() throws {
        let plain = Diagnostic(file: "x.yaml", line: 1, column: 1, severity: .warning, code: "file", message: "m")
        let json = DiagnosticRenderer.json([diagnostic, plain])
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(decoded.count, 2)
        XCTAssertEqual(decoded[0]["file"] as? String, "c.yaml")
        XCTAssertEqual(decoded[0]["line"] as? Int, 3)
        XCTAssertEqual(decoded[0]["column"] as? Int, 18)
        XCTAssertEqual(decoded[0]["severity"] as? String, "error")
        XCTAssertEqual(decoded[0]["code"] as? String, "weekly-masks")
        XCTAssertEqual(decoded[0]["message"] as? String, "undeclared metric 'mask'")
        XCTAssertEqual(decoded[0]["hint"] as? String, "did you mean 'masks'?")
        XCTAssertTrue(decoded[1]["hint"] is NSNull)
        XCTAssertEqual(Set(decoded[1].keys), ["file", "line", "column", "severity", "code", "message", "hint"])
    }

    func testSuggestionsCountASwapAsOneEdit() {
        XCTAssertEqual(Suggestion.closest(to: "titel", in: ["timezone", "title"]), "title")
        XCTAssertEqual(Suggestion.closest(to: "lgo", in: ["log", "organizers"]), "log")
        XCTAssertNil(Suggestion.closest(to: "budget", in: ["session"]))
    }
}
