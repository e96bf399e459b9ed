import Foundation
import Mustache

/// The web app's pages: swift-mustache templates in `Resources/app/templates` (a layout, the
/// pages, and the `form` and `field` partials), compiled once. `{{name}}` escapes what it
/// shows, so everything a person typed is shown as text; the one raw value is `{{{body}}}`,
/// the page the layout wraps, itself rendered from a template.
public enum AppTemplates {
    /// The compiled templates, or why they could not be read.
    public static let library: Result<MustacheLibrary, AppTemplateError> = {
        guard let folder = Bundle.module.url(forResource: "app/templates", withExtension: nil) else {
            return .failure(AppTemplateError(description: "app/templates is missing beside the crescendo binary"))
        }
        var library = MustacheLibrary()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            do {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                try library.register(text, named: name)
            } catch {
                return .failure(AppTemplateError(description: "app/templates/\(file) does not compile: \(error)"))
            }
        }
        return .success(library)
    }()

    /// Why the templates cannot be used.
    public struct AppTemplateError: Error, CustomStringConvertible { public var description: String }

    /// `name` rendered with `context`, or nil when there is no such template.
    static func render(_ name: String, _ context: [String: Any]) -> String? {
        guard case .success(let library) = library else { return nil }
        return library.render(context, withTemplate: name)
    }
}

extension AppTemplates {
    /// Why the templates cannot be used, if they cannot.
    static var problem: String? {
        if case .failure(let e) = library { return e.description }
        return nil
    }
}
