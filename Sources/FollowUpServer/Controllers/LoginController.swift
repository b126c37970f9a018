import FollowUpKit
import Hummingbird
import HummingbirdAuth

/// Signing in: the login page and form. The form is guarded like the others, without a session:
/// its token is in the page and in a cookie only this site can set (a cross-site page cannot
/// sign someone in as its author), and logins are limited per name by ``LoginLimiter``.
struct LoginController {
    let server: FollowUpServer

    static let tokenCookie = "followup_login"

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/") { _, context in
            context.signedIn == nil ? FollowUpServer.redirect("/login") : FollowUpServer.redirect("/my")
        }
        group.get("/login") { request, _ in
            FollowUpServer.rememberingLanguage(
                loginPage(language: FollowUpServer.language(request), error: nil, name: ""), request)
        }
        group.post("/login") { request, context in try await login(request, context) }
    }

    /// The login page with a new form token, in the page and in its cookie.
    func loginPage(language: Language, error: String?, name: String, status: HTTPResponse.Status = .ok) -> Response {
        let token = FollowUpServer.randomToken()
        var response = FollowUpServer.html(
            Pages.login(language: language, token: token, error: error, name: name), status: status)
        response.setCookie(
            Cookie(
                name: Self.tokenCookie, value: token, path: "/login", secure: server.options.secureCookies,
                httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let language = FollowUpServer.language(request)
        try FormTokenMiddleware.requireSameOrigin(request)
        let form = try await request.decode(as: LoginRequest.self, context: context)
        guard let cookie = request.cookies[Self.tokenCookie]?.value, let sent = form.token,
            FollowUpServer.same(cookie, sent)
        else {
            return loginPage(
                language: language, error: "the login form is stale or did not come from this site: try again",
                name: "", status: .forbidden)
        }
        let name = form.name.trimmingCharacters(in: .whitespaces)
        guard await server.logins.reserve(name) else {
            return loginPage(
                language: language, error: "too many failed logins for this name: wait 15 minutes",
                name: FieldText.excerpt(name), status: .tooManyRequests)
        }
        let database = server.database
        let password = form.password
        let signedIn: (account: AccountInfo, credentialVersion: Int)?
        do {
            // bcrypt takes a quarter of a second: on the thread pool for blocking work.
            signedIn = try await FollowUpServer.run {
                try database.authenticateForSession(name: name, password: password)
            }
        } catch {
            await server.logins.settle(name, succeeded: false)
            throw error
        }
        await server.logins.settle(name, succeeded: signedIn != nil)
        guard let signedIn else {
            return loginPage(language: language, error: "wrong name or password", name: name, status: .unauthorized)
        }
        // A new session id at every sign-in: an id planted before cannot be taken over.
        context.sessions.clearSession()
        context.sessions.createSession(
            WebSession(
                account: signedIn.account.name, csrf: FollowUpServer.randomToken(),
                credentialVersion: signedIn.credentialVersion),
            expiresIn: FollowUpServer.sessionLifetime)
        var response = FollowUpServer.redirect("/my")
        response.setCookie(Cookie(name: Self.tokenCookie, value: "", maxAge: 0, path: "/login"))
        return response
    }
}
