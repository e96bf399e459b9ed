import Yams
import CrescendoCore

/// A rule read from a file, with the nodes later checks point at.
struct ParsedRule {
    var rule: Rule
    var idNode: Node
    var actions: [ActionParser.Parsed]
    var then: [ActionParser.Parsed]?
}
