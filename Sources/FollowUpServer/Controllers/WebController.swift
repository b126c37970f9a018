import FollowUpKit
import Hummingbird
import HummingbirdAuth

/// The pages of signed-in people: their recommendations, one recommendation with its form, the
/// review queue, reports, search and the questionnaire; and the forms they post (every one
/// guarded by ``FormTokenMiddleware`` before it reaches here).
struct WebController {
    let server: FollowUpServer

    var database: AppDatabase { server.database }
    var clock: any FollowUpClock { server.options.clock }

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("/my") { request, context in
            try await page(request, context, showsFlash: true) { signedIn, _, language, flash in
                let today = clock.today()
                let reports = try signedIn.account.actors.map { try database.countryReport($0, asOf: today) }
                return FollowUpServer.html(
                    Pages.myRecommendations(
                        signedIn, reports: reports, actors: try database.actorDirectory(), language: language,
                        flash: flash))
            }
        }
        group.get("/rec") { request, context in
            try await page(request, context, showsFlash: true) { signedIn, query, language, flash in
                guard let key = query["key"], let actor = query["actor"] else {
                    throw FollowUpError.notFound(kind: "recommendation", identifier: "(give a key and an actor)")
                }
                return try recommendationPage(signedIn, key: key, actor: actor, language: language, flash: flash)
            }
        }
        group.post("/submit") { request, context in try await submit(request, context) }
        group.get("/queue") { request, context in
            try await page(request, context, showsFlash: true) { signedIn, _, language, flash in
                let items = try database.submissions(visibleTo: signedIn.account.name, pendingOnly: true)
                return FollowUpServer.html(
                    Pages.queue(signedIn, items: items, language: language, flash: flash, error: nil))
            }
        }
        group.post("/review") { request, context in try await review(request, context) }
        group.post("/logout") { _, context in
            context.sessions.clearSession()
            return FollowUpServer.redirect("/login")
        }
        group.get("/reports") { request, context in
            try await page(request, context) { signedIn, _, language, _ in
                FollowUpServer.html(Pages.reports(signedIn, documents: try database.documents(), language: language))
            }
        }
        group.get("/report/document") { request, context in
            try await page(request, context) { signedIn, query, language, _ in
                try rendered(
                    ReportViews.document(
                        query["symbol"] ?? "", asOf: clock.today(), language: language,
                        submissions: query["submitted"] == "1" ? .visibleTo(signedIn.account) : .none, footer: footer,
                        in: database), query: query, language: language)
            }
        }
        group.get("/report/country") { request, context in
            try await page(request, context) { signedIn, query, language, _ in
                try rendered(
                    ReportViews.country(
                        query["actor"] ?? "", asOf: clock.today(), language: language,
                        submissions: query["submitted"] == "1" ? .visibleTo(signedIn.account) : .none, footer: footer,
                        in: database), query: query, language: language)
            }
        }
        group.get("/audit") { request, context in
            try await page(request, context) { _, query, language, _ in
                try rendered(
                    ReportViews.audit(
                        ReportScope(), grouping: .recommendation, asOf: clock.today(), language: language,
                        flat: query["format"] == "csv", footer: footer, in: database), query: query, language: language)
            }
        }
        group.get("/search") { request, context in
            try await page(request, context) { signedIn, query, language, _ in
                let text = query["q"] ?? ""
                let results =
                    text.trimmingCharacters(in: .whitespaces).isEmpty
                    ? SearchResults(hits: [], order: .relevance, more: false) : try database.search(text)
                return FollowUpServer.html(Pages.search(signedIn, query: text, results: results, language: language))
            }
        }
        group.get("/questionnaire") { request, context in
            try await page(request, context, showsFlash: true) { signedIn, _, language, flash in
                FollowUpServer.html(Pages.questionnaire(signedIn, language: language, flash: flash, problems: []))
            }
        }
        group.get("/questionnaire.csv") { request, context in
            try await page(request, context) { _, query, _, _ in
                let report = try database.countryReport(query["actor"] ?? "", asOf: clock.today())
                guard let table = Presentation.questionnaire(report).mainTable else {
                    throw FollowUpError.internalError("a questionnaire without its table")
                }
                var response = FollowUpServer.body(
                    "\u{FEFF}" + CSVRenderer.render(table), type: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] =
                    "attachment; filename=\"\(report.actor.code)-questionnaire-\(report.asOf).csv\""
                return response
            }
        }
        group.post("/questionnaire") { request, context in try await uploadQuestionnaire(request, context) }
    }

    // MARK: Pages

    /// A page that needs a session (without one, the login page), built on the thread pool for
    /// blocking work from the query, the language and, for a page that `showsFlash`, the
    /// session's message left for it (then forgotten).
    func page(
        _ request: Request, _ context: AppRequestContext, showsFlash: Bool = false,
        _ body: @escaping @Sendable (SignedIn, [String: String], Language, String?) throws -> Response
    ) async throws -> Response {
        guard let signedIn = context.signedIn else { return FollowUpServer.redirect("/login") }
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
        let query = parameters
        let language = FollowUpServer.language(request)
        let flash = showsFlash ? Self.takeFlash(context) : nil
        let response = try await FollowUpServer.run { try body(signedIn, query, language, flash) }
        return FollowUpServer.rememberingLanguage(response, request)
    }

    /// The message left for the next page (kept in the session, never taken from the address).
    static func takeFlash(_ context: AppRequestContext) -> String? {
        context.sessions.withLockedSession { data in
            guard let flash = data?.flash else { return nil }
            data?.flash = nil
            return flash
        }
    }

    /// A redirect to `location` that shows `message` there.
    static func redirect(_ location: String, flash message: String, _ context: AppRequestContext) -> Response {
        context.sessions.withLockedSession { data in data?.flash = message }
        return FollowUpServer.redirect(location)
    }

    /// A report's footer on the server: no database file name (the operator's business, not every
    /// reader's), generated now.
    var footer: ReportViews.Footer { ReportViews.Footer(path: nil, generated: Timestamp.string(from: clock.now())) }

    func recommendationPage(
        _ signedIn: SignedIn, key: String, actor: String, language: Language, flash: String?, error: String? = nil
    ) throws(FollowUpError) -> Response {
        let today = clock.today()
        let detail = try database.recommendationDetail(key, asOf: today)
        let history = try database.history(key, actor: actor)
        let visible: [SubmissionInfo] =
            signedIn.account.role == .reader
            ? [] : try database.submissions(visibleTo: signedIn.account.name, pendingOnly: false)
        let code = history.first?.actor ?? actor
        return FollowUpServer.html(
            Pages.recommendation(
                signedIn, detail: detail, actor: code, history: history,
                submissions: visible.filter { $0.key == detail.recommendation.key && $0.actor == code }, today: today,
                language: language, flash: flash, error: error))
    }

    func rendered(_ view: ReportView<some Encodable & Sendable>, query: [String: String], language: Language)
        throws(FollowUpError) -> Response
    {
        let full = view.document
        let json = view.report
        switch query["format"] {
        case "csv":
            guard let table = full.mainTable else {
                return FollowUpServer.html(HTMLRenderer.render(full, language: language))
            }
            return FollowUpServer.body(CSVRenderer.render(table), type: "text/csv; charset=utf-8")
        case "json": return FollowUpServer.body(try JSONRenderer.render(json), type: "application/json")
        default: return FollowUpServer.html(HTMLRenderer.render(full, language: language))
        }
    }

    // MARK: Forms

    func submit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let signedIn = context.signedIn else { throw HTTPError(.unauthorized) }
        let form = try await request.decode(as: SubmissionRequest.self, context: context)
        let language = FollowUpServer.language(request)
        let refusal: FollowUpError
        do throws(FollowUpError) {
            let pending = PendingSubmission(
                update: try form.update(), account: signedIn.account.name, uid: FollowUpServer.uid())
            let item = try await server.submissions.submit(pending).get()
            return Self.redirect(
                Pages.link("/rec", [("key", form.key), ("actor", form.actor)]),
                flash: "Submitted as #\(item.id): a validator will review it.", context)
        } catch {
            if case .forbidden = error { throw error }
            refusal = error
        }
        return try await FollowUpServer.run {
            try recommendationPage(
                signedIn, key: form.key, actor: form.actor, language: language, flash: nil, error: refusal.message
            )
            .withStatus(.badRequest)
        }
    }

    func review(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let signedIn = context.signedIn else { throw HTTPError(.unauthorized) }
        let form = try await request.decode(as: ReviewRequest.self, context: context)
        let language = FollowUpServer.language(request)
        let database = self.database
        let clock = self.clock
        return try await FollowUpServer.run {
            guard let id = form.id else {
                throw FollowUpError.invalidArgument(field: "id", reason: "give a submission number")
            }
            do {
                let decision = try ReviewDecision.parse(form.decision)
                let item = try database.reviewSubmission(
                    id, decision: decision, comment: form.comment, account: signedIn.account.name, clock: clock,
                    uid: FollowUpServer.uid())
                return Self.redirect("/queue", flash: "#\(item.id) \(decision.rawValue).", context)
            } catch let error as FollowUpError {
                if case .forbidden = error { throw error }
                let items = try database.submissions(visibleTo: signedIn.account.name, pendingOnly: true)
                return FollowUpServer.html(
                    Pages.queue(signedIn, items: items, language: language, flash: nil, error: error.message),
                    status: .badRequest)
            }
        }
    }

    /// A filled-in questionnaire: its answered rows become the focal point's submissions, all or
    /// none; the problems are listed by line.
    func uploadQuestionnaire(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let signedIn = context.signedIn else { throw HTTPError(.unauthorized) }
        let upload = try await request.decode(as: QuestionnaireUpload.self, context: context)
        let language = FollowUpServer.language(request)
        let database = self.database
        let clock = self.clock
        return try await FollowUpServer.run {
            do {
                let answers = try Questionnaire.answers(bytes: Array(upload.file), source: "the uploaded file")
                let submitted = try database.submitBatch(
                    answers, source: "the uploaded file", account: signedIn.account.name, clock: clock,
                    makeUID: FollowUpServer.uid)
                return Self.redirect(
                    "/my", flash: "Submitted \(submitted.count) answers from the questionnaire for review.", context)
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
                return FollowUpServer.html(
                    Pages.questionnaire(signedIn, language: language, flash: nil, problems: problems), status: status)
            }
        }
    }
}
