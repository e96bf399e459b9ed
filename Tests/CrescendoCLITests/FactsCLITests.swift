import CrescendoTestSupport
import Foundation
import XCTest

final class FactsCLITests: XCTestCase {
    func testIndicatorAndFlowImportsAndResponses() throws {
        let dir = try ScratchFolder("cli")
        let db = dir.path("l.sqlite")
        try "at,name,value\n2026-01-01T00:00Z,infection_rate,4.5\n2026-01-01T01:00Z,infection_rate,9\n"
            .write(toFile: dir.path("i.csv"), atomically: true, encoding: .utf8)
        let i = try crescendo(["indicator", "import", "--db", db, dir.path("i.csv")])
        XCTAssertEqual(i.stdout, "imported 2 indicator samples\n", i.stderr)
        try "date,from,to,category,amount,currency,source\n2026-03-01,Treasury,Acme,corporate_subsidy,1500000,CAD,Budget p. 41\n"
            .write(toFile: dir.path("f.csv"), atomically: true, encoding: .utf8)
        let f = try crescendo(["flows", "import", "--db", db, dir.path("f.csv")])
        XCTAssertEqual(f.stdout, "imported 1 money flows\n", f.stderr)
        let bad = try crescendo(["respond", "--db", db, "1", "--text", "x", "--win", "total"])
        XCTAssertEqual(bad.status, 64)
    }

    func testABadIndicatorRowIsNamed() throws {
        let dir = try ScratchFolder("cli")
        try "at,name,value\n2026-01-01,infection_rate,high\n".write(toFile: dir.path("i.csv"), atomically: true, encoding: .utf8)
        let r = try crescendo(["indicator", "import", "--db", dir.path("l.sqlite"), dir.path("i.csv")])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "error: i.csv:2: bad number \"high\" in column value\n")
    }
}
