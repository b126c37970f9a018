import ArgumentParser
import Foundation
import FollowUpKit

/// Options every report takes.
struct ReportOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: "Report what was known on this date: later entries are ignored (default: today).",
        transform: parseDate)
    var asOf: CalendarDate?

    @Option(
        name: .customLong("lang"),
        help: """
            Language of labels and actor names: en, zh, ar, fr, ru or es. In ar, fr, ru and es, actors \
            are named in that language and labels are in English (texts stay as written; HTML in \
            Arabic reads right to left).
            """)
    var language: Language = .en

    var date: CalendarDate { asOf ?? CLIContext.current.clock.today() }
}

/// `followup report`: the follow-up report on a document, or a country's status summary.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the follow-up report on a document, or a country's status summary.",
        subcommands: [Document.self, Country.self, Review.self])

    /// `followup report upr SYMBOL`.
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "upr",
            abstract: "The implementation matrix of a Universal Periodic Review, with summaries.",
            discussion: """
                One line per recommendation of the Working Group report: the States that made it, \
                the position of the State under review and where it is stated, the themes, persons \
                and SDGs of the thematic list, the status with its date and evidence, and a status \
                proposed and waiting for a validator. --by adds a summary by theme, SDG or \
                recommending State (the spreadsheet's table with --format csv); --state keeps what \
                one State recommended; --mid-term keeps what was supported and not yet reported on.

                Examples:
                  followup report upr A/HRC/43/15
                  followup report upr A/HRC/43/15 --by theme
                  followup report upr A/HRC/43/15 --state Brazil
                  followup report upr A/HRC/43/15 --mid-term --format csv -o mid-term.csv
                  followup report upr A/HRC/43/15 --format pdf -o matrix.pdf
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var report: ReportOptions

        @Argument(help: "The Working Group report's symbol, e.g. A/HRC/43/15.")
        var symbol: String

        @Option(help: "Summarise by theme, sdg or state.")
        var by: ReviewGrouping?

        @Option(help: "Only the recommendations this State made (code or name).")
        var state: String?

        @Flag(name: .customLong("mid-term"), help: "Only what was supported and has no status reported yet.")
        var midTerm = false

        func run() throws {
            let view = try ReportViews.reviewMatrix(
                symbol, asOf: report.date, language: report.language, recommender: state, midTerm: midTerm,
                grouping: by, footer: options.footer, in: try options.openDatabase(.read))
            try options.emit(view.document, json: view.report, html: report.language)
        }
    }

    /// `followup report document SYMBOL`.
    struct Document: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "document",
            abstract: "The follow-up report on a document: per recommendation, who it binds and where they stand.",
            discussion: """
                A summary (shares implemented, in progress, not started, unreported; overdue and silent \
                counts), then each tracked recommendation with its status counts, latest progress and \
                evidence, charts of the status per recommendation and per country, and a timeline of \
                entries. Declaratory clauses are counted, not listed.

                Examples:
                  followup report document E/2020/31
                  followup report document E/2020/31 --lang zh --format html -o E-2020-31.html
                  followup report document E/2020/31 --as-of 2021-06-30 --format csv
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var report: ReportOptions

        @Argument(help: "The document symbol, e.g. E/2020/31.")
        var symbol: String

        @Flag(
            name: .customLong("include-submitted"),
            help: "Also list entries submitted by focal points and awaiting review, marked and not counted.")
        var includeSubmitted = false

        func run() throws {
            let view = try ReportViews.document(
                symbol, asOf: report.date, language: report.language, submissions: includeSubmitted ? .all : .none,
                footer: options.footer, in: try options.openDatabase(.read))
            try options.emit(view.document, json: view.report, html: report.language)
        }
    }

    /// `followup report country CODE`.
    struct Country: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "country",
            abstract: "A country's status summary: every recommendation that binds it, and how.",
            discussion: """
                Lists every recommendation that binds the actor, directly or through a group (\
                "as a Member State", "as an LDC"), with its status, response, last update, evidence, \
                due date and whether it is overdue or silent; then totals by status and by document. \
                Given a group (LDC, SIDS, M49-014), summarises its members on the as-of date: a row \
                per member, and the group's totals.

                Examples:
                  followup report country ETH
                  followup report country 肯尼亚 --lang zh --format html -o KEN.html
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var report: ReportOptions

        @Argument(help: "The actor: ISO3 code, name or alias (ETH, 埃塞俄比亚, Ethiopia); any actor works.")
        var actor: String

        @Flag(
            name: .customLong("include-submitted"),
            help: "Also list entries submitted by focal points and awaiting review, marked and not counted.")
        var includeSubmitted = false

        func run() throws {
            let database = try options.openDatabase(.read)
            if let view = try ReportViews.group(
                actor, asOf: report.date, language: report.language, footer: options.footer, in: database)
            {
                try options.emit(view.document, json: view.report, html: report.language)
                return
            }
            let view = try ReportViews.country(
                actor, asOf: report.date, language: report.language, submissions: includeSubmitted ? .all : .none,
                footer: options.footer, in: database)
            try options.emit(view.document, json: view.report, html: report.language)
        }
    }
}

/// `followup audit`: what is overdue and silent.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit what is overdue or silent.",
        subcommands: [Overdue.self])

    /// `followup audit overdue`.
    struct Overdue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overdue",
            abstract: "Everything past due and not implemented, and everything silent, oldest first.",
            discussion: """
                Overdue: a due date has passed and the status is neither implemented nor no longer \
                relevant. Silent: a reporting cycle has passed since the last entry (or since the \
                document, when there is none). Each item is aged: 0–90 days, 91–365 days, 1–2 years, \
                2–5 years, 5 years or more (long-outstanding).

                Examples:
                  followup audit overdue --by document
                  followup audit overdue --group LDC --fail-on-overdue   # exits 1 when anything is overdue
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var report: ReportOptions

        @Option(help: "Only this actor.")
        var actor: String?

        @Option(help: "Only members of this group, e.g. LDC, M49-002.")
        var group: String?

        @Option(help: "Only this document.")
        var document: String?

        @Option(
            name: .customLong("by"),
            help: "Group items by recommendation (its text once, then each actor), actor, or document.")
        var grouping: OverdueAudit.Grouping = .recommendation

        @Flag(help: "Exit with status 1 when anything is overdue or silent, for scripts.")
        var failOnOverdue = false

        func run() throws {
            let view = try ReportViews.audit(
                ReportScope(document: document, actor: actor, group: group), grouping: grouping, asOf: report.date,
                language: report.language, flat: options.format == .csv, footer: options.footer,
                in: try options.openDatabase(.read))
            let audit = view.report
            try options.emit(view.document, json: audit, html: report.language)
            if failOnOverdue && !audit.isClean {
                CLIContext.current.standardError("\(audit.items.count) items overdue or silent\n")
                throw ExitCode(1)
            }
        }
    }
}

extension OverdueAudit.Grouping: ExpressibleByArgument {}

extension GlobalOptions {
    /// A report's footer: this database's file, generated now by the command's clock.
    var footer: ReportViews.Footer {
        ReportViews.Footer(path: databasePath, generated: Timestamp.string(from: CLIContext.current.clock.now()))
    }
}
