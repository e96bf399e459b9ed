@testable import CrescendoPostgres
import CrescendoTestSupport
import PostgresNIO
import XCTest

/// A leased connection is its caller's alone until the caller releases it.
final class ConnectionLeaseTests: XCTestCase {
    /// A holder that gets its connection before the caller asks for it keeps it out of the
    /// pool: while the first lease is held, the pool's other connections are all different
    /// ones. (Before, that holder gave the connection back at once, so the next lease got the
    /// same one while the first caller still used it.)
    func testAConnectionHandedOverFirstStaysOutOfThePool() async throws {
        guard let server = try TestPostgres.make() else { return }
        let store = try await PostgresLedgerStore.open(try PostgresURL(server.url))
        func pid(_ c: PostgresConnection) async throws -> Int32? {
            try await c.run("SELECT pg_backend_pid()", logger: store.logger).value(Int32.self)
        }
        let (first, connection) = try await ConnectionLease.acquire(from: store.client, timeout: .seconds(5), location: "test",
                                                                     pause: .milliseconds(200))
        let firstPID = try await pid(connection)
        var others: [ConnectionLease] = []
        var pids: [Int32?] = []
        // The pool has 8 connections: 7 more can be leased while the first is held, never it.
        for _ in 0..<8 {
            guard let (lease, c) = try? await ConnectionLease.acquire(from: store.client, timeout: .milliseconds(700), location: "test")
            else { break }
            others.append(lease)
            pids.append(try await pid(c))
        }
        XCTAssertNotNil(firstPID)
        XCTAssertFalse(pids.contains(firstPID), "the first lease's connection \(firstPID.map(String.init) ?? "?") was leased again: \(pids)")
        XCTAssertEqual(others.count, 7, "the pool's other connections")
        for lease in others { lease.release() }
        first.release()
        await store.close()
    }
}
