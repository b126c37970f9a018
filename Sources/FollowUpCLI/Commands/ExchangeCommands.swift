import ArgumentParser
import Foundation
import FollowUpKit

/// Reads an exchange file named on the command line (`-` for standard input) as a stream.
func withExchangeReader<T>(
    _ path: String, format: ExchangeFormat?, columns: [String], lists: Set<String>,
    _ body: (inout RecordReader) throws -> T
) throws -> T {
    let handle: FileHandle
    if path == "-" {
        handle = FileHandle.standardInput
    } else {
        try InputFile.checkRegularFile(path)
        guard let opened = FileHandle(forReadingAtPath: path) else {
            throw FollowUpError.fileAccess(path: path, reason: "it cannot be read")
        }
        handle = opened
    }
    defer { if path != "-" { try? handle.close() } }
    var reader = RecordReader(
        source: ByteStream(handle: handle), format: format ?? ExchangeFormat.guess(path),
        sourceName: path == "-" ? "standard input" : path, columns: columns, listColumns: lists)
    return try body(&reader)
}

extension ImportCommand {
    /// `followup import recommendations FILE`.
    struct Recommendations: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommendations",
            abstract: "Import recommendations (and their documents) from CSV or JSON Lines, all or none.",
            discussion: "Columns: see docs/exchange.md. Every invalid row is reported with its line and column.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The file (.csv, .jsonl), or - for standard input.")
        var file: String

        @Option(
            name: .customLong("input-format"), help: "csv or jsonl (default: from the file name).")
        var inputFormat: ExchangeFormat?

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let database = try options.openDatabase(.write)
            let result = try withExchangeReader(
                file, format: inputFormat, columns: ExchangeColumns.recommendations,
                lists: ExchangeColumns.recommendationLists
            ) { reader in try database.importRecommendations(&reader, today: CLIContext.current.clock.today()) }
            try output.emitSaved(
                OutputDocument([
                    .text(
                        "Imported \(result.source): \(result.rows) rows, \(result.added) recommendations added, \(result.unchanged) unchanged, "
                            + "\(result.documentsCreated) documents created, \(result.assignmentsCreated) assignments.")
                ]), json: result)
        }
    }

    /// `followup import progress FILE`.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Import progress entries from CSV or JSON Lines, all or none.",
            discussion: """
                Each row is one entry with a stable uid; re-importing a file skips what is there already. \
                --vocabulary reads statuses and responses in another tracker's words (upr, impact, jiu, \
                ogp, seridh, treaty-body). Columns and the vocabulary table: docs/exchange.md.
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The file (.csv, .jsonl), or - for standard input.")
        var file: String

        @Option(
            name: .customLong("input-format"), help: "csv or jsonl (default: from the file name).")
        var inputFormat: ExchangeFormat?

        @Option(help: "Read statuses and responses in this tracker's words.")
        var vocabulary: TrackerVocabulary = .followup

        func run() throws {
            let context = CLIContext.current
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let database = try options.openDatabase(.write)
            let result = try withExchangeReader(
                file, format: inputFormat, columns: ExchangeColumns.progress, lists: ExchangeColumns.progressLists
            ) { reader in
                try database.importProgress(
                    &reader, vocabulary: vocabulary, today: context.clock.today(),
                    recordedAt: Timestamp.string(from: context.clock.now()))
            }
            try output.emitSaved(
                OutputDocument([
                    .text(
                        "Imported \(result.source): \(result.rows) rows, \(result.added) entries added, \(result.unchanged) unchanged."
                    )
                ]), json: result)
        }
    }
}

/// `followup export`: write data out as CSV or JSON Lines.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export recommendations, progress entries or assignments as CSV or JSON Lines.",
        discussion: """
            An export of recommendations and then of progress, imported into a database made with \
            'followup init --no-seeds', gives the same data. Columns: docs/exchange.md.
            """,
        subcommands: [Recommendations.self, Progress.self, Assignments.self])

    /// Options of every export.
    struct Options: ParsableArguments {
        @OptionGroup var store: DatabaseOption

        @Option(help: "csv (default) or jsonl.")
        var format: ExchangeFormat = .csv

        @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
        var output: String?

        @Flag(help: "Overwrite the --output file if it exists.")
        var force = false

        @Flag(
            name: .customLong("no-bom"),
            help: "Write a CSV file without the byte-order mark that tells Excel it is UTF-8.")
        var noBOM = false

        func export(
            columns: [String], lists: Set<String>,
            _ body: (AppDatabase, ExchangeWriter, (String) throws(FollowUpError) -> Void) throws -> Void
        ) throws {
            let sink = try OutputSink(path: output, force: force, protecting: store.databasePath)
            let database = try store.openDatabase(.read)
            // A CSV file for a spreadsheet says it is UTF-8 (the importer reads the mark).
            if output != nil && format == .csv && !noBOM { try sink.write("\u{FEFF}") }
            try body(database, ExchangeWriter(format: format, columns: columns, lists: lists)) {
                text throws(FollowUpError) in
                try sink.write(text)
            }
            try sink.close()
        }
    }

    /// `followup export recommendations`.
    struct Recommendations: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "recommendations",
            abstract: "Every recommendation, with its document and addressees.")
        @OptionGroup var options: Options

        func run() throws {
            try options.export(columns: ExchangeColumns.recommendations, lists: ExchangeColumns.recommendationLists) {
                try $0.exportRecommendations($1, emit: $2)
            }
        }
    }

    /// `followup export progress`.
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Every progress entry, oldest first, with its stable uid.")
        @OptionGroup var options: Options

        func run() throws {
            try options.export(columns: ExchangeColumns.progress, lists: ExchangeColumns.progressLists) {
                try $0.exportProgress($1, emit: $2)
            }
        }
    }

    /// `followup export assignments`.
    struct Assignments: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assignments",
            abstract:
                "Every assignment (recommendation × actor) with where it stands: for spreadsheets, not for re-import.")
        @OptionGroup var options: Options

        @Option(name: .customLong("as-of"), help: "Statuses as of this date (default: today).", transform: parseDate)
        var asOf: CalendarDate?

        func run() throws {
            let date = asOf ?? CLIContext.current.clock.today()
            try options.export(columns: ExchangeColumns.assignments, lists: ExchangeColumns.assignmentLists) {
                try $0.exportAssignments($1, asOf: date, emit: $2)
            }
        }
    }
}
