extension Int64 {
    /// `self + other`, held at `Int64.max` or `Int64.min` instead of trapping. A quantity may
    /// have 15 whole digits, so ten large entries would overflow a plain total; totals that
    /// large stay at the limit (about 9.2 × 10¹⁵ whole units, far past any real campaign).
    @inline(__always)
    func addingSaturating(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self - other`, held at the limits instead of trapping.
    @inline(__always)
    func subtractingSaturating(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : difference
    }
}
