import FollowUpKit
import Hummingbird
import HummingbirdAuth

/// Reads the browser's session and sets the request's identity, if the account still has the
/// credentials it signed in with: a password changed or `followup users revoke` since (the
/// account's credential version moved on), or the account gone, ends the session.
struct WebSessionAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let session = context.sessions.session {
            let database = self.database
            let account = try await FollowUpServer.run {
                try database.account(session.account, credentialVersion: session.credentialVersion)
            }
            if let account {
                context.identity = account
            } else {
                context.sessions.clearSession()
            }
        }
        return try await next(request, context)
    }
}

/// Reads `Authorization: Bearer fu_…` (the scheme in any case) and sets the identity of the
/// token's account; the API's routes require one.
struct BearerTokenAuthenticator: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: AppDatabase

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let header = request.headers[.authorization] ?? ""
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw HTTPError(.unauthorized) }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        let database = self.database
        guard let account = try await FollowUpServer.run({ try database.account(forToken: token) }) else {
            throw HTTPError(.unauthorized)
        }
        context.identity = account
        return try await next(request, context)
    }
}
