import XCTest
@testable import CrescendoRender

final class PNGHeaderTests: XCTestCase {
    func testAHeaderIsReadOnlyFromAPNG() {
        let ihdr: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0x76, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        XCTAssertEqual(PNGHeader(ihdr), PNGHeader(width: 1200, height: 630))
        XCTAssertNil(PNGHeader(Array("<svg/>".utf8)))
        XCTAssertNil(PNGHeader(Array(ihdr.prefix(20))))
    }
}
