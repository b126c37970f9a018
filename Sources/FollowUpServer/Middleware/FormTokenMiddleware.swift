import Foundation
import FollowUpKit
import Hummingbird

/// Guards every form post of a signed-in person against cross-site requests, before anything is
/// read or written: the request needs a live session (else 401) and must carry the session's
/// token in its `csrf` field (else 403); a browser's `Origin`, when sent, must be this site's.
/// The body is read once here and kept for the route to decode.
struct FormTokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        guard let signedIn = context.signedIn else {
            throw HTTPError(.unauthorized, message: "your session has ended: log in again")
        }
        try Self.requireSameOrigin(request)
        var request = request
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let limit =
            contentType.hasPrefix("multipart/form-data") ? StrictRequestDecoder.uploadLimit : StrictRequestDecoder.limit
        let body = try await request.collectBody(upTo: limit)
        let sent: String?
        if contentType.hasPrefix("application/x-www-form-urlencoded") {
            // One field of the form, read without decoding the whole form a second time.
            sent = Self.field("csrf", ofForm: String(buffer: body))
        } else {
            sent = (try? StrictRequestDecoder.decode(FormToken.self, body: body, contentType: contentType))?.csrf
        }
        guard let sent, FollowUpServer.same(sent, signedIn.csrf) else {
            throw FollowUpError.forbidden("the form is stale or did not come from this site: reload the page")
        }
        return try await next(request, context)
    }

    /// The value of field `name` of a URL-encoded form; `nil` when it is missing or given twice.
    static func field(_ name: String, ofForm form: String) -> String? {
        // Decoded only when encoded: Foundation's decoding costs more than the rest of the route.
        func decoded(_ text: Substring) -> String? {
            guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
                return String(text)
            }
            return text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        var found: String?
        for pair in form.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decoded(parts[0]) == name else { continue }
            guard found == nil else { return nil }
            found = parts.count > 1 ? decoded(parts[1]) ?? "" : ""
        }
        return found
    }

    /// Refuses a request whose `Origin` header names another site than its `Host`.
    static func requireSameOrigin(_ request: Request) throws(FollowUpError) {
        guard let origin = request.headers[.origin] else { return }
        let host = request.head.authority ?? ""
        // "scheme://host[:port]": the part after the scheme's two slashes.
        let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(
            String.init)
        guard let originHost, originHost == host else {
            throw .forbidden(
                "the form was sent from another site (\(FieldText.excerpt(origin))): use this site's own pages")
        }
    }
}
