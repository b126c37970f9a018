import GRDB

/// Writes many new recommendations inside the caller's transaction, at the rate of SQLite itself.
///
/// What `saveRecommendation` does for one recommendation, for hundreds of thousands: statements
/// prepared once and bound through the C API, a group's members read once and kept, and the
/// full-text index of key and text filled in one statement at the end instead of by a trigger per
/// row (the trigger is put back, exactly as it was, in the same transaction). A key already in
/// the database goes through `saveRecommendation`, which compares it.
struct RecommendationBulkWriter {
    private let db: Database
    private let findKey: Statement
    private let findPath: Statement
    private let insertRecommendation: Statement
    private let insertAddressing: Statement
    private let insertAssignment: Statement
    private let insertFolded: Statement
    /// The trigger that indexes a recommendation's key and text, suspended until ``finish()``.
    private let suspendedTrigger: String?
    /// Recommendations inserted here have ids from this one.
    private let firstId: Int64
    /// Per group, its members with the dates they joined and left.
    private var members: [Int64: [(member: Int64, start: CalendarDate?, end: CalendarDate?)]] = [:]

    /// The name of the trigger that keeps `recommendationText` (schema v1).
    static let textTrigger = "recommendation_ai"

    init(in db: Database) throws {
        self.db = db
        findKey = try db.makeStatement(sql: "SELECT 1 FROM recommendation WHERE key = ?")
        findPath = try db.makeStatement(sql: "SELECT key FROM recommendation WHERE documentId = ? AND path = ?")
        insertRecommendation = try db.makeStatement(
            sql: """
                INSERT INTO recommendation(key, documentId, path, position, kind, classification, verb, text,
                  language, dueDate, cycle, tags)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertAddressing = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO addressing(recommendationId, addresseeId, phrase) VALUES (?, ?, ?)")
        insertAssignment = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO assignment(recommendationId, addresseeId) VALUES (?, ?)")
        insertFolded = try db.makeStatement(sql: "INSERT INTO recommendationFolded(rowid, text) VALUES (?, ?)")
        suspendedTrigger = try String.fetchOne(
            db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", arguments: [Self.textTrigger])
        if suspendedTrigger != nil { try db.execute(sql: "DROP TRIGGER \(Self.textTrigger)") }
        firstId = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM recommendation")) ?? 1
    }

    /// Whether a recommendation with `key` exists (in the database or written here).
    func exists(key: String) throws -> Bool {
        let raw = RawStatement(findKey)
        raw.bind(1, key)
        return try raw.exists(in: db)
    }

    /// Inserts `recommendation`, new, addressed to `addressees` (resolved), as of the document's
    /// `date`; returns its id.
    mutating func insert(
        _ recommendation: Recommendation, addressees: [(addressee: Addressee, phrase: String)], date: CalendarDate
    ) throws -> Int64 {
        let path = RawStatement(findPath)
        path.bind(1, recommendation.documentId)
        path.bind(2, recommendation.path)
        if let taken = try path.firstText(in: db) {
            throw FollowUpError.conflict(
                "\(recommendation.path) of this document is recommendation '\(taken)' already: one paragraph has one key"
            )
        }
        let insert = RawStatement(insertRecommendation)
        insert.bind(1, recommendation.key)
        insert.bind(2, recommendation.documentId)
        insert.bind(3, recommendation.path)
        insert.bind(4, Int64(recommendation.position))
        insert.bind(5, recommendation.kind.rawValue)
        insert.bind(6, recommendation.classification.rawValue)
        insert.bind(7, recommendation.verb)
        insert.bind(8, recommendation.text)
        insert.bind(9, recommendation.language.rawValue)
        insert.bind(10, recommendation.dueDate?.description)
        insert.bind(11, recommendation.cycle?.rawValue)
        insert.bind(12, Self.jsonArray(recommendation.tags))
        _ = try insert.run(in: db)
        let id = db.lastInsertedRowID
        let folded = RawStatement(insertFolded)
        folded.bind(1, id)
        folded.bind(2, SearchIndex.folded(key: recommendation.key, text: recommendation.text))
        _ = try folded.run(in: db)
        var bound = Set<Int64>()
        for (addressee, phrase) in addressees {
            guard let addresseeId = addressee.id else { continue }
            let addressing = RawStatement(insertAddressing)
            addressing.bind(1, id)
            addressing.bind(2, addresseeId)
            addressing.bind(3, phrase)
            _ = try addressing.run(in: db)
            guard recommendation.classification != .declaratory else { continue }
            let actors = addressee.kind == .group ? try members(of: addresseeId, on: date) : [addresseeId]
            for actor in actors where bound.insert(actor).inserted {
                let assignment = RawStatement(insertAssignment)
                assignment.bind(1, id)
                assignment.bind(2, actor)
                _ = try assignment.run(in: db)
            }
        }
        return id
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

    /// Indexes the key and text of every recommendation inserted here in one statement, and puts
    /// the trigger back.
    func finish() throws {
        guard let suspendedTrigger else { return }
        try db.execute(
            sql:
                "INSERT INTO recommendationText(rowid, key, text) SELECT id, key, text FROM recommendation WHERE id >= ?",
            arguments: [firstId])
        try db.execute(sql: suspendedTrigger)
    }

    /// `values` as a JSON array of strings.
    static func jsonArray(_ values: [String]) -> String {
        var json = "["
        for (index, value) in values.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }
}
