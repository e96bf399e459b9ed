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
            outcome.watch(with: Task {
                while !outcome.isFinished {
                    try? await Task.sleep(for: .milliseconds(500))
                    if !Task.isCancelled, self.isClosed { outcome.finish(.failure(ChannelError.ioOnClosedChannel)) }
                }
            })
        }
    }
}

/// The first outcome of a statement: its answer, or its connection found closed. The watcher
/// of the connection is cancelled as the outcome comes, so no task outlives its statement.
private final class QueryOutcome: Sendable {
    private let state = Mutex<(continuation: CheckedContinuation<PostgresRowSequence, any Error>?, finished: Bool,
                               watcher: Task<Void, Never>?)>((nil, false, nil))

    var isFinished: Bool { state.withLock { $0.finished } }

    func wait(with continuation: CheckedContinuation<PostgresRowSequence, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Keeps the connection's watcher, cancelled at once if the outcome came first.
    func watch(with watcher: Task<Void, Never>) {
        let finished = state.withLock { s -> Bool in
            if !s.finished { s.watcher = watcher }
            return s.finished
        }
        if finished { watcher.cancel() }
    }

    func finish(_ result: Result<PostgresRowSequence, any Error>) {
        let ended = state.withLock { s -> (CheckedContinuation<PostgresRowSequence, any Error>?, Task<Void, Never>?)? in
            guard !s.finished else { return nil }
            s.finished = true
            defer { s.continuation = nil; s.watcher = nil }
            return (s.continuation, s.watcher)
        }
        ended?.1?.cancel()
        ended?.0?.resume(with: result)
    }
}
