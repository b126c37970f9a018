import FollowUpModel
import FollowUpStore

/// How a review's matrix is summarised: by theme, by Sustainable Development Goal, or by
/// recommending State.
public enum ReviewGrouping: String, Vocabulary {
    case theme
    case sdg
    case state

    public static let vocabularyName = "grouping"
}

/// What a UPR focal point reads: the implementation matrix of one review (recommendation,
/// recommending States, position, themes, SDGs, status, evidence), optionally narrowed to one
/// recommending State or to what the mid-term report owes, with a summary by theme, goal or State.
public struct ReviewMatrixReport: Codable, Sendable {
    /// One line of a summary: a theme, a goal or a State, and how its recommendations stand.
    public struct Group: Codable, Sendable, Equatable {
        /// The theme, `SDG 5`, or the State's code.
        public var name: String
        /// The State's name, for a summary by State.
        public var label: String
        public var recommendations: Int
        public var supported: Int
        public var noted: Int
        /// Without a position yet.
        public var open: Int
        public var implemented: Int
        public var inProgress: Int
        /// Supported and not reported on.
        public var owed: Int
    }

    public var asOf: CalendarDate
    public var review: PeriodicReview
    /// The State under review's name.
    public var stateName: String
    /// English names of the States in the report, by code.
    public var names: [String: String]
    /// The recommending State the matrix is narrowed to, if any.
    public var recommender: String?
    /// Whether only what the mid-term report owes is shown.
    public var midTerm: Bool
    public var rows: [ReviewMatrixRow]
    public var grouping: ReviewGrouping?
    public var groups: [Group]
    /// Rows of each position ("pending" for none) and of each status ("unreported" for none).
    public var positions: [String: Int]
    public var statuses: [String: Int]

    /// The name of the State `code`, or the code.
    public func name(_ code: String) -> String { names[code] ?? code }
}

extension AppDatabase {
    /// The matrix of the review reported in `report` as known on `asOf`; `recommender` keeps the
    /// recommendations that State made ("what did Brazil recommend, and what became of it"),
    /// `midTerm` those supported and not yet reported on, `grouping` adds a summary. States are
    /// named in `language` (in English where no name in it is known).
    public func reviewMatrixReport(
        report: String, asOf: CalendarDate, recommender: String? = nil, midTerm: Bool = false,
        grouping: ReviewGrouping? = nil, language: Language = .en
    ) throws(FollowUpError) -> ReviewMatrixReport {
        let (review, all) = try reviewMatrix(report: report, asOf: asOf)
        let directory = try actorDirectory()
        var rows = all
        var narrowed: String?
        if let recommender {
            let code = try addressee(recommender).code
            narrowed = code
            rows = rows.filter { $0.recommenders.contains(code) }
        }
        if midTerm { rows = rows.filter(\.isOwed) }
        var names: [String: String] = [:]
        for code in Set(all.flatMap(\.recommenders) + [review.state]) {
            names[code] = directory.name(code, language)
        }
        let positions = Dictionary(grouping: rows, by: { $0.response?.rawValue ?? "pending" }).mapValues(\.count)
        let statuses = Dictionary(grouping: rows, by: { $0.status?.rawValue ?? "unreported" }).mapValues(\.count)
        return ReviewMatrixReport(
            asOf: asOf, review: review, stateName: names[review.state] ?? review.state, names: names,
            recommender: narrowed, midTerm: midTerm, rows: rows, grouping: grouping,
            groups: grouping.map { Self.groups(rows, by: $0, names: names) } ?? [], positions: positions,
            statuses: statuses)
    }

    /// The summary of `rows` by `grouping`, largest first.
    static func groups(_ rows: [ReviewMatrixRow], by grouping: ReviewGrouping, names: [String: String])
        -> [ReviewMatrixReport.Group]
    {
        var members: [String: [ReviewMatrixRow]] = [:]
        for row in rows {
            let keys: [String]
            switch grouping {
            case .theme: keys = row.themes.isEmpty ? ["(no theme)"] : row.themes
            case .sdg: keys = row.goals.isEmpty ? ["(no goal)"] : row.goals.map { "SDG \($0)" }
            case .state: keys = row.recommenders.isEmpty ? ["(none read)"] : row.recommenders
            }
            for key in keys { members[key, default: []].append(row) }
        }
        return members.map { name, rows in
            ReviewMatrixReport.Group(
                name: name, label: grouping == .state ? names[name] ?? name : name, recommendations: rows.count,
                supported: rows.count { $0.response?.isSupport ?? false }, noted: rows.count { $0.response == .noted },
                open: rows.count { $0.response == nil || $0.response == .pending },
                implemented: rows.count { $0.status == .implemented },
                inProgress: rows.count { $0.status == .inProgress || $0.status == .partiallyImplemented },
                owed: rows.count(where: \.isOwed))
        }.sorted { ($0.recommendations, $1.name) > ($1.recommendations, $0.name) }
    }
}
