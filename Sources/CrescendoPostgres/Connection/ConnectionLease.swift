import CrescendoStore
import PostgresNIO
import Synchronization

/// A connection leased from a `PostgresClient` within a time limit.
///
/// The client's pool waits for a connection as long as it takes, retrying a server that does
/// not answer (postgres-nio issue #489). A store must rather say the database is unavailable,
/// so the lease is taken by a task of its own (the holder), which hands the connection over and
/// keeps the lease until `release()`. If nothing is handed over in time, the holder is
/// cancelled (which withdraws its request from the pool) and `acquire` throws
/// `StoreError.unavailable`.
final class ConnectionLease: Sendable {
    private enum State {
        /// Nothing yet.
        case idle
        /// The caller waits for a connection.
        case waiting(CheckedContinuation<PostgresConnection, any Error>)
        /// The holder has a connection the caller has not taken yet; the holder may be parked
        /// already (it must keep the connection out of the pool until the caller releases it).
        case handedOver(PostgresConnection, parked: CheckedContinuation<Void, Never>?)
        /// The caller has the connection; the holder may be parked until release.
        case leased(parked: CheckedContinuation<Void, Never>?)
        case released
        case failed(any Error)
    }

    private let state = Mutex(State.idle)
    private let holder = Mutex<Task<Void, Never>?>(nil)

    private init() {}

    /// Leases a connection from `client`, waiting at most `timeout`.
    ///
    /// `pause` (tests only) waits that long before the caller asks for the connection, so that
    /// the holder hands it over first.
    static func acquire(from client: PostgresClient, timeout: Duration, location: String,
                        pause: Duration? = nil) async throws -> (ConnectionLease, PostgresConnection) {
        let lease = ConnectionLease()
        lease.holder.withLock {
            $0 = Task {
                do {
                    try await client.withConnection { connection in
                        guard lease.handOver(connection) else { return }
                        await lease.park()
                    }
                } catch {
                    lease.fail(StoreError.postgres(error, location: location))
                }
            }
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { lease.fail(StoreError.unavailable(path: location, reason: "no connection within \(timeout)")) }
        }
        defer { timer.cancel() }
        if let pause { try? await Task.sleep(for: pause) }
        let connection = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { lease.wait($0) }
        } onCancel: {
            lease.fail(CancellationError())
        }
        return (lease, connection)
    }

    /// The caller's side: waits for the connection (or the failure).
    private func wait(_ c: CheckedContinuation<PostgresConnection, any Error>) {
        let outcome: Result<PostgresConnection, any Error>? = state.withLock { s in
            switch s {
            case .idle: s = .waiting(c); return nil
            case .handedOver(let connection, let parked): s = .leased(parked: parked); return .success(connection)
            case .failed(let error): return .failure(error)
            case .waiting, .leased, .released: return .failure(CancellationError())
            }
        }
        if let outcome { c.resume(with: outcome) }
    }

    /// The holder's side: hands the connection over; false when the caller has given up.
    private func handOver(_ connection: PostgresConnection) -> Bool {
        let waiter: CheckedContinuation<PostgresConnection, any Error>?? = state.withLock { s in
            switch s {
            case .idle: s = .handedOver(connection, parked: nil); return .some(nil)
            case .waiting(let c): s = .leased(parked: nil); return .some(c)
            default: return .none
            }
        }
        guard case .some(let c) = waiter else { return false }
        c?.resume(returning: connection)
        return true
    }

    /// The holder's side: waits until the caller releases the connection (or has given up).
    private func park() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            // Parked while the caller has the connection, or will take it: a holder that
            // returned here while the connection was only handed over gave it back to the pool
            // under its caller, and two callers then sent statements on one connection.
            let now = state.withLock { s -> Bool in
                switch s {
                case .leased(nil): s = .leased(parked: done); return false
                case .handedOver(let connection, nil): s = .handedOver(connection, parked: done); return false
                default: return true
                }
            }
            if now { done.resume() }
        }
    }

    /// Gives up on a lease not yet taken by the caller: the caller gets `error`, the holder stops.
    private func fail(_ error: any Error) {
        let (waiter, parked) = state.withLock { s -> (CheckedContinuation<PostgresConnection, any Error>??, CheckedContinuation<Void, Never>?) in
            switch s {
            case .idle: s = .failed(error); return (.some(nil), nil)
            case .handedOver(_, let parked): s = .failed(error); return (.some(nil), parked)
            case .waiting(let c): s = .failed(error); return (.some(c), nil)
            default: return (.none, nil)
            }
        }
        guard case .some(let c) = waiter else { return }
        holder.withLock { $0?.cancel() }
        // A connection handed over that the caller never took goes back to the pool.
        parked?.resume()
        c?.resume(throwing: error)
    }

    /// Gives the connection back to the pool.
    func release() {
        let parked: CheckedContinuation<Void, Never>?? = state.withLock { s in
            guard case .leased(let parked) = s else { return .none }
            s = .released
            return .some(parked)
        }
        if case .some(let p) = parked { p?.resume() }
    }
}
