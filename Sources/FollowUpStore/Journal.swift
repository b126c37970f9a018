import GRDB
import FollowUpModel

/// The record journal: a second hash chain, over what the progress log's own chain does not
/// cover, so that `followup check` finds any change made to the record outside FollowUp.
///
/// Each row names a subject and holds the SHA-256 of its content as FollowUp wrote it:
///
/// | subject | key | content |
/// |---|---|---|
/// | `progress` | the entry ids a transaction added, `first-last` | the hash of the log's last entry then |
/// | `submission` | the submission's uid | its fields, with names for ids |
/// | `review` | the submission's uid | the decision, reviewer, comment, entry and time |
/// | `curation` | the correction's id | its fields |
/// | `document` | the symbol | the document and every recommendation of it, with addressees |
///
/// and `hash` = SHA-256 of the previous row's hash and its own fields, so that the journal's last
/// hash (its head) commits to the whole record. Rows are written by the store at the end of each
/// write transaction (``seal(since:in:)``) for what the transaction added; reviews and documents are
/// marked by the code that writes them. The table is append-only, by trigger.
///
/// What `check` finds with it: a submission, review or correction edited, deleted or added
/// outside FollowUp; a document's recommendation text, class, due date or addressees changed;
/// progress entries removed from the end of the log (the journal names the last one), or added
/// without FollowUp. Someone who holds the file can rewrite the journal too: the head, published
/// (`followup check` prints it; `check --head HASH` compares), makes that visible.
package enum Journal {
    /// What a journal row is about.
    enum Subject: String, CaseIterable {
        case progress, submission, review, curation, document
    }

    /// The head of an empty journal.
    static let genesis = ProgressChain.genesis

    /// How much of each append-only table existed when a write transaction began.
    struct Mark {
        let progress: Int64
        let submission: Int64
        let curation: Int64

        init(in db: Database) throws {
            progress =
                try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM progressEntry")) ?? 0
            submission = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM submission")) ?? 0
            curation = try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM curation")) ?? 0
        }
    }

    // MARK: - Writing

    /// Records what the transaction begun at `mark` added: the progress log's new head, each new
    /// submission and correction, each document marked by ``touch(document:in:)``.
    static func seal(since mark: Mark, in db: Database) throws {
        if let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, hash FROM progressEntry ORDER BY id DESC LIMIT 1")),
            let id = last["id"] as Int64?, id > mark.progress, let hash = last["hash"] as String?
        {
            try append(.progress, key: "\(mark.progress + 1)-\(id)", content: hash, in: db)
        }
        for (uid, content) in try submissionContents(after: mark.submission, in: db) {
            try append(.submission, key: uid, content: content, in: db)
        }
        for (id, content) in try curationContents(after: mark.curation, in: db) {
            try append(.curation, key: id, content: content, in: db)
        }
        let touched = try Int64.fetchAll(
            db.cachedStatement(sql: "SELECT documentId FROM journalPending ORDER BY documentId"))
        for documentId in touched {
            if let (symbol, content) = try documentContent(documentId, in: db) {
                try append(.document, key: symbol, content: content, in: db)
            }
        }
        if !touched.isEmpty { try db.cachedStatement(sql: "DELETE FROM journalPending").execute() }
    }

    /// Marks document `document` (its row, its recommendations or their addressees changed) to
    /// be journaled when the transaction ends.
    package static func touch(document: Int64, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO journalPending (documentId) VALUES (?)").execute(arguments: [
            document
        ])
    }

    /// Records the review of the submission numbered `submission`, just written.
    static func recordReview(of submission: Int64, in db: Database) throws {
        for (uid, content) in try reviewContents(submission: submission, in: db) {
            try append(.review, key: uid, content: content, in: db)
        }
    }

    /// Appends a row chained to the head.
    static func append(_ subject: Subject, key: String, content: String, in db: Database) throws {
        let last = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1"))
        let id = (last?["id"] as Int64? ?? 0) + 1
        let hash = rowHash(
            id: id, subject: subject.rawValue, key: key, content: content, after: last?["hash"] ?? genesis)
        try db.cachedStatement(
            sql: "INSERT INTO journal (id, subject, subjectKey, content, hash) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [id, subject.rawValue, key, content, hash])
    }

    /// Journals everything already in the database (migration v11, for files written before it).
    static func sealExisting(in db: Database) throws {
        if let last = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, hash FROM progressEntry ORDER BY id DESC LIMIT 1")),
            let id = last["id"] as Int64?, let hash = last["hash"] as String?
        {
            try append(.progress, key: "1-\(id)", content: hash, in: db)
        }
        for (uid, content) in try submissionContents(after: 0, in: db) {
            try append(.submission, key: uid, content: content, in: db)
        }
        for (uid, content) in try reviewContents(submission: nil, in: db) {
            try append(.review, key: uid, content: content, in: db)
        }
        for (id, content) in try curationContents(after: 0, in: db) {
            try append(.curation, key: id, content: content, in: db)
        }
        for (symbol, content) in try documentContents(in: db) {
            try append(.document, key: symbol, content: content, in: db)
        }
    }

    // MARK: - Checking

    /// What the journal says of the record, against the record itself.
    struct Verification {
        var problems: [CheckProblem] = []
        /// The journal's last hash, as stored.
        var head = Journal.genesis
        /// The number of journal rows.
        var rows = 0
        /// The row whose hash is the head a user gave (`check --head`), if any.
        var givenHeadRow: Int64?
    }

    /// Recomputes the journal's chain and compares every subject's content with the record.
    static func verify(in db: Database, head given: String? = nil) throws -> Verification {
        var result = Verification()
        func problem(_ kind: String, _ detail: String) {
            if result.problems.count < 40 { result.problems.append(CheckProblem(kind: kind, detail: detail)) }
        }
        var previous = genesis
        var previousId: Int64 = 0
        var latest: [Subject: [String: String]] = [:]
        var progressRanges: [(first: Int64, last: Int64, hash: String, row: Int64)] = []
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT id, subject, subjectKey, content, hash FROM journal ORDER BY id"))
        var chainBroken = false
        while let row = try cursor.next() {
            result.rows += 1
            let id: Int64 = row["id"]
            let subjectName: String = row["subject"]
            let key: String = row["subjectKey"]
            let content: String = row["content"]
            let stored: String = row["hash"]
            if stored == given { result.givenHeadRow = id }
            if !chainBroken
                && rowHash(id: id, subject: subjectName, key: key, content: content, after: previous) != stored
            {
                chainBroken = true
                problem(
                    "journal-tampered",
                    id == previousId + 1
                        ? "journal row #\(id) does not match the chain: it was changed outside FollowUp"
                        : "journal rows #\(previousId + 1)–#\(id - 1) are missing: removed outside FollowUp")
            }
            previous = stored
            previousId = id
            guard let subject = Subject(rawValue: subjectName) else { continue }
            if subject == .progress {
                let bounds = key.split(separator: "-").compactMap { Int64($0) }
                if bounds.count == 2 { progressRanges.append((bounds[0], bounds[1], content, id)) }
            } else {
                latest[subject, default: [:]][key] = content
            }
        }
        result.head = previous

        // The progress log: every range the journal recorded is still there, ending where it said,
        // and nothing was added after it or between ranges without FollowUp.
        var expectedFirst: Int64 = 1
        for range in progressRanges {
            if range.first > expectedFirst {
                problem(
                    "log-unjournaled",
                    "progress entries #\(expectedFirst)–#\(range.first - 1) were added without FollowUp (no journal row records them)"
                )
            }
            let hash = try String.fetchOne(
                db.cachedStatement(sql: "SELECT hash FROM progressEntry WHERE id = ?"), arguments: [range.last])
            if hash == nil {
                problem(
                    "log-truncated",
                    "progress entry #\(range.last), recorded in journal row #\(range.row), is missing: entries were removed from the log"
                )
            } else if hash != range.hash {
                problem(
                    "log-tampered",
                    "progress entry #\(range.last) differs from the one journal row #\(range.row) recorded: the log was rewritten from there"
                )
            }
            expectedFirst = range.last + 1
        }
        if let last = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM progressEntry")),
            last >= expectedFirst
        {
            problem(
                "log-unjournaled",
                "progress entries #\(expectedFirst)–#\(last) were added without FollowUp (no journal row records them)")
        }

        func compare(_ subject: Subject, _ what: String, _ actual: [(String, String)]) {
            var journaled = latest[subject] ?? [:]
            for (key, content) in actual {
                guard let recorded = journaled.removeValue(forKey: key) else {
                    problem("\(subject.rawValue)-unjournaled", "\(what) \(key) was added without FollowUp")
                    continue
                }
                if recorded != content && recorded != removed {
                    problem("\(subject.rawValue)-tampered", "\(what) \(key) was changed outside FollowUp")
                }
            }
            for key in journaled.filter({ $0.value != removed }).keys.sorted() {
                problem("\(subject.rawValue)-missing", "\(what) \(key) was deleted outside FollowUp")
            }
        }
        compare(.submission, "submission", try submissionContents(after: 0, in: db))
        compare(.review, "the review of submission", try reviewContents(submission: nil, in: db))
        compare(.curation, "correction #", try curationContents(after: 0, in: db))
        compare(.document, "document", try documentContents(in: db))
        return result
    }

    /// The content recorded for something FollowUp removed on purpose.
    static let removed = "removed"

    // MARK: - Contents

    /// The chain hash of one journal row.
    static func rowHash(id: Int64, subject: String, key: String, content: String, after previous: String) -> String {
        var fields = FieldHasher(prefix: previous)
        fields.append(String(id))
        fields.append(subject)
        fields.append(key)
        fields.append(content)
        return fields.hex
    }

    private static func hash(_ row: Row, columns: Int) -> String {
        var fields = FieldHasher()
        for index in 0..<columns { fields.append(row[index] as String?) }
        return fields.hex
    }

    private static func submissionContents(after id: Int64, in db: Database) throws -> [(String, String)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.uid, r.key, a.code, s.asOf, s.status, s.response, s.note, s.evidenceDocument,
                      s.evidenceParagraph, s.evidenceUrl, sup.uid, acc.name, s.submittedAt
                    FROM submission s
                    LEFT JOIN assignment x ON x.id = s.assignmentId
                    LEFT JOIN recommendation r ON r.id = x.recommendationId
                    LEFT JOIN addressee a ON a.id = x.addresseeId
                    LEFT JOIN progressEntry sup ON sup.id = s.supersedesId
                    LEFT JOIN account acc ON acc.id = s.submittedById
                    WHERE s.id > ? ORDER BY s.id
                    """), arguments: [id]
        ).map { ($0[0], hash($0, columns: 13)) }
    }

    private static func reviewContents(submission: Int64?, in db: Database) throws -> [(String, String)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT s.uid, v.decision, acc.name, v.comment, e.uid, v.reviewedAt
                    FROM review v
                    LEFT JOIN submission s ON s.id = v.submissionId
                    LEFT JOIN account acc ON acc.id = v.reviewerId
                    LEFT JOIN progressEntry e ON e.id = v.progressEntryId
                    WHERE ? IS NULL OR v.submissionId = ? ORDER BY v.submissionId
                    """), arguments: [submission, submission]
        ).map { ($0[0] ?? "?", hash($0, columns: 6)) }
    }

    private static func curationContents(after id: Int64, in db: Database) throws -> [(String, String)] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT CAST(id AS TEXT), recommendationKey, change, value, previous, textHash, reason, curator,
                      recordedAt
                    FROM curation WHERE id > ? ORDER BY id
                    """), arguments: [id]
        ).map { ($0[0], hash($0, columns: 9)) }
    }

    private static let documentSQL = """
        SELECT d.id, d.symbol, d.title, b.code, d.date, d.language, d.checksum
        FROM document d LEFT JOIN addressee b ON b.id = d.bodyId
        """

    private static func documentContent(_ id: Int64, in db: Database) throws -> (String, String)? {
        guard let row = try Row.fetchOne(db, sql: documentSQL + " WHERE d.id = ?", arguments: [id]) else {
            return nil
        }
        return (row[1], try documentHash(row, in: db))
    }

    private static func documentContents(in db: Database) throws -> [(String, String)] {
        try Row.fetchAll(db, sql: documentSQL + " ORDER BY d.symbol").map { ($0[1], try documentHash($0, in: db)) }
    }

    /// A document's fields, then each recommendation's (by key) with the codes of its addressees.
    private static func documentHash(_ document: Row, in db: Database) throws -> String {
        // Before v12 (the journal is sealed by v11's migration), there are no review tables.
        let reviewColumns =
            try db.tableExists("recommendingState")
            ? """
            (SELECT group_concat(code, ' ') FROM (SELECT a.code FROM recommendingState rs
               JOIN addressee a ON a.id = rs.stateId WHERE rs.recommendationId = r.id ORDER BY a.code)),
            (SELECT group_concat(scheme || ':' || value, char(10)) FROM (SELECT scheme, value
               FROM recommendationTopic WHERE recommendationId = r.id ORDER BY scheme, value))
            """ : "NULL, NULL"
        var fields = FieldHasher()
        for index in 1...6 { fields.append(document[index] as String?) }
        let rows = try Row.fetchCursor(
            db.cachedStatement(
                sql: """
                    SELECT r.key, r.path, CAST(r.position AS TEXT), r.kind, r.classification, r.verb, r.text,
                      r.language, r.dueDate, r.cycle, r.tags,
                      (SELECT group_concat(code, ' ') FROM (SELECT a.code FROM addressing ad
                         JOIN addressee a ON a.id = ad.addresseeId WHERE ad.recommendationId = r.id ORDER BY a.code)),
                      \(reviewColumns)
                    FROM recommendation r WHERE r.documentId = ? ORDER BY r.key
                    """), arguments: [document[0] as Int64])
        while let row = try rows.next() {
            for index in 0..<12 { fields.append(row[index] as String?) }
            // A review's recommending States and a thematic list's topics (v12), hashed only where
            // there are some: the hashes of documents sealed before stay what they were.
            let recommenders = row[12] as String?
            let topics = row[13] as String?
            if recommenders != nil || topics != nil {
                fields.append(recommenders)
                fields.append(topics)
            }
        }
        return fields.hex
    }
}

/// Fields hashed without ambiguity: each written as `length:value;` (or `-;` when absent), so
/// that no two different lists of fields give the same bytes. Shared by the progress log's chain
/// and the journal.
struct FieldHasher {
    private var bytes: [UInt8] = []

    /// Starts with `prefix` written as it is (a previous hash), room reserved for `capacity` bytes.
    init(prefix: String = "", capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
        bytes.append(contentsOf: prefix.utf8)
    }

    mutating func append(_ field: String?) {
        if let field {
            bytes.append(contentsOf: String(field.utf8.count).utf8)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(contentsOf: field.utf8)
        } else {
            bytes.append(UInt8(ascii: "-"))
        }
        bytes.append(UInt8(ascii: ";"))
    }

    var hex: String { SHA256.hex(bytes) }
}
