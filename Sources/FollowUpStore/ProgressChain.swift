import GRDB
import FollowUpModel

/// The hash chain that makes the progress log tamper-evident.
///
/// Each entry stores `hash` = SHA-256 of the previous entry's hash (by id) and of the entry's own
/// content, with what it refers to written as stable names (the recommendation key, actor codes,
/// the superseded entry's uid) rather than row ids. Changing, deleting, replacing or reordering
/// any entry breaks the chain from that entry on, and `followup check` says where. Someone who
/// holds the file can still recompute the whole chain: the head hash, published (it is printed
/// in every report's footer and by `followup check`), is what makes that visible.
public enum ProgressChain {
    /// The "previous hash" of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// An entry's content, as the chain hashes it.
    struct Link {
        var id: Int64
        var uid: String
        var key: String
        var actor: String
        var asOf: String
        var status: String?
        var response: String?
        var note: String?
        var evidenceDocument: String?
        var evidenceParagraph: String?
        var evidenceUrl: String?
        var reporter: String?
        var recordedAt: String
        var supersedes: String?

        /// The hash that follows `previous`. Each field is written with its length, so that no
        /// two different entries give the same bytes.
        func hash(after previous: String) -> String {
            var fields = FieldHasher(prefix: previous, capacity: 320 + (note?.utf8.count ?? 0))
            for field in [
                String(id), uid, key, actor, asOf, status, response, note, evidenceDocument, evidenceParagraph,
                evidenceUrl,
                reporter, recordedAt, supersedes,
            ] {
                fields.append(field)
            }
            return fields.hex
        }
    }

    /// The hash of the last entry: what the next entry chains to.
    package static func head(in db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM progressEntry ORDER BY id DESC LIMIT 1") ?? genesis
    }

    /// The next entry id: ids are given explicitly, because the hash covers them.
    package static func nextId(in db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM progressEntry") ?? 0) + 1
    }

    /// The entries with what the chain hashes, in id order.
    private static let linksSQL = """
        SELECT pe.id, pe.uid, r.key, a.code AS actor, pe.asOf, pe.status, pe.response, pe.note,
          pe.evidenceDocument, pe.evidenceParagraph, pe.evidenceUrl, b.code AS reporter, pe.recordedAt,
          sup.uid AS supersedesUid, pe.hash
        FROM progressEntry pe
        LEFT JOIN assignment s ON s.id = pe.assignmentId
        LEFT JOIN recommendation r ON r.id = s.recommendationId
        LEFT JOIN addressee a ON a.id = s.addresseeId
        LEFT JOIN addressee b ON b.id = pe.reportedById
        LEFT JOIN progressEntry sup ON sup.id = pe.supersedesId
        ORDER BY pe.id
        """

    private static func link(_ row: Row) -> Link {
        Link(
            id: row["id"], uid: row["uid"], key: row["key"] ?? "", actor: row["actor"] ?? "", asOf: row["asOf"],
            status: row["status"], response: row["response"], note: row["note"],
            evidenceDocument: row["evidenceDocument"], evidenceParagraph: row["evidenceParagraph"],
            evidenceUrl: row["evidenceUrl"], reporter: row["reporter"], recordedAt: row["recordedAt"],
            supersedes: row["supersedesUid"])
    }

    /// Recomputes the chain; returns the first break (if any) and the head as stored.
    static func verify(in db: Database) throws -> (problems: [CheckProblem], head: String, entries: Int) {
        var previous = genesis
        var problems: [CheckProblem] = []
        var count = 0
        var previousId: Int64 = 0
        let cursor = try Row.fetchCursor(db, sql: linksSQL)
        while let row = try cursor.next() {
            count += 1
            let entry = link(row)
            let stored: String? = row["hash"]
            let expected = entry.hash(after: previous)
            if stored != expected && problems.count < 20 {
                let detail: String
                if stored == nil {
                    detail = "entry #\(entry.id) (\(entry.uid)) has no chain hash: it was not written by FollowUp"
                } else if entry.id != previousId + 1 {
                    // FollowUp numbers entries without gaps: the missing ones were removed.
                    let missing =
                        previousId + 1 == entry.id - 1
                        ? "#\(previousId + 1) is" : "#\(previousId + 1)–#\(entry.id - 1) are"
                    detail =
                        "entry #\(entry.id) (\(entry.uid)) does not match the chain: \(missing) missing, removed or replaced outside FollowUp"
                } else {
                    detail =
                        "entry #\(entry.id) (\(entry.uid)) does not match the chain: it was changed outside FollowUp"
                }
                problems.append(CheckProblem(kind: "log-tampered", detail: detail))
            }
            previous = stored ?? expected
            previousId = entry.id
        }
        return (problems, previous, count)
    }

    /// Fills the hash of every entry in id order (migration v3, for logs written before it).
    static func seal(in db: Database) throws {
        var previous = genesis
        let rows = try Row.fetchAll(db, sql: linksSQL)
        let update = try db.makeStatement(sql: "UPDATE progressEntry SET hash = ? WHERE id = ?")
        for row in rows {
            let entry = link(row)
            previous = entry.hash(after: previous)
            try update.execute(arguments: [previous, entry.id])
        }
    }
}
