import FollowUpModel
import FollowUpStore
/// Reads progress rows of an exchange file into `ProgressRow`s or problems. Pure: no database.
struct ProgressRowParser {
    let vocabulary: TrackerVocabulary
    let today: CalendarDate
    /// The time this import records; a `recorded_at` after it is in the future.
    let now: String

    private enum Column {
        static func position(_ name: String) -> Int {
            guard let index = ExchangeColumns.progress.firstIndex(of: name) else {
                preconditionFailure("'\(name)' is not a progress column")
            }
            return index
        }
        static let uid = position("uid"), key = position("key"), actor = position("actor")
        static let asOf = position("as_of"), status = position("status"), response = position("response")
        static let note = position("note"), evidenceDocument = position("evidence_document")
        static let evidenceParagraph = position("evidence_paragraph"), evidenceUrl = position("evidence_url")
        static let reportedBy = position("reported_by"), recordedAt = position("recorded_at")
        static let supersedes = position("supersedes")
    }

    /// The row, with its problems added to `problems`; `nil` when it lacks what names its
    /// assignment (uid, key, actor), so that nothing more can be checked.
    func parse(_ record: ExchangeRecord, problems: inout ProblemList) -> ProgressRow? {
        let line = record.line
        func field(_ position: Int) -> String? {
            guard let value = record.text(at: position).map(ExchangeWriter.unguard) else { return nil }
            if let problem = FieldText.problem(in: value) {
                problems.add(line, ExchangeColumns.progress[position], problem)
                return nil
            }
            return value
        }
        let uid = field(Column.uid)
        if uid == nil { problems.add(line, "uid", "missing: every entry needs a stable id") }
        if let uid, uid.utf8.count > 64 {
            problems.add(line, "uid", "\(uid.utf8.count) bytes: an id holds at most 64")
        }
        let key = field(Column.key)
        if key == nil { problems.add(line, "key", "missing") }
        let actor = field(Column.actor)
        if actor == nil { problems.add(line, "actor", "missing") }
        var asOf: CalendarDate?
        if let text = field(Column.asOf) {
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
        let statusText = field(Column.status)
        let status = statusText.flatMap(vocabulary.status)
        if let statusText, status == nil {
            problems.add(line, "status", "unknown status '\(statusText)' in the \(vocabulary.rawValue) vocabulary")
        }
        let responseText = field(Column.response)
        let response = responseText.flatMap(vocabulary.response)
        if let responseText, response == nil {
            problems.add(
                line, "response", "unknown response '\(responseText)' in the \(vocabulary.rawValue) vocabulary")
        }
        if statusText == nil && responseText == nil {
            problems.add(line, "status", "give a status, a response, or both")
        }
        let recordedAt = field(Column.recordedAt)
        if let recordedAt {
            if !Self.isTimestamp(recordedAt) {
                problems.add(
                    line, "recorded_at", "'\(recordedAt)' is not a UTC time of the form 2021-05-31T09:30:00Z")
            } else if recordedAt > now {
                problems.add(line, "recorded_at", "\(recordedAt) is in the future")
            }
        }
        guard let uid, let key, let actor else { return nil }
        return ProgressRow(
            line: line, uid: uid, key: key, actor: actor, asOf: asOf ?? today, status: status,
            response: response, note: field(Column.note), evidenceDocument: field(Column.evidenceDocument),
            evidenceParagraph: field(Column.evidenceParagraph), evidenceUrl: field(Column.evidenceUrl),
            reportedBy: field(Column.reportedBy), recordedAt: recordedAt, supersedes: field(Column.supersedes))
    }

    /// Whether `text` is a real UTC time of the form `2021-05-31T09:30:00Z`.
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
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        return CalendarDate(String(text.prefix(10))) != nil && number(11..<13) < 24 && number(14..<16) < 60
            && number(17..<19) < 60
    }
}

/// One recommendation row, checked on its own. The document it belongs to, its addressees and
/// whether its key is new are resolved by `AppDatabase.importRecommendations`.
struct RecommendationRow {
    /// The document's metadata, for creating it when its symbol is new.
    struct NewDocument {
        var title: String
        var date: CalendarDate
        var language: Language
        var body: String?
    }

    var line: Int
    var symbol: String
    var newDocument: NewDocument?
    var key: String
    var path: String
    var kind: RecommendationKind
    var classification: Classification
    var verb: String?
    var text: String
    var language: Language?
    var dueDate: CalendarDate?
    var cycle: ReportingCycle?
    var tags: [String]
    /// Addressees as written (codes, names or aliases), each with the phrase that named it.
    var addressees: [(name: String, phrase: String?)]
    /// A Universal Periodic Review's recommending States, as written (codes or names).
    var recommenders: [String] = []
    /// Its topics (a thematic list's themes, persons and goals).
    var topics = RecommendationTopics(key: "", themes: [], persons: [], goals: [])
}

/// Reads recommendation rows of an exchange file into `RecommendationRow`s or problems. Pure.
struct RecommendationRowParser {
    let today: CalendarDate

    /// The row, with its problems added to `problems`; `nil` when it lacks its document, path
    /// or text, so that nothing more can be checked.
    func parse(_ record: ExchangeRecord, problems: inout ProblemList) -> RecommendationRow? {
        let line = record.line
        // Columns that name something (one line, no bidirectional controls, at most 200 bytes);
        // the others hold free text.
        let names: Set<String> = ["document", "key", "path", "verb", "kind", "class", "cycle", "language", "due_date"]
        func field(_ name: String) -> String? {
            guard let value = record.text(name).map(ExchangeWriter.unguard) else { return nil }
            if let problem = names.contains(name) ? FieldText.problem(inName: value) : FieldText.problem(in: value) {
                problems.add(line, name, problem)
                return nil
            }
            return value
        }
        func date(_ column: String) -> CalendarDate? {
            guard let text = field(column) else { return nil }
            guard let date = CalendarDate(text) else {
                problems.add(line, column, "'\(FieldText.excerpt(text))' is not a real date of the form YYYY-MM-DD")
                return nil
            }
            return date
        }
        func term<T: Vocabulary>(_ column: String, _ type: T.Type) -> T? {
            guard let value = field(column) else { return nil }
            guard let parsed = T(lenient: value) else {
                problems.add(
                    line, column,
                    "unknown \(T.vocabularyName) '\(FieldText.excerpt(value))': use one of "
                        + T.allRawValues.joined(separator: ", "))
                return nil
            }
            return parsed
        }
        let symbol = field("document")
        if symbol == nil { problems.add(line, "document", "missing") }
        var newDocument: RecommendationRow.NewDocument?
        let title = field("document_title")
        if let documentDate = date("document_date") {
            if documentDate > today {
                problems.add(line, "document_date", "\(documentDate) is in the future")
            } else if let title {
                newDocument = RecommendationRow.NewDocument(
                    title: title, date: documentDate, language: term("document_language", Language.self) ?? .en,
                    body: field("document_body"))
            }
        }
        let path = field("path")
        if path == nil { problems.add(line, "path", "missing") }
        let text = field("text")
        if text == nil { problems.add(line, "text", "missing") }
        let kind = term("kind", RecommendationKind.self) ?? .recommendation
        let classification = term("class", Classification.self) ?? .actionable
        let cycle = term("cycle", ReportingCycle.self)
        let language = term("language", Language.self)
        let dueDate = date("due_date")
        let verb = field("verb")
        let phrases = record.list("addressed_as")
        let named = record.list("addressees")
        if !phrases.isEmpty && phrases.count != named.count {
            problems.add(
                line, "addressed_as",
                "\(phrases.count) phrases for \(named.count) addressees: give one phrase per addressee, in the same order, or none"
            )
        }
        var addressees: [(name: String, phrase: String?)] = []
        for (index, name) in named.enumerated() {
            guard let trimmed = ExchangeRecord.trimmed(name) else { continue }
            if let problem = FieldText.problem(inName: trimmed) {
                problems.add(line, "addressees", problem)
                continue
            }
            let phrase = index < phrases.count && !phrases[index].isEmpty ? phrases[index] : nil
            addressees.append((trimmed, phrase))
        }
        let tags = record.list("tags")
        let recommenders = record.list("recommended_by").compactMap(ExchangeRecord.trimmed)
        let themes = record.list("themes").compactMap(ExchangeRecord.trimmed)
        let persons = record.list("persons").compactMap(ExchangeRecord.trimmed)
        var goals: [Int] = []
        for value in record.list("sdgs").compactMap(ExchangeRecord.trimmed) {
            if let goal = Int(value), (1...17).contains(goal) {
                goals.append(goal)
            } else {
                problems.add(
                    line, "sdgs", "'\(FieldText.excerpt(value))' is no Sustainable Development Goal: give 1 to 17")
            }
        }
        for (column, values) in [
            ("tags", tags), ("addressed_as", phrases), ("recommended_by", recommenders), ("themes", themes),
            ("persons", persons),
        ] {
            for value in values {
                if let problem = FieldText.problem(inName: value) { problems.add(line, column, problem) }
            }
        }
        guard let symbol, let path, let text else { return nil }
        let key = field("key") ?? "\(symbol) \(path)"
        var row = RecommendationRow(
            line: line, symbol: symbol, newDocument: newDocument, key: key,
            path: path, kind: kind, classification: classification, verb: verb, text: text, language: language,
            dueDate: dueDate, cycle: cycle, tags: tags, addressees: addressees)
        row.recommenders = recommenders
        row.topics = RecommendationTopics(key: key, themes: themes, persons: persons, goals: goals.sorted())
        return row
    }
}
