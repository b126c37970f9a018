import Foundation

/// How many logins one name may try: at most ``allowed`` failures per ``window``, counted so that
/// no concurrency gets past it.
///
/// A login *reserves* an attempt before its password is checked (a quarter of a second of bcrypt)
/// and settles it after: attempts in flight count as failures until they succeed, so fifty
/// parallel guesses get exactly as many tries as fifty in a row. Memory is bounded whatever
/// arrives: names longer than an account name can be are refused before they are counted, a name
/// is forgotten once its window has passed, and at most ``capacity`` names are kept (the oldest
/// go first).
actor LoginLimiter {
    /// Failures (and attempts in flight) allowed per name and window.
    static let allowed = 5
    static let window: TimeInterval = 15 * 60
    /// The most names remembered at once.
    static let capacity = 10_000
    /// The longest account name (the schema's limit).
    static let longestName = 64

    private struct Attempts {
        var failures: [Date] = []
        var inFlight = 0
        var lastSeen: Date
    }

    private var names: [String: Attempts] = [:]
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date = Date.init) { self.now = now }

    /// Reserves an attempt for `name`: `false` when its failures and the attempts in flight have
    /// reached the limit, or the name cannot be an account's. Each `true` must be settled.
    func reserve(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= Self.longestName else { return false }
        let key = name.lowercased()
        let moment = now()
        var attempts = names[key] ?? Attempts(lastSeen: moment)
        attempts.failures.removeAll { moment.timeIntervalSince($0) >= Self.window }
        guard attempts.failures.count + attempts.inFlight < Self.allowed else {
            names[key] = attempts
            return false
        }
        attempts.inFlight += 1
        attempts.lastSeen = moment
        names[key] = attempts
        if names.count > Self.capacity { forgetOldest() }
        return true
    }

    /// Settles a reserved attempt: a failure counts for the window, a success clears the name's
    /// failures (the attempts still in flight stay counted until they settle).
    func settle(_ name: String, succeeded: Bool) {
        let key = name.lowercased()
        guard var attempts = names[key] else { return }
        attempts.inFlight = max(0, attempts.inFlight - 1)
        if succeeded {
            attempts.failures = []
            names[key] = attempts.inFlight > 0 ? attempts : nil
            return
        }
        attempts.failures.append(now())
        names[key] = attempts
    }

    /// How many names are remembered (for tests of the bound).
    var count: Int { names.count }

    /// Drops names whose window has passed, then, if still too many, the least recently seen.
    private func forgetOldest() {
        let moment = now()
        names = names.filter { _, attempts in
            attempts.inFlight > 0 || attempts.failures.contains { moment.timeIntervalSince($0) < Self.window }
        }
        while names.count > Self.capacity, let oldest = names.min(by: { $0.value.lastSeen < $1.value.lastSeen }) {
            names[oldest.key] = nil
        }
    }
}
