import CrescendoCore

/// A small campaign built in code (the store and input tests never need YAML).
enum TestCampaign {
    static func make(areas: [String] = ["a01", "a02"], redact: [String] = []) -> Campaign {
        Campaign(
            id: "test-campaign", title: "Test", zone: .utc, start: Instant(seconds: 1_767_225_600),
            metrics: [Metric(id: "masks", label: "Masks", unit: "masks"), Metric(id: "childcare_hours", label: "Childcare", unit: "hours")],
            demands: [Demand(id: "paid-sick-leave", text: "Paid sick leave", target: "Ministry of Labour", funding: "Relief fund")],
            indicators: [IndicatorDefinition(id: "infection_rate", label: "Positivity", unit: "%")],
            privacy: Privacy(minCount: 5, redact: redact),
            areas: areas.map { Area(id: $0, label: $0) })
    }
}
