@testable import CrescendoDaemon
import CrescendoCore
import XCTest

/// A job that fails every round (the audit flush while the database is lost) is said once, then
/// once a minute with the rounds in between counted, and its recovery once.
final class RepeatedFailureTests: XCTestCase {
    func testAFailureEveryRoundIsSaidOnceAMinuteAndItsRecoveryOnce() {
        var r = RepeatedFailure(every: 60)
        XCTAssertNil(r.succeeded("wrote", at: Instant(seconds: 0)), "nothing to say while all is well")
        XCTAssertEqual(r.failed("could not write", at: Instant(seconds: 2)), "could not write, retrying every round")
        // Rounds every 2 s: quiet until a minute after it was said.
        var said: [Int64: String] = [:]
        for t in stride(from: Int64(4), through: 130, by: 2) {
            if let line = r.failed("could not write", at: Instant(seconds: t)) { said[t] = line }
        }
        XCTAssertEqual(said.keys.sorted(), [62, 122])
        XCTAssertEqual(said[62], "could not write, still failing since \(Instant(seconds: 2)) (30 more failed rounds)")
        XCTAssertEqual(said[122], "could not write, still failing since \(Instant(seconds: 2)) (30 more failed rounds)")
        XCTAssertTrue(r.isFailing)
        XCTAssertEqual(r.succeeded("wrote", at: Instant(seconds: 132)), "wrote again after failing for 130 s")
        XCTAssertFalse(r.isFailing)
        XCTAssertNil(r.succeeded("wrote", at: Instant(seconds: 134)))
        XCTAssertEqual(r.failed("could not write", at: Instant(seconds: 136)), "could not write, retrying every round", "a new run is said at once")
    }
}
