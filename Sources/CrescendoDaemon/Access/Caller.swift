import CrescendoStore
import HummingbirdAuth

/// Who a request is: the token's name and role. Filled in on the request context by an
/// authenticator (`TokenAuthenticator` for `Authorization: Bearer`; the web app's session
/// can be another), read by the role policies and the audit log.
public struct Caller: Sendable, Equatable, RoleProviding {
    /// The token's name (`CRESCENDO_TOKEN` for the daemon's own token).
    public var name: String
    public var role: Role
    public init(name: String, role: Role) { self.name = name; self.role = role }

    /// The roles this caller holds: its own and every one it includes.
    public var roles: Set<Role> { role.included }

    /// The name the daemon's own token (`CRESCENDO_TOKEN`, `--token-file`) goes by.
    public static let daemonTokenName = "CRESCENDO_TOKEN"
}
