import GRDB

/// What reports include.
public struct ReportScope: Sendable {
    public var document: String?
    public var actor: String?
    /// Members of this group (code or name), on the as-of date.
    public var group: String?

    public init(document: String? = nil, actor: String? = nil, group: String? = nil) {
        self.document = document
        self.actor = actor
        self.group = group
    }
}

extension AppDatabase {
    /// The follow-up report on the document `symbol`, as known on `asOf`.
    public func documentReport(_ symbol: String, asOf: CalendarDate) throws(FollowUpError) -> DocumentReport {
        try read { db in
            let document = try Self.documentRow(symbol, in: db)
            guard let info = try Self.documentInfos(in: db, symbol: document.symbol).first else {
                throw FollowUpError.notFound(kind: "document", identifier: symbol)
            }
            let rows = try Self.assignmentRows(
                where: "d.id = :documentId", arguments: ["documentId": document.id], asOf: asOf, through: false, in: db)
            let byKey = Dictionary(grouping: rows, by: \.key)
            let recommendations =
                try Recommendation
                .filter(Recommendation.Columns.documentId == document.id)
                .order(Recommendation.Columns.position)
                .fetchAll(db)
            var items: [DocumentReport.Item] = []
            for recommendation in recommendations where recommendation.classification != .declaratory {
                let assigned = byKey[recommendation.key] ?? []
                let addressees = try String.fetchAll(
                    db,
                    sql:
                        "SELECT a.code FROM addressing d JOIN addressee a ON a.id = d.addresseeId WHERE d.recommendationId = ? ORDER BY a.code",
                    arguments: [recommendation.id])
                items.append(
                    DocumentReport.Item(
                        key: recommendation.key, path: recommendation.path,
                        classification: recommendation.classification,
                        text: recommendation.text, addressees: addressees, dueDate: recommendation.dueDate,
                        cycle: recommendation.cycle, tally: StatusTally(assigned),
                        overdue: assigned.filter { $0.isOverdue(on: asOf) }.count,
                        silent: assigned.filter { $0.silentSince(on: asOf) != nil }.count,
                        latest: assigned.compactMap(\.latest).max { ($0.asOf, $0.id) < ($1.asOf, $1.id) }))
            }
            let timeline = try Self.entries(
                where: "r.documentId = :documentId", arguments: ["documentId": document.id], asOf: asOf, in: db)
            return DocumentReport(
                asOf: asOf, document: info, tally: StatusTally(rows),
                overdue: rows.filter { $0.isOverdue(on: asOf) }.count,
                silent: rows.filter { $0.silentSince(on: asOf) != nil }.count,
                declaratory: recommendations.filter { $0.classification == .declaratory }.count, items: items,
                timeline: timeline, byActor: Self.actorTallies(rows))
        }
    }

    /// Per actor that reported anything, its statuses; in code order.
    static func actorTallies(_ rows: [AssignmentRow]) -> [ActorTally] {
        Dictionary(grouping: rows, by: \.actor).values
            .filter { $0.contains { $0.lastUpdate != nil } }
            .compactMap { rows in
                rows.first.map {
                    ActorTally(
                        actor: $0.actor, nameEn: $0.actorNameEn, nameZh: $0.actorNameZh, tally: StatusTally(rows))
                }
            }
            .sorted { $0.actor < $1.actor }
    }

    /// The status summary of the actor `code`: everything that binds it, directly or through a group.
    public func countryReport(_ code: String, asOf: CalendarDate) throws(FollowUpError) -> CountryReport {
        try read { db in
            let actor = try Self.resolveAddressee(code, in: db)
            let rows = try Self.assignmentRows(
                where: "s.addresseeId = :actorId", arguments: ["actorId": actor.id], asOf: asOf, in: db)
            return CountryReport(
                asOf: asOf, actor: AddresseeInfo(actor), rows: rows, tally: StatusTally(rows),
                tallyByDocument: Dictionary(grouping: rows, by: \.document).mapValues { StatusTally($0) },
                overdue: rows.filter { $0.isOverdue(on: asOf) }.count,
                silent: rows.filter { $0.silentSince(on: asOf) != nil }.count)
        }
    }

    /// Everything past due and not implemented, and everything silent, oldest first.
    public func overdueAudit(_ scope: ReportScope, grouping: OverdueAudit.Grouping, asOf: CalendarDate)
        throws(FollowUpError)
        -> OverdueAudit
    {
        try read { db in
            var conditions = ["(r.dueDate < :asOf OR r.cycle IS NOT NULL)"]
            var arguments: StatementArguments = [:]
            if let symbol = scope.document {
                conditions.append("d.id = :documentId")
                arguments += ["documentId": try Self.documentRow(symbol, in: db).id]
            }
            if let code = scope.actor {
                conditions.append("s.addresseeId = :actorId")
                arguments += ["actorId": try Self.resolveAddressee(code, in: db).id]
            }
            if let group = scope.group {
                let found = try Self.resolveAddressee(group, in: db)
                guard found.kind == .group else {
                    throw FollowUpError.conflict(
                        "'\(found.code)' is a \(found.kind.rawValue), not a group: groups have members")
                }
                conditions.append(
                    "EXISTS (SELECT 1 FROM groupMembership m WHERE m.groupId = :groupId AND m.memberId = s.addresseeId \(Self.membershipHolds("m", on: ":asOf")))"
                )
                arguments += ["groupId": found.id]
            }
            let rows = try Self.assignmentRows(
                where: conditions.joined(separator: " AND "), arguments: arguments, asOf: asOf, through: false,
                entries: false, in: db)
            var items: [OverdueAudit.Item] = []
            for row in rows {
                if row.isOverdue(on: asOf), let due = row.dueDate {
                    items.append(
                        .init(
                            row: row, reason: .overdue, since: due, ageDays: due.days(until: asOf),
                            bucket: AgeBucket(due: due, on: asOf)))
                } else if let since = row.silentSince(on: asOf) {
                    items.append(
                        .init(
                            row: row, reason: .silent, since: since, ageDays: since.days(until: asOf),
                            bucket: AgeBucket(due: since, on: asOf)))
                }
            }
            items.sort { lhs, rhs in
                let left = grouping == .actor ? lhs.row.actor : lhs.row.document
                let right = grouping == .actor ? rhs.row.actor : rhs.row.document
                return (left, lhs.since, lhs.row.key, lhs.row.actor) < (right, rhs.since, rhs.row.key, rhs.row.actor)
            }
            return OverdueAudit(
                asOf: asOf, grouping: grouping, items: items,
                byBucket: Dictionary(grouping: items, by: \.bucket).mapValues(\.count))
        }
    }

    /// Assignment rows matching `condition` (aliases `s`, `r`, `d`, `a`), statuses as of `asOf`.
    /// Documents dated after `asOf` are left out: they did not exist yet. `through` adds the named
    /// addressees that bind each row, `entries` its latest entry in full; reports that show neither
    /// skip the cost.
    static func assignmentRows(
        where condition: String, arguments: StatementArguments, asOf: CalendarDate, through: Bool = true,
        entries: Bool = true, in db: Database
    ) throws -> [AssignmentRow] {
        let columns = try StatusQueries.columns(asOf: asOf, in: db)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.key, r.path, d.symbol, d.date AS documentDate, r.classification, r.text, r.dueDate, r.cycle,
                  a.code, a.nameEn, a.nameZh, \(through ? StatusQueries.through : "NULL") AS through,
                  \(columns.status) AS status, \(columns.statusAsOf) AS statusAsOf,
                  \(columns.response) AS response, \(columns.latestId) AS latestId, \(columns.latestAsOf) AS lastUpdate
                FROM assignment s \(columns.join)
                JOIN recommendation r ON r.id = s.recommendationId
                JOIN document d ON d.id = r.documentId
                JOIN addressee a ON a.id = s.addresseeId
                WHERE d.date <= :asOf AND \(condition)
                ORDER BY d.date, d.symbol, r.position, a.code
                """, arguments: arguments + ["asOf": asOf])
        let entries = entries ? try entryMap(ids: rows.compactMap { $0["latestId"] as Int64? }, in: db) : [:]
        return rows.map { row in
            let through: String? = row["through"]
            let latestId: Int64? = row["latestId"]
            return AssignmentRow(
                key: row["key"], path: row["path"], document: row["symbol"], documentDate: row["documentDate"],
                classification: row["classification"], text: row["text"], dueDate: row["dueDate"], cycle: row["cycle"],
                actor: row["code"], actorNameEn: row["nameEn"], actorNameZh: row["nameZh"],
                through: through.map { $0.split(separator: ",").map(String.init) } ?? [], status: row["status"],
                statusAsOf: row["statusAsOf"], response: row["response"], lastUpdate: row["lastUpdate"],
                latest: latestId.flatMap { entries[$0] })
        }
    }

    static func entryMap(ids: [Int64], in db: Database) throws -> [Int64: LatestEntry] {
        guard !ids.isEmpty else { return [:] }
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let entries = try entries(
            where: "pe.id IN (SELECT value FROM json_each(:ids))", arguments: ["ids": list], asOf: .distantFuture,
            in: db)
        return Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Entries matching `condition` (aliases `pe`, `s`, `r`), dated on or before `asOf`, oldest first.
    static func entries(where condition: String, arguments: StatementArguments, asOf: CalendarDate, in db: Database)
        throws
        -> [LatestEntry]
    {
        try entryInfos(where: "pe.asOf <= :asOf AND \(condition)", arguments: arguments + ["asOf": asOf], in: db).map {
            LatestEntry(
                id: $0.id, actor: $0.actor, asOf: $0.asOf, status: $0.status, response: $0.response, note: $0.note,
                evidence: $0.evidence, reportedBy: $0.reportedBy)
        }
    }
}
