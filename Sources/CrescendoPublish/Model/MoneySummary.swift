import CrescendoCore

/// Money flows added up by currency and category: what goes to corporations against what
/// goes to workers and frontline services.
struct MoneySummary: Sendable {
    /// Categories in the order they are shown.
    static let categories: [MoneyFlow.Category] = [.corporateSubsidy, .workerSupport, .frontlineServices, .other]

    /// Currency codes, sorted.
    let currencies: [String]
    private let totals: [String: Quantity]

    init(_ flows: [MoneyFlow]) {
        var totals: [String: Quantity] = [:]
        for f in flows { totals["\(f.currency)|\(f.category.rawValue)", default: .zero] = totals["\(f.currency)|\(f.category.rawValue)", default: .zero] + f.amount }
        self.totals = totals
        currencies = Set(flows.map(\.currency)).sorted()
    }

    func total(_ currency: String, _ category: MoneyFlow.Category) -> Quantity { totals["\(currency)|\(category.rawValue)"] ?? .zero }

    static func label(_ c: MoneyFlow.Category) -> String {
        switch c {
        case .corporateSubsidy: return "Corporate subsidies"
        case .workerSupport: return "Worker support"
        case .frontlineServices: return "Frontline services"
        case .other: return "Other"
        }
    }
}
