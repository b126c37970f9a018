import ArgumentParser
import Foundation
import FollowUpKit

/// `followup init`: create or upgrade the database and load the reference actors.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or upgrade the database and load the reference actors.",
        discussion: """
            Creates the database file if it does not exist, upgrades its schema if it is older \
            than this version, and loads the bundled reference data: the 193 Member States, the \
            observer States, their groups (LDCs with their graduation dates, LLDCs, SIDS, M49 \
            regions …), UN organs and entities, and collectives. Safe to run again: it adds only \
            what is missing and never touches progress entries.
            """)

    @OptionGroup var options: GlobalOptions

    struct Result: Encodable {
        var database: String
        var created: Bool
        var migrationsApplied: [String]
        var schema: [String]
        var reference: ReferenceLoadSummary
    }

    func run() throws {
        let path = options.databasePath
        let existed = FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path, create: true)
        let applied = try database.migrate()
        let reference = try database.loadReferenceData(try ReferenceData.bundled())
        let result = Result(
            database: path, created: !existed, migrationsApplied: applied,
            schema: try database.appliedMigrations(), reference: reference)
        let kinds = reference.actorsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        var lines: [String] = []
        if !existed {
            lines.append("Created \(path).")
        } else if !applied.isEmpty {
            lines.append("Upgraded \(path): applied \(applied.joined(separator: ", ")).")
        } else {
            lines.append("\(path) is at the current schema (\(result.schema.last ?? "none")).")
        }
        if reference.isUnchanged {
            lines.append("Reference data already loaded: nothing to add.")
        } else {
            lines.append(
                "Reference data: \(reference.actorsAdded) actors added, \(reference.actorsUpdated) updated, "
                    + "\(reference.aliasesAdded) aliases, \(reference.membershipsChanged) memberships added"
                    + (reference.membershipsRemoved > 0 ? ", \(reference.membershipsRemoved) removed" : "") + ".")
        }
        lines.append("Actors: " + kinds.joined(separator: ", ") + ".")
        try options.emit(OutputDocument([.text(lines.joined(separator: "\n"))]), json: result)
    }
}
