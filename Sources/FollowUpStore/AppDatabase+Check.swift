import Foundation
import GRDB
import FollowUpModel

/// What `followup check` found, and the heads to publish.
public struct CheckResult: Codable, Sendable {
    public var problems: [CheckProblem]
    /// The number of progress entries.
    public var entries: Int
    /// The hash of the last entry of the log's hash chain (`ProgressChain`).
    public var head: String
    /// The number of rows of the record journal.
    public var journalRows: Int
    /// The journal's head: the one hash that commits to the whole record (the log, submissions,
    /// reviews, corrections, documents). Publish it; `check --head` compares with it later.
    public var journalHead: String
    /// For `check --head HASH`: the journal row whose hash it is (`nil`: no row has it, a problem).
    public var givenHeadRow: Int64?
}

/// One problem `followup check` found.
public struct CheckProblem: Codable, Hashable, Sendable {
    /// What kind: `integrity`, `foreign-key`, `schema-changed`, `log-tampered`,
    /// `entry-before-document`, `assignment-not-bound`, `state-stale`.
    public var kind: String
    public var detail: String
}

extension AppDatabase {
    /// Checks the file's integrity and the data's consistency; returns every problem found.
    ///
    /// - SQLite's `integrity_check` and `foreign_key_check`;
    /// - progress entries dated before their recommendation's document;
    /// - assignments that no named addressee binds (an actor that had left the group before the
    ///   document's date, or an addressing removed);
    /// - the tables, indexes and triggers as this version's migrations make them (a dropped
    ///   append-only trigger is found);
    /// - the log's hash chain: any entry changed, removed, replaced or reordered outside FollowUp;
    /// - cached current statuses that differ from the log;
    /// - the record journal (``Journal``): its chain, and every submission, review, correction and
    ///   document against what it recorded; progress entries removed from the end of the log;
    /// - with `head`, a journal head published earlier: it must still be in the journal.
    public func check(head given: String? = nil) throws(FollowUpError) -> CheckResult {
        let expectedSchema = try Self.schemaObjects(of: AppDatabase.inMemory())
        let actualSchema = try Self.schemaObjects(of: self)
        return try read { db in
            var problems: [CheckProblem] = []
            for (name, sql) in expectedSchema.sorted(by: { $0.key < $1.key }) where actualSchema[name] != sql {
                problems.append(
                    CheckProblem(
                        kind: "schema-changed",
                        detail: actualSchema[name] == nil
                            ? "\(name) is missing: it was dropped outside FollowUp"
                            : "\(name) differs from the one FollowUp made"))
            }
            for name in actualSchema.keys.sorted() where expectedSchema[name] == nil {
                problems.append(CheckProblem(kind: "schema-changed", detail: "\(name) was added outside FollowUp"))
            }
            let chain = try ProgressChain.verify(in: db)
            problems += chain.problems
            let journal = try Journal.verify(in: db, head: given)
            problems += journal.problems
            if let given, journal.givenHeadRow == nil {
                problems.append(
                    CheckProblem(
                        kind: "head-not-found",
                        detail:
                            "no row of the journal has the head \(given): the record was rewritten, or rows were removed, since it was published"
                    ))
            }
            for message in try String.fetchAll(db, sql: "PRAGMA integrity_check") where message != "ok" {
                problems.append(CheckProblem(kind: "integrity", detail: message))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                problems.append(
                    CheckProblem(
                        kind: "foreign-key",
                        detail: "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent)"))
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT pe.id, pe.asOf, r.key, a.code, d.date FROM progressEntry pe
                    JOIN assignment s ON s.id = pe.assignmentId JOIN recommendation r ON r.id = s.recommendationId
                    JOIN document d ON d.id = r.documentId JOIN addressee a ON a.id = s.addresseeId
                    WHERE pe.asOf < d.date ORDER BY pe.id
                    """)
            {
                let id: Int64 = row["id"]
                let asOf: String = row["asOf"]
                let key: String = row["key"]
                let actor: String = row["code"]
                let date: String = row["date"]
                problems.append(
                    CheckProblem(
                        kind: "entry-before-document",
                        detail: "entry #\(id) on \(key) for \(actor) is dated \(asOf), before the document (\(date))"))
            }
            for row in try SQLRequest<Row>(
                literal: """
                    SELECT r.key, a.code FROM assignment s JOIN recommendation r ON r.id = s.recommendationId
                    JOIN document d ON d.id = r.documentId JOIN addressee a ON a.id = s.addresseeId
                    WHERE NOT EXISTS (SELECT 1 FROM addressing ad WHERE ad.recommendationId = s.recommendationId
                      AND (ad.addresseeId = s.addresseeId OR EXISTS (SELECT 1 FROM groupMembership m
                        WHERE m.groupId = ad.addresseeId AND m.memberId = s.addresseeId
                        AND \(SQL.membership("m", holdsOn: "d.date")))))
                    ORDER BY r.key, a.code
                    """
            ).fetchAll(db) {
                let key: String = row["key"]
                let actor: String = row["code"]
                problems.append(
                    CheckProblem(
                        kind: "assignment-not-bound",
                        detail:
                            "\(key) has an assignment for \(actor), but no addressee it names bound \(actor) on the document's date"
                    ))
            }
            let stale = try AssignmentQueries.staleStateCount(in: db)
            if stale > 0 {
                problems.append(
                    CheckProblem(
                        kind: "state-stale",
                        detail:
                            "\(stale) cached current statuses differ from the progress log: 'followup check --repair-cache' rebuilds them"
                    ))
            }
            return CheckResult(
                problems: problems, entries: chain.entries, head: chain.head, journalRows: journal.rows,
                journalHead: journal.head, givenHeadRow: given == nil ? nil : journal.givenHeadRow)
        }
    }

    /// The record journal's head and its last row, for report footers.
    public func journalHead() throws(FollowUpError) -> JournalHead {
        try read { db in
            // The last row by id, found through the primary key: no scan.
            let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")
            return JournalHead(head: row?["hash"] ?? Journal.genesis, lastRow: row?["id"] ?? 0)
        }
    }

    /// Rebuilds the cache of current statuses from the log; returns how many rows were wrong.
    @discardableResult
    public func repairStatusCache() throws(FollowUpError) -> Int {
        try write { db in
            let stale = try AssignmentQueries.staleStateCount(in: db)
            try AssignmentQueries.rebuildState(in: db)
            return stale
        }
    }

    /// Every table, index, view and trigger by name, with its SQL (FTS shadow tables included).
    static func schemaObjects(of database: AppDatabase) throws(FollowUpError) -> [String: String] {
        try database.read { db in
            var objects: [String: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'"
            ) {
                objects["\(row["type"] as String) \(row["name"] as String)"] = row["sql"] ?? ""
            }
            return objects
        }
    }

    /// Copies the database, while it may be in use, to the file at `path` (SQLite's online
    /// backup): the copy is a consistent snapshot. `path` must be new or empty: the command line
    /// passes a hidden file it then moves into place, so that no existing file is ever half
    /// overwritten.
    public func backup(to path: String) throws(FollowUpError) {
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber, size.intValue > 0 {
            throw .outputExists(path: path)
        }
        do {
            let target = try DatabaseQueue(path: path)
            try writer.backup(to: target)
            try target.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw .fileAccess(path: path, reason: Self.plainReason(error))
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw .fileAccess(path: path, reason: "\(error)")
        }
    }
}

extension AppDatabase {
    /// Folds the write-ahead log into the database file, so that the file alone is the whole
    /// database (for a copy made by other means than `backup`).
    public func checkpoint() throws(FollowUpError) {
        try attempt { _ = try writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) } }
    }
}
