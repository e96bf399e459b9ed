extension Ladder {
    /// The order of tactic indices for one shuffle cycle: SplitMix64 seeded with
    /// `seed XOR (cycle × 0x9E3779B97F4A7C15)`, then Fisher–Yates from the last index down with
    /// `j = next() mod (i + 1)`.
    public static func shuffleOrder(count: Int, seed: UInt64, cycle: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed ^ (cycle &* 0x9E37_79B9_7F4A_7C15))
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            let j = Int(rng.next() % UInt64(i + 1))
            order.swapAt(i, j)
            i -= 1
        }
        return order
    }

    /// The tactic of the `n`-th escalation on this ladder (0-based).
    public func tactic(forEscalation n: Int) -> Tactic? {
        guard !tactics.isEmpty else { return nil }
        switch pick {
        case .rotate:
            return tactics[n % tactics.count]
        case .shuffle(let seed):
            let order = Ladder.shuffleOrder(count: tactics.count, seed: seed, cycle: UInt64(n / tactics.count))
            return tactics[order[n % tactics.count]]
        }
    }
}
