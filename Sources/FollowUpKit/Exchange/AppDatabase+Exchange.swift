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

/// Collects row problems up to a limit, counting the rest.
struct ProblemList {
    static let limit = 50
    var problems: [RecordProblem] = []
    var more = 0

    mutating func add(_ line: Int, _ column: String?, _ reason: String) {
        if problems.count < Self.limit {
            problems.append(RecordProblem(line: line, column: column, reason: reason))
        } else {
            more += 1
        }
    }

    var isEmpty: Bool { problems.isEmpty }
}

extension AppDatabase {
    // MARK: Import

    /// Imports progress entries from an exchange file, all or none.
    ///
    /// Every row is checked (key, actor bound by it, date not in the future, status and response
    /// in `vocabulary`, `supersedes` naming an earlier entry of the same assignment, `uid` unique in
    /// the file); every problem is reported with its line and column, up to 50. A row whose `uid`
    /// is in the database already with the same content is skipped, so re-importing a file changes
    /// nothing; with other content it is a problem.
    public func importProgress(
        _ reader: inout RecordReader, vocabulary: TrackerVocabulary, today: CalendarDate, recordedAt: String
    ) throws(FollowUpError) -> ExchangeImportResult {
        var result = ExchangeImportResult(
            source: reader.sourceName, rows: 0, added: 0, unchanged: 0, documentsCreated: 0, assignmentsCreated: 0)
        var problems = ProblemList()
        let source = reader.sourceName
        try attempt {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    var recommendations: [String: Int64] = [:]
                    var actors: [String: Int64] = [:]
                    for row in try Row.fetchAll(db, sql: "SELECT id, code FROM addressee") {
                        actors[row["code"]] = row["id"]
                    }
                    // Entries this import inserts have ids above this one: a uid conflict with one of
                    // them is a uid that appears twice in the file. No set of uids is kept in memory.
                    let firstNewId =
                        (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM progressEntry") ?? 0) + 1
                    var lastAssignment: (recommendation: Int64, actor: Int64, assignment: Int64?)?
                    let findRecommendation = try db.cachedStatement(sql: "SELECT id FROM recommendation WHERE key = ?")
                    let findAssignment = try db.cachedStatement(
                        sql: "SELECT id FROM assignment WHERE recommendationId = ? AND addresseeId = ?")
                    let findUID = try db.cachedStatement(
                        sql:
                            "SELECT id, assignmentId, asOf, status, response, note, evidenceDocument, evidenceParagraph, evidenceUrl, reportedById, supersedesId FROM progressEntry WHERE uid = ?"
                    )
                    let insert = try db.cachedStatement(
                        sql: """
                            INSERT INTO progressEntry(uid, assignmentId, asOf, status, response, note, evidenceDocument,
                              evidenceParagraph, evidenceUrl, reportedById, recordedAt, supersedesId)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT(uid) DO NOTHING
                            """)
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
                        let line = record.line
                        func field(_ column: ProgressColumn) -> String? {
                            record.text(at: column.rawValue).map(ExchangeWriter.unguard)
                        }
                        let before = problems.problems.count + problems.more
                        guard let uid = field(.uid) else {
                            problems.add(line, "uid", "missing: every entry needs a stable id")
                            continue
                        }
                        var recommendationId: Int64?
                        if let key = field(.key) {
                            if let id = recommendations[key] {
                                recommendationId = id
                            } else if let id = try Int64.fetchOne(findRecommendation, arguments: [key]) {
                                // A bounded cache: rows of one recommendation usually come together.
                                if recommendations.count > 10_000 { recommendations.removeAll(keepingCapacity: true) }
                                recommendations[key] = id
                                recommendationId = id
                            } else {
                                problems.add(line, "key", "no recommendation '\(key)'")
                            }
                        } else {
                            problems.add(line, "key", "missing")
                        }
                        var addresseeId: Int64?
                        if let actor = field(.actor) {
                            addresseeId = try actorId(actor)
                            if addresseeId == nil { problems.add(line, "actor", "no actor '\(actor)'") }
                        } else {
                            problems.add(line, "actor", "missing")
                        }
                        var asOf: CalendarDate?
                        if let text = field(.asOf) {
                            if let date = CalendarDate(text) {
                                if date > today {
                                    problems.add(line, "as_of", "\(date) is in the future")
                                } else {
                                    asOf = date
                                }
                            } else {
                                problems.add(line, "as_of", "'\(text)' is not a real date of the form YYYY-MM-DD")
                            }
                        } else {
                            problems.add(line, "as_of", "missing")
                        }
                        var status: ImplementationStatus?
                        if let text = field(.status) {
                            status = vocabulary.status(text)
                            if status == nil {
                                problems.add(
                                    line, "status", "unknown status '\(text)' in the \(vocabulary.rawValue) vocabulary")
                            }
                        }
                        var response: Response?
                        if let text = field(.response) {
                            response = vocabulary.response(text)
                            if response == nil {
                                problems.add(
                                    line, "response",
                                    "unknown response '\(text)' in the \(vocabulary.rawValue) vocabulary")
                            }
                        }
                        if field(.status) == nil && field(.response) == nil {
                            problems.add(line, "status", "give a status, a response, or both")
                        }
                        var reporterId: Int64?
                        if let reporter = field(.reportedBy) {
                            reporterId = try actorId(reporter)
                            if reporterId == nil { problems.add(line, "reported_by", "no actor '\(reporter)'") }
                        }
                        var recorded = recordedAt
                        if let text = field(.recordedAt) {
                            if Self.isTimestamp(text) {
                                recorded = text
                            } else {
                                problems.add(
                                    line, "recorded_at", "'\(text)' is not a UTC time of the form 2021-05-31T09:30:00Z")
                            }
                        }
                        var assignmentId: Int64?
                        if let recommendationId, let addresseeId {
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
                                problems.add(
                                    line, "actor", "'\(field(.key) ?? "")' does not bind '\(field(.actor) ?? "")'")
                            }
                        }
                        var supersedesId: Int64?
                        if let target = field(.supersedes) {
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
                        guard problems.problems.count + problems.more == before, let assignmentId, let asOf else {
                            continue
                        }
                        let note = field(.note)
                        let evidence = [field(.evidenceDocument), field(.evidenceParagraph), field(.evidenceUrl)]
                        // Inserted even after a problem (the transaction is rolled back then), so
                        // that a uid repeated later in the file is still caught.
                        let raw = RawStatement(insert)
                        raw.bind(1, uid)
                        raw.bind(2, assignmentId)
                        raw.bind(3, asOf.description)
                        raw.bind(4, status?.rawValue)
                        raw.bind(5, response?.rawValue)
                        raw.bind(6, note)
                        raw.bind(7, evidence[0])
                        raw.bind(8, evidence[1])
                        raw.bind(9, evidence[2])
                        raw.bind(10, reporterId ?? addresseeId)
                        raw.bind(11, recorded)
                        raw.bind(12, supersedesId)
                        let inserted = try raw.run(in: db)
                        if inserted == 1 {
                            result.added += 1
                            continue
                        }
                        guard let existing = try Row.fetchOne(findUID, arguments: [uid]) else { continue }
                        if (existing["id"] as Int64) >= firstNewId {
                            problems.add(line, "uid", "'\(uid)' appears twice in the file")
                            continue
                        }
                        let existingAssignment: Int64 = existing["assignmentId"]
                        let existingAsOf: String = existing["asOf"]
                        let existingStatus: String? = existing["status"]
                        let existingResponse: String? = existing["response"]
                        let existingNote: String? = existing["note"]
                        let existingEvidence: [String?] = [
                            existing["evidenceDocument"], existing["evidenceParagraph"], existing["evidenceUrl"],
                        ]
                        let existingReporter: Int64? = existing["reportedById"]
                        let existingSupersedes: Int64? = existing["supersedesId"]
                        var same = existingAssignment == assignmentId && existingAsOf == asOf.description
                        same = same && existingStatus == status?.rawValue && existingResponse == response?.rawValue
                        same = same && existingNote == note && existingEvidence == evidence
                        same =
                            same && existingReporter == (reporterId ?? addresseeId)
                            && existingSupersedes == supersedesId
                        if same {
                            result.unchanged += 1
                        } else {
                            problems.add(line, "uid", "'\(uid)' is already in the database with other content")
                        }
                        continue
                    }
                    if !problems.isEmpty {
                        throw FollowUpError.invalidRecords(
                            source: source, problems: problems.problems, more: problems.more)
                    }
                    return .commit
                }
            }
        }
        return result
    }

    /// Whether `text` is a UTC timestamp of the form `2021-05-31T09:30:00Z`.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 4, 7: if byte != UInt8(ascii: "-") { return false }
            case 10: if byte != UInt8(ascii: "T") { return false }
            case 13, 16: if byte != UInt8(ascii: ":") { return false }
            case 19: if byte != UInt8(ascii: "Z") { return false }
            default: if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return false }
            }
        }
        return true
    }

    /// Imports recommendations (and, where missing, their documents) from an exchange file, all or none.
    ///
    /// A row's document is created from its `document_*` columns if the symbol is new. Addressees
    /// are codes, names or aliases; groups bind their members on the document's date. A key already
    /// in the database with the same content is skipped; with other content it is a problem.
    public func importRecommendations(_ reader: inout RecordReader)
        throws(FollowUpError)
        -> ExchangeImportResult
    {
        var result = ExchangeImportResult(
            source: reader.sourceName, rows: 0, added: 0, unchanged: 0, documentsCreated: 0, assignmentsCreated: 0)
        var problems = ProblemList()
        let source = reader.sourceName
        try attempt {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let assignmentsBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0
                    var documents: [String: Document] = [:]
                    var positions: [Int64: Int] = [:]
                    var keysInFile = Set<String>()
                    var addressees: [String: Addressee] = [:]
                    while let record = try reader.next() {
                        result.rows += 1
                        let line = record.line
                        func field(_ name: String) -> String? { record.text(name).map(ExchangeWriter.unguard) }
                        let before = problems.problems.count + problems.more
                        // The document: existing, or created from the row.
                        var document: Document?
                        if let symbol = field("document") {
                            if let known = documents[symbol] {
                                document = known
                            } else if let existing = try Document.filter(Document.Columns.symbol == symbol).fetchOne(db)
                            {
                                document = existing
                            } else if let title = field("document_title"), let dateText = field("document_date") {
                                guard let date = CalendarDate(dateText) else {
                                    problems.add(
                                        line, "document_date", "'\(dateText)' is not a real date of the form YYYY-MM-DD"
                                    )
                                    continue
                                }
                                let language = field("document_language").flatMap(Language.init(lenient:)) ?? .en
                                var bodyId: Int64?
                                if let body = field("document_body") {
                                    bodyId = try? Self.resolveAddressee(body, in: db).id
                                    if bodyId == nil { problems.add(line, "document_body", "no actor '\(body)'") }
                                }
                                var created = Document(
                                    symbol: symbol, title: title, bodyId: bodyId, date: date, language: language)
                                if problems.isEmpty {
                                    try created.insert(db)
                                    result.documentsCreated += 1
                                }
                                document = created
                            } else {
                                problems.add(
                                    line, "document",
                                    "no document '\(symbol)': add it first, or give document_title and document_date")
                            }
                            if let document { documents[symbol] = document }
                        } else {
                            problems.add(line, "document", "missing")
                        }
                        guard let path = field("path") else {
                            problems.add(line, "path", "missing")
                            continue
                        }
                        let key = field("key") ?? "\(field("document") ?? "") \(path)"
                        if !keysInFile.insert(key).inserted {
                            problems.add(line, "key", "'\(key)' appears twice in the file")
                        }
                        guard let text = field("text") else {
                            problems.add(line, "text", "missing")
                            continue
                        }
                        func term<T: Vocabulary>(_ column: String, _ type: T.Type) -> T? {
                            guard let value = field(column) else { return nil }
                            guard let parsed = T(lenient: value) else {
                                problems.add(
                                    line, column,
                                    "unknown \(T.vocabularyName) '\(value)': use one of "
                                        + T.allRawValues.joined(separator: ", "))
                                return nil
                            }
                            return parsed
                        }
                        let kind = term("kind", RecommendationKind.self) ?? .recommendation
                        let classification = term("class", Classification.self) ?? .actionable
                        let cycle = term("cycle", ReportingCycle.self)
                        let language = term("language", Language.self)
                        var due: CalendarDate?
                        if let text = field("due_date") {
                            due = CalendarDate(text)
                            if due == nil {
                                problems.add(line, "due_date", "'\(text)' is not a real date of the form YYYY-MM-DD")
                            }
                        }
                        let named = record.list("addressees")
                        let phrases = record.list("addressed_as")
                        var resolved: [(actor: String, phrase: String?)] = []
                        for (index, name) in named.enumerated() {
                            let trimmed = name.trimmingCharacters(in: .whitespaces)
                            if addressees[trimmed] == nil {
                                addressees[trimmed] = try? Self.resolveAddressee(trimmed, in: db)
                            }
                            guard let actor = addressees[trimmed] else {
                                problems.add(line, "addressees", "no actor '\(trimmed)'")
                                continue
                            }
                            resolved.append(
                                (actor.code, index < phrases.count && !phrases[index].isEmpty ? phrases[index] : nil))
                        }
                        guard problems.problems.count + problems.more == before, let document,
                            let documentId = document.id
                        else { continue }
                        let tags = record.list("tags")
                        if positions[documentId] == nil {
                            positions[documentId] = try Self.nextPosition(in: documentId, db: db)
                        }
                        let recommendation = Recommendation(
                            key: key, documentId: documentId, path: path, position: positions[documentId] ?? 1,
                            kind: kind, classification: classification, verb: field("verb"), text: text,
                            language: language ?? document.language, dueDate: due, cycle: cycle, tags: tags)
                        switch try Self.saveRecommendation(
                            recommendation, addressees: resolved, date: document.date, existing: .keep, in: db)
                        {
                        case .unchanged:
                            result.unchanged += 1
                            continue
                        case .differs:
                            problems.add(line, "key", "'\(key)' is already in the database with other content")
                            continue
                        case .inserted, .updated: positions[documentId, default: 0] += 1
                        }
                        result.added += 1
                    }
                    if !problems.isEmpty {
                        throw FollowUpError.invalidRecords(
                            source: source, problems: problems.problems, more: problems.more)
                    }
                    result.assignmentsCreated =
                        (try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0) - assignmentsBefore
                    return .commit
                }
            }
        }
        return result
    }

    // MARK: Export

    /// Writes every recommendation, in document order, through `emit`, a row at a time.
    public func exportRecommendations(_ writer: ExchangeWriter, emit: (String) -> Void) throws(FollowUpError) {
        try read { db in
            emit(writer.header)
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
                    emit(buffer)
                    buffer = ""
                }
            }
            emit(buffer)
        }
    }

    /// Writes every progress entry, oldest id first, through `emit`, a row at a time.
    public func exportProgress(_ writer: ExchangeWriter, emit: (String) -> Void) throws(FollowUpError) {
        try read { db in
            emit(writer.header)
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
                    emit(buffer)
                    buffer = ""
                }
            }
            emit(buffer)
        }
    }

    /// Writes every assignment with where it stands as of `asOf`, through `emit`.
    public func exportAssignments(_ writer: ExchangeWriter, asOf: CalendarDate, emit: (String) -> Void)
        throws(FollowUpError)
    {
        let rows = try read { db in try AssignmentQueries.rows([], asOf: asOf, in: db) }

        emit(writer.header)
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
                emit(buffer)
                buffer = ""
            }
        }
        emit(buffer)
    }
}

/// The positions of the progress columns (`ExchangeColumns.progress`), for the import's hot path.
enum ProgressColumn: Int {
    case uid, key, actor, asOf, status, response, note, evidenceDocument, evidenceParagraph, evidenceUrl, reportedBy,
        recordedAt, supersedes
}
