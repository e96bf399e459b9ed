import ArgumentParser

/// An error the user can act on: printed as `error: message` and mapped to exit code 1.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

/// Prints to standard error.
func printError(_ s: String) {
    var stderr = StandardError()
    print(s, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleOutput.stderr.write(string)
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, turning a `CLIError` into `error: ...` on stderr and exit code 1.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let e as CLIError {
            printError("error: \(e.message)")
            throw ExitCode(1)
        }
    }
}
