import ArgumentParser
import Foundation
import FollowUpKit

/// `followup check`: integrity and consistency.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database's integrity and consistency; exit 1 when anything is wrong.",
        discussion: """
            Runs SQLite's integrity and foreign-key checks, and looks for progress entries dated \
            before their document, assignments no named addressee binds (an actor that had left the \
            group before the document's date), and cached statuses that differ from the log. Checks \
            that the tables and triggers are as FollowUp made them, and recomputes the log's hash \
            chain: an entry changed, removed or replaced outside FollowUp is named. Then the record \
            journal, a second chain over submissions, reviews, corrections, documents with their \
            recommendations and the log's last entry after each write: anything edited, deleted \
            or added outside FollowUp is named, and so are entries removed from the end of the log.

            Prints the journal's head: record it where others can see it (reports print it too). \
            Later, 'followup check --head HASH' says whether the record still holds it: a rewrite \
            of the whole file, journal included, shows there.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(
        name: .customLong("head"),
        help: ArgumentHelp("A journal head recorded earlier: check that the record still holds it.", valueName: "hash"))
    var head: String?

    func validate() throws {
        if let head, head.count != 64 || !head.allSatisfy(\.isHexDigit) {
            throw ValidationError("--head is a SHA-256 hash: 64 hexadecimal digits, as 'followup check' prints it")
        }
    }

    @Flag(
        name: .customLong("repair-cache"),
        help: "Rebuild the cache of current statuses from the log (the log itself is never changed).")
    var repairCache = false

    func run() throws {
        if repairCache {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let repaired = try options.openDatabase(.write).repairStatusCache()
            try output.emitSaved(
                OutputDocument([
                    .text(
                        repaired == 0
                            ? "The status cache agreed with the log; rebuilt it anyway."
                            : "Rebuilt the status cache: \(repaired) cached statuses differed from the log.")
                ]), json: ["differed": repaired])
            return
        }
        let result = try options.openDatabase(.read).check(head: head?.lowercased())
        let problems = result.problems
        var heads = [
            "Progress log: \(result.entries) entries; head of its hash chain \(result.head).",
            "Record journal: \(result.journalRows) rows; head \(result.journalHead): record it, and check against it later with --head.",
        ]
        if let row = result.givenHeadRow {
            heads.append(
                row == Int64(result.journalRows)
                    ? "The head you gave is the journal's current head: nothing was recorded since."
                    : "The head you gave is row #\(row) of the journal; \(Int64(result.journalRows) - row) "
                        + (Int64(result.journalRows) - row == 1 ? "row was" : "rows were") + " recorded after it."
            )
        }
        let document = OutputDocument(
            problems.isEmpty
                ? [.text("\(options.databasePath): no problems found.")] + heads.map(OutputDocument.Block.text)
                : [
                    .table(
                        TextTable(
                            columns: [.init("KIND"), .init("PROBLEM")], rows: problems.map { [$0.kind, $0.detail] })),
                    .text("\(problems.count) problem\(problems.count == 1 ? "" : "s") found."),
                ] + heads.map(OutputDocument.Block.text))
        try options.emit(document, json: result)
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

/// `followup backup FILE`: a consistent copy of a live database.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, safely while other commands use it.",
        discussion: """
            Uses SQLite's online backup, so the copy is a consistent snapshot. The copy is written \
            to a hidden file beside FILE and moved into place when complete. An existing FILE is \
            refused unless --force is given; the database itself never is a FILE.
            """)

    @OptionGroup var store: DatabaseOption

    @Argument(help: "The new file.")
    var file: String

    @Flag(help: "Replace FILE if it exists (a regular file only).")
    var force = false

    func run() throws {
        let sink = try OutputSink(path: file, force: force, protecting: store.databasePath)
        let database = try store.openDatabase(.read)
        guard let temporary = sink.temporaryPath else { throw FollowUpError.internalError("backup without a file") }
        try database.backup(to: temporary)
        try sink.close()
        try CLIContext.current.standardOutput("Backed up \(store.databasePath) to \(file).\n")
    }
}
