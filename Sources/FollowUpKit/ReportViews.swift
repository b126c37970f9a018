import FollowUpModel
import FollowUpRendering
import FollowUpReports
import FollowUpStore

/// A report as people read it: the document every format renders (its footer included), and the
/// report itself for JSON.
public struct ReportView<Report: Encodable & Sendable>: Sendable {
    public var document: OutputDocument
    public var report: Report
}

/// One function per report view, used by the command line and the server alike: the report read
/// from the database, presented in a language, with the submitted entries a reader may see and the
/// footer (the database's file name where shown, the time, the record journal's head).
public enum ReportViews {
    /// Which entries awaiting review are listed beside a report (marked, never counted).
    public enum Submissions: Sendable {
        /// None.
        case none
        /// All of them (the command line, whose user holds the database).
        case all
        /// Those the account may see: an administrator's all, a validator's or focal point's
        /// those of their own actors, a reader's none.
        case visibleTo(AccountInfo)

        func filter(_ pending: [SubmissionInfo]) -> [SubmissionInfo] {
            switch self {
            case .none: []
            case .all: pending
            case .visibleTo(let account):
                switch account.role {
                case .administrator: pending
                case .validator, .focalPoint: pending.filter { account.actors.contains($0.actor) }
                case .reader: []
                }
            }
        }
    }

    /// What a report's footer says of where and when it was made.
    public struct Footer: Sendable {
        /// The database file, named in the footer; `nil` where readers should not learn it.
        public var path: String?
        /// When the report was made (an ISO 8601 UTC time).
        public var generated: String

        public init(path: String?, generated: String) {
            self.path = path
            self.generated = generated
        }
    }

    /// The follow-up report on document `symbol`.
    public static func document(
        _ symbol: String, asOf: CalendarDate, language: Language, submissions: Submissions = .none,
        footer: Footer, in database: AppDatabase
    ) throws(FollowUpError) -> ReportView<DocumentReport> {
        let report = try database.documentReport(symbol, asOf: asOf)
        var document = ReportPresentation.document(report, actors: try database.actorDirectory(), language: language)
        if case .none = submissions {
        } else {
            document = document.withSubmissions(
                submissions.filter(try database.pendingSubmissions(document: report.document.symbol)),
                language: language)
        }
        return ReportView(
            document: try finished(document, asOf: asOf, language: language, footer, database), report: report)
    }

    /// The status summary of actor `code`.
    public static func country(
        _ code: String, asOf: CalendarDate, language: Language, submissions: Submissions = .none,
        footer: Footer, in database: AppDatabase
    ) throws(FollowUpError) -> ReportView<CountryReport> {
        let report = try database.countryReport(code, asOf: asOf)
        var document = ReportPresentation.country(report, actors: try database.actorDirectory(), language: language)
        if case .none = submissions {
        } else {
            document = document.withSubmissions(
                submissions.filter(try database.pendingSubmissions(actor: report.actor.code)), language: language)
        }
        return ReportView(
            document: try finished(document, asOf: asOf, language: language, footer, database), report: report)
    }

    /// The summary of group `code` (its members on `asOf`), or `nil` when `code` is not a group.
    public static func group(
        _ code: String, asOf: CalendarDate, language: Language, footer: Footer, in database: AppDatabase
    ) throws(FollowUpError) -> ReportView<GroupReport>? {
        guard let report = try database.groupReport(code, asOf: asOf) else { return nil }
        let document = ReportPresentation.group(
            report, actors: try otherNames(language, database),
            language: language)
        return ReportView(
            document: try finished(document, asOf: asOf, language: language, footer, database), report: report)
    }

    /// Everything overdue or silent within `scope`; `flat` for a spreadsheet (one row per item).
    public static func audit(
        _ scope: ReportScope, grouping: OverdueAudit.Grouping, asOf: CalendarDate, language: Language, flat: Bool,
        footer: Footer, in database: AppDatabase
    ) throws(FollowUpError) -> ReportView<OverdueAudit> {
        let report = try database.overdueAudit(scope, grouping: grouping, asOf: asOf)
        let document = ReportPresentation.audit(
            report, actors: try otherNames(language, database),
            language: language, flat: flat)
        return ReportView(
            document: try finished(document, asOf: asOf, language: language, footer, database), report: report)
    }

    /// The implementation matrix of the Universal Periodic Review reported in `report`.
    public static func reviewMatrix(
        _ report: String, asOf: CalendarDate, language: Language, recommender: String? = nil, midTerm: Bool = false,
        grouping: ReviewGrouping? = nil, footer: Footer, in database: AppDatabase
    ) throws(FollowUpError) -> ReportView<ReviewMatrixReport> {
        let matrix = try database.reviewMatrixReport(
            report: report, asOf: asOf, recommender: recommender, midTerm: midTerm, grouping: grouping,
            language: language)
        let document = ReportPresentation.reviewMatrix(matrix, language: language)
        return ReportView(
            document: try finished(document, asOf: asOf, language: language, footer, database), report: matrix)
    }

    private static func finished(
        _ document: OutputDocument, asOf: CalendarDate, language: Language, _ footer: Footer, _ database: AppDatabase
    ) throws(FollowUpError) -> OutputDocument {
        document.withFooter(
            journal: try database.journalHead(), path: footer.path, asOf: asOf, language: language,
            generated: footer.generated)
    }
}

extension ReportViews {
    /// The actor directory where a report needs names the rows do not carry (Arabic, French,
    /// Russian, Spanish); an empty one, not read, in English and Chinese.
    fileprivate static func otherNames(_ language: Language, _ database: AppDatabase) throws(FollowUpError)
        -> ActorDirectory
    {
        language == .en || language == .zh ? ActorDirectory() : try database.actorDirectory()
    }
}
