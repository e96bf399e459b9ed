import Yams
import CrescendoCore

/// Reads `when:`: exactly one trigger, with the keys its form allows (section 3).
struct TriggerParser {
    let reader: NodeReader
    let declared: Declarations

    static let shape = Shapes.trigger

    func parse(_ node: Node, _ code: String) -> Trigger? {
        let formKeys = Self.shape.forms.map(\.key)
        guard let all = reader.fields(node, code, Self.shape) else { return nil }
        let present = all.formEntries
        guard let first = present.first else {
            reader.sink.error(node, code, "'when' needs a trigger",
                              hint: "one of: \(formKeys.joined(separator: ", "))")
            return nil
        }
        if present.count > 1 {
            reader.sink.error(present[1].keyNode, code, "a rule has exactly one trigger; found '\(first.key)' and '\(present[1].key)'",
                              hint: "split them into two rules")
            return nil
        }
        let options = Self.shape.form(first.key)?.takes ?? []
        var clean = true
        for entry in all.entries where entry.key != first.key && !options.contains(entry.key) {
            reader.sink.error(entry.keyNode, code, "'\(entry.key)' does not apply to '\(first.key)' triggers",
                              hint: options.isEmpty ? nil : "'\(first.key)' takes: \(options.joined(separator: ", "))")
            clean = false
        }
        let trigger = form(first.key, first.value, all, code)
        return clean ? trigger : nil
    }

    private func form(_ key: String, _ value: Node, _ f: Fields, _ code: String) -> Trigger? {
        switch key {
        case "every": return every(value, f, code)
        case "sum", "count", "indicator": return threshold(key, value, f, code).map(Trigger.threshold)
        case "window": return window(value, f, code)
        case "deadline":
            guard let event = reader.choice(value, code, "deadline", of: Self.shape).flatMap(DeadlineEvent.init) else { return nil }
            return .deadline(event, demand: optionalReference(f, "demand", .demand, code))
        case "win":
            guard let level = reader.choice(value, code, "win", of: Self.shape).flatMap(WinLevel.init) else { return nil }
            return .win(level, demand: optionalReference(f, "demand", .demand, code))
        case "schedule": return ScheduleParser(reader: reader).schedule(value, code).map(Trigger.schedule)
        default: return ScheduleParser(reader: reader).cron(value, code).map(Trigger.schedule)
        }
    }

    private func every(_ value: Node, _ f: Fields, _ code: String) -> Trigger? {
        let n = reader.int(value, code, "every", of: Self.shape)
        var counted = Counted.entries
        if let of = f["of"], let name = reader.string(of, code, "of") {
            switch name {
            case "entries": counted = .entries
            case "silences": counted = .silences
            default:
                if let ids = declared.metrics, !ids.contains(name) {
                    reader.sink.error(of, code, "undeclared metric '\(name)'",
                                      hint: Suggestion.hint(for: name, in: ids + ["entries", "silences"])
                                        ?? "'of' takes a metric, 'entries' or 'silences'")
                }
                counted = .metric(name)
            }
        }
        let filter = self.filter(f, code)
        let per = self.per(f, code)
        guard let n else { return nil }
        return .every(n: n, of: counted, filter: filter, per: per)
    }

    private func threshold(_ key: String, _ value: Node, _ f: Fields, _ code: String) -> Threshold? {
        var measure: Measure?
        if key == "indicator" {
            measure = reader.reference(value, code, "indicator", .indicator, in: declared).map(Measure.indicator)
        } else {
            let over = f["over"].flatMap { reader.positiveDuration($0, code, "over") }
            if f["over"] == nil { reader.sink.error(f.node, code, "'\(key)' needs 'over', the length of the window", hint: "e.g. over: 7d") }
            if key == "sum" {
                let metric = reader.reference(value, code, "sum", .metric, in: declared)
                if let metric, let over { measure = .sum(metric: metric, over: over) }
            } else if reader.choice(value, code, "count", of: Self.shape) != nil, let over {
                measure = .count(over: over)
            }
        }
        let comparison = ComparisonParser(reader: reader).parse(f, code)
        let hold = f["for"].flatMap { reader.positiveDuration($0, code, "for") }
        let per = self.per(f, code)
        let filter = self.filter(f, code)
        guard let measure, let comparison else { return nil }
        if f["for"] != nil && hold == nil { return nil }
        return Threshold(measure: measure, comparison: comparison, per: per, filter: filter, hold: hold)
    }

    private func window(_ value: Node, _ f: Fields, _ code: String) -> Trigger? {
        let id = reader.reference(value, code, "window", .window, in: declared)
        var edge: WindowEdge?
        if let on = f["on"] {
            edge = reader.choice(on, code, "on", of: Self.shape).flatMap(WindowEdge.init)
        } else {
            reader.sink.error(f.node, code, "'window' needs 'on: open' or 'on: close'")
        }
        let offset = f["offset"].map { reader.duration($0, code, "offset") } ?? .zero
        guard let id, let edge, let offset else { return nil }
        return .window(id: id, edge: edge, offset: offset)
    }

    private func per(_ f: Fields, _ code: String) -> Dimension? {
        f["per"].flatMap { reader.choice($0, code, "per", of: Self.shape) }.flatMap(Dimension.init)
    }

    private func filter(_ f: Fields, _ code: String) -> EntryFilter {
        guard let node = f["where"], let w = reader.fields(node, code, Shapes.entryFilter) else {
            return EntryFilter()
        }
        return EntryFilter(area: w["area"].flatMap { reader.reference($0, code, "area", .area, in: declared) },
                           demand: w["demand"].flatMap { reader.reference($0, code, "demand", .demand, in: declared) },
                           kind: w["kind"].flatMap { reader.reference($0, code, "kind", .metric, in: declared) })
    }

    private func optionalReference(_ f: Fields, _ key: String, _ kind: Declarations.Kind, _ code: String) -> String? {
        f[key].flatMap { reader.reference($0, code, key, kind, in: declared) }
    }
}
