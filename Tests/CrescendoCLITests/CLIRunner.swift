import Foundation
import XCTest

/// The `crescendo` binary this build made: the test target depends on the executable, so
/// SwiftPM builds it first, into the folder that holds the test bundle. Never another build's.
let crescendoBinary: String = {
    #if os(Linux)
    // The test runner is the bundle itself; /proc/self/exe names it.
    let bundle = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
    #else
    let bundle = Bundle(for: CLIRunnerMarker.self).bundleURL
    #endif
    return bundle.deletingLastPathComponent().appendingPathComponent("crescendo").path
}()

/// A class of this bundle, to find the bundle by.
private final class CLIRunnerMarker {}

/// The outcome of one run of the binary.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A run of the binary under way; `finish` waits for it.
struct RunningCommand {
    let process: Process
    let out: Pipe
    let err: Pipe

    func finish() -> RunResult {
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// Starts the binary, in `directory` if given; call `finish` on the returned value to wait for it.
func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> RunningCommand {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: crescendoBinary)
    p.arguments = arguments
    if let directory { p.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env["CRESCENDO_DB"] = nil
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    return RunningCommand(process: p, out: out, err: err)
}

/// Runs the binary to the end, as a user would.
func crescendo(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
    try start(arguments, in: directory, environment: environment).finish()
}
