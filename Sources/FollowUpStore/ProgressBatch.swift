import GRDB
import FollowUpModel

/// Progress entries waiting to be inserted together, by a bulk import.
///
/// One `INSERT … VALUES (…), (…), …` of up to ``capacity`` rows instead of one statement per row:
/// SQLite builds the look-up tables for the `IN (…)` lists of the table's CHECK constraints (the
/// status and response vocabularies) once per statement, which cost more per row than the insert
/// itself. Every constraint and trigger still applies to every row.
package struct ProgressBatch {
    /// One entry, as its columns.
    struct Entry {
        var uid: String
        var assignmentId: Int64
        var asOf: String
        var status: String?
        var response: String?
        var note: String?
        var evidenceDocument: String?
        var evidenceParagraph: String?
        var evidenceUrl: String?
        var reportedById: Int64
        var recordedAt: String
        var supersedesId: Int64?
        var id: Int64
        var hash: String
    }

    /// Rows per statement (14 parameters each, far below SQLite's limit of 32,766).
    static let capacity = 256

    private var entries: [Entry] = []
    private var uids = Set<String>()
    /// The statement for a full batch, prepared once.
    private var fullStatement: Statement?

    var isFull: Bool { entries.count >= Self.capacity }

    /// Whether an entry with `uid` is waiting here.
    func contains(uid: String) -> Bool { uids.contains(uid) }

    mutating func append(_ entry: Entry) {
        entries.append(entry)
        uids.insert(entry.uid)
    }

    /// Inserts the waiting entries, in order, and empties the batch.
    mutating func insert(in db: Database) throws {
        guard !entries.isEmpty else { return }
        let statement: Statement
        if entries.count == Self.capacity, let fullStatement {
            statement = fullStatement
        } else {
            statement = try db.makeStatement(sql: Self.sql(rows: entries.count))
            if entries.count == Self.capacity { fullStatement = statement }
        }
        let raw = RawStatement(statement)
        for (row, entry) in entries.enumerated() {
            let base = Int32(row * 14)
            raw.bind(base + 1, entry.uid)
            raw.bind(base + 2, entry.assignmentId)
            raw.bind(base + 3, entry.asOf)
            raw.bind(base + 4, entry.status)
            raw.bind(base + 5, entry.response)
            raw.bind(base + 6, entry.note)
            raw.bind(base + 7, entry.evidenceDocument)
            raw.bind(base + 8, entry.evidenceParagraph)
            raw.bind(base + 9, entry.evidenceUrl)
            raw.bind(base + 10, entry.reportedById)
            raw.bind(base + 11, entry.recordedAt)
            raw.bind(base + 12, entry.supersedesId)
            raw.bind(base + 13, entry.id)
            raw.bind(base + 14, entry.hash)
        }
        _ = try raw.run(in: db)
        entries.removeAll(keepingCapacity: true)
        uids.removeAll(keepingCapacity: true)
    }

    private static func sql(rows: Int) -> String {
        """
        INSERT INTO progressEntry(uid, assignmentId, asOf, status, response, note, evidenceDocument,
          evidenceParagraph, evidenceUrl, reportedById, recordedAt, supersedesId, id, hash)
        VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        """
    }
}
