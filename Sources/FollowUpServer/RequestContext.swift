import FollowUpKit
import Hummingbird
import HummingbirdAuth

/// What a browser's session cookie stands for, kept in the server's session store (hummingbird-
/// auth's `SessionMiddleware` over a memory persist driver): the account, the token its forms
/// carry against cross-site requests, the account's credential version when it signed in (a
/// password change or `users revoke` ends the session), and a message for the next page.
struct WebSession: Codable, Sendable {
    var account: String
    var csrf: String
    var credentialVersion: Int
    var flash: String?
}

/// Someone signed in through the browser, as the pages see them.
struct SignedIn: Sendable {
    var account: AccountInfo
    /// The token every form of this session carries.
    var csrf: String
}

/// The request context of every route: the session (browser) and the identity, set by the
/// session authenticator for pages and by the bearer authenticator for the API.
struct AppRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    var coreContext: CoreRequestContextStorage
    var identity: AccountInfo?
    let sessions: SessionContext<WebSession>

    init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
    }

    /// Request bodies: a form or JSON, by the request's content type, decoded strictly.
    var requestDecoder: StrictRequestDecoder { StrictRequestDecoder() }

    /// The signed-in account with its session's form token; `nil` for a script or a stranger.
    var signedIn: SignedIn? {
        guard let identity, let session = sessions.session else { return nil }
        return SignedIn(account: identity, csrf: session.csrf)
    }
}
