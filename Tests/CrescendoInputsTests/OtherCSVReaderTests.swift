import CrescendoCore
import CrescendoInputs
import XCTest

final class OtherCSVReaderTests: XCTestCase {
    private func tokenizer(_ s: String, _ name: String) -> CSVTokenizer { CSVTokenizer(bytes: Array(s.utf8), fileName: name) }

    func testIndicators() throws {
        let r = try IndicatorCSVReader(tokenizer: tokenizer("name,value,at\ninfection_rate,8.5,2026-01-01T01:00:00Z\n", "i.csv"),
                                       file: "i.csv", campaign: TestCampaign.make())
        XCTAssertEqual(try r.next(), IndicatorSample(at: Instant(seconds: 1_767_229_200), name: "infection_rate", value: 8.5))
        XCTAssertNil(try r.next())
    }

    func testUndeclaredIndicator() throws {
        let r = try IndicatorCSVReader(tokenizer: tokenizer("at,name,value\n2026-01-01,flu,1\n", "i.csv"), file: "i.csv", campaign: TestCampaign.make())
        XCTAssertThrowsError(try r.next()) { XCTAssertEqual("\($0)", "i.csv:2: undeclared indicator \"flu\" in column name") }
    }

    func testResponsesWithWins() throws {
        let r = try ResponseCSVReader(tokenizer: tokenizer("at,deadline,text,win\n2026-01-10T12:00Z,1,\"We will table a bill\",partial\n2026-01-11,2,No,\n", "r.csv"),
                                      file: "r.csv", zone: .utc)
        XCTAssertEqual(try r.next(), Response(at: Instant(seconds: 1_768_046_400), deadline: 1, text: "We will table a bill", win: .partial))
        XCTAssertEqual(try r.next()?.win, nil)
    }

    func testBadWin() throws {
        let r = try ResponseCSVReader(tokenizer: tokenizer("at,deadline,text,win\n2026-01-10,1,ok,total\n", "r.csv"), file: "r.csv", zone: .utc)
        XCTAssertThrowsError(try r.next()) { XCTAssertEqual("\($0)", "r.csv:2: bad win \"total\" in column win (expected partial or full)") }
    }

    func testMoneyFlows() throws {
        let csv = "date,from,to,category,amount,currency,source\n2026-03-01,Treasury,Acme Corp,corporate_subsidy,1500000.50,CAD,Budget 2026 p. 41\n"
        let r = try MoneyFlowCSVReader(tokenizer: tokenizer(csv, "f.csv"), file: "f.csv")
        XCTAssertEqual(try r.next(), MoneyFlow(date: CivilDate(year: 2026, month: 3, day: 1), from: "Treasury", to: "Acme Corp",
                                               category: .corporateSubsidy, amount: Quantity(milli: 1_500_000_500), currency: "CAD",
                                               source: "Budget 2026 p. 41"))
    }

    func testMoneyFlowNeedsASource() throws {
        let csv = "date,from,to,category,amount,currency,source\n2026-03-01,T,A,other,1,CAD,\n"
        let r = try MoneyFlowCSVReader(tokenizer: tokenizer(csv, "f.csv"), file: "f.csv")
        XCTAssertThrowsError(try r.next()) { XCTAssertEqual("\($0)", "f.csv:2: empty value in column source") }
    }
}
