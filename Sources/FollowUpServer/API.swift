import Foundation
import FollowUpKit
import Hummingbird

/// The JSON API: the same operations as the pages, for scripts. Authenticated by a token
/// (`followup users token NAME`) in `Authorization: Bearer …`; no cookie, so no CSRF token.
/// Described by ``OpenAPI/document`` at `/openapi.json`.
extension FollowUpServer {
    /// What `POST /api/submissions` reads.
    struct SubmissionRequest: Decodable {
        var key: String
        var actor: String
        var status: String?
        var response: String?
        var asOf: String?
        var note: String?
        var evidence: String?
        var supersedes: Int64?
    }

    /// What `POST /api/submissions/{id}/review` reads.
    struct ReviewRequest: Decodable {
        var decision: String
        var comment: String?
    }

    func addAPI(to router: Router<BasicRequestContext>) {
        router.get("/openapi.json") { _, _ in Self.body(OpenAPI.document, type: "application/json") }
        router.get("/api/me") { request, _ in
            try await api(request) { account, _ in try JSONRenderer.render(account) }
        }
        router.get("/api/recommendations") { request, _ in
            try await api(request) { _, query in
                try JSONRenderer.render(try database.countryReport(query["actor"] ?? "", asOf: options.clock.today()))
            }
        }
        router.get("/api/recommendation") { request, _ in
            try await api(request) { _, query in
                let key = query["key"] ?? ""
                let detail = try database.recommendationDetail(key, asOf: options.clock.today())
                return try JSONRenderer.render(
                    RecommendationWithHistory(detail: detail, history: try database.history(key)))
            }
        }
        router.get("/api/submissions") { request, _ in
            try await api(request) { account, query in
                try JSONRenderer.render(
                    try database.submissions(visibleTo: account.name, pendingOnly: query["pending"] != "false"))
            }
        }
        router.post("/api/submissions") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            return try await api(request, status: .created) { account, _ in
                let given = try Self.decode(SubmissionRequest.self, body)
                let update = try Self.update([
                    "key": given.key, "actor": given.actor, "status": given.status ?? "",
                    "response": given.response ?? "",
                    "as_of": given.asOf ?? "", "note": given.note ?? "", "evidence": given.evidence ?? "",
                ])
                var withCorrection = update
                withCorrection.supersedes = given.supersedes
                return try JSONRenderer.render(
                    try database.submitProgress(
                        withCorrection, account: account.name, clock: options.clock, uid: Self.uid()))
            }
        }
        router.post("/api/submissions/:id/review") { request, context in
            let body = try await request.body.collect(upTo: 1 << 20)
            let id = context.parameters.get("id", as: Int64.self)
            return try await api(request) { account, _ in
                guard let id else {
                    throw FollowUpError.invalidArgument(field: "id", reason: "give a submission number")
                }
                let given = try Self.decode(ReviewRequest.self, body)
                let decision = try ReviewDecision.parse(given.decision)
                return try JSONRenderer.render(
                    try database.reviewSubmission(
                        id, decision: decision, comment: given.comment, account: account.name, clock: options.clock,
                        uid: Self.uid()))
            }
        }
        router.get("/api/reports/document") { request, _ in
            try await api(request) { _, query in
                try JSONRenderer.render(try database.documentReport(query["symbol"] ?? "", asOf: options.clock.today()))
            }
        }
        router.get("/api/reports/country") { request, _ in
            try await api(request) { _, query in
                try JSONRenderer.render(try database.countryReport(query["actor"] ?? "", asOf: options.clock.today()))
            }
        }
        router.get("/api/audit") { request, _ in
            try await api(request) { _, _ in
                try JSONRenderer.render(
                    try database.overdueAudit(ReportScope(), grouping: .recommendation, asOf: options.clock.today()))
            }
        }
    }

    struct RecommendationWithHistory: Encodable {
        var detail: RecommendationDetail
        var history: [ProgressEntryInfo]
    }

    /// An API call: the bearer token's account, then `body` off the cooperative threads; errors as
    /// `{"error": "…"}` with the matching status.
    func api(
        _ request: Request, status: HTTPResponse.Status = .ok,
        _ body: @escaping @Sendable (AccountInfo, [String: String]) throws -> String
    ) async throws -> Response {
        let query = FormData.parse(Substring(request.uri.query ?? ""))
        let header = request.headers[.authorization] ?? ""
        let token = header.hasPrefix("Bearer ") ? String(header.dropFirst(7)) : ""
        let database = self.database
        return try await Self.offload {
            do {
                guard let account = try database.account(forToken: token) else {
                    return Self.json(["error": "give a valid token: Authorization: Bearer fu_…"], status: .unauthorized)
                }
                return Self.body(try body(account, query), type: "application/json", status: status)
            } catch let error as FollowUpError {
                return Self.json(["error": error.message], status: Self.status(for: error))
            }
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ body: ByteBuffer) throws(FollowUpError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: body))
        } catch {
            throw .invalidInput(
                source: "request body", line: nil, field: nil, reason: "not the JSON expected: \(error)")
        }
    }

    static func json(_ value: [String: String], status: HTTPResponse.Status) -> Response {
        body((try? JSONRenderer.render(value)) ?? "{}", type: "application/json", status: status)
    }
}
