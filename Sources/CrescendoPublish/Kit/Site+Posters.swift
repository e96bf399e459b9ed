import CrescendoCore

extension Site {
    /// Lists on a poster are cut at these lengths, so that it stays one page.
    static let posterDemands = 4
    static let posterDeadlines = 5

    /// `print/week-2027-W05.html`: one printable page of the week, its counts as the site
    /// publishes them, the demands and who must act, the deadline clock at the week's end (or
    /// now, for this week), and a QR code to the site.
    func posterPage(_ week: String) -> String {
        let m = model, c = m.campaign
        let words = KitWords.english
        let clock = posterClock(week)
        let palette = CardPalette(color: c.brand.color)
        let url = m.data.posterURL
        var s = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>Poster, week \(week) · \(HTML.escape(c.title))</title>\n<style>\n\(PosterStyle.css(palette))</style>\n</head>\n<body>\n<main class=\"sheet\">\n"
        s += "<header class=\"band\"><p>\(HTML.escape(c.title))</p><h1>The Care Ledger, week \(week)</h1></header>\n"
        s += "<section aria-labelledby=\"counts\"><h2 id=\"counts\">This week</h2>\n"
        s += "<p class=\"total\"><strong>\(HTML.escape(words.count(m.counts.entries(week: week))))</strong> acts of care</p>\n<ul class=\"metrics\">\n"
        for id in m.counts.metrics {
            s += "<li><strong>\(HTML.escape(weekValue(week, id, words: words)))</strong> \(HTML.escape(m.metricLabel(id)))</li>\n"
        }
        s += "</ul>\n</section>\n<section class=\"demands\" aria-labelledby=\"demands\"><h2 id=\"demands\">What we demand, and who must act</h2>\n<ul>\n"
        for d in c.demands.prefix(Self.posterDemands) {
            s += "<li><strong>\(HTML.escape(d.text))</strong><br>Who must act: \(HTML.escape(d.target)). Who pays: \(HTML.escape(d.funding)).</li>\n"
        }
        s += more(c.demands.count - Self.posterDemands, "demand", url) + "</ul>\n</section>\n"
        s += "<section class=\"clock\" aria-labelledby=\"clock\"><h2 id=\"clock\">Deadline clock</h2>\n"
        let lines = clock.silent.map { ($0, true) } + clock.open.map { ($0, false) }
        if lines.isEmpty { s += "<p>No deadline is open.</p>\n" } else { s += "<ul>\n" }
        for (line, silent) in lines.prefix(Self.posterDeadlines) {
            let d = line.record
            let demand = c.demand(d.demand)?.text ?? d.demand
            if silent {
                s += "<li><strong>\(HTML.escape(d.target)): \(HTML.escape(words.silence(line.days)))</strong><br>on “\(HTML.escape(demand))”.</li>\n"
            } else {
                s += "<li class=\"open\"><strong>\(HTML.escape(d.target)): \(Format.plural(line.days, "day")) left</strong><br>to answer on “\(HTML.escape(demand))”, by \(c.zone.local(d.due).date).</li>\n"
            }
        }
        if !lines.isEmpty { s += more(lines.count - Self.posterDeadlines, "deadline", url) + "</ul>\n" }
        s += "</section>\n<footer class=\"foot\">\n"
        if let url, let qr = m.data.qrCode, qr.text == url { s += qr.svg(label: "QR code: \(url)", description: "Scan it with a phone's camera to open \(url)", id: "qr") + "\n" }
        s += "<div>"
        if let url { s += "<p>Read every story, count and deadline:</p><p class=\"url\">\(HTML.escape(url))</p>" }
        let tags = c.brand.hashtags
        if !tags.isEmpty { s += "<p class=\"tags\">\(HTML.escape(tags.joined(separator: " ")))</p>" }
        s += "</div>\n</footer>\n</main>\n"
        s += "<p class=\"screen-only\"><a href=\"../index.html\">The ledger</a> · <a href=\"../weekly/\(week).html\">This week's report</a> · "
        s += "Print this page on A4 or Letter: it fits one page.</p>\n</body>\n</html>\n"
        return s
    }

    /// The deadline clock a week's poster shows: at the week's last second, or now for this week.
    func posterClock(_ week: String) -> DeadlineClock {
        let end = Self.monday(ofWeek: week).map { model.campaign.zone.instant($0.adding(days: 7)) - TimeSpan(seconds: 1) } ?? model.data.now
        return DeadlineClock(model.data.deadlines, at: min(model.data.now, end))
    }

    private func more(_ n: Int, _ what: String, _ url: String?) -> String {
        n > 0 ? "<li class=\"more\">… and \(Format.plural(Int64(n), what)) more\(url.map { " at \(HTML.escape($0))" } ?? " on the site").</li>\n" : ""
    }

    /// The Monday of an ISO week label (`2027-W05`).
    static func monday(ofWeek label: String) -> CivilDate? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()) else { return nil }
        let jan4 = CivilDate(year: year, month: 1, day: 4)
        return jan4.adding(days: Int64(1 - jan4.isoWeekday + (week - 1) * 7))
    }
}
