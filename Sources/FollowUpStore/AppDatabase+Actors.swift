import GRDB
import Foundation
import FollowUpModel

/// Which actors `followup actors` lists.
public struct ActorFilter: Sendable {
    /// Only actors of this kind.
    public var kind: AddresseeKind?
    /// Only members of this group (code or name) on `date`.
    public var group: String?
    /// Only actors whose code, name or alias contains this text.
    public var search: String?
    /// The date group membership is read at.
    public var date: CalendarDate

    public init(kind: AddresseeKind? = nil, group: String? = nil, search: String? = nil, date: CalendarDate) {
        self.kind = kind
        self.group = group
        self.search = search
        self.date = date
    }
}

extension AppDatabase {
    /// The actor whose code, name or alias is `text` (case does not matter).
    ///
    /// Throws `notFound` with up to five near matches when there is none.
    public func addressee(_ text: String) throws(FollowUpError) -> Addressee {
        try read { db in try Self.resolveAddressee(text, in: db) }
    }

    package static func resolveAddressee(_ text: String, in db: Database) throws -> Addressee {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let found = try Addressee.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT * FROM addressee WHERE code = upper(:t)
                    UNION ALL SELECT * FROM addressee WHERE nameEn = :t COLLATE NOCASE OR nameZh = :t
                    UNION ALL SELECT addressee.* FROM addressee JOIN addresseeAlias ON addresseeId = id
                      WHERE alias = :t COLLATE NOCASE
                    LIMIT 1
                    """), arguments: ["t": trimmed])
        {
            return found
        }
        let suggestions = try String.fetchAll(
            db,
            sql: """
                SELECT DISTINCT code FROM addressee LEFT JOIN addresseeAlias ON addresseeId = id
                WHERE instr(lower(code), lower(:t)) OR instr(lower(nameEn), lower(:t))
                  OR instr(nameZh, :t) OR instr(lower(alias), lower(:t))
                ORDER BY length(code), code LIMIT 5
                """, arguments: ["t": trimmed])
        throw FollowUpError.notFound(kind: "actor", identifier: trimmed, suggestions: suggestions)
    }

    /// The actors that pass `filter`, ordered by kind and code.
    public func actors(_ filter: ActorFilter) throws(FollowUpError) -> [AddresseeInfo] {
        try read { db in
            var conditions: [SQL] = []
            if let kind = filter.kind {
                conditions.append("a.kind = \(kind)")
            }
            if let group = filter.group {
                let groupRow = try Self.resolveAddressee(group, in: db)
                guard groupRow.kind == .group, let groupId = groupRow.id else {
                    throw FollowUpError.conflict(
                        "'\(groupRow.code)' is a \(groupRow.kind.rawValue), not a group: groups have members")
                }
                conditions.append(
                    """
                    EXISTS (SELECT 1 FROM groupMembership m WHERE m.groupId = \(groupId)
                      AND m.memberId = a.id AND \(SQL.membership("m", holdsOn: "\(filter.date)")))
                    """)
            }
            if let search = filter.search {
                conditions.append(
                    """
                    (instr(lower(a.code), lower(\(search))) OR instr(lower(a.nameEn), lower(\(search)))
                      OR instr(a.nameZh, \(search)) OR EXISTS (SELECT 1 FROM addresseeAlias l
                      WHERE l.addresseeId = a.id AND instr(lower(l.alias), lower(\(search)))))
                    """)
            }
            let whereClause: SQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try SQLRequest<Addressee>(
                literal: """
                    SELECT a.* FROM addressee a \(whereClause)
                    ORDER BY CASE a.kind WHEN 'state' THEN 0 WHEN 'territory' THEN 1 WHEN 'group' THEN 2
                      WHEN 'collective' THEN 3 WHEN 'un-entity' THEN 4 ELSE 5 END, a.code
                    """
            ).fetchAll(db).map(AddresseeInfo.init)
        }
    }

    /// Everything about one actor.
    public func actorDetail(_ text: String) throws(FollowUpError) -> AddresseeDetail {
        try read { db in
            let addressee = try Self.resolveAddressee(text, in: db)
            let id = addressee.id
            var aliases: [String: [String]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT language, alias FROM addresseeAlias WHERE addresseeId = ? ORDER BY language, alias",
                arguments: [id])
            {
                aliases[row["language"], default: []].append(row["alias"])
            }
            var names: [String: String] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT language, name FROM addresseeName WHERE addresseeId = ?", arguments: [id])
            {
                names[row["language"]] = row["name"]
            }
            let memberOf = try MembershipInfo.fetchAll(
                db,
                sql: """
                    SELECT g.code, g.nameEn, g.nameZh, m.startDate, m.endDate
                    FROM groupMembership m JOIN addressee g ON g.id = m.groupId
                    WHERE m.memberId = ?
                    ORDER BY CASE WHEN g.code GLOB 'M49-*' THEN 1 ELSE 0 END, g.code, m.startDate
                    """, arguments: [id])
            let members = try MembershipInfo.fetchAll(
                db,
                sql: """
                    SELECT s.code, s.nameEn, s.nameZh, m.startDate, m.endDate
                    FROM groupMembership m JOIN addressee s ON s.id = m.memberId
                    WHERE m.groupId = ? ORDER BY s.code, m.startDate
                    """, arguments: [id])
            var bindings: [String: BindingSummary] = [:]
            var order: [String] = []
            let rows = try SQLRequest<Row>(
                literal: """
                    SELECT d.symbol, named.code AS through, count(*) AS n
                    FROM assignment s
                    JOIN recommendation r ON r.id = s.recommendationId
                    JOIN document d ON d.id = r.documentId
                    JOIN addressing ad ON ad.recommendationId = r.id
                    JOIN addressee named ON named.id = ad.addresseeId
                    WHERE s.addresseeId = \(id) AND (ad.addresseeId = \(id) OR EXISTS (
                      SELECT 1 FROM groupMembership m WHERE m.groupId = ad.addresseeId
                        AND m.memberId = \(id) AND \(SQL.membership("m", holdsOn: "d.date"))))
                    GROUP BY d.symbol, named.code ORDER BY d.date, d.symbol, named.code
                    """
            ).fetchAll(db)
            for row in rows {
                let symbol: String = row["symbol"]
                if bindings[symbol] == nil {
                    order.append(symbol)
                    bindings[symbol] = BindingSummary(document: symbol, assignments: 0, through: [:])
                }
                bindings[symbol]?.through[row["through"]] = row["n"]
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.symbol, count(*) AS n FROM assignment s
                    JOIN recommendation r ON r.id = s.recommendationId JOIN document d ON d.id = r.documentId
                    WHERE s.addresseeId = ? GROUP BY d.symbol
                    """, arguments: [id])
            {
                bindings[row["symbol"]]?.assignments = row["n"]
            }
            return AddresseeDetail(
                actor: AddresseeInfo(addressee), names: names, aliases: aliases, memberOf: memberOf, members: members,
                boundBy: order.compactMap { bindings[$0] })
        }
    }
}

extension MembershipInfo: FetchableRecord {}

extension AppDatabase {
    /// Every actor's names and kind by code: reports show names ("in Eastern Africa", "Civil
    /// society") and keep States apart from organisations.
    public func actorDirectory() throws(FollowUpError) -> ActorDirectory {
        try read { db in
            var entries: [String: ActorDirectory.Entry] = [:]
            entries.reserveCapacity(600)
            // Read on every page a server renders: a cached statement, columns by position.
            let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT code, nameEn, nameZh, kind FROM addressee"))
            while let row = try rows.next() {
                let kind: String = row[3]
                entries[row[0]] = ActorDirectory.Entry(
                    nameEn: row[1], nameZh: row[2], kind: AddresseeKind(rawValue: kind) ?? .collective)
            }
            let names = try Row.fetchCursor(
                db.cachedStatement(
                    sql:
                        "SELECT a.code, n.language, n.name FROM addresseeName n JOIN addressee a ON a.id = n.addresseeId"
                ))
            while let row = try names.next() {
                guard let language = Language(rawValue: row[1]) else { continue }
                entries[row[0]]?.names[language] = row[2]
            }
            return ActorDirectory(entries)
        }
    }
}

extension AppDatabase {
    /// Every name and alias of every actor, the codes of each kind and the commissions: what the
    /// importer reads a document against.
    public func actorNames() throws(FollowUpError) -> ActorNames {
        try read { db in
            let names = try Row.fetchAll(
                db,
                sql: """
                    SELECT code, nameEn AS name FROM addressee UNION ALL SELECT code, nameZh FROM addressee
                    UNION ALL SELECT a.code, l.alias FROM addresseeAlias l JOIN addressee a ON a.id = l.addresseeId
                    """
            ).map { (name: $0["name"] as String, code: $0["code"] as String) }
            var codes: [AddresseeKind: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, code FROM addressee") {
                guard let kind = AddresseeKind(rawValue: row["kind"]) else { continue }
                codes[kind, default: []].insert(row["code"])
            }
            let commissions = try String.fetchAll(
                db,
                sql:
                    "SELECT code FROM addressee WHERE kind = 'un-entity' AND (nameEn LIKE '%Commission%' OR nameZh LIKE '%委员会')"
            )
            return ActorNames(names: names, codes: codes, commissions: Set(commissions))
        }
    }
}

extension AppDatabase {
    /// The codes of the actors at least one recommendation binds (through an assignment), with
    /// how many, by code: the countries and organisations a published site gives a page.
    public func boundActors() throws(FollowUpError) -> [(code: String, assignments: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.code, count(*) AS n FROM assignment s JOIN addressee a ON a.id = s.addresseeId
                    GROUP BY a.code ORDER BY a.code
                    """
            ).map { (code: $0[0], assignments: $0[1]) }
        }
    }
}
