import GRDB
import FollowUpModel

/// The folded copy of every recommendation's key and text that search reads
/// (`recommendationFolded`, an FTS5 trigram index): folded by `TextNormalization.searchFold`, so
/// that traditional and simplified Chinese, case, accents and full-width forms match alike on both
/// sides. SQLite cannot fold Chinese itself, so every writer of a recommendation keeps it here.
enum SearchIndex {
    /// The folded text indexed for a recommendation.
    static func folded(key: String, text: String) -> String {
        TextNormalization.searchFold(key + " " + text)
    }

    /// Indexes (or re-indexes) recommendation `id`.
    static func index(_ id: Int64, key: String, text: String, in db: Database) throws {
        try remove(id, in: db)
        try db.execute(
            sql: "INSERT INTO recommendationFolded(rowid, text) VALUES (?, ?)",
            arguments: [id, folded(key: key, text: text)])
    }

    /// Removes recommendation `id` from the index.
    static func remove(_ id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM recommendationFolded WHERE rowid = ?", arguments: [id])
    }

    /// Indexes every recommendation (migration v4).
    static func rebuild(in db: Database) throws {
        try db.execute(sql: "DELETE FROM recommendationFolded")
        let insert = try db.makeStatement(sql: "INSERT INTO recommendationFolded(rowid, text) VALUES (?, ?)")
        for row in try Row.fetchAll(db, sql: "SELECT id, key, text FROM recommendation") {
            try insert.execute(arguments: [row["id"] as Int64, folded(key: row["key"], text: row["text"])])
        }
    }
}
