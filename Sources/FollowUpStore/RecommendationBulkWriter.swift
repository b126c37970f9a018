import GRDB
import FollowUpModel

/// Writes many new recommendations inside the caller's transaction, at the rate of SQLite itself.
///
/// What `saveRecommendation` does for one recommendation, for hundreds of thousands: rows
/// inserted 256 to a statement (SQLite builds the look-up tables of the CHECK constraints' `IN`
/// lists once per statement, which cost more than the insert itself), ids given here, a group's
/// members read once and kept, and the search index filled in one statement at the end. A key
/// already in the database goes through `saveRecommendation`, which compares it.
package struct RecommendationBulkWriter {
    private let db: Database
    private let findKey: Statement
    private let findPath: Statement
    /// Rows waiting to be inserted, in the order they must go in (a recommendation before what
    /// refers to it).
    private var recommendations: [(id: Int64, recommendation: Recommendation)] = []
    private var addressings: [(recommendation: Int64, addressee: Int64, phrase: String)] = []
    private var assignments: [(recommendation: Int64, addressee: Int64)] = []
    /// The paragraphs waiting, per document, to refuse a second key for one of them.
    private var pendingPaths: [String: String] = [:]
    /// The id the next recommendation gets.
    private var nextId: Int64
    /// Statements for full batches, by table, prepared once.
    private let statements = PreparedStatements()
    static let batchSize = 256
    /// Recommendations inserted here have ids from this one.
    private let firstId: Int64
    /// Per group, its members with the dates they joined and left.
    private var members: [Int64: [(member: Int64, start: CalendarDate?, end: CalendarDate?)]] = [:]
    /// The documents written to, marked for the journal at the end.
    private var documents = Set<Int64>()

    package init(in db: Database) throws {
        self.db = db
        findKey = try db.makeStatement(sql: "SELECT 1 FROM recommendation WHERE key = ?")
        findPath = try db.makeStatement(sql: "SELECT key FROM recommendation WHERE documentId = ? AND path = ?")
        firstId = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM recommendation")) ?? 1
        nextId = firstId
    }

    /// Whether a recommendation with `key` is in the database. (A key the file repeats may still
    /// wait in the batch: the caller refuses repeated keys itself.)
    package func exists(key: String) throws -> Bool {
        let raw = RawStatement(findKey)
        raw.bind(1, key)
        return try raw.exists(in: db)
    }

    /// Inserts `recommendation`, new, addressed to `addressees` (resolved), as of the document's
    /// `date`; returns its id. The rows go in with the batch, at the latest in ``finish()``.
    package mutating func insert(
        _ recommendation: Recommendation, addressees: [(addressee: Addressee, phrase: String)], date: CalendarDate
    ) throws -> Int64 {
        let paragraph = "\(recommendation.documentId) \(recommendation.path)"
        let path = RawStatement(findPath)
        path.bind(1, recommendation.documentId)
        path.bind(2, recommendation.path)
        if let taken = try pendingPaths[paragraph] ?? path.firstText(in: db) {
            throw FollowUpError.conflict(
                "\(recommendation.path) of this document is recommendation '\(taken)' already: one paragraph has one key"
            )
        }
        let id = nextId
        nextId += 1
        pendingPaths[paragraph] = recommendation.key
        documents.insert(recommendation.documentId)
        recommendations.append((id, recommendation))
        var bound = Set<Int64>()
        for (addressee, phrase) in addressees {
            guard let addresseeId = addressee.id else { continue }
            addressings.append((id, addresseeId, phrase))
            guard recommendation.classification != .declaratory else { continue }
            let actors = addressee.kind == .group ? try members(of: addresseeId, on: date) : [addresseeId]
            for actor in actors where bound.insert(actor).inserted { assignments.append((id, actor)) }
        }
        if recommendations.count >= Self.batchSize { try flush() }
        return id
    }

    /// Inserts the waiting rows: recommendations, their folded text, addressings, assignments.
    private mutating func flush() throws {
        try insertRows(
            "INTO recommendation(id, key, documentId, path, position, kind, classification, verb, text, language, dueDate, cycle, tags)",
            columns: 13, count: recommendations.count
        ) { raw, row, base in
            let (id, recommendation) = recommendations[row]
            raw.bind(base + 1, id)
            raw.bind(base + 2, recommendation.key)
            raw.bind(base + 3, recommendation.documentId)
            raw.bind(base + 4, recommendation.path)
            raw.bind(base + 5, Int64(recommendation.position))
            raw.bind(base + 6, recommendation.kind.rawValue)
            raw.bind(base + 7, recommendation.classification.rawValue)
            raw.bind(base + 8, recommendation.verb)
            raw.bind(base + 9, recommendation.text)
            raw.bind(base + 10, recommendation.language.rawValue)
            raw.bind(base + 11, recommendation.dueDate?.description)
            raw.bind(base + 12, recommendation.cycle?.rawValue)
            raw.bind(base + 13, JSONText.array(recommendation.tags))
        }
        // Several statements' worth when a recommendation binds every Member State.
        for start in stride(from: 0, to: addressings.count, by: Self.batchSize) {
            let end = min(start + Self.batchSize, addressings.count)
            try insertRows(
                "OR IGNORE INTO addressing(recommendationId, addresseeId, phrase)", columns: 3, count: end - start
            ) { raw, row, base in
                let (recommendation, addressee, phrase) = addressings[start + row]
                raw.bind(base + 1, recommendation)
                raw.bind(base + 2, addressee)
                raw.bind(base + 3, phrase)
            }
        }
        for start in stride(from: 0, to: assignments.count, by: Self.batchSize) {
            let end = min(start + Self.batchSize, assignments.count)
            try insertRows("OR IGNORE INTO assignment(recommendationId, addresseeId)", columns: 2, count: end - start) {
                raw, row, base in
                raw.bind(base + 1, assignments[start + row].recommendation)
                raw.bind(base + 2, assignments[start + row].addressee)
            }
        }
        recommendations.removeAll(keepingCapacity: true)
        addressings.removeAll(keepingCapacity: true)
        assignments.removeAll(keepingCapacity: true)
        pendingPaths.removeAll(keepingCapacity: true)
    }

    /// `INSERT <target> VALUES (…), …` of `count` rows of `columns` parameters, bound by `bind`
    /// (the statement, the row, the row's first parameter less one).
    private func insertRows(
        _ target: String, columns: Int, count: Int, bind: (RawStatement, Int, Int32) -> Void
    ) throws {
        guard count > 0 else { return }
        let sql =
            "INSERT \(target) VALUES "
            + Array(repeating: "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")", count: count)
            .joined(separator: ", ")
        let statement: Statement
        if count == Self.batchSize, let prepared = statements.byTarget[target] {
            statement = prepared
        } else {
            statement = try db.makeStatement(sql: sql)
            if count == Self.batchSize { statements.byTarget[target] = statement }
        }
        let raw = RawStatement(statement)
        for row in 0..<count { bind(raw, row, Int32(row * columns)) }
        _ = try raw.run(in: db)
    }

    /// The members of group `group` on `date`, in id order (as `addAddressees` binds them).
    private mutating func members(of group: Int64, on date: CalendarDate) throws -> [Int64] {
        if members[group] == nil {
            members[group] = try Row.fetchAll(
                db, sql: "SELECT memberId, startDate, endDate FROM groupMembership WHERE groupId = ? ORDER BY memberId",
                arguments: [group]
            ).map { ($0[0], $0[1], $0[2]) }
        }
        var seen = Set<Int64>()
        return (members[group] ?? []).compactMap { member, start, end in
            // The membership holds on `date`: begun on or before it, not ended by it (SQL.membership).
            guard start.map({ $0 <= date }) ?? true, end.map({ $0 > date }) ?? true,
                seen.insert(member).inserted
            else { return nil }
            return member
        }
    }

    /// Inserts what waits, and indexes every recommendation inserted here for search.
    package mutating func finish() throws {
        try flush()
        for document in documents.sorted() { try Journal.touch(document: document, in: db) }
        // The search index last, in one statement: once a statement has written to an FTS5 table,
        // every later statement of the transaction makes it write its pending terms out (a
        // savepoint), which cost a quarter of the import when the folded text went in by batches. The folding is Swift's (`SearchIndex.folded`), called by SQLite row by row.
        let fold = DatabaseFunction("followup_search_fold", argumentCount: 2, pure: true) { values in
            SearchIndex.folded(
                key: String.fromDatabaseValue(values[0]) ?? "", text: String.fromDatabaseValue(values[1]) ?? "")
        }
        db.add(function: fold)
        defer { db.remove(function: fold) }
        try db.execute(
            sql: """
                INSERT INTO recommendationFolded(rowid, text)
                SELECT id, followup_search_fold(key, text) FROM recommendation WHERE id >= ?
                """,
            arguments: [firstId])
    }
}

/// Prepared statements kept by what they insert into.
private final class PreparedStatements {
    var byTarget: [String: Statement] = [:]
}
