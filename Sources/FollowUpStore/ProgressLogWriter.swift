import FollowUpModel
import GRDB

/// The one writer of the progress log. Every entry goes in through it: `update`, a bulk file, the
/// seeds, an accepted submission (from a form, a questionnaire or the API).
///
/// It numbers entries (ids are given here, because the hash covers them), chains their hashes
/// (``ProgressChain``), inserts them in batches of 256 (one statement each: SQLite checks the
/// `IN (…)` lists of the table's CHECK constraints once per statement), and keeps the cache of
/// current statuses: row by row through its triggers for a single entry, or, for a bulk run,
/// with the triggers suspended and the touched assignments rebuilt set-based at ``finish()``.
///
/// For rows as files state them (``append(_:problems:)``), it also applies the log's rules that
/// need the database: the key exists, the actor exists and is bound by it, the entry is not dated
/// before its document, it supersedes an earlier entry of the same assignment, and its uid is new
/// (or names the same entry again, which is skipped, so that importing a file twice changes
/// nothing). Every problem goes to the caller's list with its line and column.
package struct ProgressLogWriter {
    /// What became of one row.
    package enum Outcome: Equatable {
        case added(id: Int64)
        case unchanged
        case refused
    }

    private let db: Database
    private let bulk: Bool
    private var batch = ProgressBatch()
    private var nextId: Int64
    private var head: String
    /// Entries this writer inserts have ids from this one: a uid conflict with one of them is a
    /// uid given twice in the run. No set of uids is kept in memory.
    private let firstId: Int64
    private var suspendedTriggers: [String] = []
    private var recommendations: [String: (id: Int64, date: CalendarDate)] = [:]
    private var actors: [String: Int64] = [:]
    private var codes: [Int64: String] = [:]
    private var lastAssignment: (recommendation: Int64, actor: Int64, assignment: Int64?)?
    /// What resolving rows needs, prepared at the first row (a single entry needs none of it).
    private var lookups: Lookups?

    private struct Lookups {
        let findRecommendation: Statement
        let findAssignment: Statement
        let uidExists: Statement
        let findUID: Statement
    }
    /// When rows were recorded, for those that do not say.
    private let recordedAt: String

    /// A writer inside the caller's write transaction. `bulk`: many rows, with the status cache
    /// rebuilt once at ``finish()``. `recordedAt`: the time of rows that do not give theirs.
    package init(in db: Database, bulk: Bool, recordedAt: String) throws {
        self.db = db
        self.bulk = bulk
        self.recordedAt = recordedAt
        if bulk { suspendedTriggers = try AssignmentQueries.suspendStateTriggers(in: db) }
        firstId = try ProgressChain.nextId(in: db)
        nextId = firstId
        head = try ProgressChain.head(in: db)
    }

    private mutating func prepareLookups() throws -> Lookups {
        if let lookups { return lookups }
        for row in try Row.fetchAll(db, sql: "SELECT id, code FROM addressee") {
            actors[row["code"]] = row["id"]
            codes[row["id"]] = row["code"]
        }
        let prepared = Lookups(
            findRecommendation: try db.cachedStatement(
                sql: "SELECT r.id, d.date FROM recommendation r JOIN document d ON d.id = r.documentId WHERE r.key = ?"),
            findAssignment: try db.cachedStatement(
                sql: "SELECT id FROM assignment WHERE recommendationId = ? AND addresseeId = ?"),
            uidExists: try db.cachedStatement(sql: "SELECT 1 FROM progressEntry WHERE uid = ?"),
            findUID: try db.cachedStatement(
                sql: """
                    SELECT id, assignmentId, asOf, status, response, note, evidenceDocument, evidenceParagraph,
                      evidenceUrl, reportedById, supersedesId
                    FROM progressEntry WHERE uid = ?
                    """))
        lookups = prepared
        return prepared
    }

    // MARK: Rows as files state them

    /// Resolves and checks `entry`, adding what is wrong with it to `problems`, which held
    /// `before` problems before the row was parsed (the parser's own problems refuse the row too);
    /// appends it when nothing is wrong with it.
    package mutating func append(_ entry: ProgressRow, problems: inout ProblemList, since before: Int) throws
        -> Outcome
    {
        let line = entry.line
        let lookups = try prepareLookups()
        var recommendation = recommendations[entry.key]
        if recommendation == nil, let row = try Row.fetchOne(lookups.findRecommendation, arguments: [entry.key]) {
            // A bounded cache: rows of one recommendation usually come together.
            if recommendations.count > 10_000 { recommendations.removeAll(keepingCapacity: true) }
            guard let date = CalendarDate(row[1] as String) else {
                throw FollowUpError.internalError("document of '\(entry.key)' has no valid date")
            }
            recommendation = (row[0], date)
            recommendations[entry.key] = recommendation
        }
        if recommendation == nil { problems.add(line, "key", "no recommendation '\(FieldText.excerpt(entry.key))'") }
        if let recommendation, entry.asOf < recommendation.date {
            problems.add(line, "as_of", "\(entry.asOf) is before the document, adopted on \(recommendation.date)")
        }
        let addresseeId = try actorId(entry.actor)
        if addresseeId == nil { problems.add(line, "actor", "no actor '\(FieldText.excerpt(entry.actor))'") }
        var reporterId: Int64?
        if let reporter = entry.reportedBy {
            reporterId = try actorId(reporter)
            if reporterId == nil { problems.add(line, "reported_by", "no actor '\(FieldText.excerpt(reporter))'") }
        }
        var assignmentId: Int64?
        if let recommendationId = recommendation?.id, let addresseeId {
            // Rows of one assignment usually come together: remember the last one.
            if let last = lastAssignment, last.recommendation == recommendationId, last.actor == addresseeId {
                assignmentId = last.assignment
            } else {
                assignmentId = try Int64.fetchOne(lookups.findAssignment, arguments: [recommendationId, addresseeId])
                lastAssignment = (recommendationId, addresseeId, assignmentId)
            }
            if assignmentId == nil {
                problems.add(
                    line, "actor", "'\(FieldText.excerpt(entry.key))' does not bind '\(FieldText.excerpt(entry.actor))'"
                )
            }
        }
        var supersedesId: Int64?
        if let target = entry.supersedes {
            // The entry it corrects may be waiting in the batch.
            try batch.insert(in: db)
            if let row = try Row.fetchOne(lookups.findUID, arguments: [target]) {
                supersedesId = row["id"]
                if let assignmentId, (row["assignmentId"] as Int64) != assignmentId {
                    problems.add(line, "supersedes", "'\(target)' is an entry of another recommendation or actor")
                }
            } else {
                problems.add(line, "supersedes", "no earlier entry '\(FieldText.excerpt(target))'")
            }
        }
        guard problems.count == before, let assignmentId, let addresseeId else { return .refused }
        let reporter = reporterId ?? addresseeId
        let evidence = [entry.evidenceDocument, entry.evidenceParagraph, entry.evidenceUrl]
        // A uid already in the database: the same entry again, or a conflict. One given earlier in
        // this run is in the database too, or still in the batch.
        if batch.contains(uid: entry.uid) {
            problems.add(line, "uid", "'\(entry.uid)' appears twice in the file")
            return .refused
        }
        let known = RawStatement(lookups.uidExists)
        known.bind(1, entry.uid)
        if try known.exists(in: db), let existing = try Row.fetchOne(lookups.findUID, arguments: [entry.uid]) {
            if (existing["id"] as Int64) >= firstId {
                problems.add(line, "uid", "'\(entry.uid)' appears twice in the file")
                return .refused
            }
            let existingEvidence: [String?] = [
                existing["evidenceDocument"], existing["evidenceParagraph"], existing["evidenceUrl"],
            ]
            var same =
                (existing["assignmentId"] as Int64) == assignmentId
                && (existing["asOf"] as String) == entry.asOf.description
            same =
                same && (existing["status"] as String?) == entry.status?.rawValue
                && (existing["response"] as String?) == entry.response?.rawValue
            same = same && (existing["note"] as String?) == entry.note && existingEvidence == evidence
            same =
                same && (existing["reportedById"] as Int64?) == reporter
                && (existing["supersedesId"] as Int64?) == supersedesId
            if same { return .unchanged }
            problems.add(line, "uid", "'\(entry.uid)' is already in the database with other content")
            return .refused
        }
        // Rows after a problem are still written (the run is rolled back): a uid given twice is
        // then still found, and every problem of the file reported.
        let id = try insert(
            Entry(
                uid: entry.uid, assignmentId: assignmentId, key: entry.key, actor: codes[addresseeId] ?? "",
                asOf: entry.asOf, status: entry.status, response: entry.response, note: entry.note,
                evidenceDocument: evidence[0], evidenceParagraph: evidence[1], evidenceUrl: evidence[2],
                reporterId: reporter, reporter: codes[reporter], recordedAt: entry.recordedAt ?? recordedAt,
                supersedesId: supersedesId, supersedesUID: supersedesId == nil ? nil : entry.supersedes))
        return .added(id: id)
    }

    private mutating func actorId(_ text: String) throws -> Int64? {
        if let id = actors[text] ?? actors[text.uppercased()] { return id }
        guard let found = try? AppDatabase.resolveAddressee(text, in: db), let id = found.id else { return nil }
        actors[text] = id
        return id
    }

    // MARK: Entries already resolved

    /// An entry resolved to the rows it refers to, with the stable names the chain hashes.
    package struct Entry {
        package var uid: String
        package var assignmentId: Int64
        package var key: String
        package var actor: String
        package var asOf: CalendarDate
        package var status: ImplementationStatus?
        package var response: Response?
        package var note: String?
        package var evidenceDocument: String?
        package var evidenceParagraph: String?
        package var evidenceUrl: String?
        package var reporterId: Int64
        package var reporter: String?
        package var recordedAt: String
        package var supersedesId: Int64?
        package var supersedesUID: String?
    }

    /// Numbers `entry`, chains it, and inserts it (in a bulk run, with the next full batch);
    /// returns its id.
    package mutating func insert(_ entry: Entry) throws -> Int64 {
        let id = nextId
        let hash = ProgressChain.Link(
            id: id, uid: entry.uid, key: entry.key, actor: entry.actor, asOf: entry.asOf.description,
            status: entry.status?.rawValue, response: entry.response?.rawValue, note: entry.note,
            evidenceDocument: entry.evidenceDocument, evidenceParagraph: entry.evidenceParagraph,
            evidenceUrl: entry.evidenceUrl, reporter: entry.reporter, recordedAt: entry.recordedAt,
            supersedes: entry.supersedesUID
        ).hash(after: head)
        batch.append(
            ProgressBatch.Entry(
                uid: entry.uid, assignmentId: entry.assignmentId, asOf: entry.asOf.description,
                status: entry.status?.rawValue, response: entry.response?.rawValue, note: entry.note,
                evidenceDocument: entry.evidenceDocument, evidenceParagraph: entry.evidenceParagraph,
                evidenceUrl: entry.evidenceUrl, reportedById: entry.reporterId, recordedAt: entry.recordedAt,
                supersedesId: entry.supersedesId, id: id, hash: hash))
        if !bulk || batch.isFull { try batch.insert(in: db) }
        nextId += 1
        head = hash
        return id
    }

    /// Inserts what waits and, after a bulk run, rebuilds the cached statuses of the assignments
    /// it touched and puts the cache's triggers back.
    package mutating func finish() throws {
        try batch.insert(in: db)
        if bulk { try AssignmentQueries.finishBulkAppend(from: firstId, restoring: suspendedTriggers, in: db) }
    }
}
