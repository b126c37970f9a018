import FollowUpModel
import FollowUpRendering

/// A recommendation's page: its text, whom it names and whom it binds, where each actor stands,
/// the accepted progress entries with their evidence, and the corrections made to what the
/// importer read. Who recorded an entry (an account) and the curator of a correction are not
/// shown.
struct SiteRecommendation {
    var detail: RecommendationDetail
    var history: [ProgressEntryInfo]
    var asOf: CalendarDate
    var directory: ActorDirectory
    var language: Language
    var documentPage: String
    var actorPage: (String) -> String
    /// The page of a document cited as evidence, where the site has one.
    var evidencePage: (String) -> String?

    private func w(_ english: String) -> String { SitePage.w(english, language) }
    private func e(_ text: String) -> String { SitePage.escape(text) }

    /// The actors that have reported (an entry with a status or a response), with where each
    /// stands; those that have not are listed by code under it, so that a recommendation binding
    /// every State stays a page, not a 193-row table.
    var reported: [AssignmentStatus] { detail.assignments.filter { $0.status != nil || $0.response != nil } }

    /// Where each actor that has reported stands: one row per assignment, the actor's cell a link.
    var assignmentTable: TextTable {
        let due = detail.recommendation.dueDate
        var table = TextTable(
            columns: [
                .init(w("Actor")), .init(w("Name")), .init(w("Bound")), .init(w("Status")), .init(w("Response")),
                .init(w("As of")), .init(w("Last update")), .init(w("Overdue")),
            ],
            rows: reported.map { assignment in
                let overdue = AssignmentRow.isOverdue(due: due, status: assignment.status, on: asOf)
                return [
                    assignment.actor,
                    directory.name(assignment.actor, language, en: assignment.nameEn, zh: assignment.nameZh),
                    assignment.through.map {
                        Labels.through($0, actor: assignment.actor, actors: directory, language)
                    }.joined(separator: ", "),
                    Labels.status(assignment.status, language), Labels.response(assignment.response, language),
                    assignment.statusAsOf?.description ?? "—", assignment.lastUpdate?.description ?? "—",
                    overdue ? w("overdue") : "",
                ]
            })
        for assignment in reported { table.links[assignment.actor] = actorPage(assignment.actor) }
        return table
    }

    /// Up to this many accepted entries are listed, the latest; a page with more offers them all
    /// as CSV and JSON Lines (``historyDownload``).
    static let listedEntries = 100

    /// Every accepted entry, for the download, when the page lists only the latest.
    var historyDownload: TextTable? {
        let entries = history.filter { !$0.superseded }
        return entries.count > Self.listedEntries ? historyTable(entries) : nil
    }

    private func historyTable(_ entries: [ProgressEntryInfo]) -> TextTable {
        TextTable(
            columns: [
                .init(w("As of")), .init(w("Actor")), .init(w("Status")), .init(w("Response")), .init(w("Evidence")),
                .init(w("Note"), underRow: true),
            ],
            rows: entries.map { entry in
                [
                    entry.asOf.description, entry.actor, Labels.status(entry.status, language),
                    Labels.response(entry.response, language), entry.evidence?.description ?? "—", entry.note ?? "",
                ]
            })
    }

    var body: String {
        let recommendation = detail.recommendation
        var html = "<h1>\(e(recommendation.key))</h1>\n<dl class=\"fields\">\n"
        html +=
            "<dt>\(e(w("Document")))</dt><dd><a href=\"\(e(documentPage))\">\(e(recommendation.document))</a> — \(e(detail.documentTitle)) (\(detail.documentDate))</dd>\n"
        html += "<dt>\(e(w("Class")))</dt><dd>\(e(recommendation.classification.rawValue))</dd>\n"
        html += "<dt>\(e(w("Due")))</dt><dd>\(e(recommendation.dueDate?.description ?? "—"))</dd>\n"
        html += "</dl>\n"
        let textLanguage = recommendation.language == .zh ? "zh-Hans" : recommendation.language.rawValue
        html +=
            "<h2>\(e(w("Text")))</h2>\n<div class=\"text\" lang=\"\(textLanguage)\" dir=\"auto\">\(e(recommendation.text))</div>\n"
        if !detail.addressedTo.isEmpty {
            html += "<h2>\(e(w("Whom it binds")))</h2>\n<ul>\n"
            for addressee in detail.addressedTo {
                let name = directory.name(addressee.code, language, en: addressee.nameEn, zh: addressee.nameZh)
                html +=
                    "<li><a href=\"\(e(actorPage(addressee.code)))\">\(e(name))</a> (\(e(addressee.code))) — \(e(w("Addressed as"))): “\(e(addressee.phrase))”</li>\n"
            }
            html += "</ul>\n"
        }
        html += "<h2>\(e(w("Where each actor stands")))</h2>\n"
        var tally: [String: Int] = [:]
        for assignment in detail.assignments { tally[Labels.status(assignment.status, language), default: 0] += 1 }
        html += "<p>" + tally.sorted { $0.key < $1.key }.map { "\(e($0.key)): \($0.value)" }.joined(separator: " · ")
        html += " (\(detail.assignments.count))</p>\n"
        if !reported.isEmpty { html += HTMLRenderer.fragment(OutputDocument([.table(assignmentTable)])) }
        let unreported = detail.assignments.filter { $0.status == nil && $0.response == nil }
        if !unreported.isEmpty {
            let overdue = AssignmentRow.isOverdue(due: detail.recommendation.dueDate, status: nil, on: asOf)
            html += "<p>\(e(w("Not reported yet"))) (\(unreported.count))\(overdue ? ", \(e(w("overdue")))" : ""): "
            html += unreported.map { "<a href=\"\(e(actorPage($0.actor)))\">\(e($0.actor))</a>" }.joined(separator: " ")
            html += "</p>\n"
        }
        html += "<h2>\(e(w("Progress entries (accepted)")))</h2>\n"
        let entries = history.filter { !$0.superseded }
        if entries.isEmpty {
            html += "<p>\(e(w("No entry yet.")))</p>\n"
        } else {
            var table = historyTable(Array(entries.suffix(Self.listedEntries)))
            for entry in entries {
                table.links[entry.actor] = actorPage(entry.actor)
                if let evidence = entry.evidence, let document = evidence.document, evidence.url == nil,
                    let page = evidencePage(document)
                {
                    table.links[evidence.description] = page
                }
            }
            if entries.count > Self.listedEntries {
                html += "<p>\(e(w("The latest"))) \(Self.listedEntries) \(e(w("of"))) \(entries.count); "
                html += "\(e(w("all of them are in this page's download"))).</p>\n"
            }
            html += HTMLRenderer.fragment(OutputDocument([.table(table)]))
        }
        if !detail.corrections.isEmpty {
            html += "<h2>\(e(w("Corrections to what the importer read")))</h2>\n"
            let table = TextTable(
                columns: [
                    .init(w("Recorded")), .init(w("Change")), .init(w("From")), .init(w("To")), .init(w("Reason")),
                ],
                rows: detail.corrections.map {
                    [
                        String($0.recordedAt.prefix(10)), $0.change.rawValue, $0.previous ?? "—", $0.value ?? "—",
                        $0.reason,
                    ]
                })
            html += HTMLRenderer.fragment(OutputDocument([.table(table)]))
        }
        return html
    }
}
