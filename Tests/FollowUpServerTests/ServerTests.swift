import Foundation
import FollowUpKit
import FollowUpTestSupport
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FollowUpServer

/// The web application over a real socket on loopback (HummingbirdTesting's live mode): log in,
/// submit, review, read; every write route refused without a session, without the form's CSRF
/// token, or for another actor, with nothing written.
@Suite("Web server")
struct ServerTests {
    static let password = "correct horse battery"
    static let key = "TEST/1 ¶1"

    /// A database file with one recommendation to Member States and five accounts.
    static func server(_ folder: TemporaryFolder) throws -> FollowUpServer {
        let path = folder.file("followup.sqlite")
        let database = try AppDatabase.open(path: path, access: .create)
        try database.migrate()
        try database.loadReferenceData(TestDatabase.reference)
        try database.addDocument(
            DocumentDraft(
                symbol: "TEST/1", title: "Test", body: "ECOSOC", date: CalendarDate("2020-06-12")!, language: .en))
        try database.addRecommendation(
            RecommendationDraft(
                document: "TEST/1", path: "¶1", text: "Encourages Member States to collect data;",
                addressees: [("MEMBER-STATES", "Member States")]))
        for (name, role, actors) in [
            ("amina", AccountRole.focalPoint, ["KEN"]), ("otieno", .validator, ["KEN"]),
            ("abebe", .focalPoint, ["ETH"]),
            ("reader", .reader, []),
        ] {
            try database.addAccount(
                name: name, role: role, actors: actors, password: password, createdAt: "2026-11-21T12:00:00Z", cost: 4)
        }
        return try FollowUpServer(options: .init(databasePath: path, port: 0, clock: testClock))
    }

    /// A browser: keeps its cookies, reads the form tokens from the last page.
    final class Browser: @unchecked Sendable {
        let client: any TestClientProtocol
        var cookies: [String: String] = [:]
        var csrf: String?
        var loginToken: String?

        init(_ client: any TestClientProtocol) { self.client = client }

        var cookie: String? {
            cookies.isEmpty ? nil : cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        }

        func keep(_ response: TestResponse) {
            for set in response.headers[values: .setCookie] {
                guard let pair = set.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else {
                    continue
                }
                let name = String(pair[..<equals])
                let value = String(pair[pair.index(after: equals)...])
                cookies[name] = value.isEmpty ? nil : value
            }
        }

        @discardableResult
        func get(_ uri: String) async throws -> TestResponse {
            var headers = HTTPFields()
            if let cookie { headers[.cookie] = cookie }
            let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
            keep(response)
            let body = String(buffer: response.body)
            for (field, assign) in [
                ("csrf", { (value: String) in self.csrf = value }), ("token", { self.loginToken = $0 }),
            ] {
                if let range = body.range(of: "name=\"\(field)\" value=\"([0-9a-f]+)\"", options: .regularExpression) {
                    assign(String(body[range].dropFirst(field.count + 15).dropLast()))
                }
            }
            return response
        }

        @discardableResult
        func post(_ uri: String, _ fields: [(String, String)], csrf send: Bool = true) async throws -> TestResponse {
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            if let cookie { headers[.cookie] = cookie }
            var all = fields
            if send, let csrf { all.append(("csrf", csrf)) }
            let body = all.map { "\($0.0)=\(Pages.encode($0.1))" }.joined(separator: "&")
            let response = try await client.execute(
                uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
            keep(response)
            return response
        }

        /// Opens the login page and signs in with its form.
        @discardableResult
        func signIn(_ name: String, password: String = ServerTests.password) async throws -> TestResponse {
            try await get("/login")
            return try await post(
                "/login", [("name", name), ("password", password), ("token", loginToken ?? "")], csrf: false)
        }

        func logIn(_ name: String) async throws {
            let response = try await signIn(name)
            #expect(response.status == .seeOther)
            try await get("/my")
        }
    }

    static func submission(_ note: String = "plan adopted", actor: String = "KEN") -> [(String, String)] {
        [("key", key), ("actor", actor), ("status", "in-progress"), ("asOf", "2026-11-01"), ("note", note)]
    }

    @Test("a focal point submits in the browser, a validator accepts, the report shows it; HTML is escaped")
    func submitReviewReport() async throws {
        let folder = TemporaryFolder()
        let server = try Self.server(folder)
        try await server.buildApplication().test(.live) { client in
            let focal = Browser(client)
            try await focal.logIn("amina")
            let my = String(buffer: try await focal.get("/my").body)
            #expect(my.contains("TEST/1 ¶1"))
            let search = String(buffer: try await focal.get("/search?q=collect").body)
            #expect(search.contains("1 recommendation contains ‘collect’, best first."))
            #expect(search.contains("Encourages Member States to collect data;"))
            try await focal.get("/rec?key=\(Pages.encode(Self.key))&actor=KEN")
            let submitted = try await focal.post("/submit", Self.submission("<script>alert('x')</script>"))
            #expect(submitted.status == .seeOther)
            #expect(try server.database.history(Self.key).isEmpty)

            let validator = Browser(client)
            try await validator.logIn("otieno")
            // Reports show accepted entries; asked, they list the submitted ones apart, marked.
            let plain = String(buffer: try await validator.get("/report/document?symbol=TEST%2F1").body)
            #expect(!plain.contains("awaiting validation"))
            let marked = String(buffer: try await validator.get("/report/document?symbol=TEST%2F1&submitted=1").body)
            #expect(marked.contains("Submitted, awaiting validation"))
            #expect(marked.contains("in progress (submitted)"))
            let queue = String(buffer: try await validator.get("/queue").body)
            #expect(queue.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(!queue.contains("<script>"))
            let reviewed = try await validator.post("/review", [("id", "1"), ("decision", "accepted")])
            #expect(reviewed.status == .seeOther)
            #expect(try server.database.history(Self.key).map(\.status) == [.inProgress])

            let report = String(buffer: try await validator.get("/report/document?symbol=TEST%2F1").body)
            #expect(report.contains("in progress"))
            #expect(!report.contains("<script>alert"))
            let csv = try await validator.get("/report/document?symbol=TEST%2F1&format=csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
        }
    }

    @Test("the pages in the six official languages: chosen, remembered, Arabic right to left, names from M49")
    func sixLanguages() async throws {
        let folder = TemporaryFolder()
        let server = try Self.server(folder)
        try await server.buildApplication().test(.live) { client in
            let focal = Browser(client)
            try await focal.logIn("amina")
            let arabic = String(buffer: try await focal.get("/my?lang=ar").body)
            #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(arabic.contains("<h2>كينيا (KEN)</h2>"))
            // Every other language is offered, each named in itself.
            for name in ["中文", "English", "Français", "Русский", "Español"] { #expect(arabic.contains(">\(name)</a>")) }
            #expect(!arabic.contains(">العربية</a>"))
            // Remembered in a cookie for the next page.
            let next = String(buffer: try await focal.get("/my").body)
            #expect(next.contains("dir=\"rtl\""))
            let russian = String(buffer: try await focal.get("/report/country?actor=KEN&lang=ru").body)
            #expect(russian.contains("<html lang=\"ru\">") && russian.contains("Кения"))
            let unknown = String(buffer: try await focal.get("/my?lang=xx").body)
            #expect(unknown.contains("<html lang=\"en\">"))
        }
    }

    @Test("without a session, with a wrong or missing CSRF token, or for another actor: refused, nothing written")
    func writesAreGuarded() async throws {
        let folder = TemporaryFolder()
        let server = try Self.server(folder)
        try await server.buildApplication().test(.live) { client in
            let before = try server.database.contentDump()
            let stranger = Browser(client)
            #expect(try await stranger.post("/submit", Self.submission(), csrf: false).status == .unauthorized)
            #expect(
                try await stranger.post("/review", [("id", "1"), ("decision", "accepted")]).status == .unauthorized)
            #expect(try await stranger.get("/my").status == .seeOther)

            let focal = Browser(client)
            try await focal.logIn("amina")
            #expect(try await focal.post("/submit", Self.submission(), csrf: false).status == .forbidden)
            focal.csrf = String(repeating: "0", count: 64)
            #expect(try await focal.post("/submit", Self.submission()).status == .forbidden)
            try await focal.get("/my")
            #expect(try await focal.post("/submit", Self.submission(actor: "ETH")).status == .forbidden)
            // A focal point does not review; a reader writes nothing.
            #expect(try await focal.post("/review", [("id", "1"), ("decision", "accepted")]).status != .seeOther)
            let reader = Browser(client)
            try await reader.logIn("reader")
            #expect(try await reader.post("/submit", Self.submission()).status == .forbidden)
            #expect(try server.database.contentDump() == before)
        }
    }

    @Test("a focal point sees only its own actor's submissions; logins are rate-limited per name")
    func privacyAndRateLimit() async throws {
        let folder = TemporaryFolder()
        let server = try Self.server(folder)
        try await server.buildApplication().test(.live) { client in
            let amina = Browser(client)
            try await amina.logIn("amina")
            try await amina.post("/submit", Self.submission("Kenya's draft"))
            let abebe = Browser(client)
            try await abebe.logIn("abebe")
            let page = String(buffer: try await abebe.get("/rec?key=\(Pages.encode(Self.key))&actor=KEN").body)
            #expect(!page.contains("Kenya's draft") && !page.contains("Kenya&#39;s draft"))
            #expect(!page.contains("Record progress"))

            let guesser = Browser(client)
            for _ in 0..<LoginLimiter.allowed {
                let wrong = try await guesser.signIn("otieno", password: "guess guess")
                #expect(wrong.status == .unauthorized)
            }
            let limited = try await guesser.signIn("otieno")
            #expect(limited.status == .tooManyRequests)
        }
    }

    @Test("a questionnaire downloaded, filled in and uploaded becomes submissions; a bad one is listed by line")
    func questionnaireUpload() async throws {
        let folder = TemporaryFolder()
        let server = try Self.server(folder)
        try await server.buildApplication().test(.live) { client in
            let focal = Browser(client)
            try await focal.logIn("amina")
            try await focal.get("/questionnaire")
            let download = try await focal.get("/questionnaire.csv?actor=KEN")
            #expect(download.headers[.contentDisposition]?.contains("KEN-questionnaire-2026-11-21.csv") == true)
            let csv = String(buffer: download.body)
            var lines = csv.split(separator: "\r\n").map(String.init)
            #expect(lines.count == 2)  // the header and TEST/1 ¶1
            func upload(_ text: String, csrf: String?) async throws -> TestResponse {
                let boundary = "----followup-test"
                var body = ""
                if let csrf {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
                }
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q.csv\"\r\n"
                body += "Content-Type: text/csv\r\n\r\n\(text)\r\n--\(boundary)--\r\n"
                var headers = HTTPFields()
                headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                headers[.cookie] = focal.cookie ?? ""
                return try await client.execute(
                    uri: "/questionnaire", method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            let before = try server.database.contentDump()
            lines[1] = String(lines[1].dropLast(4)) + "finished,,,,"
            let bad = try await upload(lines.joined(separator: "\r\n"), csrf: focal.csrf)
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("line 2: status: unknown status &#39;finished&#39;"))
            #expect(try await upload(lines.joined(separator: "\r\n"), csrf: nil).status == .forbidden)
            #expect(try server.database.contentDump() == before)
            lines[1] = String(lines[1].dropLast(12)) + "in progress,,2026-11-01,plan adopted,"
            let good = try await upload(lines.joined(separator: "\r\n"), csrf: focal.csrf)
            #expect(good.status == .seeOther)
            let pending = try server.database.submissions(visibleTo: "otieno", pendingOnly: true)
            #expect(pending.map(\.note) == ["plan adopted"])
        }
    }

    /// Every route that writes, with a body that would succeed for amina or otieno.
    static let writeRoutes: [(path: String, fields: [(String, String)])] = [
        ("/submit", submission()), ("/review", [("id", "1"), ("decision", "accepted")]), ("/logout", []),
    ]

    @Test("every write route: 401 without a session, 403 without the CSRF token; markup in every field escaped")
    func everyWriteRouteAndField() async throws {
        let folder = TemporaryFolder()
        let server = try Self.server(folder)
        try await server.buildApplication().test(.live) { client in
            let before = try server.database.contentDump()
            let stranger = Browser(client)
            for route in Self.writeRoutes + [("/questionnaire", [])] {
                #expect(
                    try await stranger.post(route.path, route.fields, csrf: false).status == .unauthorized,
                    "\(route.path)")
            }
            let focal = Browser(client)
            try await focal.logIn("amina")
            for route in Self.writeRoutes + [("/questionnaire", [])] {
                #expect(
                    try await focal.post(route.path, route.fields, csrf: false).status == .forbidden, "\(route.path)")
            }
            #expect(try server.database.contentDump() == before)

            let markup = "<img src=x onerror=alert(1)>"
            try await focal.get("/my")
            let submitted = try await focal.post(
                "/submit",
                [("key", Self.key), ("actor", "KEN"), ("status", "planned"), ("note", markup), ("evidence", markup)])
            #expect(submitted.status == .seeOther)
            let validator = Browser(client)
            try await validator.logIn("otieno")
            try await validator.post("/review", [("id", "1"), ("decision", "returned"), ("comment", markup)])
            for (browser, page) in [
                (validator, "/queue"), (focal, "/rec?key=\(Pages.encode(Self.key))&actor=KEN"),
                (focal, "/search?q=\(Pages.encode(markup))"), (focal, "/report/country?actor=KEN&submitted=1"),
            ] {
                let html = String(buffer: try await browser.get(page).body)
                #expect(!html.contains("<img"), "\(page)")
            }
            let page = String(buffer: try await focal.get("/rec?key=\(Pages.encode(Self.key))&actor=KEN").body)
            #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        }
    }
}
