import FollowUpModel
import FollowUpStore

/// How long something has been overdue, in the buckets auditors use (the JIU calls the last one
/// "long-outstanding").
///
/// 0–90 days and 91–365 days are counted in days; from one full calendar year on, in calendar
/// years from the day it fell due (so a leap day does not move an item between buckets).
public enum AgeBucket: String, Codable, CaseIterable, Sendable, Comparable {
    case upTo90Days = "0-90-days"
    case upTo365Days = "91-365-days"
    case oneToTwoYears = "1-2-years"
    case twoToFiveYears = "2-5-years"
    case fiveYearsOrMore = "5-years-or-more"

    /// The bucket of something due on `due`, seen on `date`.
    public init(due: CalendarDate, on date: CalendarDate) {
        if date >= due.adding(months: 60) {
            self = .fiveYearsOrMore
        } else if date >= due.adding(months: 24) {
            self = .twoToFiveYears
        } else if date >= due.adding(months: 12) {
            self = .oneToTwoYears
        } else if due.days(until: date) > 90 {
            self = .upTo365Days
        } else {
            self = .upTo90Days
        }
    }

    public static func < (lhs: AgeBucket, rhs: AgeBucket) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// "0–90 days", "5 years or more (long-outstanding)".
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.upTo90Days, .zh): "0–90天"
        case (.upTo365Days, .zh): "91–365天"
        case (.oneToTwoYears, .zh): "1–2年"
        case (.twoToFiveYears, .zh): "2–5年"
        case (.fiveYearsOrMore, .zh): "5年以上（长期未决）"
        case (.upTo90Days, _): "0–90 days"
        case (.upTo365Days, _): "91–365 days"
        case (.oneToTwoYears, _): "1–2 years"
        case (.twoToFiveYears, _): "2–5 years"
        case (.fiveYearsOrMore, _): "5 years or more (long-outstanding)"
        }
    }
}

/// Counts of assignments in each status group.
public struct StatusTally: Codable, Hashable, Sendable {
    public var counts: [StatusGroup: Int] = [:]
    public var total: Int { counts.values.reduce(0, +) }
    /// The assignments with a status reported: all but the unreported.
    public var reported: Int { total - (counts[.unreported] ?? 0) }

    public init() {}

    public init(_ rows: some Sequence<AssignmentRow>) {
        for row in rows { counts[StatusGroup(row.status), default: 0] += 1 }
    }

    /// The share of `group` in per cent, rounded to one decimal.
    public func share(_ group: StatusGroup) -> Double {
        total == 0 ? 0 : (Double(counts[group] ?? 0) * 1000 / Double(total)).rounded() / 10
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: StatusGroupKey.self)
        for group in StatusGroup.allCases {
            try container.encode(counts[group] ?? 0, forKey: StatusGroupKey(group.rawValue))
        }
        try container.encode(total, forKey: StatusGroupKey("total"))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: StatusGroupKey.self)
        for group in StatusGroup.allCases {
            counts[group] = try container.decodeIfPresent(Int.self, forKey: StatusGroupKey(group.rawValue))
        }
    }

    struct StatusGroupKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// The follow-up report on one document.
public struct DocumentReport: Codable, Sendable {
    /// Where one recommendation stands.
    public struct Item: Codable, Sendable {
        public var key: String
        public var path: String
        public var classification: Classification
        public var text: String
        public var addressees: [String]
        public var dueDate: CalendarDate?
        /// A year the world is to reach a goal by (a `target:` tag): shown, not a deadline.
        public var target: Int?
        public var cycle: ReportingCycle?
        public var tally: StatusTally
        public var overdue: Int
        public var silent: Int
        public var latest: LatestEntry?
    }

    public var asOf: CalendarDate
    public var document: DocumentInfo
    public var tally: StatusTally
    public var overdue: Int
    public var silent: Int
    /// Declaratory clauses: kept as context, not tracked.
    public var declaratory: Int
    public var items: [Item]
    /// Every entry on the document as of the date, oldest first, when there are at most
    /// ``listedEntries``; otherwise empty, and ``timelineByMonth`` counts them.
    public var timeline: [LatestEntry]
    /// How many entries the document has as of the date.
    public var timelineEntries: Int = 0
    /// The entries counted per month and status group, when there are too many to list.
    public var timelineByMonth: [MonthTally] = []

    /// Up to this many entries, the report lists each on its timeline.
    public static let listedEntries = 40
    /// Per actor with anything reported: its statuses across the document.
    public var byActor: [ActorTally]
}

/// The progress entries of one month, by the status group they report.
public struct MonthTally: Codable, Sendable {
    /// `2021-03`.
    public var month: String
    public var tally: StatusTally
}

/// One actor's statuses across a document.
public struct ActorTally: Codable, Sendable {
    public var actor: String
    public var nameEn: String
    public var nameZh: String
    public var tally: StatusTally
}

/// A country's (or any actor's) status summary.
public struct CountryReport: Codable, Sendable {
    public var asOf: CalendarDate
    public var actor: AddresseeInfo
    public var rows: [AssignmentRow]
    public var tally: StatusTally
    public var tallyByDocument: [String: StatusTally]
    public var overdue: Int
    public var silent: Int
}

/// A group's summary (`report country LDC`): each member on the as-of date, and the totals.
public struct GroupReport: Codable, Sendable {
    /// One member of the group.
    public struct Member: Codable, Sendable {
        public var actor: AddresseeInfo
        public var tally: StatusTally
        public var overdue: Int
        public var silent: Int
    }

    public var asOf: CalendarDate
    public var group: AddresseeInfo
    /// In code order; members bound by nothing are listed with an empty tally.
    public var members: [Member]
    public var tally: StatusTally
    public var overdue: Int
    public var silent: Int
}

/// Everything overdue or silent.
public struct OverdueAudit: Codable, Sendable {
    public enum Reason: String, Codable, Sendable {
        /// Past due and not implemented.
        case overdue
        /// No entry within its reporting cycle.
        case silent
    }

    /// One overdue or silent assignment.
    public struct Item: Codable, Sendable {
        public var row: AssignmentRow
        public var reason: Reason
        /// The day it fell due (overdue) or the day a report was owed (silent).
        public var since: CalendarDate
        public var ageDays: Int
        public var bucket: AgeBucket
    }

    /// How the audit groups its items.
    public enum Grouping: String, Codable, Sendable, CaseIterable {
        /// One section per recommendation: its text once, then every actor it is overdue for.
        case recommendation
        case actor, document
    }

    public var asOf: CalendarDate
    public var grouping: Grouping
    public var items: [Item]
    public var byBucket: [AgeBucket: Int]

    /// Whether anything is overdue or silent.
    public var isClean: Bool { items.isEmpty }
}

extension AgeBucket: CodingKeyRepresentable {}
extension StatusGroup: CodingKeyRepresentable {}
