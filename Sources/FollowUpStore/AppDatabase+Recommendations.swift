import Foundation
import GRDB
import FollowUpModel

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
            throw .invalidArgument(field: "paragraph", reason: "the paragraph path is empty")
        }
        guard !text.isEmpty else {
            throw .invalidArgument(field: "text", reason: "the text is empty")
        }
        guard !draft.addressees.isEmpty else {
            throw .invalidArgument(
                field: "addressee",
                reason: "name at least one addressee (a code such as MEMBER-STATES, UNCTAD or CHN)")
        }
        if let problem = FieldText.problem(inName: path) { throw .invalidArgument(field: "paragraph", reason: problem) }
        if let problem = FieldText.problem(in: text) { throw .invalidArgument(field: "text", reason: problem) }
        if let verb = draft.verb, let problem = FieldText.problem(inName: verb) {
            throw .invalidArgument(field: "verb", reason: problem)
        }
        let key = try write { db -> String in
            let document = try Self.documentRow(draft.document, in: db)
            guard let documentId = document.id else { throw FollowUpError.conflict("document without id") }
            let key = "\(document.symbol) \(path)"
            let recommendation = Recommendation(
                key: key, documentId: documentId, path: path, position: try Self.nextPosition(in: documentId, db: db),
                kind: draft.kind, classification: draft.classification, verb: draft.verb, text: text,
                language: draft.language ?? document.language, dueDate: draft.dueDate, cycle: draft.cycle,
                tags: draft.tags)
            _ = try Self.saveRecommendation(
                recommendation, addressees: draft.addressees, date: document.date, existing: .refuse, in: db)
            return key
        }
        return try recommendationDetail(key, asOf: CalendarDate.distantFuture)
    }

    /// What ``saveRecommendation(_:addressees:date:existing:in:)`` did.
    package enum RecommendationWrite: Equatable {
        /// A new key: inserted with its addressees and assignments.
        case inserted
        /// The key exists with the same content: nothing written.
        case unchanged
        /// The key exists with other content and was updated (``ExistingRecommendation/update``).
        case updated
        /// The key exists with other content and was left alone (``ExistingRecommendation/keep``).
        case differs
    }

    /// What to do when the key of a recommendation being saved is already in the database.
    package enum ExistingRecommendation {
        /// Refuse: the caller meant to add a new one (`recs add`).
        case refuse
        /// Keep it; report whether its content differs (bulk import).
        case keep
        /// Bring it in line with the new content (a document imported again).
        case update
    }

    /// The one writer of recommendations, shared by manual entry, document import and bulk import.
    ///
    /// A new key is inserted with the addressees it names and one assignment per actor they bind
    /// on `date` (a group binds its members on that day; a declaratory clause binds nobody). An
    /// existing key is compared on its content (document, path, text, kind, class, verb, due date,
    /// cycle, tags, position, language and the codes it names) and handled as `existing` says.
    /// Updating replaces the addressing and removes the assignments no addressee binds any more;
    /// it is refused (`conflict`) when one of those has progress recorded, since that progress
    /// would then belong to nobody the recommendation binds.
    package static func saveRecommendation(
        _ recommendation: Recommendation, addressees: [(actor: String, phrase: String?)], date: CalendarDate,
        existing policy: ExistingRecommendation, in db: Database
    ) throws -> RecommendationWrite {
        var recommendation = recommendation
        guard let old = try Recommendation.filter(Recommendation.Columns.key == recommendation.key).fetchOne(db),
            let oldId = old.id
        else {
            if let taken = try String.fetchOne(
                db, sql: "SELECT key FROM recommendation WHERE documentId = ? AND path = ?",
                arguments: [recommendation.documentId, recommendation.path])
            {
                // One paragraph of a document is one recommendation, whatever its key.
                throw FollowUpError.conflict(
                    "\(recommendation.path) of this document is recommendation '\(taken)' already: one paragraph has one key"
                )
            }
            try recommendation.insert(db)
            try Journal.touch(document: recommendation.documentId, in: db)
            guard let id = recommendation.id else { throw FollowUpError.internalError("a recommendation got no id") }
            try SearchIndex.index(id, key: recommendation.key, text: recommendation.text, in: db)
            try addAddressees(addressees, to: id, classification: recommendation.classification, date: date, in: db)
            return .inserted
        }
        if policy == .refuse { throw FollowUpError.duplicate(kind: "recommendation", identifier: recommendation.key) }
        recommendation.id = oldId
        let codes = try addresseeCodes(of: oldId, in: db)
        let named = try addressees.map { try resolveAddressee($0.actor, in: db).code }
        var comparable = old
        if policy == .keep {
            // Bulk rows do not say where a clause stands in its document: compare the content.
            comparable.position = recommendation.position
        }
        if comparable == recommendation && codes == Array(Set(named)).sorted() { return .unchanged }
        guard policy == .update else { return .differs }
        try recommendation.update(db)
        try Journal.touch(document: recommendation.documentId, in: db)
        try Journal.touch(document: old.documentId, in: db)
        try SearchIndex.index(oldId, key: recommendation.key, text: recommendation.text, in: db)
        try db.execute(literal: "DELETE FROM addressing WHERE recommendationId = \(oldId)")
        try addAddressees(addressees, to: oldId, classification: recommendation.classification, date: date, in: db)
        let bound: SQL = """
            EXISTS (SELECT 1 FROM addressing ad WHERE ad.recommendationId = \(oldId) AND (
              ad.addresseeId = assignment.addresseeId OR EXISTS (SELECT 1 FROM groupMembership m
                WHERE m.groupId = ad.addresseeId AND m.memberId = assignment.addresseeId
                AND \(SQL.membership("m", holdsOn: "\(date)")))))
            """
        // Progress recorded, or submitted for review: the assignment stays.
        let withProgress: SQL = """
            (EXISTS (SELECT 1 FROM progressEntry e WHERE e.assignmentId = assignment.id)
             OR EXISTS (SELECT 1 FROM submission e WHERE e.assignmentId = assignment.id))
            """
        let orphaned = try SQLRequest<String>(
            literal: """
                SELECT a.code FROM assignment JOIN addressee a ON a.id = assignment.addresseeId
                WHERE assignment.recommendationId = \(oldId) AND \(withProgress) AND NOT \(bound)
                ORDER BY a.code
                """
        ).fetchAll(db)
        if !orphaned.isEmpty {
            throw FollowUpError.conflict(
                "with this change '\(recommendation.key)' no longer binds "
                    + orphaned.prefix(10).joined(separator: ", ")
                    + (orphaned.count > 10 ? " and \(orphaned.count - 10) more" : "")
                    + ", for whom progress is recorded: nothing was changed. Keep them among its addressees "
                    + "(a changed document can be imported under another symbol instead)")
        }
        try db.execute(
            literal: """
                DELETE FROM assignment WHERE recommendationId = \(oldId) AND NOT \(withProgress) AND NOT \(bound)
                """)
        return .updated
    }

    /// The codes of the addressees recommendation `id` names, sorted.
    package static func addresseeCodes(of recommendationId: Int64, in db: Database) throws -> [String] {
        try SQLRequest<String>(
            literal: """
                SELECT a.code FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                WHERE ad.recommendationId = \(recommendationId) ORDER BY a.code
                """
        ).fetchAll(db)
    }

    /// The next free position in document `documentId`.
    package static func nextPosition(in documentId: Int64, db: Database) throws -> Int {
        try SQLRequest<Int>(
            literal: "SELECT coalesce(max(position), 0) + 1 FROM recommendation WHERE documentId = \(documentId)"
        ).fetchOne(db)
            ?? 1
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
                actors = try SQLRequest<Int64>(
                    literal: """
                        SELECT DISTINCT m.memberId FROM groupMembership m
                        WHERE m.groupId = \(addresseeId) AND \(SQL.membership("m", holdsOn: "\(date)"))
                        ORDER BY m.memberId
                        """
                ).fetchAll(db)
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
            var conditions: [SQL] = []
            if let symbol = filter.document {
                let document = try Self.documentRow(symbol, in: db)
                conditions.append("r.documentId = \(document.id)")
            }
            if let classification = filter.classification {
                conditions.append("r.classification = \(classification)")
            }
            var actor: Addressee?
            if let text = filter.actor {
                let found = try Self.resolveAddressee(text, in: db)
                actor = found
                if found.kind == .group {
                    conditions.append(
                        "EXISTS (SELECT 1 FROM addressing ad WHERE ad.recommendationId = r.id AND ad.addresseeId = \(found.id))"
                    )
                } else {
                    conditions.append(
                        "EXISTS (SELECT 1 FROM assignment s WHERE s.recommendationId = r.id AND s.addresseeId = \(found.id))"
                    )
                }
            }
            if let status = filter.status {
                let actorId = actor.flatMap { $0.kind == .group ? nil : $0.id }
                let ids = try AssignmentQueries.recommendations(
                    withStatus: status, actor: actorId, asOf: filter.asOf, in: db)
                conditions.append("r.id IN (SELECT value FROM json_each(\(Self.jsonList(ids))))")
            }
            if let search = filter.search {
                let ids = try Self.recommendationIds(matching: search, in: db)
                conditions.append("r.id IN (SELECT value FROM json_each(\(Self.jsonList(ids))))")
            }
            let whereClause: SQL = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            var summaries = try Self.summaries(where: whereClause, asOf: filter.asOf, in: db)
            if let actor, actor.kind != .group, let actorId = actor.id {
                let statuses = try AssignmentQueries.statuses([.actor(actorId)], asOf: filter.asOf, in: db)
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
            guard let id = recommendation.id else { throw FollowUpError.internalError("a recommendation without id") }
            guard
                let summary = try Self.summaries(where: "WHERE r.id = \(id)", asOf: asOf, in: db).first,
                let document = try Document.fetchOne(db, key: recommendation.documentId)
            else { throw FollowUpError.notFound(kind: "recommendation", identifier: key) }
            let addressedTo = try AddressingInfo.fetchAll(
                db,
                sql: """
                    SELECT a.code, a.kind, a.nameEn, a.nameZh, ad.phrase FROM addressing ad
                    JOIN addressee a ON a.id = ad.addresseeId WHERE ad.recommendationId = ? ORDER BY a.code
                    """, arguments: [recommendation.id])
            let assignments = try AssignmentQueries.statuses([.recommendation(id)], asOf: asOf, in: db)
            return RecommendationDetail(
                recommendation: summary, documentTitle: document.title, documentDate: document.date,
                addressedTo: addressedTo, assignments: assignments,
                corrections: try Self.curations(recommendation.key, text: recommendation.text, in: db))
        }
    }

    /// Everything about each recommendation of document `symbol`, with its log (oldest first),
    /// in document order: what ``recommendationDetail(_:asOf:)`` and ``history(_:actor:)`` give
    /// one at a time, read in a few queries for the whole document (a published site reads every
    /// recommendation).
    public func recommendationDetails(document symbol: String, asOf: CalendarDate) throws(FollowUpError)
        -> [(detail: RecommendationDetail, history: [ProgressEntryInfo])]
    {
        try read { db in
            let document = try Self.documentRow(symbol, in: db)
            guard let documentId = document.id else { throw FollowUpError.internalError("a document without id") }
            let summaries = try Self.summaries(where: "WHERE r.documentId = \(documentId)", asOf: asOf, in: db)
            var addressing: [String: [AddressingInfo]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT r.key, a.code, a.kind, a.nameEn, a.nameZh, ad.phrase FROM addressing ad
                    JOIN addressee a ON a.id = ad.addresseeId JOIN recommendation r ON r.id = ad.recommendationId
                    WHERE r.documentId = ? ORDER BY a.code
                    """, arguments: [documentId])
            {
                addressing[row["key"], default: []].append(try AddressingInfo(row: row))
            }
            let statuses = Dictionary(
                grouping: try AssignmentQueries.statuses([.document(documentId)], asOf: asOf, in: db), by: \.key)
            let entries = Dictionary(
                grouping: try AssignmentQueries.entryInfos(.document(documentId), in: db), by: \.key)
            var corrections: [String: [Row]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM curation WHERE recommendationKey IN
                      (SELECT key FROM recommendation WHERE documentId = ?) ORDER BY id
                    """, arguments: [documentId])
            {
                corrections[row["recommendationKey"], default: []].append(row)
            }
            return summaries.map { summary in
                let hash = SHA256.hex(Array(summary.text.utf8))
                let detail = RecommendationDetail(
                    recommendation: summary, documentTitle: document.title, documentDate: document.date,
                    addressedTo: addressing[summary.key] ?? [], assignments: statuses[summary.key] ?? [],
                    corrections: (corrections[summary.key] ?? []).map { Self.curation($0, textHash: hash) })
                return (detail, entries[summary.key] ?? [])
            }
        }
    }

    static func recommendationRow(_ key: String, in db: Database) throws -> Recommendation {
        let trimmed = key.trimmingCharacters(in: .whitespaces)
        if let found = try Recommendation.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM recommendation WHERE key = ?"), arguments: [trimmed])
        {
            return found
        }
        // Forgive case and spacing ("e/2020/31 dr-ii (a)(iii)", "E/2020/31 DR-II(a)(iii)") and the
        // paragraph written as 49, para 49, paragraph 49 (KeyForms).
        for form in Set([trimmed, KeyForms.canonical(trimmed)]) {
            let folded = form.lowercased().filter { !$0.isWhitespace }
            let candidates = try Recommendation.fetchAll(
                db,
                sql: "SELECT * FROM recommendation WHERE replace(lower(key), ' ', '') = ?", arguments: [folded])
            if candidates.count == 1 { return candidates[0] }
        }
        let folded = KeyForms.canonical(trimmed).lowercased().filter { !$0.isWhitespace }
        var suggestions = try String.fetchAll(
            db,
            sql: """
                SELECT key FROM recommendation WHERE instr(replace(lower(key), ' ', ''), ?)
                ORDER BY length(key), key LIMIT 5
                """, arguments: [String(folded.suffix(12))])
        if suggestions.isEmpty, let paragraph = KeyForms.paragraph(of: trimmed) {
            // The same paragraph in the documents whose symbol starts the same way.
            let symbol = String(trimmed.prefix { !$0.isWhitespace })
            suggestions = try String.fetchAll(
                db,
                sql: """
                    SELECT key FROM recommendation WHERE key LIKE '%' || ? AND key LIKE ? || '%'
                    ORDER BY length(key), key LIMIT 5
                    """, arguments: [" " + paragraph, String(symbol.prefix(4))])
        }
        throw FollowUpError.notFound(kind: "recommendation", identifier: trimmed, suggestions: suggestions)
    }

    private static func summaries(where whereClause: SQL, asOf: CalendarDate, in db: Database) throws
        -> [RecommendationSummary]
    {
        let rows = try SQLRequest<Row>(
            literal: """
                SELECT r.*, d.symbol,
                  (SELECT group_concat(code, ',') FROM (SELECT a.code FROM addressing ad
                    JOIN addressee a ON a.id = ad.addresseeId WHERE ad.recommendationId = r.id
                    ORDER BY a.code)) AS addressees,
                  (SELECT count(*) FROM assignment s WHERE s.recommendationId = r.id) AS assignmentCount
                FROM recommendation r JOIN document d ON d.id = r.documentId
                \(whereClause)
                ORDER BY d.date, d.symbol, r.position
                """
        ).fetchAll(db)
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
        let counts = try AssignmentQueries.statusCounts(recommendations: ids, asOf: asOf, in: db)
        for (position, id) in ids.enumerated() { summaries[position].statusCounts = counts[id] ?? [:] }
        return summaries
    }
}

extension AddressingInfo: FetchableRecord {}

extension AppDatabase {
    /// `ids` as a JSON array, for `json_each`: one bound value whatever the count.
    static func jsonList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
