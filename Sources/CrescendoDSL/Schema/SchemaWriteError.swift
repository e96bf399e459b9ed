import Foundation

/// Why `SchemaKind.write` could not write a schema: the path and the reason, in words.
public struct SchemaWriteError: Error, CustomStringConvertible, Sendable {
    public let description: String

    /// `error`'s reason as the system gives it ("Permission denied"), for `path`.
    init(_ what: String, _ path: String, _ error: any Error) {
        let underlying = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        let reason = underlying.flatMap { $0.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32($0.code))) : nil }
            ?? (error as NSError).localizedDescription
        description = "cannot \(what) '\(path)': \(reason)"
    }

    init(_ description: String) { self.description = description }
}
