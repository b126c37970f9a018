import Foundation
import GRDB

/// What a bulk import did.
public struct ExchangeImportResult: Codable, Sendable {
    public var source: String
    /// Rows read.
    public var rows: Int
    /// Rows added.
    public var added: Int
    /// Rows already in the database, identical: skipped.
    public var unchanged: Int
    /// Documents created from the rows' document columns.
    public var documentsCreated: Int
    /// Assignments created (recommendations only).
    public var assignmentsCreated: Int
}

extension AppDatabase {
    // MARK: Import

    /// Imports progress entries from an exchange file, all or none.
    ///
    /// Every row is checked (`ProgressRowParser` for what the row says on its own; here, the key,
    /// the actor bound by it, an `as_of` not before the document, `supersedes` naming an earlier
    /// entry of the same assignment, `uid` unique in the file); every problem is reported with its
    /// line and column, up to 50. A row whose `uid` is in the database already with the same
    /// content is skipped, so re-importing a file changes nothing; with other content it is a problem.
    public func importProgress(
        _ reader: inout RecordReader, vocabulary: TrackerVocabulary, today: CalendarDate, recordedAt: String
    ) throws(FollowUpError) -> ExchangeImportResult {
        var result = ExchangeImportResult(
            source: reader.sourceName, rows: 0, added: 0, unchanged: 0, documentsCreated: 0, assignmentsCreated: 0)
        var problems = ProblemList()
        let source = reader.sourceName
        let parser = ProgressRowParser(vocabulary: vocabulary, today: today, now: recordedAt)
        try write { db in
            do {
                var recommendations: [String: (id: Int64, date: CalendarDate)] = [:]
                var actors: [String: Int64] = [:]
                var codes: [Int64: String] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, code FROM addressee") {
                    actors[row["code"]] = row["id"]
                    codes[row["id"]] = row["code"]
                }
                // Entries this import inserts have ids above this one: a uid conflict with one of
                // them is a uid that appears twice in the file. No set of uids is kept in memory.
                // The status cache is rebuilt once at the end, set-based, not per row.
                let triggers = try AssignmentQueries.suspendStateTriggers(in: db)
                let firstNewId = try ProgressChain.nextId(in: db)
                var nextId = firstNewId
                var chainHead = try ProgressChain.head(in: db)
                var lastAssignment: (recommendation: Int64, actor: Int64, assignment: Int64?)?
                let findRecommendation = try db.cachedStatement(
                    sql:
                        "SELECT r.id, d.date FROM recommendation r JOIN document d ON d.id = r.documentId WHERE r.key = ?"
                )
                let findAssignment = try db.cachedStatement(
                    sql: "SELECT id FROM assignment WHERE recommendationId = ? AND addresseeId = ?")
                let uidExists = try db.cachedStatement(sql: "SELECT 1 FROM progressEntry WHERE uid = ?")
                let findUID = try db.cachedStatement(
                    sql:
                        "SELECT id, assignmentId, asOf, status, response, note, evidenceDocument, evidenceParagraph, evidenceUrl, reportedById, supersedesId FROM progressEntry WHERE uid = ?"
                )
                // Entries are inserted 256 to a statement: SQLite then checks the `IN (…)` lists of
                // the table's CHECK constraints once per statement instead of once per row.
                var pending = ProgressBatch()
                func flush() throws {
                    try pending.insert(in: db)
                }
                func actorId(_ text: String) throws -> Int64? {
                    if let id = actors[text] ?? actors[text.uppercased()] { return id }
                    guard let found = try? Self.resolveAddressee(text, in: db), let id = found.id else {
                        return nil
                    }
                    actors[text] = id
                    return id
                }
                while let record = try reader.next() {
                    result.rows += 1
                    let before = problems.count
                    guard let entry = parser.parse(record, problems: &problems) else { continue }
                    let line = entry.line
                    var recommendation = recommendations[entry.key]
                    if recommendation == nil, let row = try Row.fetchOne(findRecommendation, arguments: [entry.key]) {
                        // A bounded cache: rows of one recommendation usually come together.
                        if recommendations.count > 10_000 { recommendations.removeAll(keepingCapacity: true) }
                        guard let date = CalendarDate(row[1] as String) else {
                            throw FollowUpError.internalError("document of '\(entry.key)' has no valid date")
                        }
                        recommendation = (row[0], date)
                        recommendations[entry.key] = recommendation
                    }
                    if recommendation == nil { problems.add(line, "key", "no recommendation '\(entry.key)'") }
                    if let recommendation, entry.asOf < recommendation.date {
                        problems.add(
                            line, "as_of",
                            "\(entry.asOf) is before the document, adopted on \(recommendation.date)")
                    }
                    let addresseeId = try actorId(entry.actor)
                    if addresseeId == nil { problems.add(line, "actor", "no actor '\(entry.actor)'") }
                    var reporterId: Int64?
                    if let reporter = entry.reportedBy {
                        reporterId = try actorId(reporter)
                        if reporterId == nil { problems.add(line, "reported_by", "no actor '\(reporter)'") }
                    }
                    var assignmentId: Int64?
                    if let recommendationId = recommendation?.id, let addresseeId {
                        // Rows of one assignment usually come together: remember the last one.
                        if let last = lastAssignment, last.recommendation == recommendationId,
                            last.actor == addresseeId
                        {
                            assignmentId = last.assignment
                        } else {
                            assignmentId = try Int64.fetchOne(
                                findAssignment, arguments: [recommendationId, addresseeId])
                            lastAssignment = (recommendationId, addresseeId, assignmentId)
                        }
                        if assignmentId == nil {
                            problems.add(line, "actor", "'\(entry.key)' does not bind '\(entry.actor)'")
                        }
                    }
                    var supersedesId: Int64?
                    if let target = entry.supersedes {
                        // The entry it corrects may be waiting in the batch.
                        try flush()
                        if let row = try Row.fetchOne(findUID, arguments: [target]) {
                            supersedesId = row["id"]
                            if let assignmentId, (row["assignmentId"] as Int64) != assignmentId {
                                problems.add(
                                    line, "supersedes", "'\(target)' is an entry of another recommendation or actor"
                                )
                            }
                        } else {
                            problems.add(line, "supersedes", "no earlier entry '\(target)'")
                        }
                    }
                    guard problems.count == before, let assignmentId, let addresseeId else { continue }
                    let reporter = reporterId ?? addresseeId
                    let recorded = entry.recordedAt ?? recordedAt
                    let evidence = [entry.evidenceDocument, entry.evidenceParagraph, entry.evidenceUrl]
                    // A uid already in the database: the same entry again, or a conflict. One
                    // given earlier in this file is in the database too, or still in the batch.
                    if pending.contains(uid: entry.uid) {
                        problems.add(line, "uid", "'\(entry.uid)' appears twice in the file")
                        continue
                    }
                    let known = RawStatement(uidExists)
                    known.bind(1, entry.uid)
                    if try known.exists(in: db), let existing = try Row.fetchOne(findUID, arguments: [entry.uid]) {
                        if (existing["id"] as Int64) >= firstNewId {
                            problems.add(line, "uid", "'\(entry.uid)' appears twice in the file")
                            continue
                        }
                        let existingEvidence: [String?] = [
                            existing["evidenceDocument"], existing["evidenceParagraph"], existing["evidenceUrl"],
                        ]
                        var same =
                            (existing["assignmentId"] as Int64) == assignmentId
                            && (existing["asOf"] as String) == entry.asOf.description
                        same =
                            same && (existing["status"] as String?) == entry.status?.rawValue
                            && (existing["response"] as String?) == entry.response?.rawValue
                        same = same && (existing["note"] as String?) == entry.note && existingEvidence == evidence
                        same =
                            same && (existing["reportedById"] as Int64?) == reporter
                            && (existing["supersedesId"] as Int64?) == supersedesId
                        if same {
                            result.unchanged += 1
                        } else {
                            problems.add(
                                line, "uid", "'\(entry.uid)' is already in the database with other content")
                        }
                        continue
                    }
                    let asOf = entry.asOf.description
                    let hash = ProgressChain.Link(
                        id: nextId, uid: entry.uid, key: entry.key, actor: codes[addresseeId] ?? "",
                        asOf: asOf, status: entry.status?.rawValue,
                        response: entry.response?.rawValue, note: entry.note,
                        evidenceDocument: entry.evidenceDocument, evidenceParagraph: entry.evidenceParagraph,
                        evidenceUrl: entry.evidenceUrl, reporter: codes[reporter], recordedAt: recorded,
                        supersedes: supersedesId == nil ? nil : entry.supersedes
                    ).hash(after: chainHead)
                    pending.append(
                        ProgressBatch.Entry(
                            uid: entry.uid, assignmentId: assignmentId, asOf: asOf, status: entry.status?.rawValue,
                            response: entry.response?.rawValue, note: entry.note,
                            evidenceDocument: evidence[0], evidenceParagraph: evidence[1],
                            evidenceUrl: evidence[2], reportedById: reporter, recordedAt: recorded,
                            supersedesId: supersedesId, id: nextId, hash: hash))
                    if pending.isFull { try flush() }
                    result.added += 1
                    nextId += 1
                    chainHead = hash
                }
                try flush()
                if !problems.isEmpty {
                    throw FollowUpError.invalidRecords(
                        source: source, problems: problems.problems, more: problems.more)
                }
                try AssignmentQueries.finishBulkAppend(from: firstNewId, restoring: triggers, in: db)
            }
        }
        return result
    }

    /// Imports recommendations (and, where missing, their documents) from an exchange file, all or none.
    ///
    /// A row's document is created from its `document_*` columns if the symbol is new. Addressees
    /// are codes, names or aliases; groups bind their members on the document's date. A key already
    /// in the database with the same content is skipped; with other content it is a problem.
    public func importRecommendations(_ reader: inout RecordReader, today: CalendarDate)
        throws(FollowUpError)
        -> ExchangeImportResult
    {
        var result = ExchangeImportResult(
            source: reader.sourceName, rows: 0, added: 0, unchanged: 0, documentsCreated: 0, assignmentsCreated: 0)
        var problems = ProblemList()
        let source = reader.sourceName
        let parser = RecommendationRowParser(today: today)
        try write { db in
            do {
                let assignmentsBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0
                var bulk = try RecommendationBulkWriter(in: db)
                var documents: [String: Document] = [:]
                var positions: [Int64: Int] = [:]
                var keysInFile = Set<String>()
                var addressees: [String: Addressee] = [:]
                func actor(_ name: String) -> Addressee? {
                    if let known = addressees[name] { return known }
                    let found = try? Self.resolveAddressee(name, in: db)
                    addressees[name] = found
                    return found
                }
                while let record = try reader.next() {
                    result.rows += 1
                    let before = problems.count
                    guard let row = parser.parse(record, problems: &problems) else { continue }
                    let line = row.line
                    if !keysInFile.insert(row.key).inserted {
                        problems.add(line, "key", "'\(row.key)' appears twice in the file")
                    }
                    // The document: known, or created from the row.
                    var document = documents[row.symbol]
                    if document == nil {
                        document = try Document.filter(Document.Columns.symbol == row.symbol).fetchOne(db)
                    }
                    if document == nil, let new = row.newDocument {
                        var bodyId: Int64?
                        if let body = new.body {
                            bodyId = actor(body)?.id
                            if bodyId == nil { problems.add(line, "document_body", "no actor '\(body)'") }
                        }
                        var created = Document(
                            symbol: row.symbol, title: new.title, bodyId: bodyId, date: new.date,
                            language: new.language)
                        if problems.isEmpty {
                            try created.insert(db)
                            if let id = created.id { try Journal.touch(document: id, in: db) }
                            result.documentsCreated += 1
                        }
                        document = created
                    }
                    guard let document else {
                        problems.add(
                            line, "document",
                            "no document '\(row.symbol)': add it first, or give document_title and document_date")
                        continue
                    }
                    documents[row.symbol] = document
                    var resolved: [(addressee: Addressee, phrase: String?)] = []
                    for (name, phrase) in row.addressees {
                        guard let found = actor(name) else {
                            problems.add(line, "addressees", "no actor '\(name)'")
                            continue
                        }
                        resolved.append((found, phrase))
                    }
                    if let due = row.dueDate, due < document.date {
                        problems.add(line, "due_date", "\(due) is before the document, adopted on \(document.date)")
                    }
                    guard problems.count == before, let documentId = document.id else { continue }
                    if positions[documentId] == nil {
                        positions[documentId] = try Self.nextPosition(in: documentId, db: db)
                    }
                    let recommendation = Recommendation(
                        key: row.key, documentId: documentId, path: row.path,
                        position: positions[documentId] ?? 1, kind: row.kind,
                        classification: row.classification, verb: row.verb, text: row.text,
                        language: row.language ?? document.language, dueDate: row.dueDate, cycle: row.cycle,
                        tags: row.tags)
                    let saved: RecommendationWrite
                    do {
                        if try bulk.exists(key: row.key) {
                            saved = try Self.saveRecommendation(
                                recommendation, addressees: resolved.map { ($0.addressee.code, $0.phrase) },
                                date: document.date, existing: .keep, in: db)
                        } else {
                            _ = try bulk.insert(
                                recommendation,
                                addressees: resolved.map { ($0.addressee, $0.phrase ?? $0.addressee.code) },
                                date: document.date)
                            saved = .inserted
                        }
                    } catch let error as FollowUpError {
                        guard case .conflict(let reason) = error else { throw error }
                        problems.add(line, "path", reason)
                        continue
                    }
                    switch saved {
                    case .unchanged:
                        result.unchanged += 1
                        continue
                    case .differs:
                        problems.add(line, "key", "'\(row.key)' is already in the database with other content")
                        continue
                    case .inserted, .updated: positions[documentId, default: 0] += 1
                    }
                    result.added += 1
                }
                if !problems.isEmpty {
                    throw FollowUpError.invalidRecords(
                        source: source, problems: problems.problems, more: problems.more)
                }
                try bulk.finish()
                result.assignmentsCreated =
                    (try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0) - assignmentsBefore
            }
        }
        return result
    }

    // MARK: Export

    /// Writes every recommendation, in document order, through `emit`, a row at a time.
    public func exportRecommendations(_ writer: ExchangeWriter, emit: (String) throws(FollowUpError) -> Void)
        throws(FollowUpError)
    {
        try read { db in
            try emit(writer.header)
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT r.*, d.symbol, d.title AS documentTitle, d.date AS documentDate, d.language AS documentLanguage,
                      b.code AS bodyCode,
                      (SELECT json_group_array(code) FROM (SELECT a.code FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                        WHERE ad.recommendationId = r.id ORDER BY a.code)) AS codes,
                      (SELECT json_group_array(phrase) FROM (SELECT ad.phrase FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                        WHERE ad.recommendationId = r.id ORDER BY a.code)) AS phrases
                    FROM recommendation r JOIN document d ON d.id = r.documentId LEFT JOIN addressee b ON b.id = d.bodyId
                    ORDER BY d.date, d.symbol, r.position
                    """)
            var buffer = ""
            while let row = try cursor.next() {
                let recommendation = try Recommendation(row: row)
                func list(_ column: String) -> [String] {
                    let json: String = row[column] ?? "[]"
                    return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
                }
                buffer += writer.line(
                    [
                        "key": recommendation.key, "document": row["symbol"], "path": recommendation.path,
                        "kind": recommendation.kind.rawValue, "class": recommendation.classification.rawValue,
                        "verb": recommendation.verb ?? "", "text": recommendation.text,
                        "language": recommendation.language.rawValue,
                        "due_date": recommendation.dueDate?.description ?? "",
                        "cycle": recommendation.cycle?.rawValue ?? "", "document_title": row["documentTitle"],
                        "document_date": row["documentDate"], "document_language": row["documentLanguage"],
                        "document_body": row["bodyCode"] ?? "",
                    ],
                    lists: ["tags": recommendation.tags, "addressees": list("codes"), "addressed_as": list("phrases")])
                if buffer.utf8.count > 1 << 16 {
                    try emit(buffer)
                    buffer = ""
                }
            }
            try emit(buffer)
        }
    }

    /// Writes every progress entry, oldest id first, through `emit`, a row at a time.
    public func exportProgress(_ writer: ExchangeWriter, emit: (String) throws(FollowUpError) -> Void)
        throws(FollowUpError)
    {
        try read { db in
            try emit(writer.header)
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT pe.*, r.key, a.code AS actor, b.code AS reporter, s2.uid AS supersedesUid
                    FROM progressEntry pe JOIN assignment s ON s.id = pe.assignmentId
                    JOIN recommendation r ON r.id = s.recommendationId JOIN addressee a ON a.id = s.addresseeId
                    LEFT JOIN addressee b ON b.id = pe.reportedById LEFT JOIN progressEntry s2 ON s2.id = pe.supersedesId
                    ORDER BY pe.id
                    """)
            var buffer = ""
            while let row = try cursor.next() {
                buffer += writer.line([
                    "uid": row["uid"], "key": row["key"], "actor": row["actor"], "as_of": row["asOf"],
                    "status": row["status"] ?? "", "response": row["response"] ?? "", "note": row["note"] ?? "",
                    "evidence_document": row["evidenceDocument"] ?? "",
                    "evidence_paragraph": row["evidenceParagraph"] ?? "",
                    "evidence_url": row["evidenceUrl"] ?? "", "reported_by": row["reporter"] ?? "",
                    "recorded_at": row["recordedAt"], "supersedes": row["supersedesUid"] ?? "",
                ])
                if buffer.utf8.count > 1 << 16 {
                    try emit(buffer)
                    buffer = ""
                }
            }
            try emit(buffer)
        }
    }

    /// Writes every assignment with where it stands as of `asOf`, through `emit`.
    public func exportAssignments(
        _ writer: ExchangeWriter, asOf: CalendarDate, emit: (String) throws(FollowUpError) -> Void
    )
        throws(FollowUpError)
    {
        let rows = try read { db in try AssignmentQueries.rows([], asOf: asOf, in: db) }

        try emit(writer.header)
        var buffer = ""
        for row in rows {
            buffer += writer.line(
                [
                    "key": row.key, "actor": row.actor, "status": row.status?.rawValue ?? "",
                    "status_as_of": row.statusAsOf?.description ?? "", "response": row.response?.rawValue ?? "",
                    "last_update": row.lastUpdate?.description ?? "", "due_date": row.dueDate?.description ?? "",
                    "overdue": row.isOverdue(on: asOf) ? "yes" : "no",
                ], lists: ["through": row.through])
            if buffer.utf8.count > 1 << 16 {
                try emit(buffer)
                buffer = ""
            }
        }
        try emit(buffer)
    }
}
