import CrescendoCore
extension Quantity {
    /// `12.340`: always three decimals.
    var fixedThreeDecimals: String {
        let sign = milli < 0 ? "-" : ""
        let a = milli.magnitude
        let frac = a % 1000
        let fracText = frac < 10 ? "00\(frac)" : frac < 100 ? "0\(frac)" : "\(frac)"
        return "\(sign)\(a / 1000).\(fracText)"
    }
}
