import Foundation
import GRDB
import FollowUpModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// How long this connection waits for another process's write (for messages).
    var waitSeconds = Int(AppDatabase.busyTimeout)

    init(writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// How long a write waits for another process's write to finish before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// How a command uses the database.
    public enum Access: Sendable {
        /// Reads only: opened read-only, so nothing is written to the file or its folder (no
        /// journal set-up, no schema change), a read-only file or folder can be read, and a
        /// writer in another process does not block it (WAL readers read a snapshot).
        case read
        /// Reads and writes an existing database.
        case write
        /// Reads and writes, creating the file if it does not exist.
        case create
    }

    /// Opens the database at `path` for `access`.
    ///
    /// Does not migrate: call ``migrate()`` to create or upgrade the schema, or
    /// ``requireCurrentSchema()`` to refuse a database that is older or newer than this version.
    ///
    /// With `concurrentReads` (a server), reads run on a pool of connections beside the one writer
    /// (SQLite's WAL mode), so a report does not wait for a submission to be written.
    public static func open(
        path: String, access: Access = .write, busyTimeout: TimeInterval = AppDatabase.busyTimeout,
        concurrentReads: Bool = false
    ) throws(FollowUpError) -> AppDatabase {
        // stat(2) directly: FileManager's attributes also look up the owner's name in /etc/passwd
        // and /etc/group, a fifth of a short command's start.
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                throw .databaseUnreadable(path: path, reason: "it is a folder, not a database file")
            }
            if type != S_IFREG {
                throw .databaseUnreadable(path: path, reason: "it is not a regular file")
            }
            if access != .create, info.st_size == 0 {
                throw .databaseUnreadable(
                    path: path, reason: "the file is empty: it is not a FollowUp database ('followup init' makes one)")
            }
        } else if access != .create {
            throw .databaseMissing(path: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        if access == .read {
            configuration.readonly = true
        } else if concurrentReads {
            configuration.journalMode = .wal
        } else {
            // One connection: WAL set up here rather than by GRDB's `.wal`, which also writes and
            // drops a table on every opening (for a pool's readers) and asks Foundation for the
            // -wal file's size: a fifth of a short command such as `update`. WAL is a property of
            // the file, so after the first opening only the query runs.
            configuration.prepareDatabase { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    // Not yet WAL: a new file, or another program's, which switching would change.
                    let foreign = try Self.foreignTables(in: db)
                    if !foreign.isEmpty { throw ForeignDatabase(tables: foreign) }
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw DatabaseError(message: "could not switch the database to WAL mode")
                    }
                }
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        do {
            do {
                var database = try connect(path, configuration, pool: concurrentReads && access != .read)
                database.waitSeconds = Int(busyTimeout)
                return database
            } catch let error as DatabaseError
                where access == .read && error.resultCode == .SQLITE_READONLY
                && !FileManager.default.fileExists(atPath: path + "-wal")
            {
                // A WAL database in a folder this process cannot write, with no -wal file: no
                // process can be writing it (a writer would have to create that file), so it is
                // read as an immutable file. SQLite reads `file:` names as URIs (Debian's
                // library is built with SQLITE_USE_URI).
                guard let fallback = try? connect(Self.immutableURI(path), configuration) else { throw error }
                var database = AppDatabase(writer: fallback.writer, path: path)
                database.waitSeconds = Int(busyTimeout)
                return database
            }
        } catch let error as ForeignDatabase {
            throw error.failure(path: path)
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw .databaseBusy(path: path, seconds: Int(busyTimeout))
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
                throw .fileAccess(
                    path: path,
                    reason: "\(Self.plainReason(error)): check that you may write the file and its folder")
            case .SQLITE_FULL, .SQLITE_IOERR:
                throw Self.translate(error, path: path, waitSeconds: Int(busyTimeout))
            default: throw .databaseUnreadable(path: path, reason: Self.plainReason(error))
            }
        } catch {
            throw .databaseUnreadable(path: path, reason: "\(error)")
        }
    }

    private static func connect(_ name: String, _ configuration: Configuration, pool: Bool = false) throws
        -> AppDatabase
    {
        let queue: any DatabaseWriter =
            pool
            ? try DatabasePool(path: name, configuration: configuration)
            : try DatabaseQueue(path: name, configuration: configuration)
        // Reading the schema fails at once on a file that is not SQLite.
        _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_schema") }
        return AppDatabase(writer: queue, path: name)
    }

    /// `file:/abs/path?immutable=1`, with the characters a URI reserves escaped.
    static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// Opens the database at `path` for writing; creates the file only when `create` is true.
    public static func open(path: String, create: Bool) throws(FollowUpError) -> AppDatabase {
        try open(path: path, access: create ? .create : .write)
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

    /// Refuses a SQLite file that holds tables of another program: `init` must not add FollowUp's
    /// schema beside them, and other commands must not tell the user to.
    private func checkIsFollowUp() throws(FollowUpError) {
        let foreign = try read { db in try Self.foreignTables(in: db) }
        guard foreign.isEmpty else { throw ForeignDatabase(tables: foreign).failure(path: path) }
    }

    /// The tables of a file that holds tables but not FollowUp's (no `v1-core` migration), else none.
    static func foreignTables(in db: Database) throws -> [String] {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        guard !tables.isEmpty else { return [] }
        if tables.contains("grdb_migrations"),
            try Bool.fetchOne(db, sql: "SELECT count(*) > 0 FROM grdb_migrations WHERE identifier = 'v1-core'") == true
        {
            return []
        }
        return tables
    }

    /// Another program's SQLite file, found on opening it.
    struct ForeignDatabase: Error {
        let tables: [String]

        func failure(path: String) -> FollowUpError {
            let names = tables.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return .databaseUnreadable(
                path: path,
                reason: "it is a SQLite database of another program (tables \(names)): FollowUp leaves it alone; "
                    + "name a new file, or a FollowUp database")
        }
    }

    /// The migrations applied to this database, in order.
    public func appliedMigrations() throws(FollowUpError) -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    private func checkNotNewer() throws(FollowUpError) {
        try checkIsFollowUp()
        let unknown = try read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            let known = Set(Schema.knownMigrations)
            return applied.filter { !known.contains($0) }.sorted()
        }
        if !unknown.isEmpty { throw .databaseTooNew(path: path, unknownMigrations: unknown) }
    }

    // MARK: Running database work

    /// Runs `body` in one read transaction, translating database errors; inside
    /// ``consistentRead(_:)``, in its transaction.
    package func read<T>(_ body: (Database) throws -> T) throws(FollowUpError) -> T {
        if let held = Self.heldRead, held.writer === writer as AnyObject {
            return try attempt { try body(held.db) }
        }
        return try attempt { try writer.read(body) }
    }

    /// A read transaction that the reads made inside ``consistentRead(_:)`` share.
    final class HeldRead: @unchecked Sendable {
        let writer: AnyObject
        let db: Database

        init(writer: AnyObject, db: Database) {
            self.writer = writer
            self.db = db
        }
    }

    @TaskLocal static var heldRead: HeldRead?

    /// Runs `body`, whose reads of this database (reports, details, lists) all see one snapshot:
    /// they share one read transaction, so a write made meanwhile by another process or
    /// connection shows in none of them or, on the next call, in all. For work that reads much
    /// and must add up across what it read (a published site). Writing inside it is an error.
    public func consistentRead<T>(_ body: () throws(FollowUpError) -> T) throws(FollowUpError) -> T {
        var failure: FollowUpError?
        let result: T? = try attempt {
            try writer.read { db in
                Self.$heldRead.withValue(HeldRead(writer: writer as AnyObject, db: db)) {
                    do throws(FollowUpError) {
                        return try body()
                    } catch {
                        failure = error
                        return nil
                    }
                }
            }
        }
        if let failure { throw failure }
        guard let result else { throw .internalError("a consistent read gave nothing") }
        return result
    }

    /// Runs `body` in one immediate write transaction: all of it happens, or none of it.
    ///
    /// `BEGIN IMMEDIATE` takes the write lock at once, so two processes never both hold a read
    /// lock and wait on each other to upgrade it; the busy timeout makes the second one wait.
    package func write<T>(_ body: (Database) throws -> T) throws(FollowUpError) -> T {
        if let held = Self.heldRead, held.writer === writer as AnyObject {
            throw .internalError("a write inside a consistent read")
        }
        return try attempt {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    let mark = try Journal.Mark(in: db)
                    result = try body(db)
                    try Journal.seal(since: mark, in: db)
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
        } catch {
            throw failure(error)
        }
    }

    /// Any error of the work on the database as the library's own.
    func failure(_ error: any Error) -> FollowUpError {
        switch error {
        case let error as FollowUpError: error
        case let error as DatabaseError: translate(error)
        default: .internalError("\(error)")
        }
    }

    /// Turns an SQLite error into one a user can act on: a user never sees SQL.
    func translate(_ error: DatabaseError) -> FollowUpError {
        Self.translate(error, path: path, waitSeconds: waitSeconds)
    }

    static func translate(_ error: DatabaseError, path: String, waitSeconds: Int) -> FollowUpError {
        let message = error.message ?? ""
        switch error.resultCode {
        case .SQLITE_CONSTRAINT:
            if message.contains("append-only") || message.contains("correction") {
                return .conflict(message)
            }
            return .conflict(constraintMessage(message))
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .databaseBusy(path: path, seconds: waitSeconds)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return .fileAccess(path: path, reason: plainReason(error))
        case .SQLITE_FULL:
            return .fileAccess(
                path: path, reason: "the disk is full: nothing was written; free some space and run the command again")
        case .SQLITE_IOERR:
            return .fileAccess(
                path: path, reason: "the disk could not be read or written (\(plainReason(error))): nothing was written"
            )
        default:
            return .databaseUnreadable(path: path, reason: plainReason(error))
        }
    }

    /// A constraint failure in words, naming the field: "UNIQUE constraint failed:
    /// progressEntry.uid" is "another progress entry has this uid already".
    static func constraintMessage(_ message: String) -> String {
        let fields: [(column: String, name: String)] = [
            ("uid", "uid"), ("symbol", "symbol"), ("key", "key"), ("path", "paragraph"), ("asOf", "as-of date"),
            ("recordedAt", "recorded-at time"), ("dueDate", "due date"), ("date", "date"), ("code", "actor code"),
            ("nameEn", "English name"), ("nameZh", "Chinese name"), ("status", "status"), ("response", "response"),
            ("title", "title"), ("text", "text"), ("language", "language"), ("m49", "M49 code"), ("iso2", "ISO code"),
        ]
        let detail = message.split(separator: ":", maxSplits: 1).last.map { String($0) } ?? message
        let named = fields.first { field in
            detail.range(of: "\\b\(field.column)\\b", options: .regularExpression) != nil
        }?.name
        if message.hasPrefix("UNIQUE") {
            return
                "another record has the same \(named ?? "identifier") already (\(detail.trimmingCharacters(in: .whitespaces)))"
        }
        if message.hasPrefix("NOT NULL") { return "the \(named ?? "value") is missing" }
        if message.hasPrefix("FOREIGN KEY") { return "the change refers to a record that does not exist" }
        return "the \(named ?? "value") breaks a rule of the database (\(detail.trimmingCharacters(in: .whitespaces)))"
    }

    static func plainReason(_ error: DatabaseError) -> String {
        (error.message ?? "\(error.resultCode)").replacingOccurrences(of: "\n", with: " ")
    }
}
