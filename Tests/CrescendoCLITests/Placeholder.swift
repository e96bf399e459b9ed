import XCTest
final class PlaceholderCrescendoCLITests: XCTestCase { func testNothing() {} }
