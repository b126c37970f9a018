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
            group before the document's date), and cached statuses that differ from the log.
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let problems = try options.openDatabase(.read).check()
        let document = OutputDocument(
            problems.isEmpty
                ? [.text("\(options.databasePath): no problems found.")]
                : [
                    .table(
                        TextTable(
                            columns: [.init("KIND"), .init("PROBLEM")], rows: problems.map { [$0.kind, $0.detail] })),
                    .text("\(problems.count) problem\(problems.count == 1 ? "" : "s") found."),
                ])
        try options.emit(document, json: problems)
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
