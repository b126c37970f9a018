import ArgumentParser
import FollowUpKit

/// `followup documents`: list, show and add documents.
struct DocumentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents",
        abstract: "List the documents recommendations come from, show one, or add one by hand.",
        subcommands: [List.self, Show.self, Add.self],
        defaultSubcommand: List.self)

    /// `followup documents [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List documents, oldest first.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let documents = try options.openDatabase(.read).documents()
            try options.emit(Presentation.documentList(documents), json: documents)
        }
    }

    /// `followup documents show SYMBOL`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a document and its recommendations.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The document symbol, e.g. E/2020/31.")
        var symbol: String

        struct Result: Encodable {
            var document: DocumentInfo
            var recommendations: [RecommendationSummary]
        }

        func run() throws {
            let database = try options.openDatabase(.read)
            let document = try database.document(symbol)
            let recommendations = try database.recommendations(
                RecommendationFilter(document: document.symbol, asOf: CLIContext.current.clock.today()))
            try options.emit(
                Presentation.documentDetail(document, recommendations: recommendations),
                json: Result(document: document, recommendations: recommendations))
        }
    }

    /// `followup documents add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a document by hand, to enter its recommendations with 'followup recs add'.",
            discussion:
                "Example:\n  followup documents add --symbol A/RES/75/202 --title \"ICT for sustainable development\" --date 2020-12-21 --language en --body GA"
        )

        @OptionGroup var options: GlobalOptions

        @Option(help: "The UN symbol, e.g. A/RES/75/202.")
        var symbol: String

        @Option(help: "The title.")
        var title: String

        @Option(help: "The date of adoption or issue, YYYY-MM-DD.", transform: parseDate)
        var date: CalendarDate

        @Option(help: "The language of its text: ar, zh, en, fr, ru or es.")
        var language: Language

        @Option(help: "The adopting or issuing body: code or name, e.g. GA, ECOSOC, CSTD.")
        var body: String?

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let database = try options.openDatabase(.write)
            let document = try database.addDocument(
                DocumentDraft(symbol: symbol, title: title, body: body, date: date, language: language),
                today: CLIContext.current.clock.today())
            try output.emitSaved(
                OutputDocument([.text("Added document \(document.symbol) (\(document.date)).")]), json: document)
        }
    }
}
