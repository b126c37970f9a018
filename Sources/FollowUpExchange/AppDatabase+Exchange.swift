import Foundation

import FollowUpModel
import FollowUpStore

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
            var log = try ProgressLogWriter(in: db, bulk: true, recordedAt: recordedAt)
            while let record = try reader.next() {
                result.rows += 1
                let before = problems.count
                guard let entry = parser.parse(record, problems: &problems) else { continue }
                switch try log.append(entry, problems: &problems, since: before) {
                case .added: result.added += 1
                case .unchanged: result.unchanged += 1
                case .refused: break
                }
            }
            try log.finish()
            if !problems.isEmpty {
                throw FollowUpError.invalidRecords(source: source, problems: problems.problems, more: problems.more)
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
                let assignmentsBefore = try ExchangeQueries.assignmentCount(in: db)
                var bulk = try RecommendationBulkWriter(in: db)
                var documents: [String: Document] = [:]
                var positions: [Int64: Int] = [:]
                var keysInFile = Set<String>()
                var reviewAnnotations: [(key: String, recommenders: [String], topics: RecommendationTopics)] = []
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
                        document = try ExchangeQueries.document(row.symbol, in: db)
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
                            try ExchangeQueries.create(&created, in: db)
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
                    var recommenders: [String] = []
                    for name in row.recommenders {
                        guard let found = actor(name), found.kind == .state else {
                            problems.add(line, "recommended_by", "'\(FieldText.excerpt(name))' is no State known here")
                            continue
                        }
                        recommenders.append(found.code)
                    }
                    if !recommenders.isEmpty
                        || row.topics
                            != RecommendationTopics(
                                key: row.key, themes: [], persons: [], goals: [])
                    {
                        reviewAnnotations.append((row.key, recommenders, row.topics))
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
                try Self.annotate(reviewAnnotations, in: db)
                result.assignmentsCreated = try ExchangeQueries.assignmentCount(in: db) - assignmentsBefore
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
            var output = ChunkedOutput()
            try ExchangeQueries.forEachRecommendation(in: db) { record in
                let recommendation = record.recommendation
                if let chunk = output.append(
                    writer.line(
                        [
                            "key": recommendation.key, "document": record.symbol, "path": recommendation.path,
                            "kind": recommendation.kind.rawValue, "class": recommendation.classification.rawValue,
                            "verb": recommendation.verb ?? "", "text": recommendation.text,
                            "language": recommendation.language.rawValue,
                            "due_date": recommendation.dueDate?.description ?? "",
                            "cycle": recommendation.cycle?.rawValue ?? "", "document_title": record.documentTitle,
                            "document_date": record.documentDate, "document_language": record.documentLanguage,
                            "document_body": record.bodyCode ?? "",
                        ],
                        lists: [
                            "tags": recommendation.tags, "addressees": record.codes, "addressed_as": record.phrases,
                            "recommended_by": record.recommenders, "themes": record.topics.themes,
                            "persons": record.topics.persons, "sdgs": record.topics.goals.map(String.init),
                        ]))
                {
                    try emit(chunk)
                }
            }
            try output.flush(to: emit)
        }
    }

    /// Writes every progress entry, oldest id first, through `emit`, a row at a time.
    public func exportProgress(_ writer: ExchangeWriter, emit: (String) throws(FollowUpError) -> Void)
        throws(FollowUpError)
    {
        try read { db in
            try emit(writer.header)
            var output = ChunkedOutput()
            try ExchangeQueries.forEachEntry(in: db) { entry in
                if let chunk = output.append(
                    writer.line([
                        "uid": entry.uid, "key": entry.key, "actor": entry.actor, "as_of": entry.asOf,
                        "status": entry.status ?? "", "response": entry.response ?? "", "note": entry.note ?? "",
                        "evidence_document": entry.evidenceDocument ?? "",
                        "evidence_paragraph": entry.evidenceParagraph ?? "",
                        "evidence_url": entry.evidenceUrl ?? "", "reported_by": entry.reporter ?? "",
                        "recorded_at": entry.recordedAt, "supersedes": entry.supersedesUID ?? "",
                    ]))
                {
                    try emit(chunk)
                }
            }
            try output.flush(to: emit)
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
        var output = ChunkedOutput()
        for row in rows {
            if let chunk = output.append(
                writer.line(
                    [
                        "key": row.key, "actor": row.actor, "status": row.status?.rawValue ?? "",
                        "status_as_of": row.statusAsOf?.description ?? "", "response": row.response?.rawValue ?? "",
                        "last_update": row.lastUpdate?.description ?? "", "due_date": row.dueDate?.description ?? "",
                        "overdue": row.isOverdue(on: asOf) ? "yes" : "no",
                    ], lists: ["through": row.through]))
            {
                try emit(chunk)
            }
        }
        try output.flush(to: emit)
    }
}

/// Lines gathered into chunks of about 64 KB before they are written: an export of millions of rows
/// makes a few hundred writes, not millions.
struct ChunkedOutput {
    private var buffer = ""
    /// A chunk, when the line made one full.
    mutating func append(_ line: String) -> String? {
        buffer += line
        guard buffer.utf8.count > 1 << 16 else { return nil }
        defer { buffer = "" }
        return buffer
    }

    mutating func flush(to emit: (String) throws(FollowUpError) -> Void) throws(FollowUpError) {
        try emit(buffer)
        buffer = ""
    }
}
