import FollowUpKit
import Hummingbird
import HummingbirdAuth

/// The JSON API: the same operations as the pages, for scripts. Authenticated by a token
/// (`followup users token NAME`) in `Authorization: Bearer …` (no cookie, so no form token).
/// Every route is registered from ``routes``, the table ``OpenAPI/document`` is checked against.
struct APIController {
    let server: FollowUpServer

    /// One route of the API: its method, its path as OpenAPI writes it, and what it does.
    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var handle: @Sendable (APIController, Request, AppRequestContext, AccountInfo) async throws -> Response
    }

    /// Every route of the API, in the order OpenAPI lists them.
    static let routes: [Route] = [
        Route(method: .get, path: "/api/me") { _, _, _, account in try ok(account) },
        Route(method: .get, path: "/api/recommendations") { api, request, _, _ in
            try await api.read { database, today in
                try database.countryReport(request.uri.queryParameters["actor"].map(String.init) ?? "", asOf: today)
            }
        },
        Route(method: .get, path: "/api/recommendation") { api, request, _, _ in
            let key = request.uri.queryParameters["key"].map(String.init) ?? ""
            return try await api.read { database, today in
                RecommendationWithHistory(
                    detail: try database.recommendationDetail(key, asOf: today), history: try database.history(key))
            }
        },
        Route(method: .get, path: "/api/submissions") { api, request, _, account in
            let pending = request.uri.queryParameters["pending"] != "false"
            return try await api.read { database, _ in
                try database.submissions(visibleTo: account.name, pendingOnly: pending)
            }
        },
        Route(method: .post, path: "/api/submissions") { api, request, context, account in
            let given = try await request.decode(as: SubmissionRequest.self, context: context)
            let pending = PendingSubmission(
                update: try given.update(), account: account.name, uid: FollowUpServer.uid())
            return try ok(try await api.server.submissions.submit(pending).get(), status: .created)
        },
        Route(method: .post, path: "/api/submissions/{id}/review") { api, request, context, account in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw FollowUpError.invalidArgument(field: "id", reason: "give a submission number")
            }
            let given = try await request.decode(as: ReviewRequest.self, context: context)
            let database = api.server.database
            let clock = api.server.options.clock
            return try ok(
                try await FollowUpServer.run {
                    try database.reviewSubmission(
                        id, decision: try ReviewDecision.parse(given.decision), comment: given.comment,
                        account: account.name, clock: clock, uid: FollowUpServer.uid())
                })
        },
        Route(method: .get, path: "/api/reports/document") { api, request, _, _ in
            try await api.read { database, today in
                try database.documentReport(request.uri.queryParameters["symbol"].map(String.init) ?? "", asOf: today)
            }
        },
        Route(method: .get, path: "/api/reports/country") { api, request, _, _ in
            try await api.read { database, today in
                try database.countryReport(request.uri.queryParameters["actor"].map(String.init) ?? "", asOf: today)
            }
        },
        Route(method: .get, path: "/api/audit") { api, _, _, _ in
            try await api.read { database, today in
                try database.overdueAudit(ReportScope(), grouping: .recommendation, asOf: today)
            }
        },
    ]

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        let authenticated = group.add(middleware: BearerTokenAuthenticator(database: server.database))
        for route in Self.routes {
            // "/api/submissions/{id}/review" in OpenAPI is "submissions/:id/review" under the group.
            let path = route.path.dropFirst("/api/".count).replacingOccurrences(of: "{id}", with: ":id")
            authenticated.on(RouterPath(path), method: route.method) { request, context in
                try await route.handle(self, request, context, try context.requireIdentity())
            }
        }
    }

    /// Reads with the library on the thread pool for blocking work; the result as JSON.
    func read<T: Encodable & Sendable>(_ work: @escaping @Sendable (AppDatabase, CalendarDate) throws -> T)
        async throws -> Response
    {
        let database = server.database
        let today = server.options.clock.today()
        return try Self.ok(try await FollowUpServer.run { try work(database, today) })
    }

    static func ok(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        FollowUpServer.body(try JSONRenderer.render(value), type: "application/json", status: status)
    }

    struct RecommendationWithHistory: Encodable, Sendable {
        var detail: RecommendationDetail
        var history: [ProgressEntryInfo]
    }
}
