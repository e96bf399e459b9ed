#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a write to a pipe whose reader is gone fail with EPIPE instead of killing the whole
/// process with SIGPIPE: a program Crescendo runs (a channel's command, a renderer) may exit
/// without reading its input. Done once for the process, however often it is called.
public func letBrokenPipesFailWrites() {
    _ = brokenPipesFailWrites
}

private let brokenPipesFailWrites: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
