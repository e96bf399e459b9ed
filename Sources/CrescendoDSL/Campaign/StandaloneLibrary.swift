import Yams

/// Checks a rule library on its own: structure, types, durations, templates and unknown keys.
/// What only an including campaign declares (metrics, demands, ...) is not checked.
struct StandaloneLibrary {
    let session: LoadSession

    func check(_ document: YAMLDocument, path: String, sink: DiagnosticSink) {
        let reader = NodeReader(sink: sink)
        guard let f = reader.fields(document.rootNode, "file", Shapes.library) else { return }
        var resolver = IncludeResolver(session: session, root: path)
        let libraries = resolver.libraries(of: f, in: path, sink: sink, chain: [FilePaths.identity(path)])
        var templates = CampaignSections(reader: reader).templates(f["templates"])
        for library in libraries {
            templates += CampaignSections(reader: library.reader).templates(library.fields["templates"])
        }
        let ruleSet = RuleSet(files: [(f["rules"], sink)] + libraries.map { ($0.fields["rules"], $0.sink) }, declared: .unknown)
        TemplateChecker(templates: templates).check(uses: ruleSet.templateUses)
    }
}
