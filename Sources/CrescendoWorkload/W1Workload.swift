import CrescendoCore
import Foundation

/// The reference benchmark workload W1 (`shared/spec/benchmark.md`), generated
/// deterministically from a seed with `SplitMix64`.
public struct W1Workload: Sendable {
    /// The metrics, with the share of entries of each.
    public static let kinds: [(id: String, weight: Double)] = [("masks", 0.5), ("childcare_hours", 0.3), ("calls_diverted", 0.2)]
    /// The demands, with the share of entries of each.
    public static let demands: [(id: String, weight: Double)] = [
        ("paid-sick-leave", 0.30), ("staffing-ratios", 0.20), ("ppe-guarantee", 0.20),
        ("income-support", 0.15), ("public-health-funding", 0.15),
    ]
    /// Areas `a01` to `a20`; area i (0-based) has weight 1 / (1 + 0.08 i).
    public static let areas: [String] = (1...20).map { $0 < 10 ? "a0\($0)" : "a\($0)" }
    /// 2026-01-01T00:00:00Z.
    public static let yearStart = Instant(seconds: CivilDate(year: 2026, month: 1, day: 1).daysSinceEpoch * 86_400)
    /// Hours in 2026.
    public static let hours = 8_760

    public var entries: Int
    public var seed: UInt64

    public init(entries: Int = 1_000_000, seed: UInt64 = 1) {
        self.entries = entries; self.seed = seed
    }

    /// The weight of an hour of the year: day × hour × crisis.
    public static func weight(ofHour h: Int) -> Double {
        let t = yearStart + .hours(Int64(h))
        let day = CivilDate(daysSinceEpoch: t.seconds / 86_400)
        let dayWeight: Double
        switch day.isoWeekday {
        case 6: dayWeight = 0.45
        case 7: dayWeight = 0.35
        default: dayWeight = 1.0
        }
        let hourOfDay = h % 24
        let hourWeight: Double
        switch hourOfDay {
        case ..<7: hourWeight = 0.2
        case ..<9: hourWeight = 0.8
        case ..<18: hourWeight = 1.4
        case ..<22: hourWeight = 0.9
        default: hourWeight = 0.4
        }
        let week = day.isoWeek
        let crisis = week.year == 2026 && ((10...14).contains(week.week) || (40...44).contains(week.week)) ? 3.0 : 1.0
        return dayWeight * hourWeight * crisis
    }

    /// Writes `ledger.csv` (`id,at,kind,quantity,area,demand`, sorted by `at`) through `write`,
    /// in chunks of about 1 MiB.
    public func writeLedger(_ write: ([UInt8]) throws -> Void) throws {
        var rng = SplitMix64(seed: seed)
        let hourChoice = WeightedChoice(weights: (0..<Self.hours).map(Self.weight(ofHour:)))
        var times = [Int64](repeating: 0, count: entries)
        for i in 0..<entries {
            let h = Int64(hourChoice.index(for: rng.nextUnit()))
            times[i] = h * 3600 + Int64(rng.next(below: 3600))
        }
        times.sort()
        let kindChoice = WeightedChoice(weights: Self.kinds.map(\.weight))
        let areaChoice = WeightedChoice(weights: (0..<20).map { 1 / (1 + 0.08 * Double($0)) })
        let demandChoice = WeightedChoice(weights: Self.demands.map(\.weight))
        let kindBytes = Self.kinds.map { Array($0.id.utf8) }
        let areaBytes = Self.areas.map { Array($0.utf8) }
        let demandBytes = Self.demands.map { Array($0.id.utf8) }
        let dayPrefixes = (0..<366).map { Array(CivilDate(daysSinceEpoch: Self.yearStart.seconds / 86_400 + Int64($0)).iso8601.utf8) }
        var out: [UInt8] = Array("id,at,kind,quantity,area,demand\n".utf8)
        out.reserveCapacity(1 << 20 + 256)
        for (i, offset) in times.enumerated() {
            out.appendDecimal(i + 1); out.append(44)
            out.append(contentsOf: dayPrefixes[Int(offset / 86_400)])
            let s = Int(offset % 86_400)
            out.append(84); out.appendTwoDigits(s / 3600); out.append(58)
            out.appendTwoDigits(s / 60 % 60); out.append(58); out.appendTwoDigits(s % 60); out.append(90); out.append(44)
            out.append(contentsOf: kindBytes[kindChoice.index(for: rng.nextUnit())]); out.append(44)
            out.appendDecimal(Int(rng.next(below: 10)) + 1); out.append(44)
            out.append(contentsOf: areaBytes[areaChoice.index(for: rng.nextUnit())]); out.append(44)
            out.append(contentsOf: demandBytes[demandChoice.index(for: rng.nextUnit())]); out.append(10)
            if out.count >= 1 << 20 { try write(out); out.removeAll(keepingCapacity: true) }
        }
        if !out.isEmpty { try write(out) }
    }

    /// Writes `indicators.csv`: 8,760 hourly `infection_rate` rows for 2026.
    ///
    /// value = 5 + uniform noise in [-0.5, 0.5) + 120·g(h; 2016, 14 days) + 90·g(h; 7056, 12 days),
    /// where g(h; c, w) = exp(-(h - c)² / (2 (24 w)²)) is a Gaussian bump centred on hour c with a
    /// standard deviation of w days; values are written with three decimals.
    public func writeIndicators(_ write: ([UInt8]) throws -> Void) throws {
        var rng = SplitMix64(seed: seed ^ 0x1D1C_A705)
        var out: [UInt8] = Array("at,name,value\n".utf8)
        for h in 0..<Self.hours {
            let x = Double(h)
            func bump(_ centre: Double, _ days: Double) -> Double {
                let sd = 24 * days
                return exp(-(x - centre) * (x - centre) / (2 * sd * sd))
            }
            let value = 5 + (rng.nextUnit() - 0.5) + 120 * bump(2016, 14) + 90 * bump(7056, 12)
            out.append(contentsOf: (Self.yearStart + .hours(Int64(h))).iso8601.utf8)
            out.append(contentsOf: ",infection_rate,".utf8)
            out.append(contentsOf: Quantity(double: value).fixedThreeDecimals.utf8)
            out.append(10)
        }
        try write(out)
    }
}
