import XCTest
final class PlaceholderCrescendoPublishTests: XCTestCase { func testNothing() {} }
