import Yams
import CrescendoCore

/// Reads one test: `name`, `from`, `until`, `ledger`, `indicators`, `responses`, `expect`,
/// `expect_none` and `exact`.
struct RuleTestParser {
    let context: TestContext
    var reader: NodeReader { context.reader }

    func parse(_ node: Node, index: Int) -> RuleTest? {
        var code = "tests[\(index)]"
        if case .mapping(let m) = node, let name = m["name"]?.string { code = name }
        guard let f = reader.fields(node, code, Shapes.test),
              let name = f["name"].flatMap({ reader.string($0, code, "name") }) else { return nil }
        let zone = context.zone
        var test = RuleTest(name: name, line: Position(node).line)
        test.from = f["from"].flatMap { reader.instant($0, code, "from", zone: zone) }
        test.until = f["until"].flatMap { reader.instant($0, code, "until", zone: zone) }
        if let from = test.from, let until = test.until, let untilNode = f["until"], until <= from {
            reader.sink.error(untilNode, code, "'until' must come after 'from'")
        }
        let facts = TestFactsParser(context: context, code: code)
        test.ledger = f["ledger"].map(facts.ledger) ?? []
        test.indicators = f["indicators"].map(facts.indicators) ?? []
        test.responses = f["responses"].map(facts.responses) ?? []
        let patterns = ActionPatternParser(context: context, code: code)
        test.expect = f["expect"].map { patterns.list($0, "expect") } ?? []
        test.expectNone = f["expect_none"].map { patterns.list($0, "expect_none") } ?? []
        test.exact = f["exact"].flatMap { reader.bool($0, code, "exact") } ?? false
        if f["expect"] == nil && f["expect_none"] == nil {
            reader.sink.error(node, code, "a test needs 'expect' or 'expect_none'", hint: "say what must (or must not) happen")
        }
        return test
    }
}
