import HTTPTypes
import Hummingbird

/// Sets the headers every response carries, redirects and errors included: a content security
/// policy that allows the pages' own inline style and nothing else (no script, no frame, forms to
/// this site only), `nosniff`, `no-store` (pages hold personal data), and no framing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The policy, as docs/server.md states it.
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
