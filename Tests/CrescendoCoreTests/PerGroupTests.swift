import CrescendoCore
import XCTest

/// One field, one meaning: every action of a `per:` rule carries `per` and `group`; `kind` is
/// only a ritual's kind, and `area` stays for `per: area`.
final class PerGroupTests: XCTestCase {
    private let start = "2027-01-01"

    func testARitualOfAPerKindRuleKeepsItsKindAndItsGroup() throws {
        let rule = Fx.rule("per-kind", .every(n: 2, of: .entries, filter: EntryFilter(), per: .kind), do: [Fx.ritual("rest")])
        let out = Fx.run(Fx.campaign([rule]), ledger: [Fx.entry("2027-01-02T10:00Z", "hours"), Fx.entry("2027-01-02T11:00Z", "hours")],
                         until: "2027-01-05")
        XCTAssertEqual(out.map(\.jsonLine), [
            #"{"at":"2027-01-02T11:00:00Z","rule":"per-kind","action":"ritual","kind":"rest","text":"rest","per":"kind","group":"hours","seq":2,"because":"entry 2 was number 2 of the matching entries in kind hours, reaching every 2"}"#,
        ])
        XCTAssertEqual(out.first?.fieldText("group"), "hours")
        XCTAssertEqual(out.first?.fieldText("per"), "kind")
        XCTAssertTrue(ActionPattern(fields: ["per": "kind", "group": "hours", "kind": "rest"]).matches(out[0]))
        XCTAssertFalse(ActionPattern(fields: ["kind": "hours"]).matches(out[0]), "the group is not written into kind")
    }

    func testFollowUpsAndSilencesOfAPerAreaRuleCarryTheGroup() throws {
        let briefing = ActionSpec(.briefing(demand: "psl", deadline: .days(1), to: nil))
        let rule = Fx.rule("per-area", .every(n: 1, of: .entries, filter: EntryFilter(), per: .area),
                           do: [briefing], then: [Fx.ritual("rest", in: .hours(2))])
        let out = Fx.run(Fx.campaign([rule], areas: ["a1"]), ledger: [Fx.entry("2027-01-02T10:00Z", area: "a1")], until: "2027-01-05")
        XCTAssertEqual(out.map(\.action), ["briefing", "ritual", "silence"])
        for o in out {
            XCTAssertEqual(o.group, Occurrence.Group(per: .area, key: "a1"), o.jsonLine)
            XCTAssertEqual(o.area, "a1", o.jsonLine)
        }
        XCTAssertTrue(out[2].jsonLine.contains(#""area":"a1","per":"area","group":"a1","#), out[2].jsonLine)
    }

    func testARuleWithoutPerHasNeither() throws {
        let rule = Fx.rule("plain", .every(n: 1, of: .entries, filter: EntryFilter(), per: nil), do: [Fx.ritual("rest")])
        let out = Fx.run(Fx.campaign([rule]), ledger: [Fx.entry("2027-01-02T10:00Z", area: "a1")], until: "2027-01-05")
        XCTAssertEqual(out.count, 1)
        XCTAssertNil(out[0].group)
        XCTAssertNil(out[0].fieldText("per"))
        XCTAssertNil(out[0].fieldText("area"))
    }
}
