import ArgumentParser
import Foundation
import FollowUpKit

extension ImportCommand.Document {
    /// An addendum of a Universal Periodic Review report: the State's positions, recorded as its
    /// responses (or shown, with --dry-run).
    func recordPositions(_ text: String, file: String, database: AppDatabase) throws {
        let output = try options.prepareOutput(
            formats: dryRun ? [.table, .json, .csv, .markdown] : [.table, .json, .markdown])
        let plan = try database.planPositions(
            text: text,
            options: ImportOptions(
                symbol: symbol, date: date, sourceName: file == "-" ? "standard input" : file,
                today: CLIContext.current.clock.today()))
        for warning in plan.warnings { CLIContext.current.standardError("note: \(warning)\n") }
        if dryRun {
            try output.emit(Presentation.positionsPlan(plan), json: plan)
            return
        }
        let result = try database.recordPositions(plan, clock: CLIContext.current.clock)
        try output.emitSaved(Presentation.positionsPlan(plan, result: result), json: result)
    }
}

extension ImportCommand {
    /// `followup import themes FILE.docx`.
    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "themes",
            abstract: "Record the themes, persons and SDGs of a review's recommendations from OHCHR's thematic list.",
            discussion: """
                Reads the Word table OHCHR publishes for a Universal Periodic Review (Recommendation | \
                Position | Full list of themes | …) and records, on each recommendation it names, its \
                themes, the persons concerned and the Sustainable Development Goals. Import the \
                Working Group report and its addendum first: the list is checked against them, and \
                every difference (wording, recommending States, position, a recommendation only one \
                of them has) is reported. Importing a list again replaces the topics it set.

                Examples:
                  followup import themes UPR20_Slovenia_thematic_list.docx --dry-run
                  followup import themes list.docx --report A/HRC/28/15
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The thematic list: a Word .docx file.")
        var file: String

        @Option(help: "The Working Group report it lists (default: read from 'Source of position' in the list).")
        var report: String?

        @Flag(help: "Show what would be recorded and every disagreement, and write nothing.")
        var dryRun = false

        @Option(name: .customLong("max-size"), help: "Refuse files larger than this many MB (1 to 2048).")
        var maxSize = 20

        func validate() throws {
            try requireRange(maxSize, 1...2048, "--max-size", what: "a size in MB")
        }

        func run() throws {
            let output = try options.prepareOutput(
                formats: dryRun ? [.table, .json, .csv, .markdown] : [.table, .json, .markdown])
            let database = try options.openDatabase(dryRun ? .read : .write)
            let tables = try InputFile.readWordTables(file, maximumMegabytes: maxSize)
            let plan = try database.planThemes(tables: tables, source: file, report: report)
            if dryRun {
                try output.emit(Presentation.themesPlan(plan), json: plan)
                return
            }
            let result = try database.recordTopics(plan)
            try output.emitSaved(Presentation.themesPlan(plan, result: result), json: result)
        }
    }
}

extension ImportCommand {
    /// `followup import evidence FILE --answers REPORT --account NAME`.
    struct Evidence: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evidence",
            abstract: "Propose progress entries from a national report, for a validator to accept or return.",
            discussion: """
                Reads a national report of the Universal Periodic Review (A/HRC/WG.6/34/SVN/1) as \
                the State's account of what it did about the previous cycle's recommendations: \
                each section heading cites the recommendations it answers ("(recommendations \
                14–17, 161)"). For each recommendation cited, the section's paragraphs that speak \
                of it are its evidence and a status is proposed from their words ("has ratified" \
                → implemented, "is being drafted" → in progress, "plans to" → planned), with the \
                words kept in the note. The proposals go into the validation queue as submissions \
                of the focal point --account: nothing enters the progress log until a validator \
                accepts them ('followup review'). Reading the same report again skips what it \
                proposed before. How the report's numbers map onto the recommendations: docs/upr.md.

                Examples:
                  followup import evidence A_HRC_WG.6_34_SVN_1.pdf --answers A/HRC/28/15 --dry-run
                  followup import evidence A_HRC_WG.6_34_SVN_1.pdf --answers A/HRC/28/15 --account svn-focal
                  followup import evidence sg-report.txt --answers E/2020/31 --paragraphs 51-77 --dry-run

                With --paragraphs, a report that cites no recommendation by number (the \
                Secretary-General's report on a resolution) is read paragraph by paragraph: each is \
                matched to the recommendations whose wording it shares, and an entry proposed for \
                each actor it names that they bind.
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The national report: a PDF as the UN publishes it, Word .docx, or UTF-8 text.")
        var file: String

        @Option(help: "The document whose recommendations it answers: a review's report, e.g. A/HRC/28/15.")
        var answers: String

        @Option(
            help: ArgumentHelp(
                "Read these paragraphs (e.g. 51-77) of a report that cites no recommendation, matching each to the recommendations it speaks of.",
                valueName: "from-to"))
        var paragraphs: String?

        @Option(help: "The focal point the proposals are submitted as (an account of the State's).")
        var account: String?

        @Option(help: "The report's symbol (default: read from the text).")
        var symbol: String?

        @Option(help: "The report's date (default: read from the text).", transform: parseDate)
        var date: CalendarDate?

        @Flag(help: "Show the sections and the proposals, and write nothing.")
        var dryRun = false

        @Option(name: .customLong("max-size"), help: "Refuse files larger than this many MB (1 to 2048).")
        var maxSize = 20

        /// `51-77` or `51–77`.
        var paragraphRange: ClosedRange<Int>? {
            guard let paragraphs else { return nil }
            let parts = paragraphs.split(whereSeparator: { $0 == "-" || $0 == "–" }).compactMap { Int($0) }
            guard parts.count == 2, parts[0] >= 1, parts[0] <= parts[1], parts[1] <= 9_999 else { return nil }
            return parts[0]...parts[1]
        }

        func validate() throws {
            try requireRange(maxSize, 1...2048, "--max-size", what: "a size in MB")
            if paragraphs != nil && paragraphRange == nil {
                throw ValidationError("--paragraphs takes a range of paragraph numbers, e.g. 51-77")
            }
            if account == nil && !dryRun {
                throw ValidationError(
                    "name the focal point the proposals are submitted as (--account NAME), or look first with --dry-run"
                )
            }
        }

        func run() throws {
            let output = try options.prepareOutput(
                formats: dryRun ? [.table, .json, .csv, .markdown] : [.table, .json, .markdown])
            let database = try options.openDatabase(dryRun ? .read : .write)
            let text = try InputFile.readText(file, maximumMegabytes: maxSize)
            let context = CLIContext.current
            let options = ImportOptions(
                symbol: symbol, date: date, sourceName: file == "-" ? "standard input" : file,
                today: context.clock.today())
            let plan =
                if let range = paragraphRange {
                    try database.planEvidence(text: text, answers: answers, paragraphs: range, options: options)
                } else {
                    try database.planEvidence(text: text, answers: answers, options: options)
                }
            for warning in plan.warnings { context.standardError("note: \(warning)\n") }
            guard let account, !dryRun else {
                try output.emit(Presentation.evidencePlan(plan), json: plan)
                return
            }
            let (submitted, skipped) = try database.submitEvidence(plan, account: account, clock: context.clock)
            try output.emitSaved(
                Presentation.evidencePlan(plan, submitted: submitted.count, skipped: skipped), json: submitted)
        }
    }
}
