/// A binary min-heap of timers ordered by due time, then by insertion order, so that timers
/// due at the same instant come out in the order they were set.
struct TimerQueue<Payload> {
    private struct Item { var at: Instant; var order: UInt64; var payload: Payload }
    private var heap: [Item] = []
    private var counter: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var nextDue: Instant? { heap.isEmpty ? nil : heap[0].at }

    mutating func insert(_ payload: Payload, at: Instant) {
        counter += 1
        heap.append(Item(at: at, order: counter, payload: payload))
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if less(heap[i], heap[p]) { heap.swapAt(i, p); i = p } else { break }
        }
    }

    /// Removes and returns the earliest timer if it is due at or before `t`.
    mutating func popDue(atOrBefore t: Instant) -> (Instant, Payload)? {
        guard !heap.isEmpty, heap[0].at <= t else { return nil }
        let first = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m); i = m
            }
        }
        return (first.at, first.payload)
    }

    /// Every pending timer, earliest first (for status and persistence).
    var sorted: [(Instant, Payload)] {
        heap.sorted { less($0, $1) }.map { ($0.at, $0.payload) }
    }

    private func less(_ a: Item, _ b: Item) -> Bool { a.at != b.at ? a.at < b.at : a.order < b.order }
}
