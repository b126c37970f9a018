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

            Unless --no-seeds is given, it also imports the two bundled seed documents \
            (E/2020/31, the report of the Commission on Science and Technology for Development \
            on its twenty-third session, and UNSG/STI/2021, the Secretary-General's report on \
            science, technology and innovation for sustainable development) and the progress \
            that the report documents on the recommendations of E/2020/31.
            """)

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Load the reference actors only, not the seed documents and their progress.")
    var noSeeds = false

    @Flag(help: "Load the seed documents even into a database that was made without them.")
    var withSeeds = false

    func validate() throws {
        if noSeeds && withSeeds { throw ValidationError("give --no-seeds or --with-seeds, not both") }
    }

    func run() throws {
        let path = options.databasePath
        let output = try options.prepareOutput(formats: [.table, .json, .markdown])
        let (_, result) = try AppDatabase.bootstrap(
            path: path, seeds: noSeeds ? .never : withSeeds ? .always : .whereExpected,
            clock: CLIContext.current.clock)
        let reference = result.reference
        let applied = result.migrationsApplied
        let existed = !result.created
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
                    + (reference.membershipsRemoved > 0 ? ", \(reference.membershipsRemoved) removed" : "")
                    + (reference.namesChanged > 0
                        ? ", \(reference.namesChanged) names in Arabic, French, Russian and Spanish" : "") + ".")
        }
        lines.append("Actors: " + kinds.joined(separator: ", ") + ".")
        if let skipped = result.seedsSkipped, !noSeeds {
            lines.append("Seed documents not loaded: \(skipped) (add them with --with-seeds).")
        }
        if let seeds = result.seeds {
            for document in seeds.documents {
                switch document.outcome {
                case .created:
                    lines.append(
                        "Seed \(document.document): \(document.added.count) clauses, \(document.assignmentsCreated) assignments."
                    )
                case .unchanged: lines.append("Seed \(document.document): already imported.")
                case .updated: lines.append("Seed \(document.document): updated (\(document.changed.count) changed).")
                }
            }
            lines.append(
                seeds.progressAdded > 0
                    ? "Seed progress: \(seeds.progressAdded) entries from the Secretary-General's report."
                    : "Seed progress: already loaded.")
        }
        try output.emitSaved(OutputDocument([.text(lines.joined(separator: "\n"))]), json: result)
    }
}
