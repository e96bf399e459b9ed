import CrescendoPublish
import CrescendoTestSupport
import Foundation
import XCTest

/// The site is written into a folder beside the target, which then takes its place: a failed
/// write leaves the target as it was, and files the site does not name are kept.
final class SiteWriterTests: XCTestCase {
    private func file(_ s: String) -> SiteFile { SiteFile(contentType: "text/plain", bytes: Array(s.utf8)) }

    func testAWriteReplacesTheFolderAndKeepsFilesTheSiteDoesNotName() throws {
        let scratch = try ScratchFolder("writer")
        let out = scratch.url.appendingPathComponent("site")
        try SiteWriter(folder: out).write(["index.html": file("one"), "cards/a.png": file("a")])
        try "mine".write(to: out.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try SiteWriter(folder: out).write(["index.html": file("two"), "stories/001.html": file("s")]), 2)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "two")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("CNAME"), encoding: .utf8), "mine")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("cards/a.png"), encoding: .utf8), "a", "an old file is kept")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["site"], "nothing is left beside it")
    }

    func testAFailedWriteLeavesTheFolderAsItWasAndNothingBesideIt() throws {
        let scratch = try ScratchFolder("writer")
        let out = scratch.url.appendingPathComponent("site")
        try SiteWriter(folder: out).write(["index.html": file("one")])
        // "a" is a file and a folder at once: the second cannot be written.
        XCTAssertThrowsError(try SiteWriter(folder: out).write(["index.html": file("two"), "a": file("x"), "a/b.html": file("y")]))
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "one")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), ["index.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["site"])
        let plain = scratch.url.appendingPathComponent("plain")
        try "not a folder".write(to: plain, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SiteWriter(folder: plain).write(["index.html": file("x")]))
        XCTAssertEqual(try String(contentsOf: plain, encoding: .utf8), "not a folder")
    }
}
