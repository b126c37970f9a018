import FollowUpModel
import FollowUpReports
/// Turns the read views of the data into ``OutputDocument``s: what each command shows.
public enum Presentation {
    static func date(_ date: CalendarDate?) -> String { date?.description ?? "—" }

    static func counts(_ counts: [String: Int]) -> String {
        let order = ImplementationStatus.allRawValues + ["unreported"]
        return counts.sorted { (order.firstIndex(of: $0.key) ?? 99) < (order.firstIndex(of: $1.key) ?? 99) }
            .map { "\($0.key.replacingASCII("-", with: " ")) \($0.value)" }.joined(separator: ", ")
    }

    // MARK: Actors

    /// `followup actors`.
    public static func actorList(_ actors: [AddresseeInfo]) -> OutputDocument {
        OutputDocument([
            .table(
                TextTable(
                    columns: [
                        .init("CODE"), .init("KIND"), .init("中文名称", maxWidth: 30), .init("NAME", maxWidth: 50),
                        .init("M49"),
                    ],
                    rows: actors.map { [$0.code, $0.kind.rawValue, $0.nameZh, $0.nameEn, $0.m49 ?? ""] })),
            .text("\(actors.count) actor\(actors.count == 1 ? "" : "s")"),
        ])
    }

    /// `followup actors show CODE`.
    /// An actor with its names, aliases, groups and what binds it; titled in `language` when
    /// given (its name in Arabic, French, Russian or Spanish where known).
    public static func actorDetail(_ detail: AddresseeDetail, language: Language? = nil) -> OutputDocument {
        let actor = detail.actor
        var fields: [(String, String)] = [
            ("Code", actor.code), ("Kind", actor.kind.rawValue), ("中文名称", actor.nameZh), ("Name", actor.nameEn),
        ]
        // The other official languages, in the UN's order: Arabic, French, Russian, Spanish.
        let labels = [("ar", "الاسم"), ("fr", "Nom"), ("ru", "Название"), ("es", "Nombre")]
        for (code, label) in labels {
            if let name = detail.names[code] { fields.append(("\(label) (\(code))", name)) }
        }
        if let m49 = actor.m49 { fields.append(("M49", m49)) }
        if let iso2 = actor.iso2 { fields.append(("ISO 3166-1 alpha-2", iso2)) }
        for (language, aliases) in detail.aliases.sorted(by: { $0.key < $1.key }) {
            fields.append(("Aliases (\(language))", aliases.joined(separator: "; ")))
        }
        let title: String
        switch language {
        case nil: title = "\(actor.code) — \(actor.nameZh) / \(actor.nameEn)"
        case .en?: title = "\(actor.code) — \(actor.nameEn)"
        case .zh?: title = "\(actor.code) — \(actor.nameZh)"
        case let other?: title = "\(actor.code) — \(detail.names[other.rawValue] ?? actor.nameEn)"
        }
        var blocks: [OutputDocument.Block] = [
            .heading(title, level: 1), .fields(fields),
        ]
        func membershipTable(_ rows: [MembershipInfo]) -> TextTable {
            TextTable(
                columns: [
                    .init("CODE"), .init("中文名称", maxWidth: 30), .init("NAME", maxWidth: 50), .init("FROM"),
                    .init("UNTIL"),
                ],
                rows: rows.map { [$0.code, $0.nameZh, $0.nameEn, date($0.startDate), date($0.endDate)] })
        }
        if !detail.memberOf.isEmpty {
            blocks += [.heading("Member of", level: 2), .table(membershipTable(detail.memberOf))]
        }
        if actor.kind == .group {
            blocks += [
                .heading("Members (\(detail.members.count))", level: 2), .table(membershipTable(detail.members)),
            ]
        }
        blocks.append(.heading("Bound by", level: 2))
        if detail.boundBy.isEmpty {
            blocks.append(.text("No recommendation binds \(actor.code) yet."))
        } else {
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("DOCUMENT"), .init("ASSIGNMENTS", alignRight: true), .init("THROUGH")],
                        rows: detail.boundBy.map { binding in
                            [
                                binding.document, String(binding.assignments),
                                binding.through.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                                    .joined(separator: ", "),
                            ]
                        })))
        }
        return OutputDocument(blocks)
    }

    // MARK: Documents

    /// `followup documents`.
    public static func documentList(_ documents: [DocumentInfo]) -> OutputDocument {
        OutputDocument([
            .table(
                TextTable(
                    columns: [
                        .init("SYMBOL"), .init("DATE"), .init("LANG"), .init("BODY"),
                        .init("RECS", alignRight: true), .init("ASSIGNMENTS", alignRight: true),
                        .init("TITLE", maxWidth: 60),
                    ],
                    rows: documents.map {
                        [
                            $0.symbol, $0.date.description, $0.language.rawValue, $0.body ?? "",
                            String($0.recommendations.values.reduce(0, +)), String($0.assignments), $0.title,
                        ]
                    })),
            .text("\(documents.count) document\(documents.count == 1 ? "" : "s")"),
        ])
    }

    /// `followup documents show SYMBOL`.
    public static func documentDetail(_ document: DocumentInfo, recommendations: [RecommendationSummary])
        -> OutputDocument
    {
        OutputDocument([
            .heading("\(document.symbol) — \(document.title)", level: 1),
            .fields([
                ("Symbol", document.symbol), ("Title", document.title), ("Body", document.body ?? "—"),
                ("Date", document.date.description), ("Language", document.language.rawValue),
                ("Checksum", document.checksum ?? "— (entered by hand)"),
                (
                    "Recommendations",
                    counts(document.recommendations).isEmpty
                        ? "none"
                        : document.recommendations
                            .sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                ),
                ("Assignments", String(document.assignments)),
            ]),
            .heading("Recommendations", level: 2),
            .table(recommendationTable(recommendations)),
        ])
    }

    // MARK: Recommendations

    static func recommendationTable(_ recommendations: [RecommendationSummary]) -> TextTable {
        TextTable(
            columns: [
                .init("KEY"), .init("CLASS"), .init("VERB"), .init("ADDRESSEES", maxWidth: 30),
                .init("BOUND", alignRight: true), .init("STATUS", maxWidth: 40), .init("TEXT", maxWidth: 50),
            ],
            rows: recommendations.map {
                [
                    $0.key, $0.classification.rawValue, $0.verb ?? "", $0.addressees.joined(separator: ", "),
                    String($0.assignments), counts($0.statusCounts), $0.text,
                ]
            })
    }

    /// `followup recs`; with an actor, where that actor stands on each. `filtered`: other filters
    /// (status, class, document, text) narrowed the list, and the closing line says so.
    public static func recommendationList(
        _ recommendations: [RecommendationSummary], actor: String?, filtered: Bool = false
    ) -> OutputDocument {
        let count = recommendations.count
        let noun = count == 1 ? "recommendation" : "recommendations"
        let table: TextTable
        if let actor {
            table = TextTable(
                columns: [
                    .init("KEY"), .init("CLASS"), .init("THROUGH"), .init("STATUS"), .init("RESPONSE"), .init("AS OF"),
                    .init("DUE"), .init("TEXT", maxWidth: 50),
                ],
                rows: recommendations.map {
                    let status = $0.actorStatus
                    return [
                        $0.key, $0.classification.rawValue,
                        status?.through.joined(separator: ", ") ?? $0.addressees.joined(separator: ", "),
                        status?.status?.words ?? "unreported", status?.response?.words ?? "—",
                        date(status?.statusAsOf), date($0.dueDate), $0.text,
                    ]
                })
            return OutputDocument([
                .table(table),
                .text(
                    filtered
                        ? "\(count) \(noun) that bind\(count == 1 ? "s" : "") \(actor) match\(count == 1 ? "es" : "") the filters"
                        : "\(count) \(noun) bind\(count == 1 ? "s" : "") \(actor)"),
            ])
        }
        return OutputDocument([
            .table(recommendationTable(recommendations)),
            .text("\(count) \(noun)\(filtered ? " match the filters" : "")"),
        ])
    }

    /// `followup recs show KEY`.
    public static func recommendationDetail(_ detail: RecommendationDetail) -> OutputDocument {
        let summary = detail.recommendation
        var fields: [(String, String)] = [
            ("Key", summary.key),
            ("Document", "\(summary.document) — \(detail.documentTitle) (\(detail.documentDate))"),
            ("Paragraph", summary.path), ("Kind", summary.kind.rawValue), ("Class", summary.classification.rawValue),
            ("Verb", summary.verb ?? "—"), ("Language", summary.language.rawValue), ("Due", date(summary.dueDate)),
            ("Cycle", summary.cycle?.rawValue ?? "—"),
        ]
        if !summary.tags.isEmpty { fields.append(("Tags", summary.tags.joined(separator: ", "))) }
        fields.append(("Binds", "\(summary.assignments) actor\(summary.assignments == 1 ? "" : "s")"))
        if !summary.statusCounts.isEmpty { fields.append(("Status", counts(summary.statusCounts))) }
        var blocks: [OutputDocument.Block] = [
            .heading(summary.key, level: 1), .text(summary.text), .fields(fields),
            .heading("Addressed to", level: 2),
            .table(
                TextTable(
                    columns: [
                        .init("CODE"), .init("KIND"), .init("中文名称", maxWidth: 30), .init("NAME", maxWidth: 40),
                        .init("AS NAMED"),
                    ],
                    rows: detail.addressedTo.map { [$0.code, $0.kind.rawValue, $0.nameZh, $0.nameEn, $0.phrase] })),
        ]
        if !detail.corrections.isEmpty {
            blocks.append(.heading("Corrections (\(detail.corrections.count))", level: 2))
            blocks.append(.table(curationTable(detail.corrections)))
        }
        let reported = detail.assignments.filter { $0.lastUpdate != nil }
        blocks.append(.heading("Progress (\(reported.count) of \(detail.assignments.count) reported)", level: 2))
        blocks.append(.table(assignmentTable(reported)))
        return OutputDocument(blocks)
    }

    /// The curation log's entries: what changed, why, who, when; `!` marks one made on an
    /// earlier text.
    static func curationTable(_ corrections: [CurationInfo]) -> TextTable {
        TextTable(
            columns: [
                .init("#", alignRight: true), .init("CHANGE"), .init("VALUE"), .init("BEFORE"), .init("BY"),
                .init("RECORDED"), .init("REASON", maxWidth: 50),
            ],
            rows: corrections.map {
                [
                    String($0.id) + ($0.onEarlierText ? "!" : ""), $0.change.words, $0.value ?? "none",
                    $0.previous ?? "—", $0.curator, $0.recordedAt, $0.reason,
                ]
            })
    }

    /// What `followup recs edit` did.
    public static func curationResult(_ result: CurationResult) -> OutputDocument {
        var lines = ["Corrected \(result.key):"]
        for correction in result.corrections {
            switch correction.change {
            case .addAddressee: lines.append("  added addressee \(correction.value ?? "")")
            case .removeAddressee: lines.append("  removed addressee \(correction.value ?? "")")
            case .classification:
                lines.append("  class \(correction.previous ?? "—") → \(correction.value ?? "—")")
            case .dueDate:
                lines.append("  due \(correction.previous ?? "none") → \(correction.value ?? "none")")
            }
        }
        lines.append(
            "Addressees: \(result.addresseesAfter.isEmpty ? "none" : result.addresseesAfter.joined(separator: ", "))"
                + "; binds \(result.assignmentsAfter) actor\(result.assignmentsAfter == 1 ? "" : "s")"
                + " (was \(result.assignmentsBefore)).")
        if let first = result.corrections.first {
            lines.append(
                "Recorded in the curation log as #\(first.id)"
                    + (result.corrections.count > 1 ? "–#\(first.id + Int64(result.corrections.count) - 1)" : "")
                    + " by \(first.curator): \(first.reason)")
        }
        return OutputDocument([.text(lines.joined(separator: "\n"))])
    }

    static func assignmentTable(_ statuses: [AssignmentStatus]) -> TextTable {
        TextTable(
            columns: [
                .init("ACTOR"), .init("中文名称", maxWidth: 20), .init("THROUGH"), .init("STATUS"), .init("AS OF"),
                .init("RESPONSE"), .init("LAST UPDATE"),
            ],
            rows: statuses.map {
                [
                    $0.actor, $0.nameZh, $0.through.joined(separator: ", "), $0.status?.words ?? "unreported",
                    date($0.statusAsOf), $0.response?.words ?? "—", date($0.lastUpdate),
                ]
            })
    }

    // MARK: Progress

    /// `followup history KEY`: the progress log's entries, then the corrections to the
    /// recommendation itself.
    public static func history(_ entries: [ProgressEntryInfo], key: String, corrections: [CurationInfo] = [])
        -> OutputDocument
    {
        var document = progressHistory(entries, key: key)
        if !corrections.isEmpty {
            document.blocks.append(.heading("Corrections to what the importer read", level: 2))
            document.blocks.append(.table(curationTable(corrections)))
            if corrections.contains(where: \.onEarlierText) {
                document.blocks.append(.text("! = made on an earlier text of the recommendation: check it still holds"))
            }
        }
        return document
    }

    static func progressHistory(_ entries: [ProgressEntryInfo], key: String) -> OutputDocument {
        OutputDocument([
            .heading("History of \(key)", level: 1),
            .table(
                TextTable(
                    columns: [
                        .init("#", alignRight: true), .init("AS OF"), .init("ACTOR"), .init("STATUS"),
                        .init("RESPONSE"),
                        .init("BY"), .init("EVIDENCE", maxWidth: 40), .init("RECORDED"), .init("CORRECTS"),
                        .init("NOTE", maxWidth: 50),
                    ],
                    rows: entries.map {
                        [
                            String($0.id) + ($0.superseded ? "*" : ""), $0.asOf.description, $0.actor,
                            $0.status?.words ?? "—", $0.response?.words ?? "—", $0.reportedBy ?? "—",
                            $0.evidence?.description ?? "—", $0.recordedAt, $0.supersedes.map { "#\($0)" } ?? "",
                            $0.note ?? "",
                        ]
                    })),
            .text(
                "\(entries.count) entr\(entries.count == 1 ? "y" : "ies"), oldest first"
                    + (entries.contains(where: \.superseded) ? "; * = corrected by a later entry" : "")),
        ])
    }

    /// What `followup update` prints.
    public static func recorded(_ recorded: RecordedProgress) -> OutputDocument {
        let entry = recorded.entry
        func change<T: Vocabulary>(_ label: String, _ before: T?, _ after: T?) -> String? {
            guard before != nil || after != nil else { return nil }
            if before == after { return "\(label) \(after?.words ?? "—") (unchanged)" }
            return "\(label) \(before?.words ?? "unreported") → \(after?.words ?? "unreported")"
        }
        var lines = ["Recorded entry #\(entry.id) on \(entry.key) for \(entry.actor), as of \(entry.asOf)."]
        if let line = change("status", recorded.previousStatus, recorded.currentStatus) { lines.append(line) }
        if let line = change("response", recorded.previousResponse, recorded.currentResponse) { lines.append(line) }
        if let status = entry.status, status != recorded.currentStatus {
            lines.append(
                "note: a later-dated entry still sets the current status; this one (\(status.words)) is kept in the history"
            )
        }
        if let supersedes = entry.supersedes { lines.append("corrects entry #\(supersedes)") }
        return OutputDocument([.text(lines.joined(separator: "\n"))])
    }

    // MARK: Search

    /// `followup search TEXT`.
    public static func searchResults(_ results: SearchResults, query: String) -> OutputDocument {
        let hits = results.hits
        var summary =
            results.more
            ? "The first \(hits.count) of the recommendations that contain '\(query)' (more match: add words to narrow)"
            : "\(hits.count) recommendation\(hits.count == 1 ? " contains" : "s contain") '\(query)'"
        if !results.ranked {
            summary =
                "More than \(SearchResults.rankedLimit) recommendations contain '\(query)': "
                + "these are the \(hits.count) imported last, newest first. Add words to rank the matches, best first."
        }
        return OutputDocument([
            .table(
                TextTable(
                    columns: [.init("KEY"), .init("CLASS"), .init("MATCH", maxWidth: 80)],
                    rows: hits.map { [$0.key, $0.classification.rawValue, $0.snippet] })),
            .text(summary),
        ])
    }
}

// MARK: Import

extension Presentation {
    /// `followup import document --dry-run`: every extracted clause, for review, with how every
    /// numbered paragraph was accounted for; `doubtfulOnly` keeps the clauses the importer is
    /// unsure of (and what it set aside), so a reviewer reads twenty lines instead of two hundred.
    public static func importPlan(_ plan: ImportPlan, doubtfulOnly: Bool = false) -> OutputDocument {
        let header = plan.document
        let counts = plan.countsByClass.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
            separator: ", ")
        let doubtful = plan.items.filter { !$0.doubts.isEmpty }
        let shown = doubtfulOnly ? doubtful : plan.items
        var fields: [(String, String)] = [
            ("Date", header.date.description), ("Language", header.language.rawValue),
            ("Body", header.body ?? "—"), ("Clauses", "\(plan.items.count) (\(counts))"),
        ]
        if let review = plan.review {
            let session = review.session.map { ", session \($0)" } ?? ""
            fields.append(
                (
                    "Review",
                    "\(review.state), cycle \(review.cycle)\(session), held \(review.reviewDate); "
                        + "due at the next review (\(review.nextReview))"
                ))
            fields.append(("Positions", positionCounts(plan.positions)))
        }
        fields += plan.census.parts.map { ("Census", $0.summary) }
        fields.append(("Doubtful", "\(doubtful.count) of \(plan.items.count) clauses (--doubtful lists them)"))
        var blocks: [OutputDocument.Block] = [
            .heading("Dry run: \(header.symbol) — \(header.title)", level: 1),
            .fields(fields),
            plan.review == nil
                ? .table(
                    TextTable(
                        columns: [
                            .init("KEY"), .init("CLASS"), .init("VERBS"), .init("ADDRESSEES", maxWidth: 40),
                            .init("DUE"),
                            .init("CYCLE"), .init("TEXT", maxWidth: 40),
                        ] + (doubtfulOnly ? [.init("DOUBTS", maxWidth: 40)] : []),
                        rows: shown.map {
                            [
                                $0.path, $0.classification.rawValue, $0.verbs.joined(separator: " "),
                                $0.addressees.joined(separator: ", "), date($0.dueDate), $0.cycle?.rawValue ?? "",
                                $0.text,
                            ] + (doubtfulOnly ? [$0.doubts.joined(separator: "; ")] : [])
                        }))
                : .table(
                    TextTable(
                        columns: [
                            .init("KEY"), .init("RECOMMENDED BY", maxWidth: 30), .init("POSITION"),
                            .init("TEXT", maxWidth: 60),
                        ] + (doubtfulOnly ? [.init("DOUBTS", maxWidth: 40)] : []),
                        rows: shown.map { item in
                            [
                                item.path, item.recommenders.joined(separator: ", "),
                                plan.positions.first { $0.key == item.key }?.response.words ?? "—", item.text,
                            ] + (doubtfulOnly ? [item.doubts.joined(separator: "; ")] : [])
                        })),
        ]
        if !doubtfulOnly && !doubtful.isEmpty {
            blocks.append(.heading("To review (\(doubtful.count))", level: 2))
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("KEY"), .init("WHY")],
                        rows: doubtful.map { [$0.path, $0.doubts.joined(separator: "; ")] })))
        }
        if !plan.census.setAside.isEmpty {
            blocks.append(.heading("Set aside (\(plan.census.setAside.count))", level: 2))
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("LINE"), .init("LABELS"), .init("WHY")],
                        rows: plan.census.setAside.map { [String($0.line), $0.labels, $0.reason] })))
        }
        blocks.append(.text("Nothing was written. Run again without --dry-run to import."))
        return OutputDocument(blocks)
    }

    /// "58 supported, 157 pending".
    static func positionCounts(_ positions: [PositionStatement]) -> String {
        guard !positions.isEmpty else { return "none stated in the report" }
        let counts = Dictionary(grouping: positions, by: \.response).mapValues(\.count)
        return Response.allCases.compactMap { response in counts[response].map { "\($0) \(response.words)" } }
            .joined(separator: ", ")
    }

    /// What `followup import document` did.
    public static func importResult(_ result: ImportResult, plan: ImportPlan) -> OutputDocument {
        var lines: [String] = []
        let counts = plan.countsByClass.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
            separator: ", ")
        switch result.outcome {
        case .created:
            lines.append(
                "Imported \(result.document): \(plan.items.count) clauses (\(counts)), \(result.assignmentsCreated) assignments."
            )
            lines += plan.census.parts.map { "  " + $0.summary + "." }
            if let review = plan.review {
                lines.append(
                    "  The review of \(review.state) (cycle \(review.cycle), \(review.reviewDate)): "
                        + "\(plan.items.filter { !$0.recommenders.isEmpty }.count) recommendations with their recommending "
                        + "States; \(result.positions) positions recorded (\(positionCounts(plan.positions))).")
            }
        case .unchanged:
            lines.append("\(result.document) was imported before from the same text: nothing changed.")
        case .updated:
            lines.append(
                "Updated \(result.document): \(result.added.count) added, \(result.changed.count) changed, "
                    + "\(result.removed.count) removed, \(result.kept.count) kept.")
            for (label, keys) in [("added", result.added), ("changed", result.changed), ("removed", result.removed)]
            where !keys.isEmpty {
                lines.append("  \(label): " + keys.joined(separator: "; "))
            }
            if !result.kept.isEmpty {
                lines.append(
                    "  kept (no longer in the text, but progress is recorded on them): "
                        + result.kept.joined(separator: "; "))
            }
            if !result.curated.isEmpty {
                lines.append("  corrections kept (recs edit): " + result.curated.joined(separator: "; "))
            }
            if !result.curatedOnEarlierText.isEmpty {
                lines.append(
                    "  check these: corrected on an earlier text that has changed since ('followup recs show KEY'): "
                        + result.curatedOnEarlierText.joined(separator: "; "))
            }
        }
        return OutputDocument([.text(lines.joined(separator: "\n"))])
    }
}
