import Foundation
import FollowUpModel
import FollowUpStore
import FollowUpImport
import FollowUpExchange
import FollowUpReference
import FollowUpSeeds

/// What ``AppDatabase/bootstrap(path:seeds:clock:)`` did.
public struct BootstrapResult: Encodable, Sendable {
    /// The database file.
    public var database: String
    /// Whether the file was created by this call.
    public var created: Bool
    /// The migrations this call applied.
    public var migrationsApplied: [String]
    /// Every migration the database has, in order.
    public var schema: [String]
    /// What loading the reference actors changed.
    public var reference: ReferenceLoadSummary
    /// What loading the seed documents and their progress did; `nil` when they were not loaded.
    public var seeds: SeedSummary?
    /// Why the seeds were not loaded, when they were not.
    public var seedsSkipped: String?
}

/// When ``AppDatabase/bootstrap(path:seeds:clock:)`` loads the bundled seed documents.
public enum SeedPolicy: Sendable {
    /// On a new database, and on one that already holds them (to bring them up to date); never on
    /// an existing database made without them, whose owner chose not to have them.
    case whereExpected
    /// Always: the way to add them on purpose to a database made without them.
    case always
    /// Never: reference actors only.
    case never
}

extension AppDatabase {
    /// Opens or creates the database at `path`, creates or upgrades its schema, loads the
    /// reference actors and, as `seeds` says, the bundled seed documents and their progress.
    ///
    /// The one set-up that `followup init`, `followup demo` and tests share. Safe to repeat: what
    /// is there already is left as it is.
    ///
    /// ```swift
    /// let (database, result) = try AppDatabase.bootstrap(path: "followup.sqlite", seeds: .whereExpected, clock: SystemClock())
    /// ```
    public static func bootstrap(path: String, seeds: SeedPolicy, clock: any FollowUpClock) throws(FollowUpError)
        -> (AppDatabase, BootstrapResult)
    {
        let existed = FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path, create: true)
        let applied = try database.migrate()
        let reference = try database.loadReferenceData(try ReferenceData.bundled())
        var loadSeeds: Bool
        var skipped: String?
        switch seeds {
        case .always: loadSeeds = true
        case .never:
            loadSeeds = false
            skipped = "not asked for"
        case .whereExpected:
            loadSeeds = existed ? try database.holdsSeedDocuments() : true
            if !loadSeeds { skipped = "the database was made without them" }
        }
        let seedSummary = loadSeeds ? try database.loadSeeds(clock: clock) : nil
        let result = BootstrapResult(
            database: path, created: !existed, migrationsApplied: applied, schema: try database.appliedMigrations(),
            reference: reference, seeds: seedSummary, seedsSkipped: skipped)
        return (database, result)
    }
}
