import GRDB
import GRDBSQLite
import FollowUpModel

/// Binds and steps a prepared statement through SQLite's C API, for hot paths: bulk imports, and
/// reports that tally tens of thousands of rows.
///
/// GRDB's `execute(arguments:)` boxes every argument, and its rows every value; at three million
/// rows that costs more than SQLite's own work. This binds text and integers directly and hands
/// the caller SQLite's columns. Use it only on a statement of the database connection that is
/// running, inside its transaction.
package struct RawStatement {
    let handle: SQLiteStatement
    /// Kept so that SQLite's statement lives as long as this value: GRDB finalizes it on release.
    private let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
        handle = statement.sqliteStatement
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds `value` (or NULL) to parameter `index`, counting from 1.
    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        var text = value
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else {
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                sqlite3_bind_text(handle, index, pointer, Int32(buffer.count), Self.transient)
            }
        }
    }

    /// Binds `value` (or NULL) to parameter `index`, counting from 1.
    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }

    /// Steps a query once and resets it: whether it returned a row.
    func exists(in db: Database) throws -> Bool {
        try firstRow(in: db) { _ in () } != nil
    }

    /// Steps a query once and resets it: its first row's first column as text, if any.
    func firstText(in db: Database) throws -> String? {
        try firstRow(in: db) { handle in
            sqlite3_column_text(handle, 0).map { String(cString: $0) }
        } ?? nil
    }

    private func firstRow<T>(in db: Database, _ read: (SQLiteStatement) -> T) throws -> T? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return read(handle)
        case SQLITE_DONE: return nil
        case let code:
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Steps a query through all its rows, handing each to `body` to read its columns, then resets it.
    func forEachRow(in db: Database, _ body: (SQLiteStatement) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            switch sqlite3_step(handle) {
            case SQLITE_ROW: try body(handle)
            case SQLITE_DONE: return
            case let code:
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }

    /// Runs the statement to completion and resets it; returns the rows it changed.
    func run(in db: Database) throws -> Int {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }
}
