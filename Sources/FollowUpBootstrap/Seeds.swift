import FollowUpSeeds
import FollowUpModel
import FollowUpStore
import FollowUpImport
import FollowUpExchange
import FollowUpReference

/// What loading the bundled seed documents and progress did.
public struct SeedSummary: Codable, Sendable {
    /// One import result per seed document.
    public var documents: [ImportResult]
    /// Progress entries added (0 when they were loaded before).
    public var progressAdded: Int
}

extension AppDatabase {
    /// Whether any of the bundled seed documents is in the database.
    func holdsSeedDocuments() throws(FollowUpError) -> Bool {
        let documents = try CSVTable(bytes: SeedFiles.documents, source: "Seeds/documents.csv")
        var symbols: [String] = []
        for record in documents.records { symbols.append(try documents.value("symbol", in: record)) }
        return try holdsDocuments(symbols)
    }

    /// Imports the bundled seed documents and the progress curated from the Secretary-General's
    /// report; safe to repeat (unchanged documents and known entries are skipped).
    ///
    /// The documents are those of `Seeds/documents.csv`; the progress is `Seeds/progress.csv`,
    /// each entry citing the paragraph of the report that evidences it (see `docs/seeds.md`).
    @discardableResult
    public func loadSeeds(clock: any FollowUpClock) throws(FollowUpError) -> SeedSummary {
        let documents = try CSVTable(bytes: SeedFiles.documents, source: "Seeds/documents.csv")
        var results: [ImportResult] = []
        for record in documents.records {
            let file = try documents.value("file", in: record)
            guard let bytes = SeedFiles.documentText(file), let text = String(validating: bytes, as: UTF8.self) else {
                throw .invalidInput(
                    source: "Seeds/documents.csv", line: record.line, field: "file", reason: "no seed file '\(file)'")
            }
            let dateText = try documents.value("date", in: record)
            let plan = try planImport(
                text: text,
                options: ImportOptions(
                    symbol: try documents.value("symbol", in: record), title: try documents.value("title", in: record),
                    date: CalendarDate(dateText),
                    language: Language(rawValue: try documents.value("language", in: record)),
                    body: try documents.value("body", in: record), sourceName: "Seeds/" + file))
            results.append(try importDocument(plan))
        }
        let progress = try CSVTable(bytes: SeedFiles.progress, source: "Seeds/progress.csv")
        let recordedAt = Timestamp.string(from: clock.now())
        let added = try write { db -> Int in
            var added = 0
            for record in progress.records {
                func field(_ name: String) throws(FollowUpError) -> String? {
                    let value = try progress.value(name, in: record)
                    return value.isEmpty ? nil : value
                }
                let uid = "seed-" + SHA256.hex(Array(record.fields.joined(separator: "\u{1F}").utf8)).prefix(24)
                if try Self.entryExists(uid: uid, in: db) { continue }
                func invalid(_ column: String, _ value: String?) -> FollowUpError {
                    .invalidInput(
                        source: "Seeds/progress.csv", line: record.line, field: column,
                        reason: "invalid value '\(value ?? "")'")
                }
                let statusText = try field("status")
                let responseText = try field("response")
                let asOfText = try field("as_of")
                guard let asOf = asOfText.flatMap(CalendarDate.init) else { throw invalid("as_of", asOfText) }
                let status = try statusText.map { text throws(FollowUpError) in
                    guard let value = ImplementationStatus(rawValue: text) else { throw invalid("status", text) }
                    return value
                }
                let response = try responseText.map { text throws(FollowUpError) in
                    guard let value = Response(rawValue: text) else { throw invalid("response", text) }
                    return value
                }
                let update = ProgressUpdate(
                    key: try field("key") ?? "", actor: try field("actor") ?? "", status: status, response: response,
                    asOf: asOf, note: try field("note"),
                    evidence: EvidenceReference(
                        document: try field("evidence_document"), paragraph: try field("evidence_paragraph")),
                    reportedBy: try field("reported_by"))
                do {
                    _ = try Self.appendEntry(
                        update, asOf: asOf, today: asOf, uid: uid, recordedAt: recordedAt, in: db)
                } catch let error as FollowUpError {
                    throw FollowUpError.invalidInput(
                        source: "Seeds/progress.csv", line: record.line, field: nil, reason: error.message)
                }
                added += 1
            }
            return added
        }
        return SeedSummary(documents: results, progressAdded: added)
    }
}
