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
            chain: an entry changed, removed or replaced outside FollowUp is named. Prints the head \
            of the chain: publish it (reports print it too) so that a rewrite of the whole log shows.
            """)

    @OptionGroup var options: GlobalOptions

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
        let result = try options.openDatabase(.read).check()
        let problems = result.problems
        let head = "Progress log: \(result.entries) entries; head of the hash chain \(result.head)."
        let document = OutputDocument(
            problems.isEmpty
                ? [.text("\(options.databasePath): no problems found."), .text(head)]
                : [
                    .table(
                        TextTable(
                            columns: [.init("KIND"), .init("PROBLEM")], rows: problems.map { [$0.kind, $0.detail] })),
                    .text("\(problems.count) problem\(problems.count == 1 ? "" : "s") found."), .text(head),
                ])
        try options.emit(document, json: result)
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

/// `followup backup FILE`: a consistent copy of a live database.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file, safely while other commands use it.",
        discussion: "Uses SQLite's online backup, so the copy is a consistent snapshot. Refuses an existing file.")

    @OptionGroup var store: DatabaseOption

    @Argument(help: "The new file.")
    var file: String

    func run() throws {
        let database = try store.openDatabase(.read)
        try database.backup(to: file)
        try CLIContext.current.standardOutput("Backed up \(store.databasePath) to \(file).\n")
    }
}
