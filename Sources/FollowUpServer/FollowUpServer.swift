import Foundation
import FollowUpKit
import Hummingbird
import HummingbirdAuth
import NIOPosix

/// `followup serve`: the web application over one database. Pages for focal points, validators,
/// the secretariat and readers; a JSON API for scripts; every write goes through the same library
/// calls as the command line.
///
/// Built in Hummingbird 2's way: ``buildApplication(onServerRunning:)`` assembles a router of
/// ``AppRequestContext`` with middleware (security headers, error responses, hummingbird-auth's
/// sessions, the session and token authenticators, the form-token guard) and controllers that
/// add their own routes (``LoginController``, ``WebController``, ``APIController``).
public struct FollowUpServer: Sendable {
    public struct Options: Sendable {
        public var databasePath: String
        public var host: String
        public var port: Int
        /// Mark the session cookie `Secure` (behind a TLS proxy).
        public var secureCookies: Bool
        public var clock: any FollowUpClock
        /// A connection that sends nothing for this long (no request, a half-sent header, a
        /// stalled body) is closed.
        public var idleTimeout: Duration

        public init(
            databasePath: String, host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
            clock: any FollowUpClock = SystemClock(), idleTimeout: Duration = .seconds(30)
        ) {
            self.databasePath = databasePath
            self.host = host
            self.port = port
            self.secureCookies = secureCookies
            self.clock = clock
            self.idleTimeout = idleTimeout
        }
    }

    let options: Options
    let database: AppDatabase
    let logins = LoginLimiter()
    /// Focal points' submissions, written in groups (``SubmissionQueue``).
    let submissions: SubmissionQueue
    /// Where web sessions live: in memory, so a restart signs everyone out.
    let sessionStore = MemoryPersistDriver()

    /// How long a web session lasts from signing in.
    static let sessionLifetime: Duration = .seconds(8 * 3600)
    static let sessionCookie = "followup_session"

    /// Opens the database (which must exist and have the current schema).
    public init(options: Options) throws(FollowUpError) {
        self.options = options
        database = try AppDatabase.open(path: options.databasePath, access: .write, concurrentReads: true)
        try database.requireCurrentSchema()
        submissions = SubmissionQueue(database: database, clock: options.clock)
    }

    /// The application, ready to run or to test; `onServerRunning` hears the port it listens on.
    public func buildApplication(onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorResponseMiddleware())
        router.add(
            middleware: SessionMiddleware(
                storage: sessionStore,
                configuration: .init(
                    sessionCookieParameters: .init(
                        name: Self.sessionCookie, path: "/", secure: options.secureCookies, sameSite: .strict),
                    keyPrefix: "session.", defaultSessionExpiration: Self.sessionLifetime)))
        APIController(server: self).addRoutes(to: router.group("api"))
        router.get("/openapi.json") { _, _ in Self.body(OpenAPI.document, type: "application/json") }
        let web = router.group().add(middleware: WebSessionAuthenticator(database: database))
        LoginController(server: self).addRoutes(to: web)
        WebController(server: self).addRoutes(to: web.group().add(middleware: FormTokenMiddleware()))
        var application = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .init(options.idleTimeout))),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "FollowUp"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) })
        application.addServices(sessionStore)
        return application
    }

    /// Serves until the process is stopped (SIGINT or SIGTERM), after printing where.
    public func run() async throws {
        let host = options.host
        try await buildApplication { port in
            FileHandle.standardOutput.write(
                Data("FollowUp is serving http://\(host):\(port)/ — stop it with Ctrl-C\n".utf8))
        }.runService()
    }

    // MARK: Shared by the controllers

    /// Runs the library's blocking database work on SwiftNIO's thread pool for blocking work,
    /// so that a request waiting for the one writer never holds a thread the event loops need.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// The pages' language: `?lang=` (then remembered in a cookie), the cookie, the browser's
    /// first choice, else English.
    static func language(_ request: Request) -> Language {
        if let chosen = request.uri.queryParameters["lang"] { return Language(rawValue: String(chosen)) ?? .en }
        if let remembered = request.cookies["followup_lang"]?.value { return Language(rawValue: remembered) ?? .en }
        if let accepted = request.headers[.acceptLanguage],
            let first = Language(rawValue: String(accepted.lowercased().prefix(2)))
        {
            return first
        }
        return .en
    }

    /// Remembers a language chosen with `?lang=` in a cookie.
    static func rememberingLanguage(_ response: Response, _ request: Request) -> Response {
        guard let chosen = request.uri.queryParameters["lang"], Language(rawValue: String(chosen)) != nil else {
            return response
        }
        var response = response
        response.setCookie(Cookie(name: "followup_lang", value: String(chosen), path: "/", sameSite: .strict))
        return response
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, type: "text/html; charset=utf-8", status: status)
    }

    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ value: [String: String], status: HTTPResponse.Status) -> Response {
        body((try? JSONRenderer.render(value)) ?? "{}", type: "application/json", status: status)
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    /// The HTTP status for an error of the library.
    static func status(for error: FollowUpError) -> HTTPResponse.Status {
        switch error {
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict, .duplicate: .conflict
        case .invalidArgument, .invalidValue, .invalidInput, .invalidRecords: .badRequest
        case .databaseBusy: .serviceUnavailable
        default: .internalServerError
        }
    }

    static func uid() -> String { UUID().uuidString.lowercased() }

    /// 32 bytes from the system's secure generator, as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}

extension Response {
    func withStatus(_ status: HTTPResponse.Status) -> Response {
        var copy = self
        copy.status = status
        return copy
    }
}
