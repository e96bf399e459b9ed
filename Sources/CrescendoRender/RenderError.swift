/// Why a card or a QR code could not be made, naming the file and the program.
public enum RenderError: Error, CustomStringConvertible, Equatable {
    /// The program is not installed (not on `PATH`).
    case missingTool(tool: String, package: String, file: String)
    /// The program ran and failed, with what it said.
    case refused(tool: String, file: String, message: String)
    /// The program succeeded but gave something that is not what was asked for.
    case badOutput(tool: String, file: String, why: String)
    /// The program did not finish in time and was stopped.
    case timedOut(tool: String, file: String, seconds: Int)

    public var description: String {
        switch self {
        case .missingTool(let tool, let package, let file):
            return "cannot make \(file): \(tool) is not installed (Debian's \(package); `make deps` installs it)"
        case .refused(let tool, let file, let message):
            return "cannot make \(file): \(tool) refused it\(message.isEmpty ? "" : ": \(message)")"
        case .badOutput(let tool, let file, let why):
            return "cannot make \(file): \(tool) gave \(why)"
        case .timedOut(let tool, let file, let seconds):
            return "cannot make \(file): \(tool) did not finish within \(seconds) seconds and was stopped"
        }
    }
}
