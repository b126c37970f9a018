import Foundation
import GRDB

/// The FollowUp database: one SQLite file, its schema, and every read and write by intent.
///
/// Open a file with ``open(path:create:)``; tests use ``inMemory()``. Connections run in WAL mode
/// with foreign keys on and a busy timeout, so several `followup` processes can share one file.
/// Writes are single transactions: they happen whole or not at all.
///
/// ```swift
/// let database = try AppDatabase.open(path: "followup.sqlite", create: true)
/// try database.migrate()
/// ```
public struct AppDatabase: Sendable {
    /// The connection.
    let writer: any DatabaseWriter
    /// The path shown in messages (`:memory:` for an in-memory database).
    public let path: String

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// How long a write waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens the database at `path`; creates the file only when `create` is true.
    ///
    /// Does not migrate: call ``migrate()`` to create or upgrade the schema, or
    /// ``requireCurrentSchema()`` to refuse a database that is older or newer than this version.
    public static func open(path: String, create: Bool = false) throws(FollowUpError) -> AppDatabase {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw .databaseUnreadable(path: path, reason: "it is a directory")
            }
        } else if !create {
            throw .databaseMissing(path: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.journalMode = .wal
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // Reading the schema fails at once on a file that is not SQLite.
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") }
            return AppDatabase(writer: queue, path: path)
        } catch let error as DatabaseError {
            throw .databaseUnreadable(path: path, reason: Self.plainReason(error))
        } catch {
            throw .databaseUnreadable(path: path, reason: "\(error)")
        }
    }

    /// A fresh, empty, migrated database in memory.
    public static func inMemory() throws(FollowUpError) -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        do {
            let database = AppDatabase(
                writer: try DatabaseQueue(configuration: configuration), path: ":memory:")
            try database.migrate()
            return database
        } catch let error as FollowUpError {
            throw error
        } catch {
            throw .databaseUnreadable(path: ":memory:", reason: "\(error)")
        }
    }

    /// Creates or upgrades the schema; refuses a database written by a newer version.
    ///
    /// Returns the migrations it applied (empty when the schema was already current).
    @discardableResult
    public func migrate() throws(FollowUpError) -> [String] {
        try checkNotNewer()
        let migrator = Schema.migrator
        let before = try read { db in try migrator.appliedIdentifiers(db) }
        try attempt { try migrator.migrate(writer) }
        return migrator.migrations.filter { !before.contains($0) }
    }

    /// Throws unless the schema is exactly the one this version writes.
    public func requireCurrentSchema() throws(FollowUpError) {
        try checkNotNewer()
        let complete = try read { db in try Schema.migrator.hasCompletedMigrations(db) }
        if !complete { throw .databaseNeedsUpgrade(path: path) }
    }

    /// The migrations applied to this database, in order.
    public func appliedMigrations() throws(FollowUpError) -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    private func checkNotNewer() throws(FollowUpError) {
        let unknown = try read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            let known = Set(Schema.knownMigrations)
            return applied.filter { !known.contains($0) }.sorted()
        }
        if !unknown.isEmpty { throw .databaseTooNew(path: path, unknownMigrations: unknown) }
    }

    // MARK: Running database work

    /// Runs `body` in one read transaction, translating database errors.
    func read<T>(_ body: (Database) throws -> T) throws(FollowUpError) -> T {
        try attempt { try writer.read(body) }
    }

    /// Runs `body` in one immediate write transaction: all of it happens, or none of it.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock at once, so two processes never both hold a read
    /// lock and wait on each other to upgrade it; the busy timeout makes the second one wait.
    func write<T>(_ body: (Database) throws -> T) throws(FollowUpError) -> T {
        try attempt {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw FollowUpError.internalError("the write produced no result") }
                return result
            }
        }
    }

    /// Runs `work`, passing `FollowUpError` through and translating everything else.
    func attempt<T>(_ work: () throws -> T) throws(FollowUpError) -> T {
        do {
            return try work()
        } catch let error as FollowUpError {
            throw error
        } catch let error as DatabaseError {
            throw translate(error)
        } catch {
            throw .internalError("\(error)")
        }
    }

    /// Turns an SQLite error into one a user can act on: a user never sees SQL.
    func translate(_ error: DatabaseError) -> FollowUpError {
        let message = error.message ?? ""
        switch error.resultCode {
        case .SQLITE_CONSTRAINT:
            if message.contains("append-only") || message.contains("correction") {
                return .conflict(message)
            }
            return .conflict("the change breaks a rule of the database (\(Self.plainReason(error)))")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .databaseBusy(path: path, seconds: Int(Self.busyTimeout))
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return .fileAccess(path: path, reason: Self.plainReason(error))
        default:
            return .databaseUnreadable(path: path, reason: Self.plainReason(error))
        }
    }

    static func plainReason(_ error: DatabaseError) -> String {
        (error.message ?? "\(error.resultCode)").replacingOccurrences(of: "\n", with: " ")
    }
}
