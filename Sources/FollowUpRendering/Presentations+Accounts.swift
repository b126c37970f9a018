import FollowUpModel
import FollowUpReports
import FollowUpExchange
extension Presentation {
    /// `followup users list`.
    public static func accountList(_ accounts: [AccountInfo]) -> OutputDocument {
        OutputDocument([
            .table(
                TextTable(
                    columns: [
                        .init("NAME", maxWidth: 30), .init("ROLE"), .init("ACTORS", maxWidth: 40),
                        .init("E-MAIL", maxWidth: 40), .init("CREATED"),
                    ],
                    rows: accounts.map {
                        [$0.name, $0.role.rawValue, $0.actors.joined(separator: ", "), $0.email ?? "", $0.createdAt]
                    })
            ),
            .text("\(accounts.count) account\(accounts.count == 1 ? "" : "s")"),
        ])
    }

    /// `followup users add`.
    public static func accountAdded(_ account: AccountInfo) -> OutputDocument {
        let scope = account.actors.isEmpty ? "" : " for " + account.actors.joined(separator: ", ")
        return OutputDocument([.text("Added \(account.role.words) '\(account.name)'\(scope).")])
    }

    /// `followup submissions`: the validator's queue, or a focal point's submissions.
    public static func submissionList(_ submissions: [SubmissionInfo]) -> OutputDocument {
        OutputDocument([
            .table(
                TextTable(
                    columns: [
                        .init("#"), .init("RECOMMENDATION", maxWidth: 28), .init("ACTOR"), .init("AS OF"),
                        .init("STATUS"), .init("BY", maxWidth: 16), .init("REVIEW", maxWidth: 30),
                    ],
                    rows: submissions.map { item in
                        [
                            "\(item.id)", item.key, item.actor, item.asOf.description,
                            [item.status?.words, item.response?.words].compactMap { $0 }.joined(separator: "; "),
                            item.submittedBy, reviewWords(item),
                        ]
                    })),
            .text(
                "\(submissions.count) submission\(submissions.count == 1 ? "" : "s"), "
                    + "\(submissions.filter { $0.decision == nil }.count) awaiting review"),
        ])
    }

    /// `followup submit` and `followup review`.
    public static func submission(_ item: SubmissionInfo) -> OutputDocument {
        var lines = [
            "Submission #\(item.id) on \(item.key) for \(item.actor), as of \(item.asOf), by \(item.submittedBy): "
                + reviewWords(item) + "."
        ]
        if let entry = item.entryId { lines.append("It is entry #\(entry) of the progress log.") }
        if item.decision == nil {
            lines.append("A validator for \(item.actor) accepts or returns it: followup review.")
        }
        return OutputDocument([.text(lines.joined(separator: "\n"))])
    }

    /// "awaiting review", or the decision with its reviewer and comment.
    public static func reviewWords(_ item: SubmissionInfo) -> String {
        guard let decision = item.decision else { return "awaiting review" }
        let comment = item.comment.map { ": \($0)" } ?? ""
        return "\(decision.rawValue) by \(item.reviewedBy ?? "?")\(comment)"
    }
}

extension Presentation {
    /// `followup questionnaire ACTOR`: what binds the actor, most urgent first, with blank
    /// columns to fill in (``Questionnaire``).
    public static func questionnaire(_ report: CountryReport) -> OutputDocument {
        let asOf = report.asOf
        let rows = report.rows.sorted(by: AssignmentRow.byUrgency(on: asOf))
        let columns = (Questionnaire.contextColumns + Questionnaire.answerColumns).map { TextTable.Column($0) }
        return OutputDocument([
            .heading("Questionnaire: \(report.actor.nameEn) (\(report.actor.code)), as of \(asOf)", level: 1),
            .table(
                TextTable(
                    columns: columns,
                    rows: rows.map { row in
                        [
                            row.key, report.actor.code, row.dueDate?.description ?? "",
                            row.isOverdue(on: asOf) ? "yes" : "no", row.status?.rawValue ?? "",
                            row.statusAsOf?.description ?? "", row.text, "", "", "", "", "",
                        ]
                    })),
        ])
    }
}

extension Presentation {
    /// `followup remind`: one focal point's digest of what falls due and what is overdue.
    public static func reminder(_ digest: ReminderDigest) -> OutputDocument {
        let overdue = digest.items.filter(\.overdue)
        let due = digest.items.filter { !$0.overdue }
        var blocks: [OutputDocument.Block] = [
            .heading("FollowUp reminder for \(digest.account), as of \(digest.asOf)", level: 1),
            .text(
                "\(overdue.count) overdue, \(due.count) falling due. Record progress in FollowUp, or answer in your questionnaire."
            ),
        ]
        for (title, items) in [("Overdue", overdue), ("Falling due", due)] where !items.isEmpty {
            blocks.append(.heading(title, level: 2))
            blocks.append(
                .table(
                    TextTable(
                        columns: [
                            .init("DUE"), .init("RECOMMENDATION"), .init("ACTOR"), .init("STATUS"),
                            .init("TEXT", maxWidth: 60),
                        ],
                        rows: items.map {
                            [$0.dueDate.description, $0.key, $0.actor, $0.status?.words ?? "unreported", $0.text]
                        })))
        }
        return OutputDocument(blocks)
    }
}

extension OutputDocument {
    /// The report with the submissions awaiting review appended, marked as not validated and not
    /// counted in the report's figures.
    public func withSubmissions(_ items: [SubmissionInfo], language: Language) -> OutputDocument {
        var document = self
        let zh = language == .zh
        document.blocks.append(
            .heading(
                zh ? "已提交、待审核的进展（未核准，未计入上述数字）" : "Submitted, awaiting validation (not validated, not counted above)",
                level: 2))
        if items.isEmpty {
            document.blocks.append(.text(zh ? "无。" : "None."))
            return document
        }
        document.blocks.append(
            .table(
                TextTable(
                    columns: [
                        .init("#"), .init(Labels.text("recommendation", language)),
                        .init(Labels.text("actor", language)),
                        .init(Labels.text("as of", language)), .init(Labels.text("status", language)),
                        .init(Labels.text("response", language)), .init(Labels.text("note", language), maxWidth: 50),
                        .init(zh ? "提交人" : "Submitted by"),
                    ],
                    rows: items.map {
                        [
                            "\($0.id)", $0.key, $0.actor, $0.asOf.description,
                            ($0.status.map { Labels.status($0, language) } ?? "—") + (zh ? "（待审核）" : " (submitted)"),
                            Labels.response($0.response, language), $0.note ?? "", $0.submittedBy,
                        ]
                    })))
        return document
    }
}
