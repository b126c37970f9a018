import ArgumentParser
import Foundation
import FollowUpKit

/// Options every command takes: the database, the output format and the output file.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file (default: $FOLLOWUP_DATABASE, else ./followup.sqlite).", valueName: "path"))
    var database: String?

    @Option(name: .long, help: "Output format: table, json, csv, markdown, or html (reports).")
    var format: OutputFormat = .table

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite the --output file if it exists.")
    var force = false

    /// The database path after defaults.
    var databasePath: String {
        database ?? CLIContext.current.environment["FOLLOWUP_DATABASE"] ?? "followup.sqlite"
    }

    /// Opens the database, refusing one that is missing, older or newer than this version.
    func openDatabase() throws(FollowUpError) -> AppDatabase {
        let database = try AppDatabase.open(path: databasePath)
        try database.requireCurrentSchema()
        return database
    }

    /// Writes `document` (or, for JSON, `value`) in the chosen format; HTML only where a report
    /// passes its language.
    func emit(_ document: OutputDocument, json value: some Encodable, html: Language? = nil) throws(FollowUpError) {
        let text: String
        switch format {
        case .table: text = TextRenderer.render(document)
        case .markdown: text = MarkdownRenderer.render(document)
        case .json: text = try JSONRenderer.render(value)
        case .csv:
            guard let table = document.mainTable else {
                throw .invalidValue(field: "format", value: "csv", expected: ["table", "json", "markdown"])
            }
            text = CSVRenderer.render(table)
        case .html:
            guard let language = html else {
                throw .invalidValue(
                    field: "format for this command", value: "html", expected: ["table", "json", "csv", "markdown"])
            }
            text = HTMLRenderer.render(document, language: language)
        }
        try write(text)
    }

    /// Writes `text` to `--output`, or to standard output.
    func write(_ text: String) throws(FollowUpError) {
        guard let output else {
            CLIContext.current.standardOutput(text)
            return
        }
        if FileManager.default.fileExists(atPath: output) && !force {
            throw .outputExists(path: output)
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw .fileAccess(path: output, reason: (error as NSError).localizedDescription)
        }
        CLIContext.current.standardError("wrote \(output)\n")
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
func parseTerm<T: Vocabulary>(_ text: String) throws -> T {
    guard let value = T(lenient: text) else {
        throw ValidationError(
            "unknown \(T.vocabularyName) '\(text)': use one of \(T.allRawValues.joined(separator: ", "))")
    }
    return value
}

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(lenient: argument) }
}
