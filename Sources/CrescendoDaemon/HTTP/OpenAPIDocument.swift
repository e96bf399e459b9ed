import Foundation
import Hummingbird
import NIOCore
import Yams

/// `GET /openapi.json`: the daemon's resource `Resources/openapi.yaml` (the one source;
/// `docs/openapi.yaml` links to it), read once and served as JSON. A test keeps the two
/// equal and checks that every route the router has is described, and no other.
public enum OpenAPIDocument {
    /// The description as JSON text, or why it cannot be read.
    public static let json: Result<String, OpenAPIError> = {
        guard let url = resourceURL(), let text = try? String(contentsOf: url, encoding: .utf8) else {
            return .failure(OpenAPIError(description: "openapi.yaml is missing beside the crescendo binary (Crescendo_CrescendoDaemon.resources)"))
        }
        do {
            let value = plain(try Yams.load(yaml: text) as Any)
            let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
            return .success(String(decoding: data, as: UTF8.self))
        } catch {
            return .failure(OpenAPIError(description: "openapi.yaml does not read as YAML: \(error)"))
        }
    }()

    /// Why the description cannot be served.
    public struct OpenAPIError: Error, CustomStringConvertible { public var description: String }

    static func response() -> Response {
        switch json {
        case .success(let text): return JSONResponse.text(text)
        case .failure(let e): return JSONResponse.make(.object([("error", .string(e.description))]), status: .serviceUnavailable)
        }
    }

    /// The resource, found without `Bundle.module` (which stops the process when the resource
    /// folder is missing): beside the executable, or in the bundle SwiftPM made.
    static func resourceURL() -> URL? {
        let name = "Crescendo_CrescendoDaemon.resources"
        let main = Bundle.main.bundleURL
        // Beside the executable; beside the test bundle (swift test); macOS's bundle layout.
        var candidates = [main.appendingPathComponent(name), main.deletingLastPathComponent().appendingPathComponent(name),
                          main.appendingPathComponent("\(name)/Resources")]
        if let exe = Bundle.main.executableURL?.deletingLastPathComponent() { candidates.append(exe.appendingPathComponent(name)) }
        for folder in candidates {
            let url = folder.appendingPathComponent("openapi.yaml")
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// Yams' values with every mapping key a string (YAML's `200:` is an integer key).
    static func plain(_ v: Any) -> Any {
        switch v {
        case let d as [AnyHashable: Any]:
            var out: [String: Any] = [:]
            for (k, value) in d { out["\(k.base)"] = plain(value) }
            return out
        case let a as [Any]: return a.map(plain)
        default: return v
        }
    }
}
