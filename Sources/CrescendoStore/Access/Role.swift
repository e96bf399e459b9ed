/// Who may do what. Each role includes the ones before it: a `recorder` records entries; an
/// `organizer` also records responses and indicator samples and reads status, actions, the
/// raw ledger and its own audit; an `admin` also reloads campaigns, manages tokens and reads
/// the whole audit log (docs/daemon.md, "Roles and tokens").
public enum Role: String, Sendable, CaseIterable, Comparable, Codable {
    case recorder, organizer, admin

    private var rank: Int { Role.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }

    /// This role and every role it includes (`admin` holds all three).
    public var included: Set<Role> { Set(Role.allCases.filter { $0 <= self }) }
}
