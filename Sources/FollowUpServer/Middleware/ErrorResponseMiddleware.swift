import FollowUpKit
import Hummingbird
import NIOCore

/// Turns what a route throws into the response its caller reads: for the JSON API (`/api/…`)
/// `{"error": "…"}` with the status, for pages the problem page in the page's language. A
/// `FollowUpError` keeps its message; Hummingbird's own errors (413 for a body over the limit,
/// 404) are worded here; anything else is a 500 that says nothing of the server's insides.
struct ErrorResponseMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as FollowUpError {
            return Self.response(error.message, status: FollowUpServer.status(for: error), request, context)
        } catch is NIOTooManyBytesError {
            return Self.response(
                "the request body is larger than this server accepts (1 MB, 16 MB for an upload)",
                status: .contentTooLarge, request, context)
        } catch let error as HTTPError {
            let message: String =
                switch error.status {
                case _ where error.body != nil: error.body ?? ""
                case .contentTooLarge: "the request body is larger than this server accepts (1 MB, 16 MB for an upload)"
                case .notFound: "there is no such page"
                case .methodNotAllowed: "this address does not take that method"
                case .unauthorized: "give a valid token: Authorization: Bearer fu_…"
                default: error.status.reasonPhrase
                }
            return Self.response(message, status: error.status, request, context)
        } catch {
            context.logger.error("unexpected error: \(error)")
            return Self.response("an internal error; it is logged", status: .internalServerError, request, context)
        }
    }

    static func response(_ message: String, status: HTTPResponse.Status, _ request: Request, _ context: Context)
        -> Response
    {
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/openapi.json" {
            return FollowUpServer.json(["error": message], status: status)
        }
        let language = FollowUpServer.language(request)
        let title = status == .forbidden ? "Not allowed" : "Could not do that"
        return FollowUpServer.html(
            Pages.problem(title, message, session: context.signedIn, language: language), status: status)
    }
}
