import FollowUpModel
import Foundation
import GRDB

/// What the exchange slice reads and writes, as typed operations: its files never hold SQL.
package enum ExchangeQueries {
    /// A recommendation as an export writes it: the row, its document, its addressees' codes and
    /// the phrases that named them (in code order).
    package struct RecommendationRecord {
        package var recommendation: Recommendation
        package var symbol: String
        package var documentTitle: String
        package var documentDate: String
        package var documentLanguage: String
        package var bodyCode: String?
        package var codes: [String]
        package var phrases: [String]
        /// A review's recommending States, by code.
        package var recommenders: [String]
        package var topics: RecommendationTopics
    }

    /// Every recommendation, in document order, one at a time.
    package static func forEachRecommendation(in db: Database, _ body: (RecommendationRecord) throws -> Void) throws {
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT r.*, d.symbol, d.title AS documentTitle, d.date AS documentDate, d.language AS documentLanguage,
                  b.code AS bodyCode,
                  (SELECT json_group_array(code) FROM (SELECT a.code FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                    WHERE ad.recommendationId = r.id ORDER BY a.code)) AS codes,
                  (SELECT json_group_array(phrase) FROM (SELECT ad.phrase FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                    WHERE ad.recommendationId = r.id ORDER BY a.code)) AS phrases,
                  (SELECT json_group_array(code) FROM (SELECT a.code FROM recommendingState rs
                    JOIN addressee a ON a.id = rs.stateId WHERE rs.recommendationId = r.id ORDER BY a.code)) AS recommenders,
                  (SELECT json_group_array(scheme || ':' || value) FROM (SELECT scheme, value FROM recommendationTopic
                    WHERE recommendationId = r.id ORDER BY scheme, value)) AS topics
                FROM recommendation r JOIN document d ON d.id = r.documentId LEFT JOIN addressee b ON b.id = d.bodyId
                ORDER BY d.date, d.symbol, r.position
                """)
        while let row = try cursor.next() {
            func list(_ column: String) -> [String] {
                let json: String = row[column] ?? "[]"
                return (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []
            }
            func topics(_ values: [String]) -> RecommendationTopics {
                var topics = RecommendationTopics(key: row["key"], themes: [], persons: [], goals: [])
                for value in values {
                    let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { continue }
                    switch parts[0] {
                    case "theme": topics.themes.append(parts[1])
                    case "persons": topics.persons.append(parts[1])
                    default: if let goal = Int(parts[1]) { topics.goals.append(goal) }
                    }
                }
                topics.goals.sort()
                return topics
            }
            try body(
                RecommendationRecord(
                    recommendation: try Recommendation(row: row), symbol: row["symbol"],
                    documentTitle: row["documentTitle"], documentDate: row["documentDate"],
                    documentLanguage: row["documentLanguage"], bodyCode: row["bodyCode"], codes: list("codes"),
                    phrases: list("phrases"), recommenders: list("recommenders"), topics: topics(list("topics"))))
        }
    }

    /// A progress entry as an export writes it: its columns, with names for ids.
    package struct EntryRecord {
        package var uid: String
        package var key: String
        package var actor: String
        package var asOf: String
        package var status: String?
        package var response: String?
        package var note: String?
        package var evidenceDocument: String?
        package var evidenceParagraph: String?
        package var evidenceUrl: String?
        package var reporter: String?
        package var recordedAt: String
        package var supersedesUID: String?
    }

    /// Every progress entry, oldest id first, one at a time.
    package static func forEachEntry(in db: Database, _ body: (EntryRecord) throws -> Void) throws {
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT pe.*, r.key, a.code AS actor, b.code AS reporter, s2.uid AS supersedesUid
                FROM progressEntry pe JOIN assignment s ON s.id = pe.assignmentId
                JOIN recommendation r ON r.id = s.recommendationId JOIN addressee a ON a.id = s.addresseeId
                LEFT JOIN addressee b ON b.id = pe.reportedById LEFT JOIN progressEntry s2 ON s2.id = pe.supersedesId
                ORDER BY pe.id
                """)
        while let row = try cursor.next() {
            try body(
                EntryRecord(
                    uid: row["uid"], key: row["key"], actor: row["actor"], asOf: row["asOf"], status: row["status"],
                    response: row["response"], note: row["note"], evidenceDocument: row["evidenceDocument"],
                    evidenceParagraph: row["evidenceParagraph"], evidenceUrl: row["evidenceUrl"],
                    reporter: row["reporter"], recordedAt: row["recordedAt"], supersedesUID: row["supersedesUid"]))
        }
    }

    /// The number of assignments.
    package static func assignmentCount(in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0
    }

    /// The document with this exact symbol, if any.
    package static func document(_ symbol: String, in db: Database) throws -> Document? {
        try Document.filter(Document.Columns.symbol == symbol).fetchOne(db)
    }

    /// Inserts `document`, new, and marks it for the record journal.
    package static func create(_ document: inout Document, in db: Database) throws {
        try document.insert(db)
        if let id = document.id { try Journal.touch(document: id, in: db) }
    }
}
