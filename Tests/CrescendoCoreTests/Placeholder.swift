import XCTest
final class PlaceholderCrescendoCoreTests: XCTestCase { func testNothing() {} }
