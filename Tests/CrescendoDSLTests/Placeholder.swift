import XCTest
final class PlaceholderCrescendoDSLTests: XCTestCase { func testNothing() {} }
