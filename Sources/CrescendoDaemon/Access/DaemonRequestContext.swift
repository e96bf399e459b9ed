import Hummingbird
import HummingbirdAuth

/// The daemon's request context: Hummingbird's core context, who the request is, when an
/// authenticator recognised it, and the web app's session (hummingbird-auth's sessions).
public struct DaemonRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Caller?
    /// The web app's session, loaded and saved by `SessionMiddleware`.
    public let sessions: SessionContext<AppSession>
    /// Set when `identity` came from the session cookie (not a Bearer token): writes then need
    /// the session's CSRF token.
    public var viaSession = false

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
    }
}
