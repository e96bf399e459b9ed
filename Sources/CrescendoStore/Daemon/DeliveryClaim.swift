/// One claim of a delivery: which daemon (`owner`) claimed it and which claim of the
/// delivery it is (`number`, rising by one at every claim). An outcome recorded with a claim
/// counts only while the delivery still carries that claim (River's guard after its #1302).
public struct DeliveryClaim: Hashable, Sendable {
    public var owner: String
    public var number: Int64

    public init(owner: String, number: Int64) {
        self.owner = owner; self.number = number
    }
}
