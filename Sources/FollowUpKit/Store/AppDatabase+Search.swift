import Foundation
import GRDB

extension AppDatabase {
    /// Recommendations whose text contains every word of `text`, best matches first.
    ///
    /// Matching is by substring, so Chinese needs no word breaks (`数字鸿沟` finds 弥合数字鸿沟)
    /// and English ignores case. Terms of three characters or more use the full-text index
    /// (FTS5 trigrams); shorter ones fall back to a scan.
    public func search(_ text: String, limit: Int = 50) throws(FollowUpError) -> [SearchHit] {
        let terms = Self.searchTerms(text)
        guard !terms.isEmpty else {
            throw .invalidArgument(field: "query", reason: "give some text to search for")
        }
        return try read { db in
            let match = try Self.textMatch(text)
            // One full-text query, ranked by bm25; short terms fall back to a scan in document order.
            let sql =
                match.usesIndex
                ? """
                SELECT r.key, r.classification, r.text, d.symbol FROM recommendationText f
                JOIN recommendation r ON r.id = f.rowid JOIN document d ON d.id = r.documentId
                WHERE recommendationText MATCH :match
                ORDER BY f.rank, d.date, d.symbol, r.position LIMIT :limit
                """
                : """
                SELECT r.key, r.classification, r.text, d.symbol FROM recommendation r
                JOIN document d ON d.id = r.documentId
                WHERE \(match.sql) ORDER BY d.date, d.symbol, r.position LIMIT :limit
                """
            let rows = try Row.fetchAll(db, sql: sql, arguments: match.arguments + ["limit": limit])
            return rows.map { row in
                let body: String = row["text"]
                return SearchHit(
                    key: row["key"], document: row["symbol"], classification: row["classification"],
                    snippet: Self.snippet(of: body, around: terms[0]), text: body)
            }
        }
    }

    static func searchTerms(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    }

    /// The ids of the recommendations whose text contains every term of `text`.
    static func recommendationIds(matching text: String, in db: Database) throws -> [Int64] {
        let match = try textMatch(text)
        return try Int64.fetchAll(
            db, sql: "SELECT r.id FROM recommendation r WHERE \(match.sql)", arguments: match.arguments)
    }

    /// A condition on recommendation alias `r` that its text contains every term of `text`.
    private static func textMatch(_ text: String) throws -> (
        sql: String, arguments: StatementArguments, usesIndex: Bool
    ) {
        let terms = searchTerms(text)
        guard !terms.isEmpty else {
            throw FollowUpError.invalidArgument(field: "search", reason: "give some text to search for")
        }
        if terms.allSatisfy({ $0.count >= 3 }) {
            let query = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " AND ")
            return (
                "r.id IN (SELECT rowid FROM recommendationText WHERE recommendationText MATCH :match)",
                ["match": query], true
            )
        }
        var conditions: [String] = []
        var arguments: StatementArguments = [:]
        for (index, term) in terms.enumerated() {
            conditions.append("instr(lower(r.text), lower(:term\(index)))")
            arguments += ["term\(index)": term]
        }
        return ("(" + conditions.joined(separator: " AND ") + ")", arguments, false)
    }

    /// About 30 characters either side of the first occurrence of `term`.
    static func snippet(of text: String, around term: String) -> String {
        guard let range = text.range(of: term, options: [.caseInsensitive]) else {
            return String(text.prefix(60))
        }
        let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        return (start > text.startIndex ? "…" : "") + text[start..<range.lowerBound] + "[" + text[range]
            + "]" + text[range.upperBound..<end] + (end < text.endIndex ? "…" : "")
    }
}
