import Yams

/// A template as declared, with the nodes the template checks point at.
struct DeclaredTemplate {
    /// The full id, e.g. `story.fr`.
    var id: String
    var source: String
    var keyNode: Node
    var valueNode: Node
    var sink: DiagnosticSink

    /// The id without language suffix, e.g. `story`.
    var base: String { TemplateID.base(of: id) }
}
