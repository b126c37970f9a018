import Foundation
import FollowUpKit
import FollowUpTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FollowUpServer

#if canImport(Glibc)
    import Glibc
#endif

/// The server's findings of the second adversarial run (issue #23), numbered as the issue numbers
/// them, over a real socket on loopback, the concurrency ones with real parallel requests.
@Suite("Server findings (#23)")
struct ServerFindingsTests {
    typealias Browser = ServerTests.Browser

    @Test("2. the login limit holds under parallel guesses: the right password 21st of 40 does not get in")
    func parallelGuesses() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        try await server.buildApplication().test(.live) { client in
            let browsers = (0..<40).map { _ in Browser(client) }
            for browser in browsers { try await browser.get("/login") }
            /// The guesses of `browsers`, all at once; the one at `right` with the right password.
            func guess(_ indices: Range<Int>, right: Int? = nil) async throws -> [HTTPResponse.Status] {
                try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for index in indices {
                        let browser = browsers[index]
                        let password = index == right ? ServerTests.password : "wrong guess \(index)"
                        group.addTask {
                            try await browser.post(
                                "/login",
                                [("name", "otieno"), ("password", password), ("token", browser.loginToken ?? "")],
                                csrf: false
                            ).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
            // Twenty wrong guesses at once: only five are checked, the others refused unchecked.
            let first = try await guess(0..<20)
            #expect(first.filter { $0 != .tooManyRequests }.count == LoginLimiter.allowed, "\(first)")
            // Twenty more at once, the right password among them: none is checked, so it does not get in.
            let second = try await guess(20..<40, right: 20)
            #expect(second.allSatisfy { $0 == .tooManyRequests }, "\(second)")
        }
    }

    @Test("a success clears the name's failures, not the attempts still in flight")
    func successKeepsAttemptsInFlight() async {
        let limiter = LoginLimiter()
        for _ in 0..<LoginLimiter.allowed { #expect(await limiter.reserve("otieno")) }
        #expect(!(await limiter.reserve("otieno")))
        await limiter.settle("otieno", succeeded: true)
        // Four guesses are still being checked: one more may start, not five.
        #expect(await limiter.reserve("otieno"))
        #expect(!(await limiter.reserve("otieno")))
    }

    @Test("3. pending submissions beside a report: a reader and another actor's focal point see none")
    func pendingSubmissionsArePrivate() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        try await server.buildApplication().test(.live) { client in
            let amina = Browser(client)
            try await amina.logIn("amina")
            try await amina.get("/rec?key=\(Pages.encode(ServerTests.key))&actor=KEN")
            #expect(try await amina.post("/submit", ServerTests.submission("Kenya's draft plan")).status == .seeOther)
            for name in ["reader", "abebe"] {
                let other = Browser(client)
                try await other.logIn(name)
                for page in ["/report/document?symbol=TEST%2F1&submitted=1", "/report/country?actor=KEN&submitted=1"] {
                    let html = String(buffer: try await other.get(page).body)
                    #expect(!html.contains("draft plan") && !html.contains("amina"), "\(name) \(page)")
                }
            }
            let validator = Browser(client)
            try await validator.logIn("otieno")
            let own = String(buffer: try await validator.get("/report/country?actor=KEN&submitted=1").body)
            #expect(own.contains("draft plan"))
        }
    }

    @Test("6. logins with made-up names are not remembered without bound, and long names not at all")
    func loginMemoryIsBounded() async throws {
        let limiter = LoginLimiter()
        #expect(await limiter.reserve(String(repeating: "x", count: 100_000)) == false)
        #expect(await limiter.count == 0)
        for index in 0..<(LoginLimiter.capacity + 500) {
            let name = "made-up-\(index)"
            #expect(await limiter.reserve(name))
            await limiter.settle(name, succeeded: false)
        }
        #expect(await limiter.count <= LoginLimiter.capacity)
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        try await server.buildApplication().test(.live) { client in
            let browser = Browser(client)
            try await browser.get("/login")
            let long = try await browser.post(
                "/login",
                [
                    ("name", String(repeating: "n", count: 500_000)), ("password", "x"),
                    ("token", browser.loginToken ?? ""),
                ],
                csrf: false)
            #expect(long.status == .tooManyRequests || long.status == .unauthorized)
            #expect(await server.logins.count == 0)
            let huge = try await browser.post("/login", [("name", String(repeating: "n", count: 2 << 20))], csrf: false)
            #expect(huge.status == .contentTooLarge)
        }
    }

    @Test("14, 15. the API refuses unknown and repeated fields by name, in plain words, and a 413 in JSON")
    func strictAPI() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        let token = try server.database.createToken(
            account: "amina", label: "script", createdAt: "2026-11-21T12:00:00Z")
        try await server.buildApplication().test(.live) { client in
            func post(_ json: String, scheme: String = "Bearer") async throws -> TestResponse {
                var headers = HTTPFields()
                headers[.authorization] = "\(scheme) \(token)"
                headers[.contentType] = "application/json"
                return try await client.execute(
                    uri: "/api/submissions", method: .post, headers: headers, body: ByteBuffer(string: json))
            }
            let before = try server.database.contentDump()
            let misspelt = try await post(
                #"{"key": "TEST/1 ¶1", "actor": "KEN", "status": "planned", "as_of": "2026-01-01"}"#)
            #expect(misspelt.status == .badRequest)
            #expect(String(buffer: misspelt.body).contains("as_of: unknown field"))
            let twice = try await post(
                #"{"key": "TEST/1 ¶1", "actor": "KEN", "status": "planned", "status": "implemented"}"#)
            #expect(twice.status == .badRequest && String(buffer: twice.body).contains("given twice"))
            let missing = try await post(#"{"actor": "KEN"}"#)
            #expect(String(buffer: missing.body) == "{\n  \"error\" : \"request body: 'key' is missing\"\n}\n")
            let large = try await post("{\"note\": \"" + String(repeating: "a", count: 2 << 20) + "\"}")
            #expect(large.status == .contentTooLarge)
            #expect(String(buffer: large.body).contains("\"error\""))
            #expect(try server.database.contentDump() == before)
            let lower = try await post(#"{"key": "TEST/1 ¶1", "actor": "KEN", "status": "planned"}"#, scheme: "bearer")
            #expect(lower.status == .created)
        }
    }

    @Test("24. a silent connection, and one that stops halfway through its header, are closed")
    func idleConnectionsClose() async throws {
        let folder = TemporaryFolder()
        var options = try ServerTests.server(folder).options
        options.idleTimeout = .seconds(1)
        let server = try FollowUpServer(options: options)
        try await server.buildApplication().test(.live) { client in
            let port = try #require(client.port)
            for sent in ["", "GET /login HTTP/1.1\r\nHost: loc"] {
                let socket = try Self.connect(port: port)
                defer { close(socket) }
                _ = sent.withCString { send(socket, $0, strlen($0), 0) }
                // The server closes the connection (recv reads 0 bytes); were it left open, recv would
                // give up after 30 s with EAGAIN instead.
                var buffer = [UInt8](repeating: 0, count: 256)
                var timeout = timeval(tv_sec: 30, tv_usec: 0)
                setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                let received = recv(socket, &buffer, buffer.count, 0)
                #expect(received == 0, "the connection was not closed (recv gave \(received), errno \(errno))")
            }
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        return socket
    }

    @Test("25. login needs its form's token and this site's origin; sessions end with a new password or revoke")
    func loginAndSessions() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        try await server.buildApplication().test(.live) { client in
            let forged = Browser(client)
            let noToken = try await forged.post(
                "/login", [("name", "amina"), ("password", ServerTests.password)], csrf: false)
            #expect(noToken.status == .forbidden)
            try await forged.get("/login")
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.origin] = "https://evil.example"
            headers[.cookie] = forged.cookie ?? ""
            let crossSite = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: ByteBuffer(
                    string: "name=amina&password=\(Pages.encode(ServerTests.password))&token=\(forged.loginToken ?? "")"
                ))
            #expect(crossSite.status == .forbidden)

            for change in ["password", "revoke"] {
                let amina = Browser(client)
                try await amina.logIn("amina")
                #expect(try await amina.get("/my").status == .ok)
                if change == "password" {
                    try server.database.setPassword(name: "amina", password: ServerTests.password, cost: 4)
                } else {
                    try server.database.revokeTokens(account: "amina", revokedAt: "2026-11-21T12:00:00Z")
                }
                let after = try await amina.get("/my")
                #expect(after.status == .seeOther && after.headers[.location] == "/login", "\(change)")
            }
        }
    }

    @Test("25. no page shows a message from its address, every response carries the headers, footers omit the file")
    func hygiene() async throws {
        let folder = TemporaryFolder()
        let server = try ServerTests.server(folder)
        try await server.buildApplication().test(.live) { client in
            let amina = Browser(client)
            try await amina.logIn("amina")
            let my = String(buffer: try await amina.get("/my?flash=Your+account+is+suspended").body)
            #expect(!my.contains("suspended"))
            try await amina.get("/rec?key=\(Pages.encode(ServerTests.key))&actor=KEN")
            let redirect = try await amina.post("/submit", ServerTests.submission())
            #expect(redirect.status == .seeOther)
            let report = try await amina.get("/report/country?actor=KEN")
            for response in [redirect, report, try await client.execute(uri: "/nothing", method: .get)] {
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(
                    response.headers[.contentSecurityPolicy]
                        == SecurityHeadersMiddleware<AppRequestContext>.contentSecurityPolicy)
            }
            #expect(!String(buffer: report.body).contains("followup.sqlite"))
            let documented = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("docs/server.md"), encoding: .utf8)
            #expect(documented.contains(SecurityHeadersMiddleware<AppRequestContext>.contentSecurityPolicy))
            // The message after the redirect is the session's, shown once.
            let shown = String(buffer: try await amina.get("/rec?key=\(Pages.encode(ServerTests.key))&actor=KEN").body)
            #expect(shown.contains("Submitted as #1"))
            let again = String(buffer: try await amina.get("/rec?key=\(Pages.encode(ServerTests.key))&actor=KEN").body)
            #expect(!again.contains("Submitted as #1"))
        }
    }
}
