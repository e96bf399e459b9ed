import CrescendoCore

extension Site {
    /// The calendar's items: actions to come after `now`, then every deadline.
    func calendarItems() -> [CalendarItem] {
        let coming = model.data.coming.filter { $0.at > model.data.now }
        return CalendarItem.events(coming, campaign: model.campaign)
            + CalendarItem.deadlines(model.data.deadlines.filter { $0.opened <= model.data.now }, campaign: model.campaign, now: model.data.now)
    }

    /// `calendar.ics`.
    func calendarICS() -> String { ICalendar.render(calendarItems(), campaign: model.campaign, stamp: model.data.now) }

    /// `calendar.html`: coming briefings, escalations, rituals and publications, and deadlines.
    func calendarPage() -> String {
        let items = calendarItems()
        var s = "<h1>Calendar</h1>\n<p>What comes next, as far as the campaign's rules can tell today. Subscribe with <a href=\"calendar.ics\">calendar.ics</a>. An escalation's tactic is announced on the day.</p>\n"
        let events = items.filter { $0.kind == .event }
        s += "<h2>Coming actions</h2>\n"
        s += events.isEmpty ? "<p>Nothing is scheduled yet.</p>\n"
            : HTML.table(caption: "Coming briefings, escalations, rituals and publications", head: ["When", "What", "Details"],
                         rows: events.map { [local($0.at), $0.summary, $0.detail] })
        let open = items.filter { if case .deadline(_, .none) = $0.kind { return true } else { return false } }
        s += "<h2>Open deadlines</h2>\n"
        s += open.isEmpty ? "<p>No deadline is open.</p>\n"
            : HTML.table(caption: "Deadlines without an answer", head: ["Deadline", "Due", "Status"],
                         rows: open.map { item in
                             guard case .deadline(let due, _) = item.kind else { return [] }
                             return [item.summary, local(due), item.detail]
                         })
        return layout("calendar.html", title: "Calendar").render(s)
    }
}
