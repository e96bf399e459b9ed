import CrescendoCore
import CrescendoPublish
@testable import CrescendoRender
import CrescendoTestSupport
import Foundation
import XCTest

/// Debian's rsvg-convert and qrencode through swift-subprocess (make deps installs them; these
/// tests never skip): card PNGs of 1200 × 630 and the same bytes every time, clear errors
/// naming the file when a program is missing, refuses, or gives something else, and a QR code
/// that zbarimg reads back as the address.
final class RenderTests: XCTestCase {
    static let zone = Zone(identifier: "America/Toronto")!

    /// A small site with a brand: `n` entries with stories, a briefing every 5.
    static func site(entries n: Int, now: String = "2027-01-20T12:00") throws -> Site {
        var campaign = Campaign(id: "render", title: "Render test", zone: zone, start: TimeParsing.instant("2027-01-04", zone: zone)!,
                                metrics: [Metric(id: "masks", label: "Masks", unit: "masks")],
                                demands: [Demand(id: "psl", text: "Paid sick leave", target: "Ministry of Labour", funding: "Fund")],
                                rules: [Rule(id: "b", trigger: .every(n: 5, of: .entries, filter: EntryFilter(), per: nil),
                                             actions: [ActionSpec(.briefing(demand: "psl", deadline: .days(3), to: nil))])])
        campaign.brand = Brand(hashtags: ["#CareLedger"], color: "#1d5e20", url: "https://care.example.org/")
        let start = TimeParsing.instant("2027-01-04T09:00", zone: zone)!
        let entries = (0..<n).map { i in
            LedgerEntry(seq: Int64(i + 1), at: start + .hours(Int64(i * 5)), kind: "masks", quantity: Quantity(2), demand: "psl",
                        care: "Masks for shelter \(i)", cause: "No PPE budget", change: "A PPE budget")
        }
        let data = try SiteData.assemble(campaign: campaign, entries: entries, indicators: [], responses: [], moneyFlows: [],
                                         ledgerCount: Int64(n), headHash: String(repeating: "0", count: 64),
                                         now: TimeParsing.instant(now, zone: zone)!, weeksAhead: 1)
        return Site(data)
    }

    func testACardRendersToAPNGOf1200By630WithTheSameBytesEveryTime() async throws {
        let site = try Self.site(entries: 6)
        let svg = try XCTUnwrap(site.render(path: "/cards/story-001.svg")).bytes
        let a = try await SVGRasterizer().png(svg: svg, file: "cards/story-001.png")
        let b = try await SVGRasterizer().png(svg: svg, file: "cards/story-001.png")
        XCTAssertEqual(PNGHeader(a), PNGHeader(width: 1200, height: 630))
        XCTAssertEqual(a, b, "rsvg-convert's output is the same for the same SVG")
        XCTAssertGreaterThan(a.count, 10_000, "a card with text on it, not a blank")
    }

    func testEveryCardOfASiteGetsItsPNGAndAPreviousPublishIsReused() async throws {
        let scratch = try ScratchFolder("render")
        let site = try Self.site(entries: 12)
        let files = try await SiteRenderer().files(site)
        XCTAssertFalse(site.pngCardPaths.isEmpty)
        for path in site.pngCardPaths {
            let png = try XCTUnwrap(files[path], path)
            XCTAssertEqual(png.contentType, "image/png")
            XCTAssertEqual(PNGHeader(png.bytes), PNGHeader(width: 1200, height: 630), path)
        }
        XCTAssertTrue(files.keys.contains("cards/silence-1.png"), "\(files.keys.filter { $0.hasPrefix("cards/") }.sorted())")
        try SiteWriter(folder: scratch.url).write(files)
        // With no renderer at all, a publish of the same site reuses every PNG beside its unchanged SVG ...
        let absent = SiteRenderer(rasterizer: SVGRasterizer(program: "crescendo-no-such-renderer"))
        let again = try await absent.files(site, reusing: scratch.url)
        XCTAssertEqual(again, files)
        // ... and a card whose SVG changed is rendered again, here failing with the file's name.
        do {
            _ = try await absent.files(try Self.site(entries: 13), reusing: scratch.url)
            XCTFail("a new card needs the renderer")
        } catch let error as RenderError {
            // Cards render concurrently: the new story's card or the week's, whichever fails first.
            let named = ["cards/story-013.png", "cards/week-2027-W01.png"].map {
                RenderError.missingTool(tool: "crescendo-no-such-renderer", package: "librsvg2-bin", file: $0)
            }
            XCTAssertTrue(named.contains(error), "\(error)")
        }
    }

    func testAnSVGTheRendererRefusesIsAnErrorNamingTheFile() async throws {
        do {
            _ = try await SVGRasterizer().png(svg: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>".utf8), file: "cards/story-007.png")
            XCTFail("a broken SVG must be refused")
        } catch let error as RenderError {
            guard case .refused(let tool, let file, let message) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(tool, "rsvg-convert")
            XCTAssertEqual(file, "cards/story-007.png")
            XCTAssertTrue(message.contains("XML parse error"), message)
            XCTAssertTrue(error.description.hasPrefix("cannot make cards/story-007.png: rsvg-convert refused it: "), error.description)
        }
    }

    func testAMissingProgramAndOutputThatIsNotAPNGAreClearErrors() async throws {
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>".utf8)
        do {
            _ = try await SVGRasterizer(program: "crescendo-no-such-renderer").png(svg: svg, file: "cards/week-2027-W01.png")
            XCTFail("no such program")
        } catch let error as RenderError {
            XCTAssertEqual(error.description, "cannot make cards/week-2027-W01.png: crescendo-no-such-renderer is not installed (Debian's librsvg2-bin; `make deps` installs it)")
        }
        do {
            _ = try await SVGRasterizer(program: "echo").png(svg: svg, file: "cards/week-2027-W01.png")
            XCTFail("echo does not draw PNGs")
        } catch let error as RenderError {
            XCTAssertEqual(error, .badOutput(tool: "echo", file: "cards/week-2027-W01.png", why: "something that is not a PNG"))
        }
        do {
            _ = try await ExternalTool(name: "sleep", package: "coreutils", timeoutSeconds: 1).run(["30"], input: [], file: "cards/x.png")
            XCTFail("sleep outlasts its time")
        } catch let error as RenderError {
            XCTAssertEqual(error, .timedOut(tool: "sleep", file: "cards/x.png", seconds: 1))
        }
    }

    func testAPosterQRCodeReadsBackAsTheAddress() async throws {
        let url = "https://care.example.org/"
        let code = try await QREncoder().encode(url)
        XCTAssertEqual(code.text, url)
        XCTAssertEqual(code.size, 25, "version 2 at level M")
        // Drawn as the poster draws it, rendered, and read by zbarimg as a phone's camera would.
        let inline = code.svg(label: "QR", description: "QR", id: "qr")
        let document = inline.replacingOccurrences(of: "<svg ", with: "<svg width=\"330\" height=\"330\" ")
        let png = try await SVGRasterizer().png(svg: Array(document.utf8), file: "qr.png")
        let scratch = try ScratchFolder("qr")
        let file = scratch.url.appendingPathComponent("qr.png")
        try Data(png).write(to: file)
        let zbar = Process()
        zbar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        zbar.arguments = ["zbarimg", "--raw", "-q", file.path]
        let out = Pipe()
        zbar.standardOutput = out
        try zbar.run()
        let read = out.fileHandleForReading.readDataToEndOfFile()
        zbar.waitUntilExit()
        XCTAssertEqual(zbar.terminationStatus, 0, "zbarimg found no code (make deps installs zbar-tools)")
        XCTAssertEqual(String(decoding: read, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), url)
    }

    func testTheSiteDataGetsTheQRCodeOfItsPosterAddress() async throws {
        var data = try SiteData.assemble(campaign: Campaign(id: "c", title: "C", zone: Self.zone, start: Instant(seconds: 0)), entries: [],
                                         indicators: [], responses: [], moneyFlows: [], ledgerCount: 0, headHash: "", now: Instant(seconds: 0))
        let none = try await QREncoder().attach(to: data)
        XCTAssertNil(none.qrCode, "no address, no code")
        data.baseURL = "https://base.example/"
        let base = try await QREncoder().attach(to: data)
        XCTAssertEqual(base.qrCode?.text, "https://base.example/")
        data.campaign.brand.url = "https://brand.example/"
        let brand = try await QREncoder().attach(to: data)
        XCTAssertEqual(brand.qrCode?.text, "https://brand.example/", "brand.url comes first")
    }

    func testTheDaemonsCardImagesRenderEachCardOnceAndOnlyCards() async throws {
        let site = try Self.site(entries: 6)
        let images = CardImages()
        async let one = images.file("cards/story-002.png", in: site)
        async let two = images.file("cards/story-002.png", in: site)
        let (a, b) = try await (one, two)
        XCTAssertEqual(a, b)
        XCTAssertEqual(PNGHeader(try XCTUnwrap(a).bytes), PNGHeader(width: 1200, height: 630))
        let again = try await images.file("cards/story-002.png", in: site)
        XCTAssertEqual(again, a)
        let renders = await images.renders
        XCTAssertEqual(renders, 1)
        let missing = try await images.file("cards/story-999.png", in: site)
        XCTAssertNil(missing)
        let other = try await images.file("index.png", in: site)
        XCTAssertNil(other)
    }
}
