import Yams

/// A file named in `include:`: rules and templates, and possibly further includes.
struct RuleLibrary {
    let path: String
    let sink: DiagnosticSink
    let fields: Fields

    var reader: NodeReader { NodeReader(sink: sink) }
}
