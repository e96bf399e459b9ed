import Foundation
import Hummingbird
import NIOCore

/// A posted web-app form: its fields (`application/x-www-form-urlencoded`, decoded by
/// Hummingbird's `URLEncodedFormDecoder`), at most `maxBody` bytes.
struct AppForm {
    var fields: [String: String]

    static let maxBody = 64 * 1024

    /// The form of `request`; a body that is not a form reads as no fields (so the CSRF check refuses it).
    static func read(_ request: Request) async throws -> AppForm {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBody)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "the form is over \(maxBody / 1024) KB")
        }
        let text = String(buffer: buffer)
        let fields = (try? URLEncodedFormDecoder().decode([String: String].self, from: text)) ?? [:]
        return AppForm(fields: fields)
    }

    /// A field's value with surrounding white space removed; empty reads as nil.
    subscript(_ name: String) -> String? {
        guard let v = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
        return v
    }

    /// A free-text field as typed (line breaks kept, ends trimmed).
    func text(_ name: String) -> String? { self[name] }
}
