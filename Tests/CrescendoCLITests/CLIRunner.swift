import Foundation
import XCTest

/// The built `crescendo` binary ($CRESCENDO_BIN, else .build/debug/crescendo in the package).
let crescendoBinary: String = {
    if let env = ProcessInfo.processInfo.environment["CRESCENDO_BIN"], !env.isEmpty { return env }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return root.appendingPathComponent(".build/debug/crescendo").path
}()

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

/// A folder removed when the value goes away.
final class Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("crescendo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    deinit { try? FileManager.default.removeItem(at: url) }
}
