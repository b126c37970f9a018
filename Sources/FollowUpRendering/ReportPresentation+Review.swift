import FollowUpModel
import FollowUpReports

extension ReportPresentation {
    /// A review's implementation matrix: the summary first when one is asked for (so that it is
    /// the spreadsheet's table), then one line per recommendation.
    public static func reviewMatrix(_ report: ReviewMatrixReport, language: Language) -> OutputDocument {
        let zh = language == .zh
        let review = report.review
        var title =
            zh
            ? "普遍定期审议执行情况矩阵：\(report.stateName)，第 \(review.cycle) 轮（\(review.report)）"
            : "UPR implementation matrix: \(report.stateName), cycle \(review.cycle) (\(review.report))"
        if let recommender = report.recommender {
            title +=
                zh
                ? "——\(report.name(recommender))提出的建议"
                : " — recommended by \(report.name(recommender))"
        }
        if report.midTerm { title += zh ? "——中期：已支持、尚未报告" : " — mid-term: supported, not yet reported on" }
        var blocks: [OutputDocument.Block] = [
            .heading(title, level: 1),
            .fields([
                (Labels.text("as of", language), report.asOf.description),
                (
                    zh ? "审议" : "Review",
                    "\(review.reviewDate)\(review.session.map { zh ? "，工作组第 \($0) 届会议" : ", Working Group session \($0)" } ?? "")"
                ),
                (
                    zh ? "到期" : "Due",
                    zh ? "下一次审议（约 \(review.nextReview)）" : "at the next review (about \(review.nextReview))"
                ),
                (Labels.text("recommendations", language), "\(report.rows.count)"),
                (zh ? "立场" : "Positions", counts(report.positions, order: Response.allRawValues, language)),
                (
                    Labels.text("status", language),
                    counts(report.statuses, order: ImplementationStatus.allRawValues + ["unreported"], language)
                ),
                (zh ? "待报告（已支持、无状态）" : "Owed (supported, no status)", "\(report.rows.count(where: \.isOwed))"),
            ]),
        ]
        if let grouping = report.grouping {
            let heading: String
            switch grouping {
            case .theme: heading = zh ? "按主题" : "By theme"
            case .sdg: heading = zh ? "按可持续发展目标" : "By Sustainable Development Goal"
            case .state: heading = zh ? "按提出建议的国家" : "By recommending State"
            }
            blocks.append(.heading(heading, level: 2))
            blocks.append(
                .table(
                    TextTable(
                        columns: [
                            .init(grouping == .state ? (zh ? "国家" : "State") : (zh ? "类别" : "Group"), maxWidth: 48),
                            .init(Labels.text("recommendations", language), alignRight: true),
                            .init(zh ? "支持" : "Supported", alignRight: true),
                            .init(zh ? "注意到" : "Noted", alignRight: true),
                            .init(zh ? "未定" : "Open", alignRight: true),
                            .init(zh ? Labels.group(.implemented, language) : "Implemented", alignRight: true),
                            .init(zh ? Labels.group(.inProgress, language) : "In progress", alignRight: true),
                            .init(zh ? "待报告" : "Owed", alignRight: true),
                        ],
                        rows: report.groups.map { group in
                            [
                                grouping == .state ? "\(group.label) (\(group.name))" : group.label,
                                String(group.recommendations), String(group.supported), String(group.noted),
                                String(group.open), String(group.implemented), String(group.inProgress),
                                String(group.owed),
                            ]
                        })))
            blocks.append(
                .bars(
                    StatusChart(
                        title: zh ? "各组落实状态" : "Status in each group",
                        bars: report.groups.prefix(20).map { group in
                            let rows = report.rows.filter { row in
                                switch grouping {
                                case .theme:
                                    row.themes.contains(group.name) || row.themes.isEmpty && group.name == "(no theme)"
                                case .sdg:
                                    row.goals.map { "SDG \($0)" }.contains(group.name)
                                        || row.goals.isEmpty && group.name == "(no goal)"
                                case .state: row.recommenders.contains(group.name)
                                }
                            }
                            return .init(label: group.label, counts: tally(rows))
                        }, legend: legend(language))))
        } else {
            let positions = Response.allCases.filter { report.positions[$0.rawValue] != nil }
            blocks.append(
                .bars(
                    StatusChart(
                        title: zh ? "按立场分列的落实状态" : "Status by position",
                        bars: positions.map { position in
                            .init(
                                label: Labels.response(position, language),
                                counts: tally(report.rows.filter { $0.response == position }))
                        }, legend: legend(language))))
        }
        blocks.append(.heading(zh ? "矩阵" : "Matrix", level: 2))
        blocks.append(
            .table(
                TextTable(
                    columns: [
                        .init(zh ? "建议" : "Rec."), .init(zh ? "提出国" : "Recommended by", maxWidth: 28),
                        .init(zh ? "立场" : "Position"), .init(zh ? "立场出处" : "Position source", maxWidth: 24),
                        .init(Labels.text("status", language)), .init(Labels.text("as of", language)),
                        .init(zh ? "待审提议" : "Proposed"), .init(Labels.text("evidence", language), maxWidth: 26),
                        .init(zh ? "主题" : "Themes", maxWidth: 36, underRow: true),
                        .init(zh ? "受影响者" : "Persons", maxWidth: 30, underRow: true),
                        .init("SDGs"),
                        .init(Labels.text("text", language), maxWidth: 60, underRow: true),
                        .init(Labels.text("note", language), maxWidth: 60, underRow: true),
                    ],
                    rows: report.rows.map { row in
                        [
                            row.path, row.recommenders.map { report.name($0) }.sorted().joined(separator: ", "),
                            Labels.response(row.response, language), row.responseSource?.description ?? "—",
                            Labels.status(row.status, language), date(row.statusAsOf),
                            row.proposed.map { Labels.status($0, language) } ?? "—", row.evidence?.description ?? "—",
                            row.themes.joined(separator: "; "), row.persons.joined(separator: "; "),
                            row.goals.map(String.init).joined(separator: ", "), row.text, row.statusNote ?? "",
                        ]
                    })))
        return OutputDocument(blocks)
    }

    /// "58 supported, 157 pending" in the order given.
    private static func counts(_ counts: [String: Int], order: [String], _ language: Language) -> String {
        order.compactMap { key in
            guard let count = counts[key] else { return nil }
            let word: String
            if let response = Response(rawValue: key) {
                word = Labels.response(response, language)
            } else if let status = ImplementationStatus(rawValue: key) {
                word = Labels.status(status, language)
            } else {
                word = key == "unreported" ? Labels.status(nil, language) : (language == .zh ? "未定" : key)
            }
            return "\(count) \(word)"
        }.joined(separator: ", ")
    }

    private static func tally(_ rows: [ReviewMatrixRow]) -> [StatusGroup: Int] {
        Dictionary(grouping: rows, by: { StatusGroup($0.status) }).mapValues(\.count)
    }
}
