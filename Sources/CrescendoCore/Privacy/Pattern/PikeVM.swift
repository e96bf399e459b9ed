/// Runs a `PatternProgram` over a text in time linear in the text (times the program's size):
/// Thompson's simulation with Pike's thread priorities, so its matches are the ones a
/// backtracking engine (ICU, Perl) finds, leftmost first, greedy or lazy as written.
///
/// Finding every match one after another can, in a plain Pike VM, read the same text again
/// and again (a search reads past its match while a preferred thread is still alive). This
/// one first walks the text backwards once and marks, for every position, the instructions
/// from which a match can still be reached (`viable`); the forward search drops every other
/// thread. A preferred thread that is kept will match, so each search stops where its match
/// ends, and the whole text is read once forwards and once backwards.
struct PikeVM {
    let program: PatternProgram
    let text: [Unicode.Scalar]
    /// Row `pos` (`words` words) holds a bit per instruction: viable at `pos`.
    private var viable: [UInt64]
    private let words: Int

    init(_ program: PatternProgram, text: [Unicode.Scalar]) {
        self.program = program
        self.text = text
        words = (program.instructions.count + 63) / 64
        viable = Array(repeating: 0, count: words * (text.count + 1))
        markViable()
    }

    private func isViable(_ pc: Int, at pos: Int) -> Bool {
        viable[pos * words + pc >> 6] & (1 << UInt64(pc & 63)) != 0
    }

    private mutating func setViable(_ pc: Int, at pos: Int) {
        viable[pos * words + pc >> 6] |= 1 << UInt64(pc & 63)
    }

    /// The backward pass: `match` is viable everywhere; a scalar instruction where its scalar
    /// is next and the following instruction is viable one step on; splits, jumps and holding
    /// assertions where a successor is viable at the same position.
    private mutating func markViable() {
        let code = program.instructions
        var predecessors = Array(repeating: [Int](), count: code.count)
        for (pc, i) in code.enumerated() {
            switch i {
            case .split(let a, let b): predecessors[a].append(pc); predecessors[b].append(pc)
            case .jump(let a): predecessors[a].append(pc)
            case .assertion: predecessors[pc + 1].append(pc)
            case .scalar, .match: break
            }
        }
        var consumers: [(pc: Int, set: Int)] = []
        var matches: [Int] = []
        for (pc, i) in code.enumerated() {
            if case .scalar(let set) = i { consumers.append((pc, set)) } else if case .match = i { matches.append(pc) }
        }
        var work: [Int] = []
        for pos in stride(from: text.count, through: 0, by: -1) {
            work.append(contentsOf: matches)
            if pos < text.count {
                let c = text[pos]
                for (pc, set) in consumers where isViable(pc + 1, at: pos + 1) && program.accepts(set, c) { work.append(pc) }
            }
            for pc in work { setViable(pc, at: pos) }
            while let x = work.popLast() {
                for q in predecessors[x] where !isViable(q, at: pos) {
                    if case .assertion(let a) = code[q], !a.holds(at: pos, in: text, caseless: program.caseless) { continue }
                    setViable(q, at: pos)
                    work.append(q)
                }
            }
        }
    }

    /// Every non-overlapping match, leftmost first, as scalar offsets; an empty match is skipped.
    mutating func matches() -> [Range<Int>] {
        var out: [Range<Int>] = []
        var from = 0
        var threads = ThreadList(capacity: program.instructions.count)
        var next = ThreadList(capacity: program.instructions.count)
        while from <= text.count, let m = search(from: from, &threads, &next) {
            if m.isEmpty { from = m.upperBound + 1; continue }
            out.append(m)
            from = m.upperBound
        }
        return out
    }

    /// The threads at one position, in priority order, at most one per instruction.
    private struct ThreadList {
        var pcs: [Int] = []
        var starts: [Int] = []
        var seen: [Int]
        var generation = 0
        init(capacity: Int) { seen = Array(repeating: -1, count: capacity) }
        mutating func reset() { pcs.removeAll(keepingCapacity: true); starts.removeAll(keepingCapacity: true); generation += 1 }
    }

    /// Adds the thread at `pc` and everything it reaches without consuming, in priority order,
    /// keeping only viable instructions.
    private func add(_ list: inout ThreadList, _ pc0: Int, start: Int, at pos: Int, stack: inout [Int]) {
        stack.append(pc0)
        while let pc = stack.popLast() {
            guard list.seen[pc] != list.generation, isViable(pc, at: pos) else { continue }
            list.seen[pc] = list.generation
            switch program.instructions[pc] {
            case .jump(let a): stack.append(a)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .assertion(let a): if a.holds(at: pos, in: text, caseless: program.caseless) { stack.append(pc + 1) }
            case .scalar, .match: list.pcs.append(pc); list.starts.append(start)
            }
        }
    }

    private func search(from: Int, _ current: inout ThreadList, _ next: inout ThreadList) -> Range<Int>? {
        var found: Range<Int>?
        var stack: [Int] = []
        current.reset()
        var pos = from
        while pos <= text.count {
            if found == nil { add(&current, 0, start: pos, at: pos, stack: &stack) }
            if current.pcs.isEmpty {
                if found != nil { break }
                pos += 1
                current.reset()
                continue
            }
            next.reset()
            for k in current.pcs.indices {
                let pc = current.pcs[k]
                switch program.instructions[pc] {
                case .match:
                    found = current.starts[k]..<pos
                case .scalar(let set):
                    if pos < text.count, program.accepts(set, text[pos]) {
                        add(&next, pc + 1, start: current.starts[k], at: pos + 1, stack: &stack)
                    }
                    continue
                default: continue
                }
                break   // a match cuts every thread after it
            }
            swap(&current, &next)
            pos += 1
        }
        return found
    }
}
