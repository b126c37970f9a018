import FollowUpModel
import FollowUpStore

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
            guard let documentId = document.id else { throw FollowUpError.internalError("a document without id") }
            // Each recommendation's text is shown once, from its own row: not read per actor.
            let rows = try AssignmentQueries.rows(
                [.document(documentId)], asOf: asOf, through: false, texts: false, in: db)
            let byKey = Dictionary(grouping: rows, by: \.key)
            let recommendations = try AssignmentQueries.recommendations(ofDocument: documentId, in: db)
            var items: [DocumentReport.Item] = []
            for recommendation in recommendations where recommendation.classification != .declaratory {
                let assigned = byKey[recommendation.key] ?? []
                let addressees = try recommendation.id.map { try Self.addresseeCodes(of: $0, in: db) } ?? []
                items.append(
                    DocumentReport.Item(
                        key: recommendation.key, path: recommendation.path,
                        classification: recommendation.classification,
                        text: recommendation.text, addressees: addressees, dueDate: recommendation.dueDate,
                        target: recommendation.tags.lazy.compactMap {
                            $0.hasPrefix("target:") ? Int($0.dropFirst(7)) : nil
                        }
                        .first,
                        cycle: recommendation.cycle, tally: StatusTally(assigned),
                        overdue: assigned.count { $0.isOverdue(on: asOf) },
                        silent: assigned.count { $0.silentSince(on: asOf) != nil },
                        latest: assigned.compactMap(\.latest).max { ($0.asOf, $0.id) < ($1.asOf, $1.id) }))
            }
            // The timeline lists a few entries; many are counted per month, not loaded.
            let (entryCount, tallies) = try AssignmentQueries.entryTallies(document: documentId, asOf: asOf, in: db)
            var timeline: [LatestEntry] = []
            var byMonth: [MonthTally] = []
            if entryCount <= DocumentReport.listedEntries {
                timeline = try AssignmentQueries.entries(.document(documentId), asOf: asOf, in: db)
            } else {
                byMonth = tallies.keys.sorted().map { month in
                    var tally = StatusTally()
                    tally.counts = tallies[month] ?? [:]
                    return MonthTally(
                        month: "\(month / 100)-\(month % 100 < 10 ? "0" : "")\(month % 100)", tally: tally)
                }
            }
            return DocumentReport(
                asOf: asOf, document: info, tally: StatusTally(rows),
                overdue: rows.count { $0.isOverdue(on: asOf) },
                silent: rows.count { $0.silentSince(on: asOf) != nil },
                declaratory: recommendations.count { $0.classification == .declaratory }, items: items,
                timeline: timeline, timelineEntries: entryCount, timelineByMonth: byMonth,
                byActor: Self.actorTallies(rows))
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
            guard let actorId = actor.id else { throw FollowUpError.internalError("an actor without id") }
            let rows = try AssignmentQueries.rows([.actor(actorId)], asOf: asOf, in: db)
            return CountryReport(
                asOf: asOf, actor: AddresseeInfo(actor), rows: rows, tally: StatusTally(rows),
                tallyByDocument: Dictionary(grouping: rows, by: \.document).mapValues { StatusTally($0) },
                overdue: rows.count { $0.isOverdue(on: asOf) },
                silent: rows.count { $0.silentSince(on: asOf) != nil })
        }
    }

    /// The summary of group `code` (LDC, M49-014, MEMBER-STATES…): each actor that is a member on
    /// `asOf`, with how everything that binds it stands, and the totals; `nil` when `code` is not
    /// a group.
    public func groupReport(_ code: String, asOf: CalendarDate) throws(FollowUpError) -> GroupReport? {
        try read { db in
            let group = try Self.resolveAddressee(code, in: db)
            guard group.kind == .group, let groupId = group.id else { return nil }
            let members = try AssignmentQueries.members(ofGroup: groupId, on: asOf, in: db)
            var rowsByActor: [String: [AssignmentRow]] = [:]
            for row in try AssignmentQueries.rows([.memberOf(group: groupId)], asOf: asOf, in: db) {
                rowsByActor[row.actor, default: []].append(row)
            }
            return Self.groupReport(group, members: members, rowsByActor: rowsByActor, asOf: asOf)
        }
    }

    /// The summaries of every group with members on `asOf`, in code order: what
    /// ``groupReport(_:asOf:)`` gives one at a time, from one reading of every assignment (a
    /// published site shows them all).
    public func groupReports(asOf: CalendarDate) throws(FollowUpError) -> [GroupReport] {
        try read { db in
            var rowsByActor: [String: [AssignmentRow]] = [:]
            for row in try AssignmentQueries.rows([], asOf: asOf, in: db) {
                rowsByActor[row.actor, default: []].append(row)
            }
            return try AssignmentQueries.groups(in: db).compactMap { group in
                guard let groupId = group.id else { return nil }
                let members = try AssignmentQueries.members(ofGroup: groupId, on: asOf, in: db)
                guard !members.isEmpty else { return nil }
                return Self.groupReport(group, members: members, rowsByActor: rowsByActor, asOf: asOf)
            }
        }
    }

    private static func groupReport(
        _ group: Addressee, members: [Addressee], rowsByActor: [String: [AssignmentRow]], asOf: CalendarDate
    ) -> GroupReport {
        let entries = members.map { member in
            let rows = rowsByActor[member.code] ?? []
            return GroupReport.Member(
                actor: AddresseeInfo(member), tally: StatusTally(rows),
                overdue: rows.count { $0.isOverdue(on: asOf) },
                silent: rows.count { $0.silentSince(on: asOf) != nil })
        }
        let all = members.flatMap { rowsByActor[$0.code] ?? [] }
        return GroupReport(
            asOf: asOf, group: AddresseeInfo(group), members: entries, tally: StatusTally(all),
            overdue: entries.map(\.overdue).reduce(0, +), silent: entries.map(\.silent).reduce(0, +))
    }

    /// Everything past due and not implemented, and everything silent, oldest first.
    public func overdueAudit(_ scope: ReportScope, grouping: OverdueAudit.Grouping, asOf: CalendarDate)
        throws(FollowUpError)
        -> OverdueAudit
    {
        try read { db in
            var filters: [AssignmentFilter] = [.openPastDueOrRecurring]
            if let symbol = scope.document, let id = try Self.documentRow(symbol, in: db).id {
                filters.append(.document(id))
            }
            if let code = scope.actor, let id = try Self.resolveAddressee(code, in: db).id {
                filters.append(.actor(id))
            }
            if let group = scope.group {
                let found = try Self.resolveAddressee(group, in: db)
                guard found.kind == .group, let id = found.id else {
                    throw FollowUpError.conflict(
                        "'\(found.code)' is a \(found.kind.rawValue), not a group: groups have members")
                }
                filters.append(.memberOf(group: id))
            }
            // SQLite orders the rows by group, key and actor; within each group, the items are then
            // put in order of the day they fell due, keeping that order among equals. The result
            // is the order (group, since, key, actor) without comparing strings in Swift.
            let order: AssignmentQueries.RowOrder =
                switch grouping {
                case .actor: .actor
                case .document: .document
                case .recommendation: .recommendation
                }
            let rows = try AssignmentQueries.rows(
                filters, asOf: asOf, through: false, entries: false, order: order, in: db)
            var items: [OverdueAudit.Item] = []
            items.reserveCapacity(rows.count)
            var groupStart = 0
            var since: [Int] = []
            since.reserveCapacity(rows.count)
            func closeGroup() {
                defer { groupStart = items.count }
                guard items.count - groupStart > 1 else { return }
                let order = (groupStart..<items.count).sorted {
                    since[$0] < since[$1] || (since[$0] == since[$1] && $0 < $1)
                }
                let sorted = order.map { items[$0] }
                items.replaceSubrange(groupStart..<items.count, with: sorted)
            }
            var previous: String?
            for row in rows {
                let name =
                    switch grouping {
                    case .actor: row.actor
                    case .document: row.document
                    case .recommendation: row.key
                    }
                // By bytes: a String comparison checks Unicode normalization first ("¶" is not ASCII).
                if previous.map({ !name.utf8.elementsEqual($0.utf8) }) ?? true {
                    closeGroup()
                    previous = name
                }
                if row.isOverdue(on: asOf), let due = row.dueDate {
                    items.append(
                        .init(
                            row: row, reason: .overdue, since: due, ageDays: due.days(until: asOf),
                            bucket: AgeBucket(due: due, on: asOf)))
                } else if let silent = row.silentSince(on: asOf) {
                    items.append(
                        .init(
                            row: row, reason: .silent, since: silent, ageDays: silent.days(until: asOf),
                            bucket: AgeBucket(due: silent, on: asOf)))
                } else {
                    continue
                }
                since.append(-items[items.count - 1].ageDays)
            }
            closeGroup()
            return OverdueAudit(
                asOf: asOf, grouping: grouping, items: items,
                byBucket: items.reduce(into: [:]) { counts, item in counts[item.bucket, default: 0] += 1 })
        }
    }
}
