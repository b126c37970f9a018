import Foundation
import FollowUpKit

/// The server's own pages: small, server-rendered HTML that works without JavaScript; every value
/// from the database or the request goes through ``escape(_:)``.
enum Pages {
    /// The pages' own words in Chinese; English is the key. Recommendation texts and notes stay as
    /// written; statuses and reports use the library's labels.
    static let chinese: [String: String] = [
        "My recommendations": "我的建议", "Review queue": "审核队列", "Reports": "报告", "Search": "检索",
        "Log out": "退出", "Log in": "登录", "Name": "用户名", "Password": "密码", "Recommendation": "建议",
        "Status": "状态", "Due": "截止日期", "Last update": "最近更新", "overdue": "逾期",
        "Progress (accepted)": "进展（已核准）", "No entry yet.": "尚无记录。", "As of": "截至",
        "Response": "回应", "Evidence": "证据", "Note": "说明", "Submissions": "提交记录", "By": "提交人",
        "Review": "审核", "Record progress": "记录进展",
        "What was done": "已采取的行动",
        "Evidence (a link, or a document and paragraph such as A/76/64 ¶51)": "证据（链接，或文件和段落，如 A/76/64 ¶51）",
        "Submit for validation": "提交审核", "Accept": "核准", "Return": "退回",
        "Comment for the focal point": "给联络人的意见", "Documents": "文件", "Country summaries": "国家摘要",
        "Actor (code or name)": "行为方（代码或名称）", "Show": "显示", "Audit": "审计",
        "Everything overdue or silent": "全部逾期和未报告事项", "Words": "检索词", "Back": "返回",
        "unreported": "未报告", "wrong name or password": "用户名或密码错误",
        "submitted by": "提交人", "at": "时间",
        "Your entry is submitted to a validator for": "您的记录将提交给审核人，行为方：",
        "it appears in reports once accepted.": "核准后即显示在报告中。",
        "This account acts for no actor in particular: see": "本账户不代表特定行为方：请查看",
        "awaiting review": "待审核", "English": "English", "中文": "中文",
        "with submitted entries": "含待审核的提交", "Questionnaire": "问卷", "Upload": "上传",
        "Nothing was submitted:": "未提交任何内容：", "Filled-in questionnaire (CSV)": "已填写的问卷（CSV）",
        "Download the questionnaire, fill in status, response, as_of, note and evidence on the rows you have news on, and upload it: each answered row is submitted for validation.":
            "下载问卷，在有新进展的行中填写 status、response、as_of、note 和 evidence，然后上传：每个已填写的行都将提交审核。", "administrator": "管理员",
        "focal point": "联络人", "validator": "审核人",
        "reader": "读者",
    ]

    static func w(_ english: String, _ language: Language) -> String {
        language == .zh ? chinese[english] ?? english : english
    }

    /// HTML-escaped text, display-safe (the reports' own escaping).
    static func escape(_ text: String) -> String { HTMLRenderer.escape(text) }

    static let style = """
        body{font:15px/1.45 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;color:#1f2328}
        header{background:#0b3d91;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
        header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer;text-decoration:underline}
        header .who{margin-inline-start:auto}.languages{display:inline-flex;gap:.6rem}
        [dir=rtl] p,[dir=rtl] td,[dir=rtl] th,[dir=rtl] li{unicode-bidi:plaintext}
        main{max-width:72rem;margin:1rem auto;padding:0 1rem}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:start;vertical-align:top}
        th{background:#f6f8fa}.overdue{color:#cf222e;font-weight:600}.flash{background:#dafbe1;padding:.5rem 1rem;border-radius:4px}
        .error{background:#ffebe9;padding:.5rem 1rem;border-radius:4px}.text{white-space:pre-wrap;background:#f6f8fa;padding:.75rem;border-radius:4px}
        form.stack label{display:block;margin:.5rem 0 .2rem}form.stack input,form.stack select,form.stack textarea{width:100%;max-width:40rem;padding:.35rem;font:inherit}
        button.primary{background:#1a7f37;color:#fff;border:0;padding:.45rem 1rem;border-radius:4px;font:inherit;margin-top:.6rem}
        .inline{display:inline}
        """

    /// A whole page: the navigation for `session` (or none), an optional message, then `body`.
    static func page(
        _ title: String, session: SignedIn?, language: Language, flash: String? = nil,
        error: String? = nil, body: String
    ) -> String {
        var navigation = ""
        if let session {
            navigation = "<a href=\"/my\">\(escape(w("My recommendations", language)))</a>"
            if session.account.role == .validator || session.account.role == .administrator {
                navigation += "<a href=\"/queue\">\(escape(w("Review queue", language)))</a>"
            }
            if session.account.role == .focalPoint {
                navigation += "<a href=\"/questionnaire\">\(escape(w("Questionnaire", language)))</a>"
            }
            navigation += "<a href=\"/reports\">\(escape(w("Reports", language)))</a>"
            navigation += "<a href=\"/search\">\(escape(w("Search", language)))</a>"
            navigation +=
                "<span class=\"who\">\(escape(session.account.name)) (\(escape(w(session.account.role.words, language))))</span>"
                + "<form class=\"inline\" method=\"post\" action=\"/logout\">\(csrfField(session))"
                + "<button type=\"submit\">\(escape(w("Log out", language)))</button></form>"
        }
        // The six official languages, each named in itself; the page's own is not a link.
        let languages: [(Language, String)] = [
            (.ar, "العربية"), (.zh, "中文"), (.en, "English"), (.fr, "Français"), (.ru, "Русский"), (.es, "Español"),
        ]
        navigation += "<span class=\"languages\(session == nil ? " who" : "")\">"
        for (other, name) in languages where other != language {
            navigation +=
                "<a href=\"\(session == nil ? "/login" : "/my")?lang=\(other.rawValue)\" lang=\"\(other.rawValue)\">\(name)</a>"
        }
        navigation += "</span>"
        var messages = ""
        if let flash { messages += "<p class=\"flash\" role=\"status\">\(escape(flash))</p>" }
        if let error { messages += "<p class=\"error\" role=\"alert\">\(escape(error))</p>" }
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-Hans" : language.rawValue)"\(language == .ar ? " dir=\"rtl\"" : "")><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) — FollowUp</title><style>\(style)</style></head>
            <body><header><strong>FollowUp</strong>\(navigation)</header>
            <main><h1>\(escape(title))</h1>\(messages)\(body)</main></body></html>
            """
    }

    static func csrfField(_ session: SignedIn) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(session.csrf))\">"
    }

    /// The login form; `token` is also in the form's cookie (``LoginController``).
    static func login(language: Language, token: String, error: String? = nil, name: String = "") -> String {
        page(
            w("Log in", language), session: nil, language: language, error: error.map { w($0, language) },
            body: """
                <form class="stack" method="post" action="/login"><input type="hidden" name="token" value="\(escape(token))">
                <label for="name">\(escape(w("Name", language)))</label><input id="name" name="name" autocomplete="username" required value="\(escape(name))">
                <label for="password">\(escape(w("Password", language)))</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                <button class="primary" type="submit">\(escape(w("Log in", language)))</button></form>
                """)
    }

    static func link(_ path: String, _ query: [(String, String)]) -> String {
        path + "?" + query.map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    /// `text` for a query string: everything but unreserved characters percent-encoded as UTF-8.
    static func encode(_ text: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The recommendations binding the actors of the account: overdue first, then by due date.
    static func myRecommendations(
        _ session: SignedIn, reports: [CountryReport], actors: ActorDirectory, language: Language,
        flash: String?
    ) -> String {
        var body = ""
        if reports.isEmpty {
            body += "<p>\(escape(w("This account acts for no actor in particular: see", language))) "
            body += "<a href=\"/reports\">\(escape(w("Reports", language)))</a>"
            if session.account.role == .administrator {
                body += ", <a href=\"/queue\">\(escape(w("Review queue", language)))</a>"
            }
            body += ".</p>"
        }
        for report in reports {
            let asOf = report.asOf
            let rows = report.rows.sorted(by: AssignmentRow.byUrgency(on: asOf))
            let name = actors.name(report.actor.code, language)
            body += "<h2>\(escape(name)) (\(escape(report.actor.code)))</h2>"
            body +=
                language == .zh
                ? "<p>\(rows.count) 项建议，\(report.overdue) 项逾期。</p>"
                : "<p>\(rows.count) recommendation\(rows.count == 1 ? "" : "s"), \(report.overdue) overdue.</p>"
            body +=
                "<table><thead><tr><th>\(escape(w("Recommendation", language)))</th><th>\(escape(w("Status", language)))</th>"
            body +=
                "<th>\(escape(w("Due", language)))</th><th>\(escape(w("Last update", language)))</th></tr></thead><tbody>"
            for row in rows {
                let overdue = row.isOverdue(on: asOf)
                let href = link("/rec", [("key", row.key), ("actor", report.actor.code)])
                body += "<tr><td><a href=\"\(escape(href))\">\(escape(row.key))</a>"
                if !row.through.isEmpty {
                    let how = row.through.map { Labels.through($0, actor: report.actor.code, actors: actors, language) }
                    body += " <small>\(escape(how.joined(separator: ", ")))</small>"
                }
                body += "</td><td>\(escape(Labels.status(row.status, language)))</td>"
                body += "<td\(overdue ? " class=\"overdue\"" : "")>\(escape(row.dueDate?.description ?? "—"))"
                body += overdue ? " (\(escape(w("overdue", language))))</td>" : "</td>"
                body += "<td>\(escape(row.lastUpdate?.description ?? "—"))</td></tr>"
            }
            body += "</tbody></table>"
        }
        return page(w("My recommendations", language), session: session, language: language, flash: flash, body: body)
    }

    /// One recommendation for one actor: its text, the accepted history, the submissions the
    /// account may see, and, for its focal point, the form to submit progress.
    static func recommendation(
        _ session: SignedIn, detail: RecommendationDetail, actor: String, history: [ProgressEntryInfo],
        submissions: [SubmissionInfo], today: CalendarDate, language: Language, flash: String?, error: String?
    ) -> String {
        let summary = detail.recommendation
        var body =
            "<p>\(escape(summary.document)) · \(escape(detail.documentTitle)) · \(escape(summary.classification.rawValue))"
        if let due = summary.dueDate { body += " · \(escape(w("Due", language))) \(escape(due.description))" }
        body += " · \(escape(actor))</p><div class=\"text\">\(escape(summary.text))</div>"
        body += "<h2>\(escape(w("Progress (accepted)", language)))</h2>"
        if history.isEmpty {
            body += "<p>\(escape(w("No entry yet.", language)))</p>"
        } else {
            body += "<table><thead><tr><th>#</th>"
            for label in ["As of", "Status", "Response", "Evidence", "Note"] {
                body += "<th>\(escape(w(label, language)))</th>"
            }
            body += "</tr></thead><tbody>"
            for entry in history {
                body +=
                    "<tr><td>\(entry.id)</td><td>\(entry.asOf)</td><td>\(escape(Labels.status(entry.status, language)))</td>"
                body += "<td>\(escape(Labels.response(entry.response, language)))</td>"
                body += "<td>\(escape(entry.evidence?.description ?? ""))</td><td>\(escape(entry.note ?? ""))</td></tr>"
            }
            body += "</tbody></table>"
        }
        if !submissions.isEmpty {
            body += "<h2>\(escape(w("Submissions", language)))</h2><table><thead><tr><th>#</th>"
            for label in ["As of", "Status", "Note", "By", "Review"] {
                body += "<th>\(escape(w(label, language)))</th>"
            }
            body += "</tr></thead><tbody>"
            for item in submissions {
                let state = item.status.map { Labels.status($0, language) } ?? Labels.response(item.response, language)
                body += "<tr><td>\(item.id)</td><td>\(item.asOf)</td><td>\(escape(state))</td>"
                body += "<td>\(escape(item.note ?? ""))</td><td>\(escape(item.submittedBy))</td>"
                body +=
                    "<td>\(escape(item.decision == nil ? w("awaiting review", language) : Presentation.reviewWords(item)))</td></tr>"
            }
            body += "</tbody></table>"
        }
        if session.account.role == .focalPoint && session.account.actors.contains(actor) {
            let statuses = ImplementationStatus.allCases.map {
                "<option value=\"\($0.rawValue)\">\(escape(Labels.status($0, language)))</option>"
            }
            let responses = FollowUpKit.Response.allCases.map {
                "<option value=\"\($0.rawValue)\">\(escape(Labels.response($0, language)))</option>"
            }
            body += """
                <h2>\(escape(w("Record progress", language)))</h2>
                <p>\(escape(w("Your entry is submitted to a validator for", language))) \(escape(actor)); \(escape(w("it appears in reports once accepted.", language)))</p>
                <form class="stack" method="post" action="/submit">\(csrfField(session))
                <input type="hidden" name="key" value="\(escape(summary.key))"><input type="hidden" name="actor" value="\(escape(actor))">
                <label for="status">\(escape(w("Status", language)))</label><select id="status" name="status"><option value="">—</option>\(statuses.joined())</select>
                <label for="response">\(escape(w("Response", language)))</label><select id="response" name="response"><option value="">—</option>\(responses.joined())</select>
                <label for="asOf">\(escape(w("As of", language)))</label><input id="asOf" name="asOf" type="date" value="\(today)" max="\(today)">
                <label for="note">\(escape(w("What was done", language)))</label><textarea id="note" name="note" rows="3"></textarea>
                <label for="evidence">\(escape(w("Evidence (a link, or a document and paragraph such as A/76/64 ¶51)", language)))</label><input id="evidence" name="evidence">
                <button class="primary" type="submit">\(escape(w("Submit for validation", language)))</button></form>
                """
        }
        return page(summary.key, session: session, language: language, flash: flash, error: error, body: body)
    }

    /// The validator's queue: each submission awaiting review, with accept and return forms.
    static func queue(
        _ session: SignedIn, items: [SubmissionInfo], language: Language, flash: String?, error: String?
    ) -> String {
        var body = "<p>\(items.count) · \(escape(w("awaiting review", language)))</p>"
        for item in items {
            let state = [
                item.status.map { Labels.status($0, language) }, item.response.map { Labels.response($0, language) },
            ]
            .compactMap { $0 }.joined(separator: "; ")
            body += "<section><h2>#\(item.id) · \(escape(item.key)) · \(escape(item.actor))</h2>"
            body += "<p>\(escape(w("As of", language))) \(item.asOf): <strong>\(escape(state))</strong>"
            body +=
                " — \(escape(w("submitted by", language))) \(escape(item.submittedBy)), \(escape(item.submittedAt))</p>"
            if let note = item.note { body += "<div class=\"text\">\(escape(note))</div>" }
            if let evidence = item.evidence { body += "<p>\(escape(w("Evidence", language))): \(escape(evidence))</p>" }
            body += """
                <form class="inline" method="post" action="/review">\(csrfField(session))<input type="hidden" name="id" value="\(item.id)">
                <input type="hidden" name="decision" value="accepted"><button class="primary" type="submit">\(escape(w("Accept", language))) #\(item.id)</button></form>
                <form class="stack" method="post" action="/review">\(csrfField(session))<input type="hidden" name="id" value="\(item.id)">
                <input type="hidden" name="decision" value="returned"><label for="comment-\(item.id)">\(escape(w("Comment for the focal point", language)))</label>
                <input id="comment-\(item.id)" name="comment" required><button type="submit">\(escape(w("Return", language))) #\(item.id)</button></form></section>
                """
        }
        return page(
            w("Review queue", language), session: session, language: language, flash: flash, error: error, body: body)
    }

    /// Download a questionnaire per actor of the account; upload it filled in.
    static func questionnaire(
        _ session: SignedIn, language: Language, flash: String?, problems: [String]
    ) -> String {
        var body = ""
        if !problems.isEmpty {
            body += "<div class=\"error\" role=\"alert\"><p>\(escape(w("Nothing was submitted:", language)))</p><ul>"
            for problem in problems { body += "<li>\(escape(problem))</li>" }
            body += "</ul></div>"
        }
        body +=
            "<p>\(escape(w("Download the questionnaire, fill in status, response, as_of, note and evidence on the rows you have news on, and upload it: each answered row is submitted for validation.", language)))</p><ul>"
        for actor in session.account.actors {
            let href = link("/questionnaire.csv", [("actor", actor)])
            body += "<li><a href=\"\(escape(href))\">\(escape(actor)) (CSV)</a></li>"
        }
        body += "</ul>"
        if session.account.role == .focalPoint {
            body += """
                <form class="stack" method="post" action="/questionnaire" enctype="multipart/form-data">\(csrfField(session))
                <label for="file">\(escape(w("Filled-in questionnaire (CSV)", language)))</label><input id="file" name="file" type="file" accept=".csv,text/csv" required>
                <button class="primary" type="submit">\(escape(w("Upload", language)))</button></form>
                """
        }
        return page(w("Questionnaire", language), session: session, language: language, flash: flash, body: body)
    }

    static func reports(_ session: SignedIn, documents: [DocumentInfo], language: Language) -> String {
        var body = "<h2>\(escape(w("Documents", language)))</h2><ul>"
        for document in documents {
            let href = link("/report/document", [("symbol", document.symbol), ("lang", language.rawValue)])
            body += "<li><a href=\"\(escape(href))\">\(escape(document.symbol))</a> — \(escape(document.title))"
            body +=
                " (<a href=\"\(escape(href + "&submitted=1"))\">\(escape(w("with submitted entries", language)))</a>,"
                + " <a href=\"\(escape(href + "&format=csv"))\">CSV</a>, <a href=\"\(escape(href + "&format=json"))\">JSON</a>)</li>"
        }
        body += """
            </ul><h2>\(escape(w("Country summaries", language)))</h2><form method="get" action="/report/country">
            <input type="hidden" name="lang" value="\(language.rawValue)">
            <label for="actor">\(escape(w("Actor (code or name)", language)))</label> <input id="actor" name="actor" required>
            <label><input type="checkbox" name="submitted" value="1"> \(escape(w("with submitted entries", language)))</label>
            <button type="submit">\(escape(w("Show", language)))</button></form>
            <h2>\(escape(w("Audit", language)))</h2><p><a href="/audit?lang=\(language.rawValue)">\(escape(w("Everything overdue or silent", language)))</a> (<a href="/audit?format=csv">CSV</a>)</p>
            """
        return page(w("Reports", language), session: session, language: language, body: body)
    }

    static func search(_ session: SignedIn, query: String, results: SearchResults, language: Language)
        -> String
    {
        let hits = results.hits
        var body = """
            <form method="get" action="/search"><label for="q">\(escape(w("Words", language)))</label> <input id="q" name="q" value="\(escape(query))"> <button type="submit">\(escape(w("Search", language)))</button></form>
            """
        if !query.isEmpty {
            // As the command line says it: how many, and whether they are the best matches first.
            let summary: String
            if !results.ranked {
                summary =
                    language == .zh
                    ? "包含“\(query)”的建议超过 \(SearchResults.rankedLimit) 条：以下是最近导入的 \(hits.count) 条，最新的在前。加上更多词语，可按相关程度排序。"
                    : "More than \(SearchResults.rankedLimit) recommendations contain ‘\(query)’: these are the \(hits.count) imported last, newest first. Add words to rank the matches, best first."
            } else {
                let found =
                    language == .zh
                    ? (results.more
                        ? "包含“\(query)”的建议中的前 \(hits.count) 条（还有更多：加上词语可缩小范围）" : "\(hits.count) 条建议包含“\(query)”")
                    : results.more
                        ? "The first \(hits.count) of the recommendations that contain ‘\(query)’ (more match: add words to narrow)"
                        : "\(hits.count) recommendation\(hits.count == 1 ? " contains" : "s contain") ‘\(query)’"
                let order =
                    results.order == .relevance
                    ? (language == .zh ? "，最相关的在前。" : ", best first.")
                    : (language == .zh ? "，按文件顺序排列。" : ", in the order of their documents.")
                summary = found + order
            }
            body += "<p>\(escape(summary))</p><ul>"
            for hit in hits {
                body += "<li><strong>\(escape(hit.key))</strong>: \(escape(hit.text))</li>"
            }
            body += "</ul>"
        }
        return page(w("Search", language), session: session, language: language, body: body)
    }

    static func problem(_ title: String, _ message: String, session: SignedIn?, language: Language = .en)
        -> String
    {
        page(
            title, session: session, language: language, error: message,
            body: "<p><a href=\"/my\">\(escape(w("Back", language)))</a></p>")
    }
}
