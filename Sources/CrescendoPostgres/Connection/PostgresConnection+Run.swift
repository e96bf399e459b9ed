import Logging
import NIOCore
import PostgresNIO
import Synchronization

extension PostgresConnection {
    /// `query(_:logger:)`, except that it fails within half a second once the connection is
    /// closed instead of waiting forever.
    ///
    /// postgres-nio 1.33.2 hands a query to its channel with no write promise, so a query sent on
    /// a connection that closed a moment before (the server ended a session that sat idle in a
    /// transaction while this process was stopped, or went away between two statements of one)
    /// is dropped and its own promise never completes: `query` never returns, even when
    /// cancelled. Every statement Crescendo sends goes through here, so such a connection fails
    /// the statement (`ChannelError.ioOnClosedChannel`, "the database is unavailable") and the
    /// caller's transaction, as a lost connection does.
    func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        guard !isClosed else { throw ChannelError.ioOnClosedChannel }
        let outcome = QueryOutcome()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.wait(with: continuation)
            Task {
                do { outcome.finish(.success(try await self.query(query, logger: logger))) } catch { outcome.finish(.failure(error)) }
            }
            Task {
                while !outcome.isFinished {
                    try? await Task.sleep(for: .milliseconds(500))
                    if self.isClosed { outcome.finish(.failure(ChannelError.ioOnClosedChannel)) }
                }
            }
        }
    }
}

/// The first outcome of a statement: its answer, or its connection found closed.
private final class QueryOutcome: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<PostgresRowSequence, any Error>?, finished: Bool)>((nil, false))

    var isFinished: Bool { state.withLock { $0.finished } }

    func wait(with continuation: CheckedContinuation<PostgresRowSequence, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    func finish(_ result: Result<PostgresRowSequence, any Error>) {
        let waiting = state.withLock { s -> CheckedContinuation<PostgresRowSequence, any Error>? in
            guard !s.finished else { return nil }
            s.finished = true
            defer { s.continuation = nil }
            return s.continuation
        }
        waiting?.resume(with: result)
    }
}
