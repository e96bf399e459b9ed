import CrescendoStore
import PostgresNIO

extension PostgresLedgerStore {
    /// Runs `body` on a connection leased within `acquireTimeout`, mapping errors to `StoreError`.
    @discardableResult
    func withConnection<T>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        let (lease, connection) = try await ConnectionLease.acquire(from: client, timeout: acquireTimeout, location: location)
        defer { lease.release() }
        do { return try await body(connection) } catch { throw StoreError.postgres(error, location: location) }
    }

    /// Runs `body` in one transaction, committed only if it returns. With `snapshot`, every
    /// read in it sees one state of the database (REPEATABLE READ).
    func transaction<T>(snapshot: Bool = false, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await withConnection { c in
            try await c.run(snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN", logger: logger)
            do {
                let value = try await body(c)
                try await c.run("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await c.run("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Locks the chain's head for the rest of the transaction and returns it: every write that
    /// adds entries or side facts takes it first, so they commit one after another.
    func lockHead(_ c: PostgresConnection) async throws -> EntryChain {
        let rows = try await c.run("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE", logger: logger)
        for try await (seq, hash) in rows.decode((Int64, ByteBuffer).self) {
            return EntryChain(seq: seq, previous: Array(hash.readableBytesView))
        }
        throw StoreError.database(path: location, message: "the chain_head row is missing")
    }

    /// Moves the head to where `chain` ends (in the transaction that locked it).
    func saveHead(_ chain: EntryChain, _ c: PostgresConnection) async throws {
        try await c.run("UPDATE chain_head SET seq = \(chain.seq), hash = \(ByteBuffer(bytes: chain.previous)) WHERE id = 1", logger: logger)
    }
}

extension PostgresRowSequence {
    /// The first column of the first row, if any (the rest is discarded).
    func value<T: PostgresDecodable & Sendable>(_ type: T.Type) async throws -> T? {
        for try await v in decode(T.self) { return v }
        return nil
    }
}
