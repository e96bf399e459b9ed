import XCTest
final class PlaceholderCrescendoStoreTests: XCTestCase { func testNothing() {} }
