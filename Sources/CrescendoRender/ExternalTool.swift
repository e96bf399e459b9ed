import Foundation
import Subprocess

/// A program of the system Crescendo hands work to (Debian's rsvg-convert and qrencode),
/// run through swift-subprocess: found on `PATH`, given its input on standard input, its
/// output collected up to a limit, stopped when it takes too long, and every failure turned
/// into a `RenderError` that names the file being made.
struct ExternalTool: Sendable {
    /// The program's name on `PATH`, e.g. `rsvg-convert`.
    let name: String
    /// The Debian package that has it, for the message when it is missing.
    let package: String
    var timeoutSeconds = 30
    var outputLimit = 16 * 1024 * 1024

    /// Runs the program with `arguments` and `input` on its standard input; its standard output.
    func run(_ arguments: [String], input: [UInt8], file: String) async throws -> [UInt8] {
        letBrokenPipesFailWrites()
        // Looked up first: swift-subprocess 1.0.2 can trap on an input pipe it did not close
        // when the executable is not found.
        guard Self.onPath(name) else { throw RenderError.missingTool(tool: name, package: package, file: file) }
        let (name, limit) = (self.name, outputLimit)
        let outcome = try await withinTimeLimit(seconds: timeoutSeconds) { () async throws -> Outcome in
            do {
                // The input is written in the body and a failed write ignored: a program that exits without
                // reading it (or refuses it early) must fail as itself, not leave a pipe unclosed.
                let r = try await Subprocess.run(.name(name), arguments: Arguments(arguments), input: .inputWriter,
                                                 output: .bytes(limit: limit), error: .string(limit: 64 * 1024)) { execution in
                    _ = try? await execution.standardInputWriter.write(input)
                    try? await execution.standardInputWriter.finish()
                }
                return .finished(ok: r.terminationStatus.isSuccess, output: r.standardOutput, error: r.standardError)
            } catch let e as SubprocessError where e.code == .executableNotFound {
                return .missing
            } catch let e as SubprocessError where e.code == .outputLimitExceeded {
                return .finished(ok: false, output: [], error: "its output is larger than \(limit) bytes")
            }
        }
        guard let result = outcome else { throw RenderError.timedOut(tool: name, file: file, seconds: timeoutSeconds) }
        switch result {
        case .missing: throw RenderError.missingTool(tool: name, package: package, file: file)
        case .finished(let ok, let output, let error):
            guard ok else { throw RenderError.refused(tool: name, file: file, message: Self.firstLines(error)) }
            return output
        }
    }

    private enum Outcome: Sendable {
        case finished(ok: Bool, output: [UInt8], error: String)
        case missing
    }

    /// Whether `name` is an executable file on `PATH` (or, with a slash, at that path).
    static func onPath(_ name: String) -> Bool {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }

    /// The first three lines of what a program said on standard error.
    static func firstLines(_ text: String) -> String {
        text.split(separator: "\n").prefix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " / ")
    }
}
