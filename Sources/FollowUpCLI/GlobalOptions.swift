import ArgumentParser
import Foundation
import FollowUpKit

/// The database a command works on.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $FOLLOWUP_DATABASE, else ./followup.sqlite).", valueName: "path"))
    var database: String?

    /// The database path after defaults.
    var databasePath: String {
        database ?? CLIContext.current.environment["FOLLOWUP_DATABASE"] ?? "followup.sqlite"
    }

    /// Opens the database for `access`, refusing one that is missing, older or newer than this
    /// version. Commands that only read pass `.read`: nothing is written, not even journal set-up.
    func openDatabase(_ access: AppDatabase.Access) throws(FollowUpError) -> AppDatabase {
        let timeout = try UserNumber.parse(
            CLIContext.current.environment["FOLLOWUP_BUSY_TIMEOUT"], in: 0...3600, name: "FOLLOWUP_BUSY_TIMEOUT",
            what: "a number of seconds")
        let database = try AppDatabase.open(
            path: databasePath, access: access, busyTimeout: timeout ?? AppDatabase.busyTimeout)
        try database.requireCurrentSchema()
        return database
    }
}

/// Options every command takes: the database, the output format and the output file.
struct GlobalOptions: ParsableArguments {
    @OptionGroup var store: DatabaseOption

    @Option(
        name: .long,
        help: "Output format: table, json, csv, markdown, or html and pdf (reports; pdf needs Chromium and -o).")
    var format: OutputFormat = .table

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite the --output file if it exists.")
    var force = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Fit tables to this many columns (default: the terminal's width; whole values when piped).",
            valueName: "columns"))
    var width: Int?

    @Flag(name: .long, help: "Print tables at full width even in a terminal: no wrapping, nothing cut.")
    var wide = false

    @Flag(
        name: .customLong("no-bom"),
        help: "Write a CSV file without the byte-order mark that tells Excel it is UTF-8.")
    var noBOM = false

    func validate() throws {
        if let width { try requireRange(width, 40...1000, "--width", what: "a number of columns") }
    }

    /// The width tables are fitted to, if any.
    var tableWidth: Int? {
        if wide { return nil }
        if let width { return width }
        return output == nil ? CLIContext.current.terminalWidth() : nil
    }

    var databasePath: String { store.databasePath }

    func openDatabase(_ access: AppDatabase.Access) throws(FollowUpError) -> AppDatabase {
        try store.openDatabase(access)
    }

    /// Checks the format and the output file before the command does anything, and opens the
    /// output. A command that writes to the database calls this first, so that nothing it could
    /// refuse afterwards (a format it cannot print, an existing file, a folder) leaves a change
    /// behind that a retry would make twice.
    ///
    /// `formats` are those the command can print (all but HTML by default; HTML with `html`).
    func prepareOutput(
        formats: Set<OutputFormat> = [.table, .json, .csv, .markdown], html: Language? = nil
    ) throws(FollowUpError) -> PreparedOutput {
        var allowed = formats
        if html != nil { allowed.formUnion([.html, .pdf, .docx]) }
        guard allowed.contains(format) else {
            throw .invalidValue(
                field: "format for this command", value: format.rawValue,
                expected: OutputFormat.allCases.filter(allowed.contains).map(\.rawValue))
        }
        if format == .pdf {
            guard output != nil else {
                throw .invalidArgument(
                    field: "format pdf", reason: "a PDF is written to a file: name one with -o, e.g. -o report.pdf")
            }
            try PDFPrinter.requireBrowser()
        }
        if format == .docx && output == nil {
            throw .invalidArgument(
                field: "format docx",
                reason: "a Word document is written to a file: name one with -o, e.g. -o report.docx")
        }
        return PreparedOutput(
            format: format, html: html, width: tableWidth, byteOrderMark: output != nil && !noBOM,
            sink: try OutputSink(path: output, force: force, protecting: databasePath))
    }

    /// Writes `document` (or, for JSON, `value`) in the chosen format; HTML only where a report
    /// passes its language. For commands that only read.
    func emit(_ document: OutputDocument, json value: some Encodable, html: Language? = nil) throws(FollowUpError) {
        try prepareOutput(html: html).emit(document, json: value)
    }

    /// Writes `text` to `--output`, or to standard output.
    func write(_ text: String) throws(FollowUpError) {
        try OutputSink(path: output, force: force, protecting: databasePath).finish(text)
    }
}

/// A command's output, its format checked and its file opened, waiting for the result.
struct PreparedOutput {
    let format: OutputFormat
    let html: Language?
    /// The width terminal tables are fitted to (`nil`: whole values).
    let width: Int?
    /// Whether a CSV file starts with a byte-order mark (files only, not standard output).
    let byteOrderMark: Bool
    let sink: OutputSink

    /// Renders and writes `document` (or `value` as JSON).
    func emit(_ document: OutputDocument, json value: some Encodable) throws(FollowUpError) {
        let text: String
        switch format {
        case .pdf:
            try sink.finish(try PDFPrinter.print(HTMLRenderer.render(document, language: html ?? .en)))
            return
        case .docx:
            try sink.finish(try DocxRenderer.render(document, language: html ?? .en))
            return
        case .table: text = TextRenderer.render(document, width: width)
        case .markdown: text = MarkdownRenderer.render(document)
        case .json: text = try JSONRenderer.render(value)
        case .csv:
            guard let table = document.mainTable else {
                throw .invalidValue(field: "format", value: "csv", expected: ["table", "json", "markdown"])
            }
            text = (byteOrderMark ? "\u{FEFF}" : "") + CSVRenderer.render(table)
        case .html: text = HTMLRenderer.render(document, language: html ?? .en)
        }
        try sink.finish(text)
    }

    /// Like ``emit(_:json:)``, after the database change was committed: a failure now says that
    /// the change was saved, so that nobody runs the command again to "retry" it.
    func emitSaved(_ document: OutputDocument, json value: some Encodable) throws(FollowUpError) {
        do {
            try emit(document, json: value)
        } catch {
            switch error {
            case .outputFailed(let path, let reason, _), .fileAccess(let path, let reason):
                throw .outputFailed(path: path, reason: reason, saved: true)
            case .outputExists(let path, let reason):
                throw .outputFailed(path: path, reason: reason ?? "it was created meanwhile", saved: true)
            default:
                throw .outputFailed(path: sink.name, reason: error.message, saved: true)
            }
        }
    }
}

/// Refuses an option's number outside `range` as a usage error (exit 64), by the one rule of
/// ``UserNumber``.
func requireRange(_ value: Int, _ range: ClosedRange<Int>, _ option: String, what: String) throws {
    do {
        try UserNumber.validate(value, in: range, name: option, what: what)
    } catch {
        throw ValidationError(CommandLineRunner.message(for: error))
    }
}

/// Reads a `YYYY-MM-DD` option, refusing days that do not exist.
func parseDate(_ text: String) throws -> CalendarDate {
    guard let date = CalendarDate(text) else {
        throw ValidationError("'\(text)' is not a real date: write it as YYYY-MM-DD, e.g. 2021-02-28")
    }
    return date
}

/// Reads a vocabulary option, listing the accepted values when it is not one.
/// Every vocabulary is an option value: read leniently (`In progress` is `in-progress`), and
/// listed in `--help` and in shell completions.
extension Vocabulary where Self: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
    public static var allValueStrings: [String] { allRawValues }
    public var defaultValueDescription: String { rawValue }
}

extension ImplementationStatus: ExpressibleByArgument {}
extension Response: ExpressibleByArgument {}
extension ReviewGrouping: ExpressibleByArgument {}
extension Classification: ExpressibleByArgument {}
extension RecommendationKind: ExpressibleByArgument {}
extension AccountRole: ExpressibleByArgument {}
extension AddresseeKind: ExpressibleByArgument {}
extension ReportingCycle: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension TrackerVocabulary: ExpressibleByArgument {}
extension ExchangeFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
