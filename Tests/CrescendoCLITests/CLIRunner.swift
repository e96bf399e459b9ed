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

/// Starts the binary; call `finish` on the returned value to wait for it.
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

func start(_ arguments: [String], environment: [String: String] = [:]) throws -> RunningCommand {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: crescendoBinary)
    p.arguments = arguments
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

func crescendo(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    try start(arguments, environment: environment).finish()
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
