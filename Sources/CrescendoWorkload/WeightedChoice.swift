import CrescendoCore
/// Draws an index with probability proportional to its weight (binary search on cumulative weights).
public struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    public init(weights: [Double]) {
        precondition(!weights.isEmpty)
        var total = 0.0
        cumulative = weights.map { total += $0; return total }
    }

    /// The index for a uniform draw `u` in [0, 1).
    @inline(__always)
    public func index(for u: Double) -> Int {
        let target = u * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
