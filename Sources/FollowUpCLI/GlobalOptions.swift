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

    /// Opens the database, refusing one that is missing, older or newer than this version.
    func openDatabase() throws(FollowUpError) -> AppDatabase {
        let database = try AppDatabase.open(path: databasePath)
        try database.requireCurrentSchema()
        return database
    }
}

/// Options every command takes: the database, the output format and the output file.
struct GlobalOptions: ParsableArguments {
    @OptionGroup var store: DatabaseOption

    @Option(name: .long, help: "Output format: table, json, csv, markdown, or html (reports).")
    var format: OutputFormat = .table

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite the --output file if it exists.")
    var force = false

    var databasePath: String { store.databasePath }

    func openDatabase() throws(FollowUpError) -> AppDatabase { try store.openDatabase() }

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
        let sink = try OutputSink(path: output, force: force)
        sink.write(text)
        try sink.close()
    }
}

/// Where a command's output goes: standard output, or a file written whole or not at all.
///
/// A file is written to a temporary name beside it and renamed into place at the end, so an
/// interrupted command leaves no half-written file; an existing file is refused unless `force`.
final class OutputSink {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle?

    init(path: String?, force: Bool) throws(FollowUpError) {
        self.path = path
        guard let path else {
            temporary = nil
            handle = nil
            return
        }
        if FileManager.default.fileExists(atPath: path) && !force { throw .outputExists(path: path) }
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw .fileAccess(path: path, reason: "cannot create it (check the folder exists and is writable)")
        }
        self.temporary = temporary
        self.handle = handle
    }

    func write(_ text: String) {
        guard let handle else {
            CLIContext.current.standardOutput(text)
            return
        }
        handle.write(Data(text.utf8))
    }

    /// Moves the finished file into place.
    func close() throws(FollowUpError) {
        guard let handle, let temporary, let path else { return }
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .fileAccess(path: path, reason: "cannot write it")
        }
        CLIContext.current.standardError("wrote \(path)\n")
    }

    deinit {
        if let temporary, FileManager.default.fileExists(atPath: temporary) {
            try? FileManager.default.removeItem(atPath: temporary)
        }
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
extension Classification: ExpressibleByArgument {}
extension RecommendationKind: ExpressibleByArgument {}
extension AddresseeKind: ExpressibleByArgument {}
extension ReportingCycle: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension TrackerVocabulary: ExpressibleByArgument {}
extension ExchangeFormat: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
