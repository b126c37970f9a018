import FollowUpKit

/// The server's own pages: small, server-rendered HTML that works without JavaScript; every value
/// from the database or the request goes through ``escape(_:)``.
enum Pages {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let style = """
        body{font:15px/1.45 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328}
        header{background:#0b3d91;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
        header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer;text-decoration:underline}
        header .who{margin-left:auto}
        main{max-width:72rem;margin:1rem auto;padding:0 1rem}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{background:#f6f8fa}.overdue{color:#cf222e;font-weight:600}.flash{background:#dafbe1;padding:.5rem 1rem;border-radius:4px}
        .error{background:#ffebe9;padding:.5rem 1rem;border-radius:4px}.text{white-space:pre-wrap;background:#f6f8fa;padding:.75rem;border-radius:4px}
        form.stack label{display:block;margin:.5rem 0 .2rem}form.stack input,form.stack select,form.stack textarea{width:100%;max-width:40rem;padding:.35rem;font:inherit}
        button.primary{background:#1a7f37;color:#fff;border:0;padding:.45rem 1rem;border-radius:4px;font:inherit;margin-top:.6rem}
        .inline{display:inline}
        """

    /// A whole page: the navigation for `session` (or none), an optional message, then `body`.
    static func page(
        _ title: String, session: SessionStore.Session?, flash: String? = nil, error: String? = nil, body: String
    ) -> String {
        var navigation = ""
        if let session {
            navigation = "<a href=\"/my\">My recommendations</a>"
            if session.account.role == .validator || session.account.role == .administrator {
                navigation += "<a href=\"/queue\">Review queue</a>"
            }
            navigation += "<a href=\"/reports\">Reports</a><a href=\"/search\">Search</a>"
            navigation +=
                "<span class=\"who\">\(escape(session.account.name)) (\(escape(session.account.role.words)))</span>"
                + "<form class=\"inline\" method=\"post\" action=\"/logout\">\(csrfField(session))"
                + "<button type=\"submit\">Log out</button></form>"
        }
        var messages = ""
        if let flash { messages += "<p class=\"flash\" role=\"status\">\(escape(flash))</p>" }
        if let error { messages += "<p class=\"error\" role=\"alert\">\(escape(error))</p>" }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) — FollowUp</title><style>\(style)</style></head>
            <body><header><strong>FollowUp</strong>\(navigation)</header>
            <main><h1>\(escape(title))</h1>\(messages)\(body)</main></body></html>
            """
    }

    static func csrfField(_ session: SessionStore.Session) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(session.csrf))\">"
    }

    static func login(error: String? = nil, name: String = "") -> String {
        page(
            "Log in", session: nil, error: error,
            body: """
                <form class="stack" method="post" action="/login">
                <label for="name">Name</label><input id="name" name="name" autocomplete="username" required value="\(escape(name))">
                <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <button class="primary" type="submit">Log in</button></form>
                """)
    }

    static func link(_ path: String, _ query: [(String, String)]) -> String {
        path + "?" + query.map { "\($0.0)=\(FormData.encode($0.1))" }.joined(separator: "&")
    }

    /// The recommendations binding the actors of the account: overdue first, then by due date.
    static func myRecommendations(
        _ session: SessionStore.Session, reports: [CountryReport], flash: String?
    ) -> String {
        var body = ""
        if reports.isEmpty {
            body += "<p>This account acts for no actor in particular: see <a href=\"/reports\">Reports</a>"
            if session.account.role == .administrator { body += " and the <a href=\"/queue\">review queue</a>" }
            body += ".</p>"
        }
        for report in reports {
            let asOf = report.asOf
            let rows = report.rows.sorted { a, b in
                let (ao, bo) = (a.isOverdue(on: asOf), b.isOverdue(on: asOf))
                if ao != bo { return ao }
                switch (a.dueDate, b.dueDate) {
                case (let x?, let y?) where x != y: return x < y
                case (.some, nil): return true
                case (nil, .some): return false
                default: return a.key < b.key
                }
            }
            body += "<h2>\(escape(report.actor.nameEn)) (\(escape(report.actor.code)))</h2>"
            body +=
                "<p>\(rows.count) recommendation\(rows.count == 1 ? "" : "s"); \(report.overdue) overdue.</p>"
            body +=
                "<table><thead><tr><th>Recommendation</th><th>Status</th><th>Due</th><th>Last update</th></tr></thead><tbody>"
            for row in rows {
                let overdue = row.isOverdue(on: asOf)
                let href = link("/rec", [("key", row.key), ("actor", report.actor.code)])
                body += "<tr><td><a href=\"\(escape(href))\">\(escape(row.key))</a>"
                if !row.through.isEmpty { body += " <small>as \(escape(row.through.joined(separator: ", ")))</small>" }
                body += "</td><td>\(escape(row.status?.words ?? "unreported"))</td>"
                body +=
                    "<td\(overdue ? " class=\"overdue\"" : "")>\(escape(row.dueDate?.description ?? "—"))\(overdue ? " (overdue)" : "")</td>"
                body += "<td>\(escape(row.lastUpdate?.description ?? "—"))</td></tr>"
            }
            body += "</tbody></table>"
        }
        return page("My recommendations", session: session, flash: flash, body: body)
    }

    /// One recommendation for one actor: its text, the accepted history, the submissions the
    /// account may see, and, for its focal point, the form to submit progress.
    static func recommendation(
        _ session: SessionStore.Session, detail: RecommendationDetail, actor: String, history: [ProgressEntryInfo],
        submissions: [SubmissionInfo], today: CalendarDate, flash: String?, error: String?
    ) -> String {
        let summary = detail.recommendation
        var body =
            "<p>\(escape(summary.document)) · \(escape(detail.documentTitle)) · \(escape(summary.classification.rawValue))"
        if let due = summary.dueDate { body += " · due \(escape(due.description))" }
        body += " · for \(escape(actor))</p><div class=\"text\">\(escape(summary.text))</div>"
        body += "<h2>Progress (accepted)</h2>"
        if history.isEmpty {
            body += "<p>No entry yet.</p>"
        } else {
            body +=
                "<table><thead><tr><th>#</th><th>As of</th><th>Status</th><th>Response</th><th>Evidence</th><th>Note</th></tr></thead><tbody>"
            for entry in history {
                body += "<tr><td>\(entry.id)</td><td>\(entry.asOf)</td><td>\(escape(entry.status?.words ?? "—"))</td>"
                body +=
                    "<td>\(escape(entry.response?.words ?? "—"))</td><td>\(escape(entry.evidence?.description ?? ""))</td>"
                body += "<td>\(escape(entry.note ?? ""))</td></tr>"
            }
            body += "</tbody></table>"
        }
        if !submissions.isEmpty {
            body +=
                "<h2>Submissions</h2><table><thead><tr><th>#</th><th>As of</th><th>Status</th><th>Note</th><th>By</th><th>Review</th></tr></thead><tbody>"
            for item in submissions {
                body +=
                    "<tr><td>\(item.id)</td><td>\(item.asOf)</td><td>\(escape(item.status?.words ?? item.response?.words ?? "—"))</td>"
                body += "<td>\(escape(item.note ?? ""))</td><td>\(escape(item.submittedBy))</td>"
                body += "<td>\(escape(Presentation.reviewWords(item)))</td></tr>"
            }
            body += "</tbody></table>"
        }
        if session.account.role == .focalPoint && session.account.actors.contains(actor) {
            let statuses = ImplementationStatus.allCases.map {
                "<option value=\"\($0.rawValue)\">\(escape($0.words))</option>"
            }
            let responses = FollowUpKit.Response.allCases.map {
                "<option value=\"\($0.rawValue)\">\(escape($0.words))</option>"
            }
            body += """
                <h2>Record progress</h2>
                <p>Your entry is submitted to a validator for \(escape(actor)); it appears in reports once accepted.</p>
                <form class="stack" method="post" action="/submit">\(csrfField(session))
                <input type="hidden" name="key" value="\(escape(summary.key))"><input type="hidden" name="actor" value="\(escape(actor))">
                <label for="status">Status</label><select id="status" name="status"><option value="">—</option>\(statuses.joined())</select>
                <label for="response">Response</label><select id="response" name="response"><option value="">—</option>\(responses.joined())</select>
                <label for="as_of">As of</label><input id="as_of" name="as_of" type="date" value="\(today)" max="\(today)">
                <label for="note">What was done</label><textarea id="note" name="note" rows="3"></textarea>
                <label for="evidence">Evidence (a link, or a document and paragraph such as A/76/64 ¶51)</label><input id="evidence" name="evidence">
                <button class="primary" type="submit">Submit for validation</button></form>
                """
        }
        return page(summary.key, session: session, flash: flash, error: error, body: body)
    }

    /// The validator's queue: each submission awaiting review, with accept and return forms.
    static func queue(_ session: SessionStore.Session, items: [SubmissionInfo], flash: String?, error: String?)
        -> String
    {
        var body = "<p>\(items.count) submission\(items.count == 1 ? "" : "s") awaiting review.</p>"
        for item in items {
            body += "<section><h2>#\(item.id) · \(escape(item.key)) · \(escape(item.actor))</h2>"
            body +=
                "<p>As of \(item.asOf): <strong>\(escape([item.status?.words, item.response?.words].compactMap { $0 }.joined(separator: "; ")))</strong>"
            body += " — submitted by \(escape(item.submittedBy)) at \(escape(item.submittedAt))</p>"
            if let note = item.note { body += "<div class=\"text\">\(escape(note))</div>" }
            if let evidence = item.evidence { body += "<p>Evidence: \(escape(evidence))</p>" }
            body += """
                <form class="inline" method="post" action="/review">\(csrfField(session))<input type="hidden" name="id" value="\(item.id)">
                <input type="hidden" name="decision" value="accepted"><button class="primary" type="submit">Accept #\(item.id)</button></form>
                <form class="stack" method="post" action="/review">\(csrfField(session))<input type="hidden" name="id" value="\(item.id)">
                <input type="hidden" name="decision" value="returned"><label for="comment-\(item.id)">Comment for the focal point</label>
                <input id="comment-\(item.id)" name="comment" required><button type="submit">Return #\(item.id)</button></form></section>
                """
        }
        return page("Review queue", session: session, flash: flash, error: error, body: body)
    }

    static func reports(_ session: SessionStore.Session, documents: [DocumentInfo]) -> String {
        var body = "<h2>Documents</h2><ul>"
        for document in documents {
            let href = link("/report/document", [("symbol", document.symbol)])
            body += "<li><a href=\"\(escape(href))\">\(escape(document.symbol))</a> — \(escape(document.title))"
            body +=
                " (<a href=\"\(escape(href + "&format=csv"))\">CSV</a>, <a href=\"\(escape(href + "&format=json"))\">JSON</a>)</li>"
        }
        body += """
            </ul><h2>Country summaries</h2><form method="get" action="/report/country">
            <label for="actor">Actor (code or name)</label> <input id="actor" name="actor" required> <button type="submit">Show</button></form>
            <h2>Audit</h2><p><a href="/audit">Everything overdue or silent</a> (<a href="/audit?format=csv">CSV</a>)</p>
            """
        return page("Reports", session: session, body: body)
    }

    static func search(_ session: SessionStore.Session, query: String, hits: [SearchHit]) -> String {
        var body = """
            <form method="get" action="/search"><label for="q">Words</label> <input id="q" name="q" value="\(escape(query))"> <button type="submit">Search</button></form>
            """
        if !query.isEmpty {
            body += "<p>\(hits.count) recommendation\(hits.count == 1 ? "" : "s").</p><ul>"
            for hit in hits {
                body += "<li><strong>\(escape(hit.key))</strong>: \(escape(hit.text))</li>"
            }
            body += "</ul>"
        }
        return page("Search", session: session, body: body)
    }

    static func problem(_ title: String, _ message: String, session: SessionStore.Session?) -> String {
        page(title, session: session, error: message, body: "<p><a href=\"/my\">Back</a></p>")
    }
}
