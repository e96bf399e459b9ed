import Foundation

/// The wall clock.
public struct SystemClock: DaemonClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}
