/// A key that names the form of its mapping (a trigger's `every`, an action's `briefing`),
/// with the other keys that form takes. A mapping with forms holds exactly one form key.
struct Form: Sendable {
    let key: String
    /// The other keys the form takes; `nil`: every key of the shape that names no form.
    let takes: [String]?

    init(_ key: String, takes: [String]? = nil) {
        self.key = key
        self.takes = takes
    }
}
