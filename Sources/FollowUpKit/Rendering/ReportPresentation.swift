/// Turns reports into ``OutputDocument``s, with labels and actor names in `language`.
public enum ReportPresentation {
    /// The closing line of a report: how many entries the log held and the head of its hash
    /// chain, so that a reader holding the report can tell whether the log was rewritten since
    /// (`followup check` prints the same head).
    public static func logFooter(head: String, entries: Int, language: Language) -> OutputDocument.Block {
        .text(
            language == .zh
                ? "进展日志：\(entries) 条记录；哈希链头 \(head)（用 followup check 核对）。"
                : "Progress log: \(entries) entries; head of the hash chain \(head) (verify with 'followup check').")
    }

    static func legend(_ language: Language) -> [StatusGroup: String] {
        Dictionary(uniqueKeysWithValues: StatusGroup.allCases.map { ($0, Labels.group($0, language)) })
    }

    static func date(_ date: CalendarDate?) -> String { date?.description ?? "—" }

    static func latest(_ entry: LatestEntry?, _ language: Language) -> String {
        guard let entry else { return "—" }
        var text = "\(entry.actor) · \(Labels.status(entry.status, language)) · \(entry.asOf)"
        if let note = entry.note, !note.isEmpty { text += " · " + note }
        return text
    }

    static func share(_ tally: StatusTally, _ group: StatusGroup) -> String {
        let count = tally.counts[group] ?? 0
        let share = tally.share(group)
        return "\(count) (\(count > 0 && share < 0.1 ? "<0.1" : String(share))%)"
    }

    static func summaryFields(_ tally: StatusTally, overdue: Int, silent: Int, _ language: Language) -> [(
        String, String
    )] {
        StatusGroup.allCases.map { (Labels.group($0, language), share(tally, $0)) } + [
            (Labels.text("overdue", language), String(overdue)), (Labels.text("silent", language), String(silent)),
        ]
    }

    static func timeline(_ entries: [LatestEntry], keys: [Int64: String] = [:], _ language: Language) -> Timeline {
        Timeline(
            title: Labels.text("timeline", language),
            points: entries.map {
                Timeline.Point(
                    date: $0.asOf, group: StatusGroup($0.status),
                    label: [$0.actor, Labels.status($0.status, language), keys[$0.id]].compactMap { $0 }
                        .joined(separator: " · "))
            }, legend: legend(language))
    }

    // MARK: The follow-up report on a document

    /// `followup report document SYMBOL`.
    public static func document(_ report: DocumentReport, language: Language) -> OutputDocument {
        let info = report.document
        let tracked = report.items.count
        var blocks: [OutputDocument.Block] = [
            .heading("\(Labels.text("follow-up report", language)): \(info.symbol) — \(info.title)", level: 1),
            .fields([
                (Labels.text("document", language), info.symbol),
                (Labels.text("date", language), info.date.description),
                (Labels.text("body", language), info.body ?? "—"),
                (Labels.text("as of", language), report.asOf.description),
                (
                    Labels.text("recommendations", language),
                    "\(tracked) \(Labels.text("tracked", language)); \(report.declaratory) \(Labels.text("declaratory context", language))"
                ),
                (Labels.text("assignments", language), String(report.tally.total)),
            ]),
            .heading(Labels.text("summary", language), level: 2),
            .fields(summaryFields(report.tally, overdue: report.overdue, silent: report.silent, language)),
            .bars(
                StatusChart(
                    title: Labels.text("all assignments", language),
                    bars: [.init(label: info.symbol, counts: report.tally.counts)], legend: legend(language))),
            .heading(Labels.text("status by recommendation", language), level: 2),
            .table(
                TextTable(
                    columns: [
                        .init(Labels.text("key", language)), .init(Labels.text("binds", language), maxWidth: 30),
                        .init(Labels.text("assignments", language), alignRight: true),
                    ] + StatusGroup.allCases.map { .init(Labels.group($0, language), alignRight: true) } + [
                        .init(Labels.text("due", language)), .init(Labels.text("overdue", language), alignRight: true),
                        .init(Labels.text("silent", language), alignRight: true),
                        .init(Labels.text("latest progress", language), maxWidth: 50),
                        .init(Labels.text("evidence", language), maxWidth: 24),
                        .init(Labels.text("text", language), maxWidth: 40),
                    ],
                    rows: report.items.map { item in
                        [
                            item.path, item.addressees.joined(separator: ", "), String(item.tally.total),
                        ] + StatusGroup.allCases.map { String(item.tally.counts[$0] ?? 0) } + [
                            date(item.dueDate), String(item.overdue), String(item.silent),
                            latest(item.latest, language),
                            item.latest?.evidence?.description ?? "—", item.text,
                        ]
                    })),
            .bars(
                StatusChart(
                    title: Labels.text("status by recommendation", language),
                    bars: report.items.map { .init(label: $0.path, counts: $0.tally.counts) }, legend: legend(language))
            ),
        ]
        if !report.byActor.isEmpty {
            blocks.append(
                .bars(
                    StatusChart(
                        title: Labels.text("per country", language),
                        bars: report.byActor.map {
                            .init(
                                label: "\($0.actor) \(language == .zh ? $0.nameZh : $0.nameEn)", counts: $0.tally.counts
                            )
                        }, legend: legend(language))))
        }
        blocks.append(.heading(Labels.text("timeline", language), level: 2))
        blocks.append(.timeline(timeline(report.timeline, language)))
        return OutputDocument(blocks)
    }

    // MARK: A country's status summary

    /// `followup report country CODE`.
    public static func country(
        _ report: CountryReport, names: [String: (en: String, zh: String)], language: Language
    ) -> OutputDocument {
        let actor = report.actor
        let documents = report.tallyByDocument.keys.sorted()
        var blocks: [OutputDocument.Block] = [
            .heading(
                "\(Labels.text(actor.kind == .state ? "country summary" : "actor summary", language)): \(actor.code) — \(actor.nameZh) / \(actor.nameEn)",
                level: 1),
            .fields(
                [
                    (Labels.text("as of", language), report.asOf.description),
                    (
                        Labels.text("recommendations", language),
                        "\(report.rows.count) (\(documents.joined(separator: ", ")))"
                    ),
                ] + summaryFields(report.tally, overdue: report.overdue, silent: report.silent, language)),
            .bars(
                StatusChart(
                    title: Labels.text("status by document", language),
                    bars: documents.map { .init(label: $0, counts: report.tallyByDocument[$0]?.counts ?? [:]) },
                    legend: legend(language))),
            .heading(Labels.text("recommendations", language), level: 2),
            .table(
                TextTable(
                    columns: [
                        .init(Labels.text("key", language)), .init(Labels.text("through", language), maxWidth: 30),
                        .init(Labels.text("status", language)), .init(Labels.text("response", language)),
                        .init(Labels.text("as of", language)), .init(Labels.text("last update", language)),
                        .init(Labels.text("due", language)), .init(Labels.text("overdue", language)),
                        .init(Labels.text("evidence", language), maxWidth: 24),
                        .init(Labels.text("note", language), maxWidth: 40),
                        .init(Labels.text("text", language), maxWidth: 40),
                    ],
                    rows: report.rows.map { row in
                        [
                            row.key,
                            row.through.map { Labels.through($0, actor: row.actor, names: names, language) }.joined(
                                separator: "; "),
                            Labels.status(row.status, language), Labels.response(row.response, language),
                            date(row.statusAsOf),
                            date(row.lastUpdate), date(row.dueDate),
                            row.isOverdue(on: report.asOf)
                                ? Labels.text("overdue", language)
                                : (row.silentSince(on: report.asOf) != nil ? Labels.text("silent", language) : ""),
                            row.latest?.evidence?.description ?? "—", row.latest?.note ?? "", row.text,
                        ]
                    })),
            .heading(Labels.text("totals by document", language), level: 2),
            .table(
                TextTable(
                    columns: [.init(Labels.text("document", language))]
                        + StatusGroup.allCases.map { .init(Labels.group($0, language), alignRight: true) } + [
                            .init(Labels.text("total", language), alignRight: true)
                        ],
                    rows: documents.map { symbol in
                        let tally = report.tallyByDocument[symbol] ?? StatusTally()
                        return [symbol] + StatusGroup.allCases.map { String(tally.counts[$0] ?? 0) } + [
                            String(tally.total)
                        ]
                    })),
        ]
        let entries = report.rows.compactMap(\.latest).sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }
        let keys = Dictionary(
            report.rows.compactMap { row in row.latest.map { ($0.id, row.path) } }, uniquingKeysWith: { a, _ in a })
        blocks.append(.timeline(timeline(entries, keys: keys, language)))
        return OutputDocument(blocks)
    }

    // MARK: A group's summary

    /// `followup report country GROUP`: a row per member, and the group's totals.
    public static func group(_ report: GroupReport, language: Language) -> OutputDocument {
        let group = report.group
        return OutputDocument([
            .heading(
                "\(Labels.text("group summary", language)): \(group.code) — \(group.nameZh) / \(group.nameEn)",
                level: 1),
            .fields(
                [
                    (Labels.text("as of", language), report.asOf.description),
                    (Labels.text("members", language), String(report.members.count)),
                    (Labels.text("assignments", language), String(report.tally.total)),
                ] + summaryFields(report.tally, overdue: report.overdue, silent: report.silent, language)),
            .bars(
                StatusChart(
                    title: Labels.text("all assignments", language),
                    bars: [.init(label: group.code, counts: report.tally.counts)], legend: legend(language))),
            .heading(Labels.text("members", language), level: 2),
            .table(
                TextTable(
                    columns: [
                        .init(Labels.text("actor", language)), .init(Labels.text("name", language), maxWidth: 40),
                        .init(Labels.text("assignments", language), alignRight: true),
                    ] + StatusGroup.allCases.map { .init(Labels.group($0, language), alignRight: true) } + [
                        .init(Labels.text("overdue", language), alignRight: true),
                        .init(Labels.text("silent", language), alignRight: true),
                    ],
                    rows: report.members.map { member in
                        [
                            member.actor.code, language == .zh ? member.actor.nameZh : member.actor.nameEn,
                            String(member.tally.total),
                        ] + StatusGroup.allCases.map { String(member.tally.counts[$0] ?? 0) } + [
                            String(member.overdue), String(member.silent),
                        ]
                    }
                        + [
                            [Labels.text("total", language), "", String(report.tally.total)]
                                + StatusGroup.allCases.map { String(report.tally.counts[$0] ?? 0) } + [
                                    String(report.overdue), String(report.silent),
                                ]
                        ])),
        ])
    }

    // MARK: The overdue audit

    /// `followup audit overdue`. With `flat`, one table of every item (for CSV).
    public static func audit(_ audit: OverdueAudit, language: Language, flat: Bool) -> OutputDocument {
        let overdue = audit.items.filter { $0.reason == .overdue }.count
        var blocks: [OutputDocument.Block] = [
            .heading(
                "\(Labels.text("overdue audit", language)) (\(Labels.text("as of", language)) \(audit.asOf))", level: 1),
            .fields([
                (Labels.text("items", language), String(audit.items.count)),
                (Labels.text("overdue", language), String(overdue)),
                (Labels.text("silent", language), String(audit.items.count - overdue)),
            ]),
            .heading(Labels.text("by bucket", language), level: 2),
            .table(
                TextTable(
                    columns: [.init(Labels.text("age", language)), .init("N", alignRight: true)],
                    rows: AgeBucket.allCases.map { [$0.label(language), String(audit.byBucket[$0] ?? 0)] })),
        ]
        /// A table of `items`; within a recommendation's section, without the key and text it shows once.
        func table(_ items: [OverdueAudit.Item], perRecommendation: Bool = false) -> TextTable {
            var columns: [TextTable.Column] = [.init(Labels.text("actor", language), maxWidth: 36)]
            if !perRecommendation { columns.append(.init(Labels.text("key", language))) }
            columns += [
                .init(Labels.text("reason", language)), .init(Labels.text("since", language)),
                .init(Labels.text("days", language), alignRight: true),
                .init(Labels.text("age", language), maxWidth: 36),
                .init(Labels.text("status", language)), .init(Labels.text("last update", language)),
            ]
            if !perRecommendation { columns.append(.init(Labels.text("text", language), maxWidth: 40)) }
            return TextTable(
                columns: columns,
                rows: items.map { item in
                    var row = ["\(item.row.actor) \(item.row.actorName(language))"]
                    if !perRecommendation { row.append(item.row.key) }
                    row += [
                        Labels.text(item.reason.rawValue, language), item.since.description, String(item.ageDays),
                        item.bucket.label(language), Labels.status(item.row.status, language),
                        date(item.row.lastUpdate),
                    ]
                    if !perRecommendation { row.append(item.row.text) }
                    return row
                })
        }
        if audit.items.isEmpty {
            blocks.append(.text(Labels.text("nothing", language)))
        } else if flat {
            blocks.insert(.table(table(audit.items)), at: 0)
        } else {
            // Groups in order of first appearance (the items are sorted within groups already).
            var order: [String] = []
            var groups: [String: [OverdueAudit.Item]] = [:]
            for item in audit.items {
                let key =
                    switch audit.grouping {
                    case .actor: "\(item.row.actor) — \(item.row.actorName(language))"
                    case .document: item.row.document
                    case .recommendation: item.row.key
                    }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(item)
            }
            for key in order {
                let items = groups[key] ?? []
                blocks.append(.heading("\(key) (\(items.count))", level: 2))
                if audit.grouping == .recommendation, let first = items.first {
                    blocks.append(.text(first.row.text))
                    blocks.append(.table(table(items, perRecommendation: true)))
                } else {
                    blocks.append(.table(table(items)))
                }
            }
        }
        return OutputDocument(blocks)
    }
}
