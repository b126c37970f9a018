import GRDB
import FollowUpModel

/// What loading the reference data changed.
public struct ReferenceLoadSummary: Codable, Equatable, Sendable {
    /// Actors added.
    public var actorsAdded: Int
    /// Actors whose names or codes changed.
    public var actorsUpdated: Int
    /// Aliases added.
    public var aliasesAdded: Int
    /// Memberships added or changed.
    public var membershipsChanged: Int
    /// Memberships no longer in the reference data, removed.
    public var membershipsRemoved: Int
    /// Actors of each kind, after loading.
    public var actorsByKind: [String: Int]
    /// Names in Arabic, French, Russian or Spanish added or changed.
    public var namesChanged: Int = 0

    /// Whether loading changed nothing.
    public var isUnchanged: Bool {
        actorsAdded == 0 && actorsUpdated == 0 && aliasesAdded == 0 && membershipsChanged == 0
            && membershipsRemoved == 0 && namesChanged == 0
    }
}

extension AppDatabase {
    /// Adds or refreshes the reference actors, aliases and group memberships; safe to repeat.
    ///
    /// Actors are matched by code; a second load of the same data changes nothing. Memberships of
    /// the groups the reference data defines are brought to exactly the reference set; groups and
    /// actors added by users are left alone.
    @discardableResult
    public func loadReferenceData(_ reference: ReferenceData) throws(FollowUpError) -> ReferenceLoadSummary {
        try write { db in
            var summary = ReferenceLoadSummary(
                actorsAdded: 0, actorsUpdated: 0, aliasesAdded: 0, membershipsChanged: 0,
                membershipsRemoved: 0, actorsByKind: [:])
            var ids: [String: Int64] = [:]
            for entry in reference.entries {
                var addressee = entry.addressee
                if var existing = try Addressee.filter(Addressee.Columns.code == addressee.code).fetchOne(db) {
                    addressee.id = existing.id
                    if existing != addressee {
                        existing = addressee
                        try existing.update(db)
                        summary.actorsUpdated += 1
                    }
                } else {
                    try addressee.insert(db)
                    summary.actorsAdded += 1
                }
                guard let id = addressee.id else { continue }
                ids[addressee.code] = id
                for (language, name) in entry.names.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO addresseeName(addresseeId, language, name) VALUES (?, ?, ?)
                            ON CONFLICT (addresseeId, language) DO UPDATE SET name = excluded.name
                              WHERE name IS NOT excluded.name
                            """
                    ).execute(arguments: [id, language.rawValue, name])
                    summary.namesChanged += db.changesCount
                }
                for (language, aliases) in entry.aliases.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    for alias in aliases {
                        try db.execute(
                            sql: "INSERT OR IGNORE INTO addresseeAlias(addresseeId, language, alias) VALUES (?, ?, ?)",
                            arguments: [id, language, alias])
                        summary.aliasesAdded += db.changesCount
                    }
                }
            }

            let managedGroups = Set(reference.memberships.map(\.group))
            var kept = Set<Int64>()
            for membership in reference.memberships {
                guard let groupId = ids[membership.group], let memberId = ids[membership.member] else {
                    continue
                }
                let existing =
                    try GroupMembership
                    .filter(Column("groupId") == groupId && Column("memberId") == memberId)
                    .fetchAll(db)
                if let same = existing.first(where: {
                    $0.startDate == membership.startDate && $0.endDate == membership.endDate
                }), let id = same.id, !kept.contains(id) {
                    kept.insert(id)
                    continue
                }
                var row = GroupMembership(
                    groupId: groupId, memberId: memberId, startDate: membership.startDate,
                    endDate: membership.endDate)
                try row.insert(db)
                if let id = row.id { kept.insert(id) }
                summary.membershipsChanged += 1
            }
            let managedIds = managedGroups.compactMap { ids[$0] }
            let stale =
                try GroupMembership
                .filter(managedIds.contains(Column("groupId")))
                .fetchAll(db)
                .filter { !kept.contains($0.id ?? -1) }
            for row in stale { try row.delete(db) }
            summary.membershipsRemoved = stale.count

            let rows = try Row.fetchAll(db, sql: "SELECT kind, count(*) AS n FROM addressee GROUP BY kind")
            for row in rows { summary.actorsByKind[row["kind"]] = row["n"] }
            return summary
        }
    }
}
