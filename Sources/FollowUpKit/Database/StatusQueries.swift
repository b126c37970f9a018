import GRDB

/// SQL shared by every query that reads where an assignment stands.
///
/// The current status is never stored: it is the latest entry (by `asOf`, then id) that carries a
/// status, is dated on or before the as-of date, and is not superseded by a correction dated on
/// or before it. Responses are read the same way, from the entries that carry a response.
enum StatusQueries {
    /// Set in tests to read every status from the log, to check the cache against it.
    @TaskLocal static var readFromLog = false

    /// The SQL that reads where assignment `s` stands as of `:asOf`, from the cache or the log.
    struct Columns {
        /// A join to add after `FROM assignment s` (empty for the log).
        var join: String
        var status: String
        var statusAsOf: String
        var response: String
        var latestId: String
        var latestAsOf: String
    }

    /// The columns to use as of `asOf`: the cache (`assignmentState`) when `asOf` is on or after
    /// every entry's date, where it is exact; otherwise the log.
    static func columns(asOf: CalendarDate, in db: Database) throws -> Columns {
        let maxAsOf = try String.fetchOne(db, sql: "SELECT maxAsOf FROM stateMeta WHERE id = 1") ?? "9999-12-31"
        if !readFromLog && asOf.description >= maxAsOf {
            return Columns(
                join: "LEFT JOIN assignmentState st ON st.assignmentId = s.id", status: "st.status",
                statusAsOf: "st.statusAsOf", response: "st.response", latestId: "st.latestEntryId",
                latestAsOf: "st.latestAsOf")
        }
        return Columns(
            join: "", status: latest("status", carrying: "status", of: "s.id", asOf: ":asOf"),
            statusAsOf: latest("asOf", carrying: "status", of: "s.id", asOf: ":asOf"),
            response: latest("response", carrying: "response", of: "s.id", asOf: ":asOf"),
            latestId: latest("id", carrying: "id", of: "s.id", asOf: ":asOf"),
            latestAsOf: latest("asOf", carrying: "id", of: "s.id", asOf: ":asOf"))
    }

    /// The latest entry of assignment expression `assignment` carrying `field`, as of `asOf`,
    /// returning `column` (`id`, `status`, `asOf` …).
    static func latest(_ column: String, carrying field: String, of assignment: String, asOf: String) -> String {
        """
        (SELECT pe.\(column) FROM progressEntry pe
          WHERE pe.assignmentId = \(assignment) AND pe.\(field) IS NOT NULL AND pe.asOf <= \(asOf)
            AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id AND c.asOf <= \(asOf))
          ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1)
        """
    }

    /// The codes of the named addressees through which assignment `s` binds its actor, joined
    /// by commas: the actor itself, or a group it belonged to on the document's date.
    static let through = """
        (SELECT group_concat(code, ',') FROM (SELECT named.code FROM addressing ad
          JOIN addressee named ON named.id = ad.addresseeId
          WHERE ad.recommendationId = s.recommendationId AND (ad.addresseeId = s.addresseeId OR EXISTS (
            SELECT 1 FROM groupMembership m WHERE m.groupId = ad.addresseeId AND m.memberId = s.addresseeId
              \(AppDatabase.membershipHolds("m", on: "d.date"))))
          ORDER BY named.code))
        """

    /// Where each assignment matching `condition` stands as of `:asOf`.
    ///
    /// `condition` may use the aliases `s` (assignment), `r` (recommendation), `d` (document)
    /// and `a` (the accountable addressee).
    static func assignmentStatuses(
        where condition: String, arguments: StatementArguments, asOf: CalendarDate, in db: Database
    ) throws -> [AssignmentStatus] {
        let columns = try columns(asOf: asOf, in: db)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.key, a.code, a.nameEn, a.nameZh, \(through) AS through,
                  \(columns.status) AS status, \(columns.statusAsOf) AS statusAsOf,
                  \(columns.response) AS response, \(columns.latestAsOf) AS lastUpdate
                FROM assignment s \(columns.join)
                JOIN recommendation r ON r.id = s.recommendationId
                JOIN document d ON d.id = r.documentId
                JOIN addressee a ON a.id = s.addresseeId
                WHERE \(condition)
                ORDER BY d.date, d.symbol, r.position, a.code
                """, arguments: arguments + ["asOf": asOf])
        return rows.map { row in
            let through: String? = row["through"]
            return AssignmentStatus(
                key: row["key"], actor: row["code"], nameEn: row["nameEn"], nameZh: row["nameZh"],
                through: through.map { $0.split(separator: ",").map(String.init) } ?? [],
                status: row["status"], statusAsOf: row["statusAsOf"], response: row["response"],
                lastUpdate: row["lastUpdate"])
        }
    }
}
