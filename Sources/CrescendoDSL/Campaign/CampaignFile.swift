import Yams
import CrescendoCore

/// Reads a campaign file and the libraries it includes into a `Campaign`.
struct CampaignFile {
    let session: LoadSession

    /// The campaign, or `nil` when any file of it has an error (all are reported).
    func load(_ path: String) -> Campaign? {
        let sink = session.sink(for: path)
        guard let source = SourceFile.read(path, into: sink), let document = YAMLDocument.parse(source, into: sink) else { return nil }
        return load(document, path: path, sink: sink)
    }

    func load(_ document: YAMLDocument, path: String, sink: DiagnosticSink) -> Campaign? {
        let reader = NodeReader(sink: sink)
        guard let f = reader.fields(document.rootNode, "file", Shapes.campaign) else { return nil }
        let header = CampaignHeader.parse(f, reader: reader)
        if f["campaign"] == nil {
            sink.error(document.rootNode, "campaign", "a campaign file needs 'campaign', its id", hint: "e.g. campaign: paid-sick-leave")
        }
        let sections = CampaignSections(reader: reader)
        let metrics = sections.metrics(f["metrics"], root: document.rootNode)
        let demands = sections.demands(f["demands"], root: document.rootNode)
        let indicators = sections.indicators(f["indicators"])
        let windows = sections.windows(f["windows"])
        let ladders = sections.ladders(f["ladders"])
        let pacing = sections.pacing(f["pacing"])
        let privacy = sections.privacy(f["privacy"])
        let areas = sections.areas(f["areas"])
        let channels = sections.channels(f["channels"])
        let calendar = sections.calendar(f["calendar"])
        let quietHours = f["quiet_hours"].flatMap { sections.quietHours($0, "quiet_hours") }
        let brand = sections.brand(f["brand"])
        let guides = sections.guides(f["guides"], campaignFile: path)
        let prompts = sections.prompts(f["prompts"])

        var resolver = IncludeResolver(session: session, root: path)
        let libraries = resolver.libraries(of: f, in: path, sink: sink, chain: [FilePaths.identity(path)])
        var templates = sections.templates(f["templates"])
        for library in libraries {
            templates += CampaignSections(reader: library.reader).templates(library.fields["templates"])
        }
        reportDuplicateTemplates(templates)

        let declared = Declarations(
            metrics: metrics.map(\.id), demands: demands.map(\.id), indicators: indicators.map(\.id),
            windows: windows.map(\.window.id), ladders: ladders.map(\.id), channels: channels.map(\.id),
            templates: templates.map(\.base), areas: areas.map(\.id))
        let decompression = f["decompression"].flatMap {
            ActionParser(reader: reader, declared: declared).parse($0, "decompression", "decompression")
        } ?? []
        let ruleSet = RuleSet(files: [(f["rules"], sink)] + libraries.map { ($0.fields["rules"], $0.sink) }, declared: declared)
        if f["rules"] == nil, libraries.allSatisfy({ $0.fields["rules"] == nil }) {
            sink.warning(document.rootNode, "rules", "the campaign has no rules, so nothing will ever fire")
        }
        let decompressionUses = decompression.compactMap { action -> TemplateChecker.Use? in
            guard let template = action.spec.action.template, let node = action.templateNode else { return nil }
            return TemplateChecker.Use(template: template, provided: TemplateVariables.decompression, node: node, code: "decompression", sink: sink)
        }
        TemplateChecker(templates: templates).check(uses: ruleSet.templateUses + decompressionUses)

        guard let header else { return nil }
        CampaignWarnings(sink: sink).report(ruleSet: ruleSet, decompression: decompression.map(\.spec), demands: demands,
                                            demandsNode: f["demands"], windows: windows, header: header,
                                            rulesComplete: !session.hasErrors)
        guard !session.hasErrors else { return nil }
        var campaign = Campaign(id: header.id, title: header.title, zone: header.zone, start: header.start, end: header.end,
                        metrics: metrics, demands: demands, indicators: indicators, windows: windows.map(\.window),
                        ladders: ladders, pacing: pacing, decompression: decompression.map(\.spec), privacy: privacy,
                        areas: areas, templates: Dictionary(templates.map { ($0.id, $0.source) }, uniquingKeysWith: { a, _ in a }),
                        channels: channels, rules: ruleSet.rules)
        campaign.calendar = calendar
        if case .own(let q)? = quietHours { campaign.quietHours = q }
        campaign.brand = brand
        campaign.guides = guides
        campaign.prompts = prompts
        return campaign
    }

    private func reportDuplicateTemplates(_ templates: [DeclaredTemplate]) {
        var seen: [String: DeclaredTemplate] = [:]
        for template in templates {
            if let first = seen[template.id] {
                let at = Position(first.keyNode)
                template.sink.error(template.keyNode, "templates", "duplicate template id '\(template.id)'",
                                    hint: "the first is at \(first.sink.file):\(at.line):\(at.column)")
            } else {
                seen[template.id] = template
            }
        }
    }
}
