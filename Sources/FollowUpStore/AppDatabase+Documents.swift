import GRDB
import Foundation
import FollowUpModel

/// A document to add by hand (`followup documents add`).
public struct DocumentDraft: Sendable {
    public var symbol: String
    public var title: String
    /// The adopting or issuing body: a code, name or alias.
    public var body: String?
    public var date: CalendarDate
    public var language: Language

    public init(symbol: String, title: String, body: String? = nil, date: CalendarDate, language: Language) {
        self.symbol = symbol
        self.title = title
        self.body = body
        self.date = date
        self.language = language
    }
}

extension AppDatabase {
    /// Adds a document; refuses a symbol that exists already.
    @discardableResult
    public func addDocument(_ draft: DocumentDraft, today: CalendarDate? = nil) throws(FollowUpError) -> DocumentInfo {
        let symbol = draft.symbol.trimmingCharacters(in: .whitespaces)
        let title = draft.title.trimmingCharacters(in: .whitespaces)
        guard !symbol.isEmpty else {
            throw .invalidArgument(field: "symbol", reason: "the symbol is empty")
        }
        guard !title.isEmpty else {
            throw .invalidArgument(field: "title", reason: "the title is empty")
        }
        if let today, draft.date > today {
            throw .invalidArgument(
                field: "date",
                reason: "\(draft.date) is in the future: give the date the document was adopted or issued")
        }
        if let problem = FieldText.problem(inName: symbol) { throw .invalidArgument(field: "symbol", reason: problem) }
        if let problem = FieldText.problem(in: title) { throw .invalidArgument(field: "title", reason: problem) }
        return try write { db in
            if try Document.filter(Document.Columns.symbol == symbol).fetchCount(db) > 0 {
                throw FollowUpError.duplicate(kind: "document", identifier: symbol)
            }
            let body = try draft.body.map { try Self.resolveAddressee($0, in: db) }
            var document = Document(
                symbol: symbol, title: title, bodyId: body?.id, date: draft.date, language: draft.language)
            try document.insert(db)
            if let id = document.id { try Journal.touch(document: id, in: db) }
            return try Self.documentInfos(in: db, symbol: symbol)[0]
        }
    }

    /// Every document, oldest first.
    public func documents() throws(FollowUpError) -> [DocumentInfo] {
        try read { db in try Self.documentInfos(in: db, symbol: nil) }
    }

    /// The document with symbol `symbol` (case does not matter).
    public func document(_ symbol: String) throws(FollowUpError) -> DocumentInfo {
        try read { db in
            guard let info = try Self.documentInfos(in: db, symbol: symbol).first else {
                throw FollowUpError.notFound(
                    kind: "document", identifier: symbol, suggestions: try Self.symbolSuggestions(symbol, in: db))
            }
            return info
        }
    }

    package static func documentRow(_ symbol: String, in db: Database) throws -> Document {
        if let document = try Document.fetchOne(
            db, sql: "SELECT * FROM document WHERE symbol = ? COLLATE NOCASE", arguments: [symbol])
        {
            return document
        }
        throw FollowUpError.notFound(
            kind: "document", identifier: symbol, suggestions: try symbolSuggestions(symbol, in: db))
    }

    static func symbolSuggestions(_ symbol: String, in db: Database) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT symbol FROM document WHERE instr(lower(symbol), lower(?))
                  OR instr(lower(?), lower(symbol)) ORDER BY symbol LIMIT 5
                """, arguments: [symbol, symbol])
    }

    package static func documentInfos(in db: Database, symbol: String?) throws -> [DocumentInfo] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT d.*, b.code AS bodyCode,
                  (SELECT count(*) FROM assignment s JOIN recommendation r ON r.id = s.recommendationId
                    WHERE r.documentId = d.id) AS assignmentCount
                FROM document d LEFT JOIN addressee b ON b.id = d.bodyId
                \(symbol == nil ? "" : "WHERE d.symbol = :symbol COLLATE NOCASE")
                ORDER BY d.date, d.symbol
                """, arguments: ["symbol": symbol])
        return try rows.map { row in
            let document = try Document(row: row)
            var counts: [String: Int] = [:]
            for count in try Row.fetchAll(
                db,
                sql:
                    "SELECT classification, count(*) AS n FROM recommendation WHERE documentId = ? GROUP BY classification",
                arguments: [document.id])
            {
                counts[count["classification"]] = count["n"]
            }
            return DocumentInfo(
                symbol: document.symbol, title: document.title, body: row["bodyCode"], date: document.date,
                language: document.language, checksum: document.checksum, recommendations: counts,
                assignments: row["assignmentCount"])
        }
    }
}

extension AppDatabase {
    /// Whether any of the documents `symbols` is in the database.
    package func holdsDocuments(_ symbols: [String]) throws(FollowUpError) -> Bool {
        try read { db in try Document.filter(symbols.contains(Document.Columns.symbol)).fetchCount(db) > 0 }
    }

    /// Whether a progress entry has the uid `uid`.
    package static func entryExists(uid: String, in db: Database) throws -> Bool {
        try ProgressEntry.filter(Column("uid") == uid).fetchCount(db) > 0
    }
}
