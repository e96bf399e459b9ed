import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs argv with the action JSON on standard input; exit status 0 confirms it. A run that
/// outlives its timeout is terminated (SIGTERM, then SIGKILL a second later) and fails.
public struct CommandChannel: DeliveryChannel {
    public let argv: [String]
    public let workingDirectory: String
    public let timeoutSeconds: Int

    public init(argv: [String], workingDirectory: String, timeoutSeconds: Int) {
        self.argv = argv; self.workingDirectory = workingDirectory; self.timeoutSeconds = timeoutSeconds
    }

    /// Writing to a command that exited without reading its input must fail the write, not
    /// kill the process with SIGPIPE.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN); return () }()

    public func deliver(id: String, payload: String) async throws {
        Self.ignoreBrokenPipes
        guard let executable = argv.first else { throw DeliveryFailure("the command channel has an empty argv") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory)
        var env = ProcessInfo.processInfo.environment
        env["CRESCENDO_ACTION_ID"] = id
        process.environment = env
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let box = ProcessBox(process)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { p in continuation.resume(returning: p.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: DeliveryFailure("cannot run \(executable): \(error)"))
                return
            }
            let timeout = timeoutSeconds
            Task.detached {
                try? await Task.sleep(for: .seconds(timeout))
                box.expire()
            }
            let data = Data((payload + "\n").utf8)
            let handle = stdin.fileHandleForWriting
            // A command that does not read its input must not make the write fail the delivery.
            try? handle.write(contentsOf: data)
            try? handle.close()
        }
        if box.expired { throw DeliveryFailure("\(executable) did not finish within \(timeoutSeconds)s and was stopped") }
        guard status == 0 else { throw DeliveryFailure("\(executable) exited with status \(status)") }
    }
}

/// The running process, stopped when its time is up.
final class ProcessBox: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var _expired = false

    init(_ process: Process) { self.process = process }

    var expired: Bool { lock.withLock { _expired } }

    func expire() {
        guard process.isRunning else { return }
        lock.withLock { _expired = true }
        process.terminate()
        let pid = process.processIdentifier
        Task.detached {
            try? await Task.sleep(for: .seconds(1))
            if self.process.isRunning { kill(pid, SIGKILL) }
        }
    }
}
