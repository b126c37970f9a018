import Foundation
import FollowUpKit
import FollowUpTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FollowUpServer

@Suite("JSON API")
struct APITests {
    @Test("/openapi.json is valid JSON and describes exactly the API routes the server has")
    func openAPIMatchesRoutes() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        let described = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPI.document.utf8)) as? [String: Any])
        #expect(described["openapi"] as? String == "3.1.0")
        let paths = try #require(described["paths"] as? [String: [String: Any]])
        var documented = Set<String>()
        for (path, operations) in paths {
            for (method, operation) in operations {
                documented.insert(method.uppercased() + " " + path)
                let responses = (operation as? [String: Any])?["responses"] as? [String: Any]
                #expect(responses?.isEmpty == false, "\(method) \(path) lists no responses")
            }
        }
        #expect(documented == Set(APIController.routes.map { "\($0.method.rawValue) \($0.path)" }))
        // Every operation listed answers (401 without a token), and a path not listed does not exist.
        try await server.buildApplication().test(.live) { client in
            for route in APIController.routes {
                let response = try await client.execute(
                    uri: route.path.replacingOccurrences(of: "{id}", with: "1"), method: route.method)
                #expect(response.status == .unauthorized, "\(route.method) \(route.path)")
            }
            #expect(try await client.execute(uri: "/api/nothing", method: .get).status == .notFound)
            let served = try await client.execute(uri: "/openapi.json", method: .get)
            #expect(String(buffer: served.body) == OpenAPI.document)
        }
    }

    @Test("a focal point's script submits with its token; another actor is 403 and writes nothing; a validator accepts")
    func tokens() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        let focal = try server.database.createToken(
            account: "amina", label: "script", createdAt: "2026-11-21T12:00:00Z")
        let validator = try server.database.createToken(
            account: "otieno", label: "script", createdAt: "2026-11-21T12:00:00Z")
        #expect(try server.database.account(forToken: focal)?.name == "amina")
        try await server.buildApplication().test(.live) { client in
            func call(_ method: HTTPRequest.Method, _ uri: String, token: String, json: String? = nil) async throws
                -> TestResponse
            {
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                headers[.contentType] = "application/json"
                return try await client.execute(
                    uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
            }
            #expect(
                try await call(.get, "/api/me", token: "fu_" + String(repeating: "0", count: 64)).status
                    == .unauthorized)
            let me = try await call(.get, "/api/me", token: focal)
            #expect(me.status == .ok)
            #expect(String(buffer: me.body).contains("\"focal-point\""))

            let before = try server.database.contentDump()
            let other = try await call(
                .post, "/api/submissions", token: focal,
                json: #"{"key": "TEST/1 ¶1", "actor": "ETH", "status": "implemented"}"#)
            #expect(other.status == .forbidden)
            #expect(String(buffer: other.body).contains("not allowed"))
            let malformed = try await call(.post, "/api/submissions", token: focal, json: #"{"key": 1}"#)
            #expect(malformed.status == .badRequest)
            #expect(try server.database.contentDump() == before)

            let created = try await call(
                .post, "/api/submissions", token: focal,
                json: #"{"key": "TEST/1 ¶1", "actor": "KEN", "status": "in-progress", "asOf": "2026-11-01"}"#)
            #expect(created.status == .created)
            #expect(
                try await call(.post, "/api/submissions/1/review", token: focal, json: #"{"decision": "accepted"}"#)
                    .status == .forbidden)
            let accepted = try await call(
                .post, "/api/submissions/1/review", token: validator, json: #"{"decision": "accepted"}"#)
            #expect(accepted.status == .ok)
            #expect(try server.database.history("TEST/1 ¶1").map(\.status) == [.inProgress])

            try server.database.revokeTokens(account: "amina", revokedAt: "2026-11-21T12:00:00Z")
            #expect(try await call(.get, "/api/me", token: focal).status == .unauthorized)
        }
    }
}
