import Foundation
import GRDB
import GRDBSQLite
import FollowUpModel

// GRDB conformances of the model: one table per record type, columns named as the properties.

extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init)
    }
}

// Dates and vocabularies are also read straight from SQLite's text, without a `DatabaseValue`
// and a `String` in between (GRDB's fast path): reports read tens of thousands of them.
extension CalendarDate: StatementColumnConvertible {
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard let text = sqlite3_column_text(sqliteStatement, index) else { return nil }
        self.init(utf8: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqliteStatement, index))))
    }
}

extension Vocabulary where Self: StatementColumnConvertible {
    public init?(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(rawValue: String(sqliteStatement: sqliteStatement, index: index))
    }
}

extension ImplementationStatus: DatabaseValueConvertible, StatementColumnConvertible {}
extension Response: DatabaseValueConvertible, StatementColumnConvertible {}
extension Classification: DatabaseValueConvertible, StatementColumnConvertible {}
extension RecommendationKind: DatabaseValueConvertible {}
extension AddresseeKind: DatabaseValueConvertible {}
extension ReportingCycle: DatabaseValueConvertible, StatementColumnConvertible {}
extension Language: DatabaseValueConvertible {}

extension Document: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "document"

    /// The columns of the `document` table.
    public enum Columns {
        public static let id = Column("id")
        public static let symbol = Column("symbol")
        public static let date = Column("date")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Recommendation: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "recommendation"

    /// The columns of the `recommendation` table.
    public enum Columns {
        public static let id = Column("id")
        public static let key = Column("key")
        public static let documentId = Column("documentId")
        public static let position = Column("position")
        public static let classification = Column("classification")
    }

    /// Read column by column rather than through `Decodable`, whose dynamic casts look each
    /// column's type up among every protocol conformance of the program: a fifth of `update`.
    public init(row: Row) throws {
        let tags: String = try row.decode(forColumn: "tags")
        self.init(
            id: try row.decode(forColumn: "id"), key: try row.decode(forColumn: "key"),
            documentId: try row.decode(forColumn: "documentId"), path: try row.decode(forColumn: "path"),
            position: try row.decode(forColumn: "position"), kind: try row.decode(forColumn: "kind"),
            classification: try row.decode(forColumn: "classification"), verb: try row.decode(forColumn: "verb"),
            text: try row.decode(forColumn: "text"), language: try row.decode(forColumn: "language"),
            dueDate: try row.decode(forColumn: "dueDate"), cycle: try row.decode(forColumn: "cycle"),
            tags: tags == "[]" ? [] : try JSONDecoder().decode([String].self, from: Data(tags.utf8)))
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Addressing: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "addressing"
}

extension Assignment: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "assignment"

    /// The columns of the `assignment` table.
    public enum Columns {
        public static let recommendationId = Column("recommendationId")
        public static let addresseeId = Column("addresseeId")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension Addressee: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "addressee"

    /// The columns of the `addressee` table.
    public enum Columns {
        public static let id = Column("id")
        public static let code = Column("code")
        public static let kind = Column("kind")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AddresseeAlias: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "addresseeAlias"
}

extension GroupMembership: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "groupMembership"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ProgressEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "progressEntry"

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
