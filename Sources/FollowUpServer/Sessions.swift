import Foundation
import FollowUpKit

/// The signed-in people: a random session token (the cookie) for each, with its CSRF token, and
/// the failed logins per name that the rate limit counts. Kept in memory: a restart signs
/// everyone out.
actor SessionStore {
    struct Session: Sendable {
        var account: AccountInfo
        /// The token every form of this session carries.
        var csrf: String
        var expires: Date
    }

    /// A session ends after this long without a request.
    static let idleLifetime: TimeInterval = 8 * 3600
    /// Failed logins for one name allowed per window, before it is refused for the window.
    static let failuresAllowed = 5
    static let failureWindow: TimeInterval = 15 * 60

    private var sessions: [String: Session] = [:]
    private var failures: [String: [Date]] = [:]

    /// Starts a session for `account`: its cookie token and CSRF token.
    func start(_ account: AccountInfo, now: Date = Date()) -> (token: String, session: Session) {
        let token = Self.randomToken()
        let session = Session(account: account, csrf: Self.randomToken(), expires: now + Self.idleLifetime)
        sessions[token] = session
        return (token, session)
    }

    /// The live session of `token`, its lifetime renewed; `nil` when unknown or expired.
    func session(_ token: String, now: Date = Date()) -> Session? {
        guard var session = sessions[token] else { return nil }
        guard session.expires > now else {
            sessions[token] = nil
            return nil
        }
        session.expires = now + Self.idleLifetime
        sessions[token] = session
        return session
    }

    func end(_ token: String) { sessions[token] = nil }

    /// Whether a login for `name` may be tried now.
    func mayTryLogin(_ name: String, now: Date = Date()) -> Bool {
        let key = name.lowercased()
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < Self.failureWindow }
        failures[key] = recent
        return recent.count < Self.failuresAllowed
    }

    func recordFailure(_ name: String, now: Date = Date()) { failures[name.lowercased(), default: []].append(now) }

    func clearFailures(_ name: String) { failures[name.lowercased()] = nil }

    /// 32 bytes from the system's secure generator, as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares two tokens in time that does not depend on where they differ.
    nonisolated static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
