/// Who may write a campaign's engine output: the daemon holding the campaign's lease
/// (`owner`) under the lease's fencing `epoch`, which rises every time another daemon takes
/// the lease over. `DaemonStore.commit` checks it inside its transaction.
public struct LeaseFence: Hashable, Sendable {
    /// The daemon's id, made at its start.
    public var owner: String
    public var epoch: Int64

    public init(owner: String, epoch: Int64) {
        self.owner = owner; self.epoch = epoch
    }
}
