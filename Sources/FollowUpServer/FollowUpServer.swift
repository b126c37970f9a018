import Foundation
import FollowUpKit
import Hummingbird

/// `followup serve`: the web application over one database. Pages for focal points, validators,
/// the secretariat and readers; every write goes through the same library calls as the CLI.
public struct FollowUpServer: Sendable {
    public struct Options: Sendable {
        public var databasePath: String
        public var host: String
        public var port: Int
        /// Mark the session cookie `Secure` (behind a TLS proxy).
        public var secureCookies: Bool
        public var clock: any FollowUpClock

        public init(
            databasePath: String, host: String = "127.0.0.1", port: Int = 8080, secureCookies: Bool = false,
            clock: any FollowUpClock = SystemClock()
        ) {
            self.databasePath = databasePath
            self.host = host
            self.port = port
            self.secureCookies = secureCookies
            self.clock = clock
        }
    }

    let options: Options
    let database: AppDatabase
    let sessions = SessionStore()

    /// Opens the database (which must exist and have the current schema).
    public init(options: Options) throws(FollowUpError) {
        self.options = options
        database = try AppDatabase.open(path: options.databasePath, access: .write, concurrentReads: true)
        try database.requireCurrentSchema()
    }

    /// The application, ready to run (`runService()`) or to test.
    public func application() -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "FollowUp"))
    }

    /// Serves until the process is stopped (SIGINT or SIGTERM), after printing where.
    public func run() async throws {
        let host = options.host
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "FollowUp"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                FileHandle.standardOutput.write(
                    Data("FollowUp is serving http://\(host):\(port)/ — stop it with Ctrl-C\n".utf8))
            })
        try await application.runService()
    }

    static let cookieName = "followup_session"

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { request, _ in
            await session(request) == nil ? Self.redirect("/login") : Self.redirect("/my")
        }
        router.get("/login") { request, _ in
            let query = FormData.parse(Substring(request.uri.query ?? ""))
            return Self.withLanguageCookie(Self.html(Pages.login(language: Self.language(request, query))), query)
        }
        router.post("/login") { request, _ in try await login(request) }
        router.post("/logout") { request, _ in
            try await write(request) { _, _, token, _ in
                await sessions.end(token)
                var response = Self.redirect("/login")
                response.headers[.setCookie] = cookie("", maxAge: 0)
                return response
            }
        }
        router.get("/my") { request, _ in
            try await page(request) { session, query, language in
                let today = options.clock.today()
                let reports = try session.account.actors.map { try database.countryReport($0, asOf: today) }
                return Self.html(
                    Pages.myRecommendations(
                        session, reports: reports, actors: try database.actorDirectory(), language: language,
                        flash: query["flash"]))
            }
        }
        router.get("/rec") { request, _ in
            try await page(request) { session, query, language in
                guard let key = query["key"], let actor = query["actor"] else {
                    return Self.html(
                        Pages.problem(
                            "Not found", "give a recommendation key and an actor", session: session, language: language),
                        status: .notFound)
                }
                return try recommendationPage(
                    session, key: key, actor: actor, language: language, flash: query["flash"], error: nil)
            }
        }
        router.post("/submit") { request, _ in
            try await write(request) { session, form, _, language in
                try await Self.offload {
                    let key = form["key"] ?? ""
                    let actor = form["actor"] ?? ""
                    do {
                        let update = try Self.update(form)
                        let item = try database.submitProgress(
                            update, account: session.account.name, clock: options.clock, uid: Self.uid())
                        return Self.redirect(
                            Pages.link(
                                "/rec",
                                [
                                    ("key", key), ("actor", actor),
                                    ("flash", "Submitted as #\(item.id): a validator will review it."),
                                ]))
                    } catch let error as FollowUpError {
                        if case .forbidden = error { throw error }
                        return try recommendationPage(
                            session, key: key, actor: actor, language: language, flash: nil, error: error.message
                        )
                        .withStatus(.badRequest)
                    }
                }
            }
        }
        router.get("/queue") { request, _ in
            try await page(request) { session, query, language in
                let items = try database.submissions(visibleTo: session.account.name, pendingOnly: true)
                return Self.html(
                    Pages.queue(session, items: items, language: language, flash: query["flash"], error: nil))
            }
        }
        router.post("/review") { request, _ in
            try await write(request) { session, form, _, language in
                try await Self.offload {
                    guard let id = form["id"].flatMap(Int64.init),
                        let decision = form["decision"].flatMap(ReviewDecision.init)
                    else {
                        throw FollowUpError.invalidArgument(
                            field: "id", reason: "give a submission number and a decision")
                    }
                    do {
                        let item = try database.reviewSubmission(
                            id, decision: decision, comment: form["comment"], account: session.account.name,
                            clock: options.clock, uid: Self.uid())
                        return Self.redirect(Pages.link("/queue", [("flash", "#\(item.id) \(decision.rawValue).")]))
                    } catch let error as FollowUpError {
                        if case .forbidden = error { throw error }
                        let items = try database.submissions(visibleTo: session.account.name, pendingOnly: true)
                        return Self.html(
                            Pages.queue(session, items: items, language: language, flash: nil, error: error.message),
                            status: .badRequest)
                    }
                }
            }
        }
        router.get("/reports") { request, _ in
            try await page(request) { session, _, language in
                Self.html(Pages.reports(session, documents: try database.documents(), language: language))
            }
        }
        router.get("/report/document") { request, _ in
            try await page(request) { _, query, language in
                let asOf = options.clock.today()
                let report = try database.documentReport(query["symbol"] ?? "", asOf: asOf)
                var document = ReportPresentation.document(
                    report, actors: try database.actorDirectory(), language: language)
                if query["submitted"] == "1" {
                    document = document.withSubmissions(
                        try database.pendingSubmissions(document: report.document.symbol), language: language)
                }
                return try rendered(document, json: report, query: query, asOf: asOf, language: language)
            }
        }
        router.get("/report/country") { request, _ in
            try await page(request) { _, query, language in
                let asOf = options.clock.today()
                let report = try database.countryReport(query["actor"] ?? "", asOf: asOf)
                var document = ReportPresentation.country(
                    report, actors: try database.actorDirectory(), language: language)
                if query["submitted"] == "1" {
                    document = document.withSubmissions(
                        try database.pendingSubmissions(actor: report.actor.code), language: language)
                }
                return try rendered(document, json: report, query: query, asOf: asOf, language: language)
            }
        }
        router.get("/audit") { request, _ in
            try await page(request) { _, query, language in
                let asOf = options.clock.today()
                let audit = try database.overdueAudit(ReportScope(), grouping: .recommendation, asOf: asOf)
                let document = ReportPresentation.audit(audit, language: language, flat: query["format"] == "csv")
                return try rendered(document, json: audit, query: query, asOf: asOf, language: language)
            }
        }
        router.get("/search") { request, _ in
            try await page(request) { session, query, language in
                let text = query["q"] ?? ""
                let results =
                    text.trimmingCharacters(in: .whitespaces).isEmpty
                    ? SearchResults(hits: [], order: .relevance, more: false) : try database.search(text)
                return Self.html(Pages.search(session, query: text, results: results, language: language))
            }
        }
        router.get("/questionnaire") { request, _ in
            try await page(request) { session, query, language in
                Self.html(Pages.questionnaire(session, language: language, flash: query["flash"], problems: []))
            }
        }
        router.get("/questionnaire.csv") { request, _ in
            try await page(request) { _, query, _ in
                let actor = query["actor"] ?? ""
                let report = try database.countryReport(actor, asOf: options.clock.today())
                guard let table = Presentation.questionnaire(report).mainTable else {
                    throw FollowUpError.internalError("a questionnaire without its table")
                }
                var response = Self.body("\u{FEFF}" + CSVRenderer.render(table), type: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] =
                    "attachment; filename=\"\(report.actor.code)-questionnaire-\(report.asOf).csv\""
                return response
            }
        }
        router.post("/questionnaire") { request, _ in try await uploadQuestionnaire(request) }
        addAPI(to: router)
        return router
    }

    // MARK: Sessions and forms

    func session(_ request: Request) async -> SessionStore.Session? {
        guard let token = request.cookies[Self.cookieName]?.value else { return nil }
        return await sessions.session(token)
    }

    func cookie(_ value: String, maxAge: Int? = nil) -> String {
        var text = "\(Self.cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if options.secureCookies { text += "; Secure" }
        return text
    }

    /// A page that needs a session: without one, the login page; errors as pages.
    func page(
        _ request: Request,
        _ body: @escaping @Sendable (SessionStore.Session, [String: String], Language) throws -> Response
    ) async throws -> Response {
        let query = FormData.parse(Substring(request.uri.query ?? ""))
        guard let session = await session(request) else { return Self.redirect("/login") }
        let language = Self.language(request, query)
        let response = try await Self.offload {
            do {
                return try body(session, query, language)
            } catch let error as FollowUpError {
                return Self.errorPage(error, session: session, language: language)
            }
        }
        return Self.withLanguageCookie(response, query)
    }

    /// The pages' language: `?lang=` (which is then remembered in a cookie), the cookie, the
    /// browser's first choice, else English.
    static func language(_ request: Request, _ query: [String: String]) -> Language {
        if let chosen = query["lang"] { return chosen == "zh" ? .zh : .en }
        if let remembered = request.cookies["followup_lang"]?.value { return remembered == "zh" ? .zh : .en }
        if let accepted = request.headers[.acceptLanguage], accepted.lowercased().hasPrefix("zh") { return .zh }
        return .en
    }

    static func withLanguageCookie(_ response: Response, _ query: [String: String]) -> Response {
        guard let chosen = query["lang"], chosen == "zh" || chosen == "en" else { return response }
        var response = response
        response.setCookie(Cookie(name: "followup_lang", value: chosen, path: "/", sameSite: .strict))
        return response
    }

    /// Runs blocking database work on a thread of its own, so that a request waiting for the one
    /// writer never holds one of the few threads every other request needs.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A form post that changes something: it needs a session and the session's CSRF token, or
    /// it is refused (401, 403) before anything is read or written.
    func write(
        _ request: Request,
        _ body: (SessionStore.Session, [String: String], String, Language) async throws -> Response
    ) async throws -> Response {
        let language = Self.language(request, [:])
        guard let token = request.cookies[Self.cookieName]?.value, let session = await sessions.session(token) else {
            return Self.html(
                Pages.problem("Log in first", "your session has ended: log in again", session: nil, language: language),
                status: .unauthorized)
        }
        let form = try await Self.form(request)
        guard let sent = form["csrf"], SessionStore.same(sent, session.csrf) else {
            return Self.html(
                Pages.problem(
                    "Refused", "the form is stale or did not come from this site: reload the page", session: session,
                    language: language),
                status: .forbidden)
        }
        do {
            return try await body(session, form, token, language)
        } catch let error as FollowUpError {
            return Self.errorPage(error, session: session, language: language)
        }
    }

    static func form(_ request: Request) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        return FormData.parse(Substring(String(buffer: buffer)))
    }

    func login(_ request: Request) async throws -> Response {
        let form = try await Self.form(request)
        let language = Self.language(request, [:])
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard await sessions.mayTryLogin(name) else {
            return Self.html(
                Pages.login(
                    language: language, error: "too many failed logins for this name: wait 15 minutes", name: name),
                status: .tooManyRequests)
        }
        let database = self.database
        let password = form["password"] ?? ""
        // bcrypt takes a quarter of a second: off the server's threads.
        let account = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result { () throws(FollowUpError) in
                        try database.authenticate(name: name, password: password)
                    })
            }
        }
        guard let account else {
            await sessions.recordFailure(name)
            return Self.html(
                Pages.login(language: language, error: "wrong name or password", name: name), status: .unauthorized)
        }
        await sessions.clearFailures(name)
        let started = await sessions.start(account)
        var response = Self.redirect("/my")
        response.headers[.setCookie] = cookie(started.token)
        return response
    }

    /// A filled-in questionnaire uploaded from the browser: its answered rows become the focal
    /// point's submissions, all or none; the problems are listed by line.
    func uploadQuestionnaire(_ request: Request) async throws -> Response {
        let language = Self.language(request, [:])
        guard let token = request.cookies[Self.cookieName]?.value, let session = await sessions.session(token) else {
            return Self.html(
                Pages.problem("Log in first", "your session has ended: log in again", session: nil, language: language),
                status: .unauthorized)
        }
        let body = Array(buffer: try await request.body.collect(upTo: 16 << 20))
        guard let boundary = MultipartForm.boundary(request.headers[.contentType] ?? ""),
            let parts = MultipartForm.parse(body, boundary: boundary),
            let sent = parts["csrf"].map({ String(decoding: $0, as: UTF8.self) }),
            SessionStore.same(sent, session.csrf)
        else {
            return Self.html(
                Pages.problem(
                    "Refused", "the form is stale or did not come from this site: reload the page", session: session,
                    language: language),
                status: .forbidden)
        }
        let database = self.database
        let clock = options.clock
        return try await Self.offload {
            do {
                let answers = try Questionnaire.answers(bytes: parts["file"] ?? [], source: "the uploaded file")
                let submitted = try database.submitBatch(
                    answers, source: "the uploaded file", account: session.account.name, clock: clock,
                    makeUID: Self.uid)
                return Self.redirect(
                    Pages.link(
                        "/my", [("flash", "Submitted \(submitted.count) answers from the questionnaire for review.")]))
            } catch let error as FollowUpError {
                var problems: [String] = []
                if case .invalidRecords(_, let rows, let more) = error {
                    problems = rows.map { "line \($0.line): \($0.column.map { "\($0): " } ?? "")\($0.reason)" }
                    if more > 0 { problems.append("… and \(more) more") }
                } else {
                    problems = [error.message]
                }
                let status: HTTPResponse.Status = {
                    if case .forbidden = error { return .forbidden }
                    return .badRequest
                }()
                return Self.html(
                    Pages.questionnaire(session, language: language, flash: nil, problems: problems), status: status)
            }
        }
    }

    func recommendationPage(
        _ session: SessionStore.Session, key: String, actor: String, language: Language, flash: String?,
        error: String?
    ) throws(FollowUpError) -> Response {
        let today = options.clock.today()
        let detail = try database.recommendationDetail(key, asOf: today)
        let history = try database.history(key, actor: actor)
        let visible: [SubmissionInfo] =
            session.account.role == .reader
            ? [] : try database.submissions(visibleTo: session.account.name, pendingOnly: false)
        let code = history.first?.actor ?? actor
        return Self.html(
            Pages.recommendation(
                session, detail: detail, actor: code, history: history,
                submissions: visible.filter { $0.key == detail.recommendation.key && $0.actor == code }, today: today,
                language: language, flash: flash, error: error))
    }

    func rendered(
        _ document: OutputDocument, json: some Encodable, query: [String: String], asOf: CalendarDate,
        language: Language
    ) throws(FollowUpError) -> Response {
        // The database's file name is the operator's business, not every reader's.
        let full = try document.withFooter(
            database, path: nil, asOf: asOf, language: language,
            generated: Timestamp.string(from: options.clock.now()))
        switch query["format"] {
        case "csv":
            guard let table = full.mainTable else { return Self.html(HTMLRenderer.render(full, language: language)) }
            return Self.body(CSVRenderer.render(table), type: "text/csv; charset=utf-8")
        case "json": return Self.body(try JSONRenderer.render(json), type: "application/json")
        default: return Self.html(HTMLRenderer.render(full, language: language))
        }
    }

    static func update(_ form: [String: String]) throws(FollowUpError) -> ProgressUpdate {
        func value(_ name: String) -> String? {
            guard let text = form[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                return nil
            }
            return text
        }
        let status = try value("status").map { (text) throws(FollowUpError) in try ImplementationStatus.parse(text) }
        let response = try value("response").map { (text) throws(FollowUpError) in try FollowUpKit.Response.parse(text)
        }
        var asOf: CalendarDate?
        if let text = value("as_of") {
            guard let date = CalendarDate(text) else {
                throw .invalidArgument(field: "as-of", reason: "'\(text)' is not a real date (YYYY-MM-DD)")
            }
            asOf = date
        }
        return ProgressUpdate(
            key: value("key") ?? "", actor: value("actor") ?? "", status: status, response: response, asOf: asOf,
            note: value("note"), evidence: value("evidence").flatMap(EvidenceReference.init(parsing:)))
    }

    static func uid() -> String { UUID().uuidString.lowercased() }

    // MARK: Responses

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, type: "text/html; charset=utf-8", status: status)
    }

    static func body(_ text: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
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

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func errorPage(_ error: FollowUpError, session: SessionStore.Session?, language: Language = .en)
        -> Response
    {
        let status = Self.status(for: error)
        let title = status == .forbidden ? "Not allowed" : "Could not do that"
        return html(Pages.problem(title, error.message, session: session, language: language), status: status)
    }
}

extension Response {
    func withStatus(_ status: HTTPResponse.Status) -> Response {
        var copy = self
        copy.status = status
        return copy
    }
}
