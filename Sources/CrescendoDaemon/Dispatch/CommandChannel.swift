import CrescendoRender
import Subprocess

/// Runs argv with the action JSON on standard input; exit status 0 confirms it. A run that
/// outlives its timeout is stopped (SIGTERM, then SIGKILL a second later, through
/// swift-subprocess's teardown sequence) and fails.
public struct CommandChannel: DeliveryChannel {
    public let argv: [String]
    public let workingDirectory: String
    public let timeoutSeconds: Int

    public init(argv: [String], workingDirectory: String, timeoutSeconds: Int) {
        self.argv = argv; self.workingDirectory = workingDirectory; self.timeoutSeconds = timeoutSeconds
    }

    public func deliver(id: String, payload: String) async throws {
        // A command that exits without reading its input must fail the write, not kill the daemon.
        letBrokenPipesFailWrites()
        guard let executable = argv.first else { throw DeliveryFailure("the command channel has an empty argv") }
        var options = PlatformOptions()
        options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: .seconds(1))]
        let configuration = Configuration(
            executable: .path(.init(executable)),
            arguments: Arguments(Array(argv.dropFirst())),
            environment: .inherit.updating(["CRESCENDO_ACTION_ID": id]),
            workingDirectory: .init(workingDirectory),
            platformOptions: options)
        let input = Array((payload + "\n").utf8)
        let outcome = try await withinTimeLimit(seconds: timeoutSeconds) { () async throws -> Outcome in
            do {
                let result = try await Subprocess.run(configuration, input: .inputWriter,
                                                      output: .discarded, error: .discarded) { execution in
                    // A command that does not read its input must not make the write fail the delivery.
                    _ = try? await execution.standardInputWriter.write(input)
                    try? await execution.standardInputWriter.finish()
                }
                return .exited(result.terminationStatus)
            } catch let error as SubprocessError {
                return .cannotRun("\(error)")
            }
        } ?? .timedOut
        switch outcome {
        case .timedOut:
            throw DeliveryFailure("\(executable) did not finish within \(timeoutSeconds)s and was stopped")
        case .cannotRun(let reason):
            throw DeliveryFailure("cannot run \(executable): \(reason)")
        case .exited(let status):
            guard status.isSuccess else { throw DeliveryFailure("\(executable) \(Self.describe(status))") }
        }
    }

    private enum Outcome: Sendable {
        case exited(TerminationStatus)
        case cannotRun(String)
        case timedOut
    }

    static func describe(_ status: TerminationStatus) -> String {
        switch status {
        case .exited(let code): return "exited with status \(code)"
        case .signaled(let signal): return "was killed by signal \(signal)"
        }
    }
}
