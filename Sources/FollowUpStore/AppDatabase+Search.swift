import Foundation
import GRDB
import FollowUpModel

extension AppDatabase {
    /// Up to this many matches are ranked, best first; beyond, the latest imported come first.
    public static let rankedSearchLimit = SearchResults.rankedLimit

    /// The most words one search may hold: each is a condition all results must meet.
    public static let maximumSearchTerms = 32

    /// Recommendations whose text contains every word of `text`, best matches first.
    ///
    /// Matching is by substring, so Chinese needs no word breaks (`数字鸿沟` finds 弥合数字鸿沟);
    /// both sides are folded (`SearchIndex`), so simplified finds traditional and back, and case,
    /// accents and full-width forms do not matter. Terms of three characters or more use the full-text index
    /// (FTS5 trigrams); shorter ones fall back to a scan. When more than ``rankedSearchLimit``
    /// recommendations match, the hits are the most recently imported ones, newest first:
    /// ranking 20,000 matches by bm25 took 35 ms, five times the search itself, for an order that
    /// says little when a word is that common.
    public func search(_ text: String, limit: Int = 50) throws(FollowUpError) -> SearchResults {
        let terms = Self.searchTerms(text)
        guard !terms.isEmpty else {
            throw .invalidArgument(field: "query", reason: "give some text to search for")
        }
        guard terms.count <= Self.maximumSearchTerms else {
            throw .invalidArgument(
                field: "query",
                reason:
                    "\(terms.count) words: a search takes at most \(Self.maximumSearchTerms), all of which must appear")
        }
        guard (1...10_000).contains(limit) else {
            throw .invalidArgument(
                field: "limit", reason: "is a number of results from 1 to 10000: \(limit) is out of range")
        }
        return try read { db in
            let match = try Self.textMatch(text)
            // How many match, counted no further than the limit of ranking.
            let ranked =
                try match.usesIndex
                && (Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM (SELECT 1 FROM recommendationFolded WHERE recommendationFolded MATCH :match
                          LIMIT \(Self.rankedSearchLimit + 1))
                        """, arguments: match.arguments) ?? 0) <= Self.rankedSearchLimit
            // One full-text query, ranked by bm25 (or newest first when too many match); short
            // terms fall back to a scan in document order.
            let sql =
                match.usesIndex
                ? """
                SELECT r.key, r.classification, r.text, d.symbol FROM recommendationFolded f
                JOIN recommendation r ON r.id = f.rowid JOIN document d ON d.id = r.documentId
                WHERE recommendationFolded MATCH :match
                ORDER BY \(ranked ? "f.rank, d.date, d.symbol, r.position" : "f.rowid DESC") LIMIT :limit
                """
                : """
                SELECT r.key, r.classification, r.text, d.symbol FROM recommendation r
                JOIN document d ON d.id = r.documentId
                WHERE \(match.sql) ORDER BY d.date, d.symbol, r.position LIMIT :limit
                """
            // One row past the limit says whether there are more.
            let rows = try Row.fetchAll(db, sql: sql, arguments: match.arguments + ["limit": limit + 1])
            let hits = rows.prefix(limit).map { row in
                let body: String = row["text"]
                return SearchHit(
                    key: row["key"], document: row["symbol"], classification: row["classification"],
                    snippet: Self.snippet(of: body, around: terms[0]), text: body)
            }
            return SearchResults(
                hits: hits, order: !match.usesIndex ? .documentOrder : ranked ? .relevance : .newestFirst,
                more: rows.count > limit)
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

    /// Removes recommendation `id` from the search index (for the slices, which do not see it).
    static func removeFromSearch(_ id: Int64, in db: Database) throws { try SearchIndex.remove(id, in: db) }

    /// A condition on recommendation alias `r` that its folded key and text contain every term of
    /// `text`, folded the same way (`SearchIndex`).
    private static func textMatch(_ text: String) throws -> (
        sql: String, arguments: StatementArguments, usesIndex: Bool
    ) {
        let terms = searchTerms(TextNormalization.searchFold(text))
        guard !terms.isEmpty else {
            throw FollowUpError.invalidArgument(field: "search", reason: "give some text to search for")
        }
        if terms.allSatisfy({ $0.count >= 3 }) {
            let query = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                .joined(separator: " AND ")
            return (
                "r.id IN (SELECT rowid FROM recommendationFolded WHERE recommendationFolded MATCH :match)",
                ["match": query], true
            )
        }
        var conditions: [String] = []
        var arguments: StatementArguments = [:]
        for (index, term) in terms.enumerated() {
            conditions.append("r.id IN (SELECT rowid FROM recommendationFolded WHERE instr(text, :term\(index)))")
            arguments += ["term\(index)": term]
        }
        return ("(" + conditions.joined(separator: " AND ") + ")", arguments, false)
    }

    /// About 30 characters either side of the first occurrence of `term`.
    static func snippet(of text: String, around term: String) -> String {
        // Found in the text as simplified character by character (which keeps every position), so
        // that a simplified query marks the traditional words it found.
        let simplified = String(text.map { TextNormalization.simplified[$0] ?? $0 })
        let folded = String(term.map { TextNormalization.simplified[$0] ?? $0 })
        guard
            let found = simplified.range(
                of: folded, options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive])
        else {
            return String(text.prefix(60))
        }
        let lower = simplified.distance(from: simplified.startIndex, to: found.lowerBound)
        let length = simplified.distance(from: found.lowerBound, to: found.upperBound)
        let start0 = text.index(text.startIndex, offsetBy: lower)
        let range = start0..<text.index(start0, offsetBy: length)
        let start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        return (start > text.startIndex ? "…" : "") + text[start..<range.lowerBound] + "[" + text[range]
            + "]" + text[range.upperBound..<end] + (end < text.endIndex ? "…" : "")
    }
}
