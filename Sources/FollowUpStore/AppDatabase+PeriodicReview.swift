import GRDB
import FollowUpModel

/// A recommendation of an imported review as the readers of addenda, thematic lists and national
/// reports need it: to check what they name against what the report holds.
public struct ReviewedRecommendation: Codable, Sendable, Equatable {
    public var key: String
    /// `115.18`.
    public var path: String
    public var text: String
    /// The recommending States' codes.
    public var recommenders: [String]
    /// The State's current position, if any document stated one.
    public var response: Response?
    public var dueDate: CalendarDate?
}

/// A recommendation as a reader of evidence matches it: its wording, the actors it binds, and
/// the actors it names.
public struct RecommendationBinding: Sendable {
    public var key: String
    public var text: String
    public var actors: [String]
    public var named: [String]
}

/// What recording a plan of positions or topics did.
public struct ReviewWriteResult: Codable, Sendable {
    /// Entries or recommendations written.
    public var written: Int
    /// Entries already in the log (the same document imported before).
    public var unchanged: Int
}

extension AppDatabase {
    /// The review whose Working Group report is `symbol`, or `nil` when that document is not a
    /// Universal Periodic Review report (or is not imported).
    public func periodicReview(report symbol: String) throws(FollowUpError) -> PeriodicReview? {
        try read { db in try Self.periodicReview(report: symbol, in: db) }
    }

    static func periodicReview(report symbol: String, in db: Database) throws -> PeriodicReview? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT d.symbol, a.code, p.cycle, p.session, p.reviewDate
                    FROM periodicReview p JOIN document d ON d.id = p.documentId JOIN addressee a ON a.id = p.stateId
                    WHERE d.symbol = ? COLLATE NOCASE
                    """, arguments: [symbol])
        else { return nil }
        return PeriodicReview(report: row[0], state: row[1], cycle: row[2], session: row[3], reviewDate: row[4])
    }

    /// The reviews imported, by State and cycle.
    public func periodicReviews(state: String? = nil) throws(FollowUpError) -> [PeriodicReview] {
        try read { db in
            let stateId = try state.map { try Self.resolveAddressee($0, in: db).id }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT d.symbol, a.code, p.cycle, p.session, p.reviewDate
                    FROM periodicReview p JOIN document d ON d.id = p.documentId JOIN addressee a ON a.id = p.stateId
                    WHERE ?1 IS NULL OR p.stateId = ?1 ORDER BY a.code, p.cycle
                    """, arguments: [stateId ?? nil]
            ).map { PeriodicReview(report: $0[0], state: $0[1], cycle: $0[2], session: $0[3], reviewDate: $0[4]) }
        }
    }

    /// The recommendations of the review reported in `symbol`, in the report's order, with their
    /// recommending States and the State's current position.
    public func reviewedRecommendations(report symbol: String) throws(FollowUpError) -> [ReviewedRecommendation] {
        try read { db in
            guard let review = try Self.periodicReview(report: symbol, in: db) else {
                throw FollowUpError.notFound(kind: "Universal Periodic Review report", identifier: symbol)
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT r.key, r.path, r.text, r.dueDate,
                      (SELECT group_concat(code, ' ') FROM (SELECT a.code FROM recommendingState rs
                         JOIN addressee a ON a.id = rs.stateId WHERE rs.recommendationId = r.id ORDER BY a.code)),
                      (SELECT st.response FROM assignment s JOIN assignmentState st ON st.assignmentId = s.id
                         JOIN addressee a ON a.id = s.addresseeId WHERE s.recommendationId = r.id AND a.code = ?2)
                    FROM recommendation r JOIN document d ON d.id = r.documentId
                    WHERE d.symbol = ?1 COLLATE NOCASE ORDER BY r.position
                    """, arguments: [symbol, review.state]
            ).map { row in
                ReviewedRecommendation(
                    key: row[0], path: row[1], text: row[2],
                    recommenders: (row[4] as String?)?.split(separator: " ").map(String.init) ?? [],
                    response: (row[5] as String?).flatMap(Response.init(rawValue:)), dueDate: row[3])
            }
        }
    }

    /// The actionable recommendations of document `symbol`, each with the actors it binds and names.
    public func bindings(document symbol: String) throws(FollowUpError) -> [RecommendationBinding] {
        try read { db in
            let document = try Self.documentRow(symbol, in: db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT r.key, r.text,
                      (SELECT group_concat(a.code, ' ') FROM assignment s JOIN addressee a ON a.id = s.addresseeId
                         WHERE s.recommendationId = r.id),
                      (SELECT group_concat(a.code, ' ') FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                         WHERE ad.recommendationId = r.id)
                    FROM recommendation r WHERE r.documentId = ? AND r.classification != 'declaratory'
                    ORDER BY r.position
                    """, arguments: [document.id]
            ).map { row in
                RecommendationBinding(
                    key: row[0], text: row[1],
                    actors: (row[2] as String?)?.split(separator: " ").map(String.init) ?? [],
                    named: (row[3] as String?)?.split(separator: " ").map(String.init) ?? [])
            }
        }
    }

    /// Records the review of an imported Working Group report and each recommendation's
    /// recommending States, inside the document import's transaction.
    static func saveReview(
        _ review: PeriodicReview, documentId: Int64, recommenders: [(key: String, states: [String])], in db: Database
    ) throws {
        let state = try resolveAddressee(review.state, in: db)
        try db.execute(
            sql: """
                INSERT INTO periodicReview (documentId, stateId, cycle, session, reviewDate) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (documentId) DO UPDATE SET stateId = excluded.stateId, cycle = excluded.cycle,
                  session = excluded.session, reviewDate = excluded.reviewDate
                """, arguments: [documentId, state.id, review.cycle, review.session, review.reviewDate])
        try annotate(recommenders.map { ($0.key, $0.states, nil) }, in: db)
    }

    /// Sets the recommending States (by code) and, where given, the topics of each recommendation
    /// named by key, replacing what they had: for a report's import, a thematic list and an
    /// exchange file's rows.
    package static func annotate(
        _ annotations: [(key: String, recommenders: [String], topics: RecommendationTopics?)], in db: Database
    ) throws {
        guard !annotations.isEmpty else { return }
        let find = try db.makeStatement(sql: "SELECT id, documentId FROM recommendation WHERE key = ?")
        let clearStates = try db.makeStatement(sql: "DELETE FROM recommendingState WHERE recommendationId = ?")
        let addState = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO recommendingState (recommendationId, stateId) VALUES (?, ?)")
        let clearTopics = try db.makeStatement(sql: "DELETE FROM recommendationTopic WHERE recommendationId = ?")
        let addTopic = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO recommendationTopic (recommendationId, scheme, value) VALUES (?, ?, ?)")
        var ids: [String: Int64] = [:]
        var documents = Set<Int64>()
        for (key, states, topics) in annotations {
            guard let row = try Row.fetchOne(find, arguments: [key]) else {
                throw FollowUpError.notFound(kind: "recommendation", identifier: key)
            }
            let id: Int64 = row[0]
            documents.insert(row[1])
            try clearStates.execute(arguments: [id])
            for code in states {
                if ids[code] == nil { ids[code] = try resolveAddressee(code, in: db).id }
                try addState.execute(arguments: [id, ids[code]])
            }
            guard let topics else { continue }
            try clearTopics.execute(arguments: [id])
            for theme in topics.themes { try addTopic.execute(arguments: [id, "theme", theme]) }
            for persons in topics.persons { try addTopic.execute(arguments: [id, "persons", persons]) }
            for goal in topics.goals { try addTopic.execute(arguments: [id, "goal", String(goal)]) }
        }
        for document in documents { try Journal.touch(document: document, in: db) }
    }

    /// Records each position as the State's response in the progress log, dated and evidenced by
    /// the document that states it, inside the caller's transaction. A statement recorded before
    /// (the same document imported again) is left as it is.
    static func recordPositions(_ positions: [PositionStatement], recordedAt: String, in db: Database) throws
        -> ReviewWriteResult
    {
        var result = ReviewWriteResult(written: 0, unchanged: 0)
        guard !positions.isEmpty else { return result }
        var log = try ProgressLogWriter(in: db, bulk: positions.count > 20, recordedAt: recordedAt)
        var problems = ProblemList()
        for position in positions {
            let before = problems.count
            let row = ProgressRow(
                line: position.line, uid: position.uid, key: position.key, actor: position.actor,
                asOf: position.asOf, status: nil, response: position.response, note: position.note,
                evidenceDocument: position.document, evidenceParagraph: position.paragraph, evidenceUrl: nil,
                reportedBy: nil, recordedAt: nil, supersedes: nil)
            switch try log.append(row, problems: &problems, since: before) {
            case .added: result.written += 1
            case .unchanged: result.unchanged += 1
            case .refused: break
            }
        }
        try log.finish()
        if let first = problems.problems.first {
            throw FollowUpError.conflict(
                "line \(first.line): \(first.reason)"
                    + (problems.count > 1 ? " (and \(problems.count - 1) more)" : "")
                    + ": a position of this document was recorded before with other content; "
                    + "correct it with 'followup update --supersedes'")
        }
        return result
    }

    /// Records the positions an addendum states, in one transaction.
    @discardableResult
    public func recordPositions(_ plan: PositionsPlan, clock: any FollowUpClock) throws(FollowUpError)
        -> ReviewWriteResult
    {
        let recordedAt = Timestamp.string(from: clock.now())
        return try write { db in
            guard try Self.periodicReview(report: plan.review.report, in: db) != nil else {
                throw FollowUpError.notFound(kind: "Universal Periodic Review report", identifier: plan.review.report)
            }
            return try Self.recordPositions(plan.positions, recordedAt: recordedAt, in: db)
        }
    }

    /// Sets the topics of each recommendation a thematic list names (replacing what an earlier
    /// list set), in one transaction.
    @discardableResult
    public func recordTopics(_ plan: ThemesPlan) throws(FollowUpError) -> ReviewWriteResult {
        try write { db in
            var result = ReviewWriteResult(written: 0, unchanged: 0)
            var changed: [(key: String, recommenders: [String], topics: RecommendationTopics?)] = []
            for topics in plan.topics {
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM recommendation WHERE key = ?", arguments: [topics.key])
                else { throw FollowUpError.notFound(kind: "recommendation", identifier: topics.key) }
                let before = try Self.topics(of: id, in: db)
                if Set(before.themes) == Set(topics.themes) && Set(before.persons) == Set(topics.persons)
                    && Set(before.goals) == Set(topics.goals)
                {
                    result.unchanged += 1
                    continue
                }
                let states = try String.fetchAll(
                    db,
                    sql: """
                        SELECT a.code FROM recommendingState rs JOIN addressee a ON a.id = rs.stateId
                        WHERE rs.recommendationId = ? ORDER BY a.code
                        """, arguments: [id])
                changed.append((topics.key, states, topics))
                result.written += 1
            }
            try Self.annotate(changed, in: db)
            return result
        }
    }

    /// The topics of recommendation `id`: themes, persons and goals, each sorted.
    static func topics(of id: Int64, in db: Database) throws -> RecommendationTopics {
        var topics = RecommendationTopics(key: "", themes: [], persons: [], goals: [])
        for row in try Row.fetchAll(
            db, sql: "SELECT scheme, value FROM recommendationTopic WHERE recommendationId = ? ORDER BY scheme, value",
            arguments: [id])
        {
            let value: String = row[1]
            switch row[0] as String {
            case "theme": topics.themes.append(value)
            case "persons": topics.persons.append(value)
            default: if let goal = Int(value) { topics.goals.append(goal) }
            }
        }
        topics.goals.sort()
        return topics
    }
}

extension AppDatabase {
    /// The implementation matrix of the review reported in `symbol` as known on `asOf`: every
    /// recommendation in the report's order with its recommending States, the State's position
    /// and its source, its topics, its status with the note and evidence that give it, and a
    /// status proposed and waiting for review.
    public func reviewMatrix(report symbol: String, asOf: CalendarDate) throws(FollowUpError)
        -> (review: PeriodicReview, rows: [ReviewMatrixRow])
    {
        try read { db in
            guard let review = try Self.periodicReview(report: symbol, in: db) else {
                throw FollowUpError.notFound(kind: "Universal Periodic Review report", identifier: symbol)
            }
            func latest(_ field: String) -> String {
                """
                (SELECT pe.id FROM progressEntry pe WHERE pe.assignmentId = s.id AND pe.\(field) IS NOT NULL
                   AND pe.asOf <= :asOf
                   AND NOT EXISTS (SELECT 1 FROM progressEntry c WHERE c.supersedesId = pe.id AND c.asOf <= :asOf)
                 ORDER BY pe.asOf DESC, pe.id DESC LIMIT 1)
                """
            }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.key, r.path, r.text, r.dueDate,
                      (SELECT group_concat(code, ' ') FROM (SELECT a.code FROM recommendingState rs
                         JOIN addressee a ON a.id = rs.stateId WHERE rs.recommendationId = r.id ORDER BY a.code)),
                      re.response, re.asOf, re.evidenceDocument, re.evidenceParagraph,
                      se.status, se.asOf, se.note, se.evidenceDocument, se.evidenceParagraph, se.evidenceUrl,
                      (SELECT sb.status FROM submission sb WHERE sb.assignmentId = s.id AND sb.status IS NOT NULL
                         AND NOT EXISTS (SELECT 1 FROM review v WHERE v.submissionId = sb.id)
                       ORDER BY sb.id DESC LIMIT 1)
                    FROM recommendation r JOIN document d ON d.id = r.documentId
                    JOIN periodicReview p ON p.documentId = d.id
                    JOIN assignment s ON s.recommendationId = r.id AND s.addresseeId = p.stateId
                    LEFT JOIN progressEntry re ON re.id = \(latest("response"))
                    LEFT JOIN progressEntry se ON se.id = \(latest("status"))
                    WHERE d.symbol = :symbol COLLATE NOCASE ORDER BY r.position
                    """, arguments: ["symbol": symbol, "asOf": asOf.description])
            return (
                review,
                try rows.map { row in
                    let topics = try Self.topics(of: row[0], in: db)
                    let source = EvidenceReference(document: row[8], paragraph: row[9])
                    let evidence = EvidenceReference(document: row[13], paragraph: row[14], url: row[15])
                    return ReviewMatrixRow(
                        key: row[1], path: row[2], text: row[3], dueDate: row[4],
                        recommenders: (row[5] as String?)?.split(separator: " ").map(String.init) ?? [],
                        response: row[6], responseAsOf: row[7],
                        responseSource: source == EvidenceReference() ? nil : source, status: row[10],
                        statusAsOf: row[11], statusNote: row[12],
                        evidence: evidence == EvidenceReference() ? nil : evidence, themes: topics.themes,
                        persons: topics.persons, goals: topics.goals, proposed: row[16])
                }
            )
        }
    }
}
