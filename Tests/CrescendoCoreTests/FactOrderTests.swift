import CrescendoCore
import XCTest

final class FactOrderTests: XCTestCase {
    /// By time; at one instant indicator samples, then responses, then entries; each kind in
    /// the order given.
    func testTheOneFeedingOrder() {
        let t0 = Fx.t("2027-01-02T10:00Z"), t1 = Fx.t("2027-01-02T11:00Z")
        let e = [LedgerEntry(at: t1, kind: "b"), LedgerEntry(at: t0, kind: "a"), LedgerEntry(at: t1, kind: "c")]
        let i = [IndicatorSample(at: t1, name: "rate", value: 2), IndicatorSample(at: t0, name: "rate", value: 1)]
        let r = [Response(at: t1, deadline: 1, text: "x"), Response(at: t0, deadline: 2, text: "y")]
        let order = FactOrder.ordered(entries: e, indicators: i, responses: r).map { f -> String in
            switch f {
            case .entry(let e): return "entry \(e.kind)"
            case .indicator(let s): return "indicator \(formatNumber(s.value))"
            case .response(let r): return "response \(r.deadline)"
            }
        }
        XCTAssertEqual(order, ["indicator 1", "response 2", "entry a", "indicator 2", "response 1", "entry b", "entry c"])
    }

    /// `Simulation` streams entries past the same order: the held facts at an entry's instant go first.
    func testStreamingFeedsHeldFactsBeforeEachEntry() {
        let t0 = Fx.t("2027-01-02T10:00Z")
        var order = FactOrder(indicators: [IndicatorSample(at: t0 + TimeSpan(seconds: 1), name: "rate", value: 1)],
                              responses: [Response(at: t0, deadline: 1, text: "x")])
        var fed: [Instant] = []
        order.feed(before: t0) { fed.append($0.at) }
        XCTAssertEqual(fed, [t0])
        order.feed(before: t0) { fed.append($0.at) }
        XCTAssertEqual(fed, [t0], "each held fact is handed over once")
        order.feedRest { fed.append($0.at) }
        XCTAssertEqual(fed, [t0, t0 + TimeSpan(seconds: 1)])
    }

    /// `byTime` is a stable sort whether or not the items come in time order (the sorted case
    /// is returned as given), and `forEach` hands over exactly what `ordered` lists.
    func testByTimeIsStableAndForEachStreamsTheSameOrder() {
        let t0 = Fx.t("2027-01-02T10:00Z"), t1 = Fx.t("2027-01-02T11:00Z"), t2 = Fx.t("2027-01-02T12:00Z")
        let inOrder = [LedgerEntry(at: t0, kind: "a"), LedgerEntry(at: t1, kind: "b"), LedgerEntry(at: t1, kind: "c")]
        XCTAssertEqual(FactOrder.byTime(inOrder, at: \.at).map(\.kind), ["a", "b", "c"])
        let shuffled = [LedgerEntry(at: t2, kind: "d"), LedgerEntry(at: t1, kind: "b"), LedgerEntry(at: t0, kind: "a"),
                        LedgerEntry(at: t1, kind: "c"), LedgerEntry(at: t0, kind: "e")]
        XCTAssertEqual(FactOrder.byTime(shuffled, at: \.at).map(\.kind), ["a", "e", "b", "c", "d"])
        let i = [IndicatorSample(at: t1, name: "rate", value: 2)]
        let r = [Response(at: t0, deadline: 1, text: "x")]
        var streamed: [Instant] = []
        var kinds: [String] = []
        FactOrder.forEach(entries: shuffled, indicators: i, responses: r) { f in
            streamed.append(f.at)
            if case .entry(let e) = f { kinds.append(e.kind) }
        }
        XCTAssertEqual(streamed, FactOrder.ordered(entries: shuffled, indicators: i, responses: r).map(\.at))
        XCTAssertEqual(streamed, [t0, t0, t0, t1, t1, t1, t2])
        XCTAssertEqual(kinds, ["a", "e", "b", "c", "d"])
    }
}
