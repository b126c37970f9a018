import FollowUpKit
import NIOPosix

/// Group commit for focal points' submissions. A submission that arrives while the writer is
/// busy waits with the others that arrive meanwhile; when the writer is free they are written
/// together, in one transaction (``AppDatabase/submitProgress(_:clock:)``), and each request is
/// answered only after that transaction has committed: nothing is acknowledged that a crash
/// could lose. One submission alone is written at once, as before.
actor SubmissionQueue {
    private typealias Waiting = (
        submission: PendingSubmission, answer: CheckedContinuation<Result<SubmissionInfo, FollowUpError>, Never>
    )

    private let database: AppDatabase
    private let clock: any FollowUpClock
    private var waiting: [Waiting] = []
    private var writing = false
    /// The most written in one transaction, so that one batch never holds the writer long.
    private let batchLimit = 500

    init(database: AppDatabase, clock: any FollowUpClock) {
        self.database = database
        self.clock = clock
    }

    /// Keeps `submission` as a pending entry and returns it, or why it was refused.
    func submit(_ submission: PendingSubmission) async -> Result<SubmissionInfo, FollowUpError> {
        await withCheckedContinuation { answer in
            waiting.append((submission, answer))
            if !writing {
                writing = true
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(batchLimit))
            waiting.removeFirst(batch.count)
            let submissions = batch.map(\.submission)
            let database = self.database
            let clock = self.clock
            let results: [Result<SubmissionInfo, FollowUpError>]
            do {
                // The blocking write runs on the thread pool for blocking work, not on an event loop.
                results = try await NIOThreadPool.singleton.runIfActive {
                    database.submitProgress(submissions, clock: clock)
                }
            } catch {
                results = batch.map { _ in .failure(.internalError("the server is stopping: \(error)")) }
            }
            for (item, result) in zip(batch, results) { item.answer.resume(returning: result) }
        }
        writing = false
    }
}
