import CrescendoCore
import CrescendoPublish
import CrescendoTestSupport
import Foundation
import XCTest

final class SiteTests: XCTestCase {
    func testTheSameDataGivesByteIdenticalFilesOnDisk() throws {
        let fm = FileManager.default
        let scratch = try ScratchFolder("publish")
        let base = scratch.url
        for run in ["a", "b"] { try SiteWriter(folder: base.appendingPathComponent(run)).write(Site(SiteFixture.standard()).build()) }
        let files = try XCTUnwrap(fm.subpathsOfDirectory(atPath: base.appendingPathComponent("a").path)).sorted()
        XCTAssertEqual(files, try fm.subpathsOfDirectory(atPath: base.appendingPathComponent("b").path).sorted())
        for f in files where !f.hasSuffix("/") {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: base.appendingPathComponent("a/\(f)").path, isDirectory: &isDir), !isDir.boolValue else { continue }
            XCTAssertEqual(try Data(contentsOf: base.appendingPathComponent("a/\(f)")), try Data(contentsOf: base.appendingPathComponent("b/\(f)")), f)
        }
    }

    func testHomePageShowsDemandsTotalsMilestoneClockWinsAndHead() throws {
        let data = SiteFixture.standard()
        let home = String(decoding: try XCTUnwrap(Site(data).build()["index.html"]).bytes, as: UTF8.self)
        XCTAssertTrue(home.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(home.contains("<dt>Who must act</dt><dd>Ministry of Labour</dd>"))
        XCTAssertTrue(home.contains("<dt>Who pays</dt><dd>Corporate relief fund, budget line 4.2</dd>"))
        XCTAssertTrue(home.contains("<strong>46</strong> acts of care"))
        XCTAssertTrue(home.contains("Entries this week (2027-W03) against last week (2027-W02)"))
        XCTAssertTrue(home.contains("Entry <strong>50</strong>: 4 entries to go."))
        // Deadline 2 opened at entry 20 (2027-01-05 04:00) and was never answered; now is 2027-01-20 12:00.
        // Each silence links its own page, with its share card.
        XCTAssertTrue(home.contains("<a class=\"days\" href=\"silence/2.html\">Ministry of Labour: 15 days of silence</a><br>on “Universal paid sick leave” since the People's Briefing of 2027-01-05 04:00"), home)
        XCTAssertTrue(home.contains("“We will review it” <span class=\"win\">Partial win</span>"))
        XCTAssertTrue(home.contains(String(repeating: "ab", count: 32)))
        XCTAssertTrue(home.contains("crescendo ledger verify"))
        XCTAssertTrue(home.contains("@media print") == false && home.contains("style.css"))
        // Headings in order: one h1, and no h3 before the first h2.
        XCTAssertEqual(home.components(separatedBy: "<h1>").count - 1, 1)
        XCTAssertLessThan(home.range(of: "<h2>")!.lowerBound, home.range(of: "<h3>")!.lowerBound)
        XCTAssertFalse(home.contains("<script"))
    }

    func testStoriesHaveALanguageSwitchAndFallBackToTheDefault() throws {
        var data = SiteFixture.standard()
        let site = Site(data).build()
        let en = String(decoding: try XCTUnwrap(site["stories/001.html"]).bytes, as: UTF8.self)
        let fr = String(decoding: try XCTUnwrap(site["stories/fr/001.html"]).bytes, as: UTF8.self)
        XCTAssertTrue(en.contains("<p class=\"story\" lang=\"en\">Care Ledger 001: Delivered masks to a shelter Why:"))
        XCTAssertTrue(fr.contains("<p class=\"story\" lang=\"fr\">Registre du soin 001 : Delivered masks to a shelter Pourquoi :"))
        XCTAssertTrue(en.contains("<a href=\"../stories/fr/001.html\" hreflang=\"fr\" lang=\"fr\">Français</a>"))
        XCTAssertTrue(fr.contains("<a href=\"../../stories/001.html\" hreflang=\"en\" lang=\"en\">English</a>"))
        // A campaign with `story.es` but whose Spanish page asks for a missing variant falls back.
        let templates = CampaignTemplates(["story": "Story {{seq}}", "weekly": "Week {{week}}"])
        var context = TemplateContext()
        context["seq"] = "007"
        XCTAssertEqual(templates.render("story", language: "es", context: context, escapingHTML: true), "Story 007")
        data.campaign.templates["story.es"] = "Historia {{seq}}"
        XCTAssertNotNil(Site(data).render(path: "/stories/es/002.html"))
    }

    func testWeeklyReportAsHTMLAndMarkdownUsesTheWeeklyTemplate() throws {
        let site = Site(SiteFixture.standard()).build()
        let md = String(decoding: try XCTUnwrap(site["weekly/2027-W02.md"]).bytes, as: UTF8.self)
        XCTAssertTrue(md.hasPrefix("# Paid sick leave now: week 2027-W02\n\nWeek 2027-W02: 12 acts of care. Masks distributed: 0. Childcare hours covered: 36. \n"), md)
        XCTAssertTrue(md.contains("| Childcare hours covered | 12 | 36 |"))
        XCTAssertNotNil(site["weekly/2027-W02.html"])
        XCTAssertEqual(site["weekly/2027-W02.md"]?.contentType, "text/markdown; charset=utf-8")
    }

    func testRenderServesRequestPathsLikeTheStaticSite() throws {
        let data = SiteFixture.standard()
        let built = Site(data).build()
        XCTAssertEqual(Site.render(path: "/", data: data), built["index.html"])
        XCTAssertEqual(Site.render(path: "/stories/", data: data), built["stories/index.html"])
        XCTAssertEqual(Site.render(path: "/data/money-flows.csv", data: data), built["data/money-flows.csv"])
        XCTAssertEqual(Site.render(path: "/calendar.ics", data: data)?.contentType, "text/calendar; charset=utf-8")
        XCTAssertNil(Site.render(path: "/stories/999.html", data: data))
        XCTAssertNil(Site.render(path: "/../etc/passwd", data: data))
        XCTAssertEqual(Set(Site(data).paths), Set(built.keys))
    }

    func testMoneyPageNamesEachDemandsFundingLine() throws {
        let page = String(decoding: try XCTUnwrap(Site(SiteFixture.standard()).build()["money.html"]).bytes, as: UTF8.self)
        XCTAssertTrue(page.contains("Funding line <strong>corporate-relief-fund</strong>: 1 flow: 2,500,000 CAD corporate subsidies."), page)
        XCTAssertTrue(page.contains("2,500,000 CAD in corporate subsidies against 225,000 CAD for worker support and frontline services."))
    }
}
