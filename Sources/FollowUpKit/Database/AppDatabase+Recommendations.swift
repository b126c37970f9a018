import Foundation
import GRDB

/// A recommendation entered by hand (`followup recs add`) or produced by the importer.
public struct RecommendationDraft: Sendable {
    /// The document's symbol.
    public var document: String
    /// The paragraph path: `¶90`, `DR-II (a)(iii)`.
    public var path: String
    public var text: String
    /// The addressees, by code, name or alias, each with the phrase that named it (the name
    /// given is used when `phrase` is `nil`).
    public var addressees: [(actor: String, phrase: String?)]
    public var verb: String?
    public var classification: Classification
    public var kind: RecommendationKind
    /// The language of `text`; the document's when `nil`.
    public var language: Language?
    public var dueDate: CalendarDate?
    public var cycle: ReportingCycle?
    public var tags: [String]

    public init(
        document: String, path: String, text: String, addressees: [(actor: String, phrase: String?)],
        verb: String? = nil, classification: Classification = .actionable,
        kind: RecommendationKind = .recommendation, language: Language? = nil,
        dueDate: CalendarDate? = nil, cycle: ReportingCycle? = nil, tags: [String] = []
    ) {
        self.document = document
        self.path = path
        self.text = text
        self.addressees = addressees
        self.verb = verb
        self.classification = classification
        self.kind = kind
        self.language = language
        self.dueDate = dueDate
        self.cycle = cycle
        self.tags = tags
    }
}

/// A status to filter on: one of the implementation statuses, or `unreported`.
public enum StatusFilter: Hashable, Sendable {
    case status(ImplementationStatus)
    /// No entry with a status yet.
    case unreported

    /// Reads `implemented`, `in-progress` … or `unreported`.
    public static func parse(_ text: String) throws(FollowUpError) -> StatusFilter {
        if text.lowercased() == "unreported" { return .unreported }
        guard let status = ImplementationStatus(lenient: text) else {
            throw .invalidValue(
                field: "status", value: text, expected: ImplementationStatus.allRawValues + ["unreported"])
        }
        return .status(status)
    }
}

/// Which recommendations `followup recs` lists.
public struct RecommendationFilter: Sendable {
    public var document: String?
    /// An actor (code, name or alias): what binds it, directly or through its groups. For a
    /// group: what names the group.
    public var actor: String?
    public var status: StatusFilter?
    public var classification: Classification?
    /// Text the recommendation contains.
    public var search: String?
    /// Statuses are read as of this date.
    public var asOf: CalendarDate

    public init(
        document: String? = nil, actor: String? = nil, status: StatusFilter? = nil,
        classification: Classification? = nil, search: String? = nil, asOf: CalendarDate
    ) {
        self.document = document
        self.actor = actor
        self.status = status
        self.classification = classification
        self.search = search
        self.asOf = asOf
    }
}

extension AppDatabase {
    /// Adds a recommendation, the addressees it names, and one assignment per actor it binds.
    ///
    /// A group binds each of its members on the document's date; any other addressee binds
    /// itself. A declaratory clause binds nobody: it is kept as context.
    @discardableResult
    public func addRecommendation(_ draft: RecommendationDraft) throws(FollowUpError) -> RecommendationDetail {
        let path = draft.path.trimmingCharacters(in: .whitespaces)
        let text = draft.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty else {
            throw .invalidInput(source: "--paragraph", line: nil, field: nil, reason: "the paragraph path is empty")
        }
        guard !text.isEmpty else {
            throw .invalidInput(source: "--text", line: nil, field: nil, reason: "the text is empty")
        }
        guard !draft.addressees.isEmpty else {
            throw .invalidInput(
                source: "--addressee", line: nil, field: nil,
                reason: "name at least one addressee (a code such as MEMBER-STATES, UNCTAD or CHN)")
        }
        let key = try write { db -> String in
            let document = try Self.documentRow(draft.document, in: db)
            guard let documentId = document.id else { throw FollowUpError.conflict("document without id") }
            let key = "\(document.symbol) \(path)"
            if try Recommendation.filter(Recommendation.Columns.key == key).fetchCount(db) > 0 {
                throw FollowUpError.duplicate(kind: "recommendation", identifier: key)
            }
            let position =
                try Int.fetchOne(
                    db, sql: "SELECT coalesce(max(position), 0) + 1 FROM recommendation WHERE documentId = ?",
                    arguments: [documentId]) ?? 1
            var recommendation = Recommendation(
                key: key, documentId: documentId, path: path, position: position, kind: draft.kind,
                classification: draft.classification, verb: draft.verb, text: text,
                language: draft.language ?? document.language, dueDate: draft.dueDate, cycle: draft.cycle,
                tags: draft.tags)
            try recommendation.insert(db)
            guard let recommendationId = recommendation.id else { throw FollowUpError.conflict("no id") }
            try Self.addAddressees(
                draft.addressees, to: recommendationId, classification: draft.classification,
                date: document.date, in: db)
            return key
        }
        return try recommendationDetail(key, asOf: CalendarDate.distantFuture)
    }

    /// Records who `recommendationId` names and creates its assignments.
    static func addAddressees(
        _ addressees: [(actor: String, phrase: String?)], to recommendationId: Int64,
        classification: Classification, date: CalendarDate, in db: Database
    ) throws {
        var bound = Set<Int64>()
        for (name, phrase) in addressees {
            let addressee = try resolveAddressee(name, in: db)
            guard let addresseeId = addressee.id else { continue }
            try Addressing(recommendationId: recommendationId, addresseeId: addresseeId, phrase: phrase ?? name)
                .insert(db, onConflict: .ignore)
            guard classification != .declaratory else { continue }
            var actors: [Int64] = [addresseeId]
            if addressee.kind == .group {
                actors = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT m.memberId FROM groupMembership m
                        WHERE m.groupId = :group \(membershipHolds("m", on: ":date"))
                        ORDER BY m.memberId
                        """, arguments: ["group": addresseeId, "date": date])
            }
            for actor in actors where bound.insert(actor).inserted {
                var assignment = Assignment(recommendationId: recommendationId, addresseeId: actor)
                try assignment.insert(db, onConflict: .ignore)
            }
        }
    }

    /// The recommendations that pass `filter`, in document order.
    public func recommendations(_ filter: RecommendationFilter) throws(FollowUpError) -> [RecommendationSummary] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = ["asOf": filter.asOf]
            if let symbol = filter.document {
                let document = try Self.documentRow(symbol, in: db)
                conditions.append("r.documentId = :documentId")
                arguments += ["documentId": document.id]
            }
            if let classification = filter.classification {
                conditions.append("r.classification = :classification")
                arguments += ["classification": classification]
            }
            var actor: Addressee?
            if let text = filter.actor {
                let found = try Self.resolveAddressee(text, in: db)
                actor = found
                arguments += ["actorId": found.id]
                if found.kind == .group {
                    conditions.append(
                        "EXISTS (SELECT 1 FROM addressing ad WHERE ad.recommendationId = r.id AND ad.addresseeId = :actorId)"
                    )
                } else {
                    conditions.append(
                        "EXISTS (SELECT 1 FROM assignment s WHERE s.recommendationId = r.id AND s.addresseeId = :actorId)"
                    )
                }
            }
            if let status = filter.status {
                let columns = try StatusQueries.columns(asOf: filter.asOf, in: db)
                let latest = columns.status
                let test: String
                switch status {
                case .unreported: test = "\(latest) IS NULL"
                case .status(let value):
                    test = "\(latest) = :status"
                    arguments += ["status": value]
                }
                let scope = actor.map { $0.kind == .group ? "" : "AND s.addresseeId = :actorId" } ?? ""
                conditions.append(
                    "EXISTS (SELECT 1 FROM assignment s \(columns.join) WHERE s.recommendationId = r.id \(scope) AND \(test))"
                )
            }
            if let search = filter.search {
                let match = try Self.textMatch(search)
                conditions.append(match.sql)
                arguments += match.arguments
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var summaries = try Self.summaries(where: whereClause, arguments: arguments, asOf: filter.asOf, in: db)
            if let actor, actor.kind != .group, let actorId = actor.id {
                let statuses = try StatusQueries.assignmentStatuses(
                    where: "s.addresseeId = :actorId", arguments: ["actorId": actorId], asOf: filter.asOf, in: db)
                let byKey = Dictionary(statuses.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
                for index in summaries.indices { summaries[index].actorStatus = byKey[summaries[index].key] }
            }
            return summaries
        }
    }

    /// Everything about the recommendation with key `key`, statuses as of `asOf`.
    public func recommendationDetail(_ key: String, asOf: CalendarDate) throws(FollowUpError) -> RecommendationDetail {
        try read { db in
            let recommendation = try Self.recommendationRow(key, in: db)
            let arguments: StatementArguments = ["id": recommendation.id, "asOf": asOf]
            guard
                let summary = try Self.summaries(where: "WHERE r.id = :id", arguments: arguments, asOf: asOf, in: db)
                    .first,
                let document = try Document.fetchOne(db, key: recommendation.documentId)
            else { throw FollowUpError.notFound(kind: "recommendation", identifier: key) }
            let addressedTo = try AddressingInfo.fetchAll(
                db,
                sql: """
                    SELECT a.code, a.kind, a.nameEn, a.nameZh, ad.phrase FROM addressing ad
                    JOIN addressee a ON a.id = ad.addresseeId WHERE ad.recommendationId = ? ORDER BY a.code
                    """, arguments: [recommendation.id])
            let assignments = try StatusQueries.assignmentStatuses(
                where: "s.recommendationId = :id", arguments: ["id": recommendation.id], asOf: asOf, in: db)
            return RecommendationDetail(
                recommendation: summary, documentTitle: document.title, documentDate: document.date,
                addressedTo: addressedTo, assignments: assignments)
        }
    }

    static func recommendationRow(_ key: String, in db: Database) throws -> Recommendation {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        if let found = try Recommendation.filter(Recommendation.Columns.key == trimmed).fetchOne(db) {
            return found
        }
        // Forgive case and spacing: "e/2020/31 dr-ii (a)(iii)" or "E/2020/31 DR-II(a)(iii)".
        let folded = trimmed.lowercased().filter { !$0.isWhitespace }
        let candidates = try Recommendation.fetchAll(
            db,
            sql: "SELECT * FROM recommendation WHERE replace(lower(key), ' ', '') = ?", arguments: [folded])
        if candidates.count == 1 { return candidates[0] }
        let suggestions = try String.fetchAll(
            db,
            sql: """
                SELECT key FROM recommendation WHERE instr(replace(lower(key), ' ', ''), ?)
                ORDER BY length(key), key LIMIT 5
                """, arguments: [String(folded.suffix(12))])
        throw FollowUpError.notFound(kind: "recommendation", identifier: trimmed, suggestions: suggestions)
    }

    static func summaries(
        where whereClause: String, arguments: StatementArguments, asOf: CalendarDate, in db: Database
    ) throws -> [RecommendationSummary] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT r.*, d.symbol,
                  (SELECT group_concat(code, ',') FROM (SELECT a.code FROM addressing ad
                    JOIN addressee a ON a.id = ad.addresseeId WHERE ad.recommendationId = r.id
                    ORDER BY a.code)) AS addressees,
                  (SELECT count(*) FROM assignment s WHERE s.recommendationId = r.id) AS assignmentCount
                FROM recommendation r JOIN document d ON d.id = r.documentId
                \(whereClause)
                ORDER BY d.date, d.symbol, r.position
                """, arguments: arguments)
        var summaries: [RecommendationSummary] = []
        var ids: [Int64] = []
        for row in rows {
            let recommendation = try Recommendation(row: row)
            let addressees: String? = row["addressees"]
            ids.append(recommendation.id ?? 0)
            summaries.append(
                RecommendationSummary(
                    key: recommendation.key, document: row["symbol"], path: recommendation.path,
                    kind: recommendation.kind, classification: recommendation.classification,
                    verb: recommendation.verb, text: recommendation.text, language: recommendation.language,
                    dueDate: recommendation.dueDate, cycle: recommendation.cycle, tags: recommendation.tags,
                    addressees: addressees.map { $0.split(separator: ",").map(String.init) } ?? [],
                    assignments: row["assignmentCount"], statusCounts: [:], actorStatus: nil))
        }
        guard !ids.isEmpty else { return summaries }
        let idList = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let columns = try StatusQueries.columns(asOf: asOf, in: db)
        let counts = try Row.fetchAll(
            db,
            sql: """
                SELECT s.recommendationId, coalesce(\(columns.status), 'unreported') AS status, count(*) AS n
                FROM assignment s \(columns.join) WHERE s.recommendationId IN (SELECT value FROM json_each(:ids))
                GROUP BY 1, 2
                """, arguments: ["asOf": asOf, "ids": idList])
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        for row in counts {
            let id: Int64 = row["recommendationId"]
            if let position = index[id] { summaries[position].statusCounts[row["status"]] = row["n"] }
        }
        return summaries
    }
}

extension AddressingInfo: FetchableRecord {}
