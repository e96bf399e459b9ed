import Hummingbird
import HummingbirdAuth

/// The daemon's request context: Hummingbird's core context and who the request is, when an
/// authenticator recognised it.
public struct DaemonRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Caller?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
    }
}
