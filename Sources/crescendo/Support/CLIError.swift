import ArgumentParser
import CrescendoCore
import Foundation

/// A failure the user can act on; printed as one line `error: ...` with exit status 1.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}

/// Runs a command body; any error other than an ArgumentParser exit or usage error is printed
/// as `error: MESSAGE` on standard error and exits with status 1.
func reportingErrors(_ body: () throws -> Void) throws {
    do { try body() } catch { throw reported(error) }
}

/// The current time, whole seconds (the CLI may read the clock; Core never does).
func now() -> Instant { Instant(seconds: Int64(Date().timeIntervalSince1970)) }

/// `reportingErrors` for an async body.
func reportingErrorsAsync(_ body: () async throws -> Void) async throws {
    do { try await body() } catch { throw reported(error) }
}

/// Passes ArgumentParser's exits and usage errors through; prints anything else as
/// `error: MESSAGE` and turns it into exit status 1.
private func reported(_ error: any Error) -> any Error {
    if error is ExitCode || error is ValidationError { return error }
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode(1)
}
