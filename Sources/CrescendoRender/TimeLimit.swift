/// Runs `work` for at most `seconds`: its result, or nil when the time ran out. The work's task
/// is then cancelled, which makes swift-subprocess tear down a program it is running (its
/// platform options' teardown sequence, ending with SIGKILL).
public func withinTimeLimit<T: Sendable>(seconds: Int, _ work: @escaping @Sendable () async throws -> T) async throws -> T? {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await work() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}
