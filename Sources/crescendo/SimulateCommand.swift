import ArgumentParser
import CrescendoCore
import CrescendoDSL
import CrescendoPublish

/// `crescendo simulate`: replay a ledger and indicators through the campaign and show what
/// would fire when, and why; or several futures side by side (`--scenario`); or, with
/// `--collisions`, what works against the campaign's own structure.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Dry-run a campaign over a ledger, or over scenarios side by side: every action, when, and why.",
        discussion: """
            The ledger is a CSV file (at,kind,quantity,area,demand,care,cause,change) or a ledger database.
            Times without an offset are read in the campaign's zone. A bad input row stops the run before
            any output, naming its line. Instead of --ledger, give one or more --scenario files (each names
            its own facts and, optionally, a base_ledger): every scenario is simulated as its facts would be
            as CSV files, and shown side by side (table), as tagged JSON lines, or as stacked timelines (svg).
            """)

    @Argument(help: "The campaign file.") var campaign: String
    @Option(help: "Ledger CSV file or ledger database.") var ledger: String?
    @Option(name: .customLong("scenario"), help: "A scenario file, instead of --ledger; repeat it to compare several futures.")
    var scenarios: [String] = []
    @Option(help: "Indicator samples CSV (at,name,value).") var indicators: String?
    @Option(help: "Responses CSV (at,deadline,text[,win]).") var responses: String?
    @Option(help: "First instant whose actions count (date or date-time; default: the campaign's start, or a scenario's from).") var from: String?
    @Option(help: "Last instant simulated, inclusive (default: the campaign's end, else the last fact, or a scenario's until).") var until: String?
    @Option(help: "table, json, svg (a timeline chart) or ics (a calendar, with --ledger).") var format: OutputFormat = .table
    @Flag(help: "Print what works against the campaign's own structure (table or json) instead of the actions.") var collisions = false
    @Option(help: "Show every evaluation of this rule, including those that did not fire, and why (with --ledger).") var explain: String?
    @Option(help: "The most --explain lines shown.") var explainLimit: Int = 200

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json, svg, ics }

    func validate() throws {
        switch (ledger, scenarios.isEmpty) {
        case (nil, true): throw ValidationError("give the facts: --ledger FILE, or one or more --scenario FILE")
        case (_?, false): throw ValidationError("--ledger and --scenario do not go together: a scenario names its own base_ledger")
        default: break
        }
        if !scenarios.isEmpty {
            if indicators != nil || responses != nil {
                throw ValidationError("--indicators and --responses go with --ledger; a scenario lists its own (or names base_indicators, base_responses)")
            }
            if format == .ics { throw ValidationError("--format ics goes with --ledger; scenarios print table, json or svg") }
            if explain != nil { throw ValidationError("--explain goes with --ledger") }
        }
        if collisions, format == .svg || format == .ics { throw ValidationError("--collisions prints table or json, not \(format.rawValue)") }
    }

    func run() async throws {
        try await reportingErrorsAsync {
            let c = try loadCampaign(campaign)
            if let explain, c.rule(explain) == nil {
                throw CLIError("--explain \(explain): no such rule" + (Suggestion.hint(for: explain, in: c.rules.map(\.id)).map { "; \($0)" } ?? ""))
            }
            let options = Engine.Options(start: try from.map { try parseTime($0, "--from", c) },
                                         until: try until.map { try parseTime($0, "--until", c) },
                                         explain: explain, traceLimit: explainLimit, renderer: CampaignTemplates(c.templates))
            let out = FileHandleOutput.stdout
            defer { out.flush() }
            if !scenarios.isEmpty {
                let outcomes = try await ScenarioSimulation(campaign: c, options: options).run(scenarios, entryTimes: format == .svg)
                let output = ScenarioOutput(campaign: c, outcomes: outcomes)
                if collisions { return printCollisions(output.collisions, c, to: out) }
                switch format {
                case .json: output.json(to: out)
                case .svg: out.write(output.svg())
                default: out.write(output.table())
                }
                return
            }
            guard let ledger else { return }
            let ind = try indicators.map { try readIndicators($0, campaign: c) } ?? []
            let res = try responses.map { try readResponses($0, campaign: c) } ?? []
            let result = try Simulation.run(campaign: c, openBatches: { try openLedger(ledger, campaign: c) },
                                            indicators: ind, responses: res, options: options)
            let shown = result.occurrences.filter { $0.at >= result.engine.start }
            if collisions { return printCollisions(Collisions(campaign: c, actions: shown).find().map { (nil, $0) }, c, to: out) }
            switch format {
            case .json:
                for o in shown { out.line(o.jsonLine) }
                if explain != nil { printExplain(result.engine, to: FileHandleOutput.stderr) }
            case .svg:
                out.write(try SimulateExports.svg(result, shown: shown, campaign: c, indicators: ind,
                                                  ledger: { try openLedger(ledger, campaign: c) }))
            case .ics:
                out.write(SimulateExports.ics(result, shown: shown, campaign: c))
            case .table:
                out.write(ActionTable(zone: c.zone).render(shown))
                if explain != nil { printExplain(result.engine, to: out) }
                out.line("")
                out.write(StatusText.render(result.engine.status(at: result.endedAt), zone: c.zone, title: "Why not yet (at \(c.zone.short(result.endedAt)))"))
            }
        }
    }

    /// Collisions one a line: JSON lines, or the table.
    private func printCollisions(_ found: [(scenario: String?, collision: Collision)], _ c: Campaign, to out: FileHandleOutput) {
        if format == .json {
            for f in found { out.line(f.collision.json(scenario: f.scenario).text) }
        } else {
            out.write(CollisionTable(zone: c.zone).render(found))
        }
    }

    private func printExplain(_ engine: Engine, to out: FileHandleOutput) {
        out.line("")
        out.line("Explain \(explain ?? ""): \(engine.trace.count) evaluation\(engine.trace.count == 1 ? "" : "s") shown"
                 + (engine.traceDropped > 0 ? ", \(engine.traceDropped) more not shown (raise --explain-limit)" : ""))
        for line in engine.trace { out.line("  \(engine.campaign.zone.short(line.at))  \(line.message)") }
    }
}

/// Parses a `--from`/`--until` value in the campaign's zone.
func parseTime(_ s: String, _ flag: String, _ c: Campaign) throws -> Instant {
    guard let t = TimeParsing.instant(s, zone: c.zone) else {
        throw CLIError("\(flag) \(s): not a date (2027-01-04) or date-time (2027-01-04T09:00, with an optional offset)")
    }
    return t
}
