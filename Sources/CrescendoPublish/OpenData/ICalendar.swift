import Foundation
import CrescendoCore

/// RFC 5545 iCalendar: VEVENTs for actions, VTODOs with DUE for deadlines, CRLF line ends,
/// content lines folded at 75 octets (never inside a UTF-8 sequence).
public enum ICalendar {
    /// The calendar document. `stamp` is the DTSTAMP of every component (the instant the
    /// data describes), so that the same data gives the same bytes.
    public static func render(_ items: [CalendarItem], campaign: Campaign, stamp: Instant) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Crescendo//Crescendo publish//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + text(campaign.title)]
        for item in items {
            switch item.kind {
            case .event:
                lines += ["BEGIN:VEVENT", "UID:" + item.uid, "DTSTAMP:" + utc(stamp), "DTSTART:" + utc(item.at), "DURATION:PT1H",
                          "SUMMARY:" + text(item.summary), "DESCRIPTION:" + text(item.detail), "CATEGORIES:" + text(item.category),
                          "END:VEVENT"]
            case .deadline(let due, let done):
                lines += ["BEGIN:VTODO", "UID:" + item.uid, "DTSTAMP:" + utc(stamp), "DTSTART:" + utc(item.at), "DUE:" + utc(due),
                          "SUMMARY:" + text(item.summary), "DESCRIPTION:" + text(item.detail), "CATEGORIES:" + text(item.category)]
                lines += done.map { ["STATUS:COMPLETED", "COMPLETED:" + utc($0)] } ?? ["STATUS:NEEDS-ACTION"]
                lines += ["END:VTODO"]
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// `20270214T150000Z`.
    static func utc(_ t: Instant) -> String {
        t.iso8601.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// TEXT value escaping: backslash, semicolon, comma and line breaks.
    static func text(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// One content line with CRLF, folded so that no line exceeds 75 octets: a fold is CRLF
    /// followed by a space, which counts towards the next line's 75.
    static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        var width = 0
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if width + bytes.count > 75 {
                out += [13, 10, 32]
                width = 1
            }
            out += bytes
            width += bytes.count
        }
        out += [13, 10]
        return String(decoding: out, as: UTF8.self)
    }
}
