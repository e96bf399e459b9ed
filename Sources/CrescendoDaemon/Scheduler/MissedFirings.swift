import CrescendoCore

/// Applies each rule's `on_missed` to the actions that fell due while the daemon was not
/// running: `fire_once` sends the latest of a rule's missed actions, marked late, and records
/// the others as skipped; `fire_all` sends them all, late; `skip` records them all as skipped.
enum MissedFirings {
    /// What becomes of one missed action.
    enum Verdict: Equatable { case late, skipped(String) }

    /// A verdict per index of `missed` (actions in decision order).
    static func verdicts(_ missed: [Occurrence], campaign: Campaign) -> [Verdict] {
        var lastOfRule: [String: Int] = [:]
        for (i, o) in missed.enumerated() { lastOfRule[o.rule] = i }
        return missed.enumerated().map { i, o in
            switch campaign.rule(o.rule)?.onMissed ?? .fireOnce {
            case .fireAll:
                return .late
            case .skip:
                return .skipped("missed while the daemon was down (on_missed: skip)")
            case .fireOnce:
                return lastOfRule[o.rule] == i ? .late : .skipped("missed while the daemon was down; on_missed: fire_once sent only the latest")
            }
        }
    }
}
