import Dispatch

/// A task executor on a serial dispatch queue of its own: a task started with
/// `Task(executorPreference:)` runs its synchronous stretches there, off Swift concurrency's
/// few shared threads. For work that blocks or runs long (a ledger read whose rows go into a
/// bounded queue, a site build replaying the whole ledger), so it never starves the tasks that
/// serve requests, and a consumer that waits for it on one of those threads cannot deadlock.
public final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    public init(label: String) { queue = DispatchQueue(label: label) }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
