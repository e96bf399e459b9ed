/// A rolling-window total shared by every threshold rule that measures the same thing
/// (metric or count, window length, `per` dimension and `where` filter).
///
/// An entry at time `a` counts in the window (t - D, t] for a <= t < a + D, so it leaves at
/// exactly a + D: the aggregator exposes that as its next exit time and the engine visits it.
struct Aggregator {
    struct Spec: Hashable {
        var metric: String?  // nil counts entries of every kind
        var over: Int64
        var per: Dimension?
        var filter: EntryFilter
    }
    let spec: Spec
    /// The thresholds (slots in the engine's threshold states) that read this aggregator, and
    /// their comparisons (see `crosses`).
    private(set) var rules: [Int] = []
    private var comparisons: [Comparison] = []
    private(set) var keys: [String] = []
    private var keyIndex: [String: Int] = [:]
    /// Totals in thousandths (a count of 1 is 1000), by key id.
    private(set) var sums: [Int64] = []
    /// Each key's value when its thresholds were last judged (NaN before the first time, which
    /// holds for no comparison, as a threshold's state starts inactive).
    private var judgedValue: [Double] = []
    /// Per key, an open interval around the value last judged that holds no threshold's limit
    /// (NaN before the first judging: no value is inside it).
    private var bandLow: [Double] = []
    private var bandHigh: [Double] = []
    /// Every change is judged, band or not (for `--explain`, which traces every evaluation).
    var judgesEveryChange = false
    private var exits: [Int64] = []
    private var exitKeys: [Int32] = []
    private var exitQty: [Int64] = []
    private var head = 0
    /// Keys whose total changed at the current instant.
    private(set) var dirty: [Int] = []
    private var isDirty: [Bool] = []

    // The spec's hot parts as plain values, read for every entry.
    /// The metric's index in the campaign, or -1 to count entries of every kind.
    private let metric: Int
    private let filtered: Bool
    private let over: Int64
    /// The engine's id of a `per` value (see `Engine.dimensionID`) to this aggregator's key id.
    private var localKey: [Int] = []

    init(spec: Spec, metricIndex: Int) {
        self.spec = spec
        metric = metricIndex
        filtered = !spec.filter.isEmpty
        over = spec.over
        if spec.per == nil { _ = key("") }
    }

    /// Registers a key up front (declared areas, demands, kinds) so `below` thresholds see it.
    @discardableResult
    mutating func key(_ k: String) -> Int {
        if let i = keyIndex[k] { return i }
        let i = keys.count
        keys.append(k); keyIndex[k] = i; sums.append(0); judgedValue.append(.nan); bandLow.append(.nan); bandHigh.append(.nan); isDirty.append(false)
        return i
    }

    func keyID(_ k: String) -> Int? { keyIndex[k] }

    /// Adds a threshold that reads this aggregator.
    mutating func addRule(slot: Int, comparison: Comparison) {
        rules.append(slot); comparisons.append(comparison)
    }

    /// Key `k`'s total, in units (the value thresholds compare).
    @inline(__always)
    func value(_ k: Int) -> Double { Double(sums[k]) / 1000 }

    /// Whether `v` lies inside key `k`'s band, where no threshold's state can differ from its
    /// state at the value last judged.
    @inline(__always)
    private func isInBand(_ k: Int, _ v: Double) -> Bool { bandLow[k] < v && v < bandHigh[k] }

    /// Records that key `k` is being judged at its current value; returns the value it was last
    /// judged at and its value now, or nil when no threshold's limit lies between the two (then
    /// no threshold's state can change, and none need be looked at).
    mutating func judge(_ k: Int) -> (old: Double, new: Double)? {
        let v = value(k)
        if isInBand(k, v) { return nil }
        let old = judgedValue[k]
        judgedValue[k] = v
        // The widest open interval around v holding no limit (empty when v is a limit).
        var low = -Double.infinity, high = Double.infinity
        for c in comparisons {
            let limit = c.limit
            if limit < v { low = max(low, limit) } else if limit > v { high = min(high, limit) } else { low = v; high = v }
        }
        bandLow[k] = low; bandHigh[k] = high
        return (old, v)
    }

    /// Whether the `r`th threshold's condition differs between the two values. A threshold's
    /// state always matches its condition at the last judged value, so only a crossing can
    /// change it; the others need not be looked at.
    func crosses(_ r: Int, from old: Double, to new: Double) -> Bool {
        comparisons[r].holds(old) != comparisons[r].holds(new)
    }

    /// When the oldest entry leaves the window (`Int64.max` when the window is empty). Stored,
    /// not computed, so the engine's per-instant checks read one field.
    private(set) var nextExit: Int64 = .max

    /// Adds an entry if it matches. `metricIndex` is the entry's metric (-1 if undeclared) and
    /// `perID` the engine's id of its value on this aggregator's `per` dimension (-1 if none):
    /// both are looked up once per entry for every aggregator.
    mutating func add(_ e: LedgerEntry, metricIndex: Int, perID: Int) {
        if metric >= 0, metricIndex != metric { return }
        if filtered, !spec.filter.matches(e) { return }
        var k = 0
        if let per = spec.per {
            guard perID >= 0 else { return }
            if perID < localKey.count, localKey[perID] >= 0 {
                k = localKey[perID]
            } else {
                guard let v = e.value(per) else { return }
                k = key(v)
                if localKey.count <= perID { localKey.append(contentsOf: repeatElement(-1, count: perID + 1 - localKey.count)) }
                localKey[perID] = k
            }
        }
        let q = metric < 0 ? 1000 : e.quantity.milli
        sums[k] = sums[k].addingSaturating(q)
        exits.append(e.at.seconds + over); exitKeys.append(Int32(k)); exitQty.append(q)
        if head == exits.count - 1 { nextExit = exits[head] }
        changed(k)
    }

    /// Marks a key whose total changed for judging, unless its new value is still inside its
    /// band: then no threshold can change, and there is nothing to judge.
    @inline(__always)
    private mutating func changed(_ k: Int) {
        if !judgesEveryChange && isInBand(k, value(k)) { return }
        markDirty(k)
    }

    /// Removes every entry whose window ends at or before `t`.
    mutating func expire(through t: Int64) {
        while head < exits.count, exits[head] <= t {
            let k = Int(exitKeys[head])
            sums[k] = sums[k].subtractingSaturating(exitQty[head])
            changed(k)
            head += 1
        }
        if head > 65_536, head * 2 > exits.count {
            exits.removeFirst(head); exitKeys.removeFirst(head); exitQty.removeFirst(head); head = 0
        }
        nextExit = head < exits.count ? exits[head] : .max
    }

    mutating func markDirty(_ k: Int) {
        if !isDirty[k] { isDirty[k] = true; dirty.append(k) }
    }

    mutating func markAllDirty() { for k in 0..<keys.count { markDirty(k) } }

    mutating func clearDirty() {
        for k in dirty { isDirty[k] = false }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Holds only the entries still in the window, in arrays of their own sized to them, for
    /// a checkpoint: the engine it was copied from keeps its arrays (and their spare room).
    mutating func compactForCopy() {
        exits = Array(exits[head...]); exitKeys = Array(exitKeys[head...]); exitQty = Array(exitQty[head...]); head = 0
    }

    /// Entries currently held in the window.
    var held: Int { exits.count - head }
}
