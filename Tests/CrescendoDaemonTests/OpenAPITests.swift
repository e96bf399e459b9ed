import CrescendoCore
@testable import CrescendoDaemon
import CrescendoStore
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest
import Yams

/// docs/openapi.yaml describes every route the router has, with the role it needs, and no
/// other; GET /openapi.json serves exactly that file.
final class OpenAPITests: XCTestCase {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")

    private func document() throws -> [String: Any] {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        return try XCTUnwrap(OpenAPIDocument.plain(try Yams.load(yaml: text) as Any) as? [String: Any])
    }

    func testTheServedJSONIsDocsOpenAPIYAML() async throws {
        let fx = try DaemonFixture()
        let expected = try document() as NSDictionary
        nonisolated(unsafe) let reference = expected
        try await Application(router: fx.api().router()).test(.router) { client in
            try await client.execute(uri: "/openapi.json", method: .get) { r in
                XCTAssertEqual(r.status, .ok)
                XCTAssertEqual(r.headers[.contentType], "application/json")
                let served = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? NSDictionary
                XCTAssertEqual(served, reference, String(buffer: r.body).prefix(300).description)
            }
        }
        XCTAssertEqual(expected["openapi"] as? String, "3.1.0")
    }

    func testEveryRouteIsDescribedWithItsRoleAndNoOther() throws {
        let fx = try DaemonFixture()
        // The web app's pages (/app/...) are HTML, not API: AppTests covers them.
        let routed = Set(fx.api().router().routes.filter { !"\($0.path)".hasPrefix("/app") }.map { "\($0.method) \($0.path)" })
        let declared = Set(DaemonAPI.routes.map { "\($0.method) \($0.path)" })
        XCTAssertEqual(routed, declared, "DaemonAPI.routes lists the router's routes")
        let paths = try XCTUnwrap(try document()["paths"] as? [String: [String: Any]])
        var described: Set<String> = []
        for (path, operations) in paths {
            for (method, value) in operations {
                let op = try XCTUnwrap(value as? [String: Any], "\(method) \(path)")
                let name = "\(method.uppercased()) \(path)"
                described.insert(name)
                let role = DaemonAPI.routes.first { "\($0.method) \($0.path)" == name }?.role
                XCTAssertEqual(op["x-crescendo-role"] as? String, role?.rawValue, name)
                let responses = try XCTUnwrap(op["responses"] as? [String: Any], name)
                XCTAssertNotNil(responses["401"], "\(name) documents 401 (a bad token is refused on any route)")
                if role != nil { XCTAssertNotNil(responses["403"], "\(name) documents 403") }
                if role == nil { XCTAssertEqual((op["security"] as? [Any])?.count, 0, "\(name) is public") }
            }
        }
        XCTAssertEqual(described, declared)
    }
}
