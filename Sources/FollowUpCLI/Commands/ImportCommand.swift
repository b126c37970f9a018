import ArgumentParser
import FollowUpKit

/// `followup import`: bring data in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a UN document's recommendations, or recommendations and progress in bulk.",
        subcommands: [Document.self, Recommendations.self, Progress.self])

    /// `followup import document FILE`.
    struct Document: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract the recommendations of a UN document, with who each one binds.",
            discussion: """
                Reads the text of a resolution, a commission report (its draft resolutions and \
                decisions) or a report's conclusions and recommendations, in Chinese or English, \
                and imports each operative clause with its class, verbs, addressees, due date and \
                cycle. Review first with --dry-run, which writes nothing.

                The import is one transaction. Importing the same text again changes nothing; a \
                changed text adds, updates and removes recommendations and reports what changed.

                Examples:
                  followup import document report.txt --symbol E/2020/31 --dry-run
                  followup import document report.txt --symbol E/2020/31 --date 2020-06-12
                  curl -s … | followup import document - --symbol A/RES/75/202 --language en
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The document: a PDF as the UN publishes it, or UTF-8 text; - for standard input.")
        var file: String

        @Option(help: "The document's UN symbol, e.g. E/2020/31 (default: read from the text).")
        var symbol: String?

        @Option(help: "The title (default: read from the text).")
        var title: String?

        @Option(help: "The date of adoption or issue (default: read from the text).", transform: parseDate)
        var date: CalendarDate?

        @Option(help: "zh or en (default: detected).")
        var language: Language?

        @Option(help: "The issuing body, e.g. CSTD (default: the first UN body the text names).")
        var body: String?

        @Flag(help: "Show what would be imported, and write nothing.")
        var dryRun = false

        @Option(name: .customLong("max-size"), help: "Refuse documents larger than this many MB (1 to 2048).")
        var maxSize = 20

        func validate() throws {
            guard (1...2048).contains(maxSize) else {
                throw ValidationError("--max-size is in MB, from 1 to 2048: \(maxSize) is out of range")
            }
        }

        func run() throws {
            let output = try options.prepareOutput(
                formats: dryRun ? [.table, .json, .csv, .markdown] : [.table, .json, .markdown])
            let database = try options.openDatabase(dryRun ? .read : .write)
            let text = try InputFile.readText(file, maximumMegabytes: maxSize)
            let plan = try database.planImport(
                text: text,
                options: ImportOptions(
                    symbol: symbol, title: title, date: date, language: language, body: body,
                    sourceName: file == "-" ? "standard input" : file, today: CLIContext.current.clock.today()))
            for warning in plan.warnings { CLIContext.current.standardError("note: \(warning)\n") }
            if dryRun {
                try output.emit(Presentation.importPlan(plan), json: plan.items)
                return
            }
            let result = try database.importDocument(plan)
            try output.emitSaved(Presentation.importResult(result, plan: plan), json: result)
        }
    }
}
