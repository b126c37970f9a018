import FollowUpModel
import FollowUpStore

extension Presentation {
    /// What an addendum says (a dry run), or what recording it did (`result`).
    public static func positionsPlan(_ plan: PositionsPlan, result: ReviewWriteResult? = nil) -> OutputDocument {
        var blocks: [OutputDocument.Block] = [
            .heading(
                "\(result == nil ? "Dry run: " : "")\(plan.document) — \(plan.review.state)'s positions on \(plan.review.report)",
                level: 1),
            .fields([
                ("Date", plan.date.description),
                ("Review", "\(plan.review.state), cycle \(plan.review.cycle), held \(plan.review.reviewDate)"),
                ("Positions", "\(plan.positions.count): \(positionCounts(plan.positions))"),
                ("Without one", plan.withoutPosition.isEmpty ? "none" : "\(plan.withoutPosition.count)"),
            ]),
            .table(
                TextTable(
                    columns: [.init("KEY"), .init("POSITION"), .init("PARAGRAPH"), .init("NOTE", maxWidth: 60)],
                    rows: plan.positions.map {
                        [
                            $0.key.split(separator: "¶").last.map(String.init) ?? $0.key, $0.response.words,
                            $0.paragraph ?? "", $0.note ?? "",
                        ]
                    })),
        ]
        blocks += listed("No position from any document (\(plan.withoutPosition.count))", plan.withoutPosition)
        blocks += listed("Unclear: left without a position (\(plan.unclear.count))", plan.unclear)
        if let result {
            blocks.append(
                .text(
                    "Recorded \(result.written) position\(result.written == 1 ? "" : "s") as \(plan.review.state)'s "
                        + "responses, dated \(plan.date) and evidenced by \(plan.document)"
                        + (result.unchanged > 0 ? "; \(result.unchanged) recorded before, left as they were." : ".")))
        } else {
            blocks.append(.text("Nothing was written. Run again without --dry-run to record the positions."))
        }
        return OutputDocument(blocks)
    }

    /// A titled list of what a reader must see (items left without a position, disagreements,
    /// what was not read), bullet per line; nothing when there is none.
    static func listed(_ title: String, _ items: [String]) -> [OutputDocument.Block] {
        items.isEmpty ? [] : [.heading(title, level: 2), .text(items.map { "• " + $0 }.joined(separator: "\n"))]
    }

    /// What a thematic list adds (a dry run), or what recording it did (`result`).
    public static func themesPlan(_ plan: ThemesPlan, result: ReviewWriteResult? = nil) -> OutputDocument {
        let goals = plan.topics.reduce(0) { $0 + ($1.goals.isEmpty ? 0 : 1) }
        var blocks: [OutputDocument.Block] = [
            .heading(
                "\(result == nil ? "Dry run: " : "")themes of \(plan.review.report) from \(plan.source)", level: 1),
            .fields([
                ("Recommendations", "\(plan.topics.count)"),
                ("Themes", "\(Set(plan.topics.flatMap(\.themes)).count) different"),
                ("Persons", "\(Set(plan.topics.flatMap(\.persons)).count) different groups"),
                ("Goals", goals == 0 ? "none given" : "on \(goals) recommendations"),
                ("Disagreements", "\(plan.disagreements.count)"),
            ]),
            .table(
                TextTable(
                    columns: [
                        .init("KEY"), .init("THEMES", maxWidth: 50), .init("PERSONS", maxWidth: 30), .init("SDGS"),
                    ],
                    rows: plan.topics.map {
                        [
                            $0.key.split(separator: "¶").last.map(String.init) ?? $0.key,
                            $0.themes.joined(separator: "; "), $0.persons.joined(separator: "; "),
                            $0.goals.map(String.init).joined(separator: ", "),
                        ]
                    })),
        ]
        blocks += listed("Where the list and the review disagree (\(plan.disagreements.count))", plan.disagreements)
        blocks += listed("Not read (\(plan.unread.count))", plan.unread)
        if let result {
            blocks.append(
                .text(
                    "Recorded the topics of \(result.written) recommendation\(result.written == 1 ? "" : "s")"
                        + (result.unchanged > 0 ? "; \(result.unchanged) unchanged." : ".")))
        } else {
            blocks.append(.text("Nothing was written. Run again without --dry-run to record the themes."))
        }
        return OutputDocument(blocks)
    }
}

extension Presentation {
    /// What a national report says about the recommendations it answers, and the entries
    /// proposed (a dry run), or how many were submitted.
    public static func evidencePlan(_ plan: EvidencePlan, submitted: Int? = nil, skipped: Int = 0) -> OutputDocument {
        let statuses = Dictionary(grouping: plan.proposals, by: \.status).mapValues(\.count)
        var blocks: [OutputDocument.Block] = [
            .heading(
                "\(submitted == nil ? "Dry run: " : "")\(plan.document) as evidence on \(plan.answers)", level: 1),
            .fields([
                ("Date", plan.date.description),
                ("Sections", "\(plan.sections.count) citing recommendations"),
                ("Answered", "\(plan.answered.count) recommendations of \(plan.answers)"),
                (
                    "Proposals",
                    "\(plan.proposals.count): "
                        + ImplementationStatus.allCases.compactMap { status in
                            statuses[status].map { "\($0) \(status.words)" }
                        }.joined(separator: ", ")
                ),
                ("Numbering", plan.numbering),
            ]),
            .table(
                TextTable(
                    columns: [
                        .init("KEY"), .init("ACTOR"), .init("STATUS"), .init("WORDS", maxWidth: 24),
                        .init("PARAGRAPHS"), .init("SECTION", maxWidth: 40),
                    ],
                    rows: plan.proposals.map {
                        [
                            plan.review == nil ? $0.key : $0.key.split(separator: "¶").last.map(String.init) ?? $0.key,
                            $0.actor, $0.status.words, $0.words.isEmpty ? "—" : $0.words, $0.paragraphs, $0.section,
                        ]
                    })),
        ]
        blocks += listed("Cited but not in \(plan.answers) (\(plan.unresolved.count))", plan.unresolved)
        if let submitted {
            blocks.append(
                .text(
                    "Submitted \(submitted) proposal\(submitted == 1 ? "" : "s") for review"
                        + (skipped > 0 ? "; \(skipped) proposed before from this report, skipped" : "")
                        + ". A validator accepts or returns them with 'followup review'."))
        } else {
            blocks.append(
                .text("Nothing was written. Run again with --account NAME to submit the proposals for review."))
        }
        return OutputDocument(blocks)
    }
}
