import GRDB
import GRDBSQLite
import FollowUpModel

/// Which assignments a query reads: each case is one condition, and a query takes them all.
package enum AssignmentFilter: Sendable {
    /// One assignment.
    case assignment(Int64)
    /// The assignments of one recommendation.
    case recommendation(Int64)
    /// The assignments of one document's recommendations.
    case document(Int64)
    /// One actor's assignments.
    case actor(Int64)
    /// The assignments of the members of a group on the as-of date.
    case memberOf(group: Int64)
    /// Recommendations due before the as-of date and not closed (implemented or no longer
    /// relevant) as of it, or with a reporting cycle: what may be overdue or silent.
    case openPastDueOrRecurring

    /// The condition in SQL on `s` (assignment), `r` (recommendation), `d` (document), `a` (actor),
    /// where `status` reads the assignment's status as of `asOf`.
    fileprivate func condition(asOf: CalendarDate, status: SQL) -> SQL {
        switch self {
        case .assignment(let id): "s.id = \(id)"
        case .recommendation(let id): "s.recommendationId = \(id)"
        case .document(let id): "r.documentId = \(id)"
        case .actor(let id): "s.addresseeId = \(id)"
        case .memberOf(let group):
            """
            EXISTS (SELECT 1 FROM groupMembership m WHERE m.groupId = \(group) AND m.memberId = s.addresseeId
              AND \(SQL.membership("m", holdsOn: "\(asOf)")))
            """
        case .openPastDueOrRecurring:
            """
            ((r.dueDate < \(asOf) AND coalesce(\(status), '') NOT IN \(ImplementationStatus.closed.map(\.rawValue)))
              OR r.cycle IS NOT NULL)
            """
        }
    }
}

/// Which progress entries a query reads.
package enum EntryFilter: Sendable {
    /// One entry.
    case entry(Int64)
    /// Entries by id.
    case entries([Int64])
    /// The entries on one recommendation, of one actor's assignment when `actor` is given.
    case recommendation(Int64, actor: Int64?)
    /// The entries on one document's recommendations.
    case document(Int64)

    fileprivate var condition: SQL {
        switch self {
        case .entry(let id): "pe.id = \(id)"
        case .entries(let ids):
            "pe.id IN (SELECT value FROM json_each(\(AppDatabase.jsonList(ids))))"
        case .recommendation(let id, let actor?): "s.recommendationId = \(id) AND s.addresseeId = \(actor)"
        case .recommendation(let id, nil): "s.recommendationId = \(id)"
        case .document(let id): "r.documentId = \(id)"
        }
    }
}

extension SQL {
    /// True when group membership `alias` holds on `date`: started on or before it, not ended by it.
    static func membership(_ alias: SQL, holdsOn date: SQL) -> SQL {
        "(\(alias).startDate IS NULL OR \(alias).startDate <= \(date)) AND (\(alias).endDate IS NULL OR \(alias).endDate > \(date))"
    }
}

/// The reads of where assignments stand, typed by what they filter on.
///
/// An assignment's current status is the latest entry (by `asOf`, then id) that carries a status,
/// is dated on or before the as-of date, and is not superseded by a correction dated on or before
/// it; responses are read the same way. The log is the truth. Schema v2 keeps the result for the
/// latest date in `assignmentState`, maintained by triggers on the log; a read as of a date on or
/// after every entry's date uses that cache, where it is exact, and any earlier date reads the log.
package enum AssignmentQueries {
    /// Set in tests to read every status from the log, to check the cache against it.
    @TaskLocal static var readFromLog = false

    /// The expressions that read where assignment `s` stands as of a date.
    private struct StatusColumns {
        /// A join to add after `FROM assignment s` (empty for the log).
        var join: SQL
        var status: SQL
        var statusAsOf: SQL
        var response: SQL
        var latestId: SQL
        var latestAsOf: SQL
    }

    /// The cache when `asOf` is on or after every entry's date; otherwise the log.
    private static func columns(asOf: CalendarDate, in db: Database) throws -> StatusColumns {
        let maxAsOf =
            try String.fetchOne(db.cachedStatement(sql: "SELECT maxAsOf FROM stateMeta WHERE id = 1")) ?? "9999-12-31"
        if !readFromLog && asOf.description >= maxAsOf {
            return StatusColumns(
                join: "LEFT JOIN assignmentState st ON st.assignmentId = s.id", status: "st.status",
                statusAsOf: "st.statusAsOf", response: "st.response", latestId: "st.latestEntryId",
                latestAsOf: "st.latestAsOf")
        }
        let date: SQL = "\(asOf)"
        return StatusColumns(
            join: "", status: latest("status", carrying: "status", asOf: date),
            statusAsOf: latest("asOf", carrying: "status", asOf: date),
            response: latest("response", carrying: "response", asOf: date),
            latestId: latest("id", carrying: "id", asOf: date),
            latestAsOf: latest("asOf", carrying: "id", asOf: date))
    }

    /// The latest entry of assignment `s` carrying `field` as of `asOf`, returning `column`.
    private static func latest(_ column: SQL, carrying field: SQL, asOf: SQL) -> SQL {
        """
        (SELECT pe.\(column) FROM progressEntry pe
          WHERE pe.assignmentId = s.id AND pe.\(field) IS NOT NULL AND pe.asOf <= \(asOf)
            AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id AND c.asOf <= \(asOf))
          ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1)
        """
    }

    /// The codes of the named addressees through which assignment `s` binds its actor, joined by
    /// commas: the actor itself, or a group it belonged to on the document's date.
    private static let through: SQL = """
        (SELECT group_concat(code, ',') FROM (SELECT named.code FROM addressing ad
          JOIN addressee named ON named.id = ad.addresseeId
          WHERE ad.recommendationId = s.recommendationId AND (ad.addresseeId = s.addresseeId OR EXISTS (
            SELECT 1 FROM groupMembership m WHERE m.groupId = ad.addresseeId AND m.memberId = s.addresseeId
              AND \(SQL.membership("m", holdsOn: "d.date"))))
          ORDER BY named.code))
        """

    private static func whereClause(_ filters: [AssignmentFilter], asOf: CalendarDate, status: SQL) -> SQL {
        filters.isEmpty ? "1" : filters.map { $0.condition(asOf: asOf, status: status) }.joined(separator: " AND ")
    }

    private static func split(_ list: String?) -> [String] {
        list.map { $0.split(separator: ",").map(String.init) } ?? []
    }

    /// Where each assignment passing `filters` stands as of `asOf`.
    static func statuses(_ filters: [AssignmentFilter], asOf: CalendarDate, in db: Database) throws
        -> [AssignmentStatus]
    {
        let columns = try columns(asOf: asOf, in: db)
        let rows = try SQLRequest<Row>(
            literal: """
                SELECT r.key, a.code, a.nameEn, a.nameZh, \(through) AS through,
                  \(columns.status) AS status, \(columns.statusAsOf) AS statusAsOf,
                  \(columns.response) AS response, \(columns.latestAsOf) AS lastUpdate
                FROM assignment s \(columns.join)
                JOIN recommendation r ON r.id = s.recommendationId
                JOIN document d ON d.id = r.documentId
                JOIN addressee a ON a.id = s.addresseeId
                WHERE \(whereClause(filters, asOf: asOf, status: columns.status))
                ORDER BY d.date, d.symbol, r.position, a.code
                """, cached: true
        ).fetchAll(db)
        return rows.map { row in
            AssignmentStatus(
                key: row["key"], actor: row["code"], nameEn: row["nameEn"], nameZh: row["nameZh"],
                through: split(row["through"]), status: row["status"], statusAsOf: row["statusAsOf"],
                response: row["response"], lastUpdate: row["lastUpdate"])
        }
    }

    /// The assignments passing `filters` with everything reports need, statuses as of `asOf`.
    ///
    /// Documents dated after `asOf` are left out: they did not exist yet. `through` adds the named
    /// addressees that bind each row, `entries` its latest entry in full; reports that show neither
    /// skip the cost. Without `texts`, each row's `text` is empty (a report that shows a
    /// recommendation's text once, not per actor).
    /// How ``rows(_:asOf:through:entries:texts:order:in:)`` orders what it reads.
    package enum RowOrder: Sendable {
        /// By document date and symbol, then paragraph, then actor: a report's order.
        case documentOrder
        /// By actor code, then key: an audit grouped by actor.
        case actor
        /// By document symbol, then key and actor.
        case document
        /// By key, then actor.
        case recommendation

        var sql: SQL {
            switch self {
            case .documentOrder: "d.date, d.symbol, r.position, a.code"
            case .actor: "a.code, r.key, a.code"
            case .document: "d.symbol, r.key, a.code"
            case .recommendation: "r.key, r.key, a.code"
            }
        }
    }

    package static func rows(
        _ filters: [AssignmentFilter], asOf: CalendarDate, through withThrough: Bool = true,
        entries withEntries: Bool = true, texts withTexts: Bool = true,
        order: RowOrder = .documentOrder, in db: Database
    ) throws -> [AssignmentRow] {
        let order = order.sql
        let columns = try columns(asOf: asOf, in: db)
        // The latest entry is joined by its id, not read by a second query.
        let latestColumns: SQL =
            withEntries
            ? "le.id, le.asOf, le.status, le.response, le.note, le.evidenceDocument, le.evidenceParagraph, le.evidenceUrl, lb.code"
            : "NULL"
        let latestJoin: SQL =
            withEntries
            ? """
            LEFT JOIN progressEntry le ON le.id = \(columns.latestId)
            LEFT JOIN addressee lb ON lb.id = le.reportedById
            """
            : ""
        let rows = SQLRequest<Row>(
            literal: """
                SELECT r.key, r.path, d.symbol, d.date AS documentDate, r.classification, \(withTexts ? "r.text" : "''" as SQL),
                  r.dueDate, r.cycle,
                  a.code, a.nameEn, a.nameZh, s.recommendationId, s.addresseeId,
                  \(columns.status) AS status, \(columns.statusAsOf) AS statusAsOf,
                  \(columns.response) AS response, \(columns.latestAsOf) AS lastUpdate, \(latestColumns)
                FROM assignment s \(columns.join)
                JOIN recommendation r ON r.id = s.recommendationId
                JOIN document d ON d.id = r.documentId
                JOIN addressee a ON a.id = s.addresseeId
                \(latestJoin)
                WHERE d.date <= \(asOf) AND \(whereClause(filters, asOf: asOf, status: columns.status))
                ORDER BY \(order)
                """, cached: true)
        // Read from the cursor, columns by position in the SELECT's order: a lookup by name costs a
        // case-insensitive search per value, and a copied row per line doubled a 77,000-item audit.
        var result: [AssignmentRow] = []
        var bindings: [(recommendation: Int64, actor: Int64)] = []
        let cursor = try rows.fetchCursor(db)
        while let row = try cursor.next() {
            let key: String = row[0]
            let actor: String = row[8]
            var latest: LatestEntry?
            if withEntries, let id = row[17] as Int64? {
                let evidence = EvidenceReference(document: row[22], paragraph: row[23], url: row[24])
                latest = LatestEntry(
                    id: id, key: key, actor: actor, asOf: row[18], status: row[19], response: row[20], note: row[21],
                    evidence: evidence == EvidenceReference() ? nil : evidence, reportedBy: row[25])
            }
            if withThrough { bindings.append((row[11], row[12])) }
            result.append(
                AssignmentRow(
                    key: key, path: row[1], document: row[2], documentDate: row[3], classification: row[4],
                    text: row[5], dueDate: row[6], cycle: row[7], actor: actor, actorNameEn: row[9],
                    actorNameZh: row[10], through: [], status: row[13], statusAsOf: row[14],
                    response: row[15], lastUpdate: row[16], latest: latest))
        }
        if withThrough && !result.isEmpty {
            let through = try Self.through(bindings, on: result.map(\.documentDate), in: db)
            for index in result.indices { result[index].through = through[index] }
        }
        return result
    }

    /// For each assignment (recommendation, actor) with its document's date: the codes of the
    /// named addressees through which it binds its actor, sorted: the actor itself, or a group it
    /// belonged to on that date. Read with two queries for all of them, not a subquery per row.
    private static func through(
        _ bindings: [(recommendation: Int64, actor: Int64)], on dates: [CalendarDate], in db: Database
    ) throws -> [[String]] {
        var named: [Int64: [(id: Int64, code: String)]] = [:]
        let recommendations = AppDatabase.jsonList(Array(Set(bindings.map(\.recommendation))))
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT ad.recommendationId, ad.addresseeId, a.code FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                WHERE ad.recommendationId IN (SELECT value FROM json_each(?))
                """, arguments: [recommendations])
        {
            named[row[0], default: []].append((row[1], row[2]))
        }
        // Per group, per member, the spans of membership.
        var spans: [Int64: [Int64: [(start: CalendarDate?, end: CalendarDate?)]]] = [:]
        let groups = AppDatabase.jsonList(Array(Set(named.values.joined().map(\.id))))
        let actors = Set(bindings.map(\.actor))
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT groupId, memberId, startDate, endDate FROM groupMembership WHERE groupId IN (SELECT value FROM json_each(?))",
            arguments: [groups])
        where actors.contains(row[1]) {
            spans[row[0], default: [:]][row[1], default: []].append((row[2], row[3]))
        }
        return zip(bindings, dates).map { binding, date in
            (named[binding.recommendation] ?? []).filter { addressee in
                addressee.id == binding.actor
                    || (spans[addressee.id]?[binding.actor] ?? []).contains { span in
                        // As `SQL.membership`: begun on or before the date, not ended by it.
                        (span.start.map { $0 <= date } ?? true) && (span.end.map { $0 > date } ?? true)
                    }
            }.map(\.code).sorted()
        }
    }

    /// Per recommendation id, how many of its assignments stand in each status (`unreported`
    /// for none) as of `asOf`.
    static func statusCounts(recommendations ids: [Int64], asOf: CalendarDate, in db: Database) throws
        -> [Int64: [String: Int]]
    {
        guard !ids.isEmpty else { return [:] }
        let columns = try columns(asOf: asOf, in: db)
        let idList = AppDatabase.jsonList(ids)
        var counts: [Int64: [String: Int]] = [:]
        for row in try SQLRequest<Row>(
            literal: """
                SELECT s.recommendationId, coalesce(\(columns.status), 'unreported') AS status, count(*) AS n
                FROM assignment s \(columns.join) WHERE s.recommendationId IN (SELECT value FROM json_each(\(idList)))
                GROUP BY 1, 2
                """, cached: true
        ).fetchAll(db) {
            counts[row["recommendationId"], default: [:]][row["status"]] = row["n"]
        }
        return counts
    }

    /// The ids of the recommendations with an assignment in `status` as of `asOf` (of actor
    /// `actor` only, when given).
    static func recommendations(
        withStatus status: StatusFilter, actor: Int64?, asOf: CalendarDate, in db: Database
    ) throws -> [Int64] {
        let columns = try columns(asOf: asOf, in: db)
        let test: SQL =
            switch status {
            case .unreported: "\(columns.status) IS NULL"
            case .status(let value): "\(columns.status) = \(value)"
            }
        let scope: SQL = actor.map { "AND s.addresseeId = \($0)" } ?? ""
        return try SQLRequest<Int64>(
            literal: """
                SELECT DISTINCT s.recommendationId FROM assignment s \(columns.join)
                WHERE \(test) \(scope) ORDER BY 1
                """
        ).fetchAll(db)
    }

    /// How many assignments' cached state differs from the log: 0 when the cache is exact.
    static func staleStateCount(in db: Database) throws -> Int {
        let forever: SQL = "'9999-12-31'"
        let stale =
            try SQLRequest<Int>(
                literal: """
                    SELECT count(*) FROM assignment s LEFT JOIN assignmentState st ON st.assignmentId = s.id
                    WHERE st.latestEntryId IS NOT \(latest("id", carrying: "id", asOf: forever))
                      OR st.statusEntryId IS NOT \(latest("id", carrying: "status", asOf: forever))
                      OR st.responseEntryId IS NOT \(latest("id", carrying: "response", asOf: forever))
                      OR st.status IS NOT (SELECT status FROM progressEntry WHERE id = st.statusEntryId)
                      OR st.statusAsOf IS NOT (SELECT asOf FROM progressEntry WHERE id = st.statusEntryId)
                      OR st.response IS NOT (SELECT response FROM progressEntry WHERE id = st.responseEntryId)
                      OR st.responseAsOf IS NOT (SELECT asOf FROM progressEntry WHERE id = st.responseEntryId)
                      OR st.latestAsOf IS NOT (SELECT asOf FROM progressEntry WHERE id = st.latestEntryId)
                    """
            ).fetchOne(db) ?? 0
        let orphans =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM assignmentState st
                    WHERE NOT EXISTS (SELECT 1 FROM progressEntry pe WHERE pe.assignmentId = st.assignmentId)
                    """) ?? 0
        let meta =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM stateMeta
                    WHERE maxAsOf IS NOT coalesce((SELECT max(asOf) FROM progressEntry), '0000-01-01')
                    """) ?? 0
        return stale + orphans + meta
    }

    /// Rebuilds the status cache from the log (`followup check --repair-cache`).
    static func rebuildState(in db: Database) throws {
        try db.execute(sql: "DELETE FROM assignmentState")
        try db.execute(sql: Schema.stateRebuild)
        try db.execute(
            sql: "UPDATE stateMeta SET maxAsOf = coalesce((SELECT max(asOf) FROM progressEntry), '0000-01-01')")
    }

    /// The triggers that keep the status cache one entry at a time.
    static let stateTriggers = ["progressEntry_state_append", "progressEntry_state_correct"]

    /// For a bulk import: drops the cache's per-entry triggers inside the caller's transaction
    /// and returns their SQL, to be given back to ``finishBulkAppend(from:restoring:in:)`` in the
    /// same transaction. If the transaction rolls back, so does the drop: SQLite's DDL is
    /// transactional, and no other connection ever sees the log without its triggers.
    package static func suspendStateTriggers(in db: Database) throws -> [String] {
        var saved: [String] = []
        for name in stateTriggers {
            guard
                let sql = try String.fetchOne(
                    db, sql: "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", arguments: [name])
            else { continue }
            saved.append(sql)
            try db.execute(sql: "DROP TRIGGER \(name)")
        }
        return saved
    }

    /// After a bulk append of entries with ids from `firstId`: rebuilds the cache rows of the
    /// assignments they touched from the log in one set-based statement, moves `stateMeta`, and
    /// puts the triggers back exactly as they were.
    static func finishBulkAppend(from firstId: Int64, restoring triggers: [String], in db: Database) throws {
        let touched = "SELECT DISTINCT assignmentId FROM progressEntry WHERE id >= \(firstId)"
        try db.execute(sql: "DELETE FROM assignmentState WHERE assignmentId IN (\(touched))")
        try db.execute(sql: Schema.stateRebuild(assignments: touched))
        try db.execute(
            sql: """
                UPDATE stateMeta SET maxAsOf = max(maxAsOf, coalesce((SELECT max(asOf) FROM progressEntry
                  WHERE id >= \(firstId)), '0000-01-01')) WHERE id = 1
                """)
        for sql in triggers { try db.execute(sql: sql) }
    }

    /// The progress entries passing `filter`, with their keys and actors, oldest first.
    static func entryInfos(_ filter: EntryFilter, in db: Database) throws -> [ProgressEntryInfo] {
        try entryInfos(filter.condition, in: db)
    }

    private static func entryInfos(_ condition: SQL, in db: Database) throws -> [ProgressEntryInfo] {
        // Columns by position, in the SELECT's order: decoding a `ProgressEntry` by name cost a
        // third of a 2,400-row country report.
        let rows = try SQLRequest<Row>(
            literal: """
                SELECT pe.id, pe.uid, r.key, a.code, pe.asOf, pe.status, pe.response, pe.note,
                  pe.evidenceDocument, pe.evidenceParagraph, pe.evidenceUrl, b.code, pe.recordedAt, pe.supersedesId,
                  EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id)
                FROM progressEntry pe
                JOIN assignment s ON s.id = pe.assignmentId
                JOIN recommendation r ON r.id = s.recommendationId
                JOIN addressee a ON a.id = s.addresseeId
                LEFT JOIN addressee b ON b.id = pe.reportedById
                WHERE \(condition)
                ORDER BY pe.asOf, pe.id
                """, cached: true
        ).fetchAll(db)
        return rows.map { row in
            let evidence = EvidenceReference(document: row[8], paragraph: row[9], url: row[10])
            return ProgressEntryInfo(
                id: row[0], uid: row[1], key: row[2], actor: row[3], asOf: row[4], status: row[5], response: row[6],
                note: row[7], evidence: evidence == EvidenceReference() ? nil : evidence, reportedBy: row[11],
                recordedAt: row[12], supersedes: row[13], superseded: row[14])
        }
    }

    /// The entries passing `filter` dated on or before `asOf`, oldest first, as reports show them.
    package static func entries(_ filter: EntryFilter, asOf: CalendarDate, in db: Database) throws -> [LatestEntry] {
        try entryInfos("pe.asOf <= \(asOf) AND \(filter.condition)", in: db).map {
            LatestEntry(
                id: $0.id, key: $0.key, actor: $0.actor, asOf: $0.asOf, status: $0.status, response: $0.response,
                note: $0.note, evidence: $0.evidence, reportedBy: $0.reportedBy)
        }
    }
}

extension AssignmentQueries {
    /// The recommendations of document `id`, in the order of the text.
    package static func recommendations(ofDocument id: Int64, in db: Database) throws -> [Recommendation] {
        try Recommendation.filter(Recommendation.Columns.documentId == id).order(Recommendation.Columns.position)
            .fetchAll(db)
    }

    /// Every group, by code.
    package static func groups(in db: Database) throws -> [Addressee] {
        try Addressee.fetchAll(db, sql: "SELECT * FROM addressee WHERE kind = ? ORDER BY code", arguments: ["group"])
    }

    /// The members of group `id` on `date`, by code.
    package static func members(ofGroup id: Int64, on date: CalendarDate, in db: Database) throws -> [Addressee] {
        try SQLRequest<Addressee>(
            literal: """
                SELECT a.* FROM groupMembership m JOIN addressee a ON a.id = m.memberId
                WHERE m.groupId = \(id) AND \(SQL.membership("m", holdsOn: "\(date)"))
                ORDER BY a.code
                """, cached: true
        ).fetchAll(db)
    }

    /// The entries on document `id`'s recommendations dated up to `asOf`: how many, and how many per
    /// month (`year * 100 + month`) and status group.
    ///
    /// Counted in one pass over the entries, in Swift: SQLite's GROUP BY sorted the document's
    /// 25,000 entries of the benchmark, a third of the report.
    package static func entryTallies(document id: Int64, asOf: CalendarDate, in db: Database) throws -> (
        count: Int, byMonth: [Int: [StatusGroup: Int]]
    ) {
        var tallies: [Int: [StatusGroup: Int]] = [:]
        var count = 0
        let statuses = ImplementationStatus.allCases.map { (Array($0.rawValue.utf8), StatusGroup($0)) }
        let entries = RawStatement(
            try db.makeStatement(
                literal: """
                    SELECT pe.asOf, pe.status FROM progressEntry pe JOIN assignment s ON s.id = pe.assignmentId
                    JOIN recommendation r ON r.id = s.recommendationId
                    WHERE r.documentId = \(id) AND pe.asOf <= \(asOf)
                    """))
        try entries.forEachRow(in: db) { entry in
            count += 1
            let month = sqlite3_column_text(entry, 0).flatMap {
                CalendarDate(utf8: UnsafeBufferPointer(start: $0, count: Int(sqlite3_column_bytes(entry, 0))))
            }.map { $0.year * 100 + $0.month }
            let status = sqlite3_column_text(entry, 1).flatMap { text in
                let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(entry, 1)))
                return statuses.first { $0.0.elementsEqual(bytes) }?.1
            }
            tallies[month ?? 0, default: [:]][status ?? .unreported, default: 0] += 1
        }
        return (count, tallies)
    }
}
