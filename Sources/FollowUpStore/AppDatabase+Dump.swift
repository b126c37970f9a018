import GRDB
import FollowUpModel

extension AppDatabase {
    /// The schema as SQLite stores it: every `CREATE` statement in creation order, without
    /// SQLite's and GRDB's own tables. `Schema/schema.sql` holds this text for the current version.
    public func schemaSQL() throws(FollowUpError) -> String {
        try read { db in
            let statements = try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_schema
                    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    ORDER BY rowid
                    """)
            return statements.map { $0 + ";\n" }.joined(separator: "\n")
        }
    }

    /// A SHA-256 of ``contentDump()``: equal exactly when the content is.
    public func contentFingerprint() throws(FollowUpError) -> String {
        SHA256.hex(Array(try contentDump().utf8))
    }

    /// Every row of every table as text, in a stable order: two dumps are equal exactly when the
    /// database holds the same content.
    public func contentDump() throws(FollowUpError) -> String {
        final class Sink: TextOutputStream {
            var text = ""
            func write(_ string: String) { text += string }
        }
        return try attempt {
            let sink = Sink()
            try writer.dumpContent(format: .debug(), to: sink)
            return sink.text
        }
    }
}
