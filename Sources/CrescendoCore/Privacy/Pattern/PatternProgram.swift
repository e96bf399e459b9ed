/// A pattern compiled for the Pike VM: instructions over scalar sets and assertions.
struct PatternProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one scalar in `sets[set]`, then go on at the next instruction.
        case scalar(set: Int)
        /// Go on at both; the first is preferred.
        case split(Int, Int)
        case jump(Int)
        /// Go on at the next instruction if the assertion holds here.
        case assertion(PatternAssertion)
        case match
    }

    /// The most instructions a pattern may compile to (a pattern over it is refused).
    static let maxInstructions = 5000

    var instructions: [Instruction] = []
    var sets: [ScalarSet] = []
    var caseless = false
    /// Per set, which ASCII scalars it accepts (bits 0-63 and 64-127), worked out once, so
    /// that the common case costs a bit test instead of Unicode property lookups.
    private(set) var ascii: [(low: UInt64, high: UInt64)] = []

    /// Compiles `node`; throws when the program would be too large.
    init(_ node: PatternNode, caseless: Bool) throws {
        self.caseless = caseless
        try emit(node)
        instructions.append(.match)
        ascii = sets.map { set in
            var bits: (low: UInt64, high: UInt64) = (0, 0)
            for v in 0..<128 where set.contains(Unicode.Scalar(UInt8(v)), caseless: caseless) {
                if v < 64 { bits.low |= 1 << UInt64(v) } else { bits.high |= 1 << UInt64(v - 64) }
            }
            return bits
        }
    }

    /// Whether set `index` accepts `c`.
    @inline(__always)
    func accepts(_ index: Int, _ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 64 { return ascii[index].low & (1 << UInt64(v)) != 0 }
        if v < 128 { return ascii[index].high & (1 << UInt64(v - 64)) != 0 }
        return sets[index].contains(c, caseless: caseless)
    }

    private mutating func add(_ i: Instruction) throws -> Int {
        guard instructions.count < Self.maxInstructions else {
            throw PatternError("the pattern is too large (over \(Self.maxInstructions) steps once its counts are expanded)", at: 0)
        }
        instructions.append(i)
        return instructions.count - 1
    }

    private mutating func emit(_ node: PatternNode) throws {
        switch node {
        case .empty: break
        case .scalar(let set):
            let index: Int
            if let known = sets.firstIndex(of: set) { index = known } else { sets.append(set); index = sets.count - 1 }
            _ = try add(.scalar(set: index))
        case .assertion(let a): _ = try add(.assertion(a))
        case .sequence(let items): for item in items { try emit(item) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split L2, ... ; last branch
            var jumps: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = try add(.split(0, 0))
                    try emit(branch)
                    jumps.append(try add(.jump(0)))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { instructions[j] = .jump(instructions.count) }
        case .repetition(let body, let min, let max, let greedy):
            for _ in 0..<min { try emit(body) }
            if let max {
                // Each optional copy: split body, skip; the skips all go to the end.
                var skips: [Int] = []
                for _ in min..<max {
                    skips.append(try add(.split(0, 0)))
                    try emit(body)
                }
                let end = instructions.count
                for s in skips { instructions[s] = greedy ? .split(s + 1, end) : .split(end, s + 1) }
            } else {
                // L: split body, end; body; jump L
                let loop = try add(.split(0, 0))
                try emit(body)
                _ = try add(.jump(loop))
                let end = instructions.count
                instructions[loop] = greedy ? .split(loop + 1, end) : .split(end, loop + 1)
            }
        }
    }
}
