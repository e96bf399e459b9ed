import Foundation
import Yams
import CrescendoCore

/// The campaign's id, title, zone and time span.
struct CampaignHeader {
    var id: String
    var title: String
    var zone: Zone
    var start: Instant
    var end: Instant?

    /// Reads `campaign`, `title` (default: the id), `timezone` (default: UTC), `start` and `end`.
    /// A date `end` is the last second of that local day; a date-time is taken as written.
    static func parse(_ f: Fields, reader: NodeReader) -> CampaignHeader? {
        let sink = reader.sink
        var id: String?
        if let node = f["campaign"], let text = reader.string(node, "campaign", "campaign") {
            if IDSyntax.isCampaignID(text) { id = text } else {
                sink.error(node, "campaign", "campaign id '\(text)' may use only lowercase letters, digits and '-'",
                           hint: "e.g. campaign: paid-sick-leave")
            }
        }
        let title = f["title"].flatMap { reader.string($0, "title", "title") }
        var zone = Zone.utc
        var zoneIsValid = true
        if let node = f["timezone"], let name = reader.string(node, "timezone", "timezone") {
            if let named = Zone(identifier: name) { zone = named } else {
                zoneIsValid = false
                sink.error(node, "timezone", "malformed time zone '\(name)': not an IANA zone name",
                           hint: Suggestion.hint(for: name, in: TimeZone.knownTimeZoneIdentifiers) ?? "use an IANA name, e.g. America/Toronto")
            }
        }
        guard let startNode = f["start"] else {
            sink.error(f.node, "start", "the campaign needs 'start', a date or date-time", hint: "e.g. start: 2027-01-04")
            return nil
        }
        let start = reader.instant(startNode, "start", "start", zone: zone)
        let end = f["end"].flatMap { endInstant($0, reader: reader, zone: zone) }
        guard let id, let start, zoneIsValid, f["end"] == nil || end != nil else { return nil }
        if let end, let endNode = f["end"], end < start {
            sink.error(endNode, "end", "the campaign ends (\(zone.iso8601(end))) before it starts (\(zone.iso8601(start)))")
            return nil
        }
        return CampaignHeader(id: id, title: title ?? id, zone: zone, start: start, end: end)
    }

    private static func endInstant(_ node: Node, reader: NodeReader, zone: Zone) -> Instant? {
        if let text = NodeText.plain(node) ?? node.string, let date = TimeParsing.date(text) {
            return zone.instant(date.adding(days: 1)) - TimeSpan(seconds: 1)
        }
        return reader.instant(node, "end", "end", zone: zone)
    }
}
