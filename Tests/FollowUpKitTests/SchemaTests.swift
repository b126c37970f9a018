import Foundation
import GRDB
import Testing
@testable import FollowUpKit
@testable import FollowUpModel
@testable import FollowUpStore
@testable import FollowUpImport
@testable import FollowUpExchange
@testable import FollowUpReports
@testable import FollowUpReference
@testable import FollowUpBootstrap
@testable import FollowUpRendering
import FollowUpTestSupport

@Suite("Schema")
struct SchemaTests {
    static let schemaFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schema/schema.sql")

    @Test("Schema/schema.sql is the migrated schema (FOLLOWUP_UPDATE_SCHEMA=1 rewrites it)")
    func schemaFileMatches() throws {
        let actual =
            "-- The FollowUp schema after every migration, dumped from sqlite_schema.\n"
            + "-- Generated: run `FOLLOWUP_UPDATE_SCHEMA=1 swift test --filter SchemaTests` after adding a migration.\n\n"
            + (try AppDatabase.inMemory().schemaSQL())
        if ProcessInfo.processInfo.environment["FOLLOWUP_UPDATE_SCHEMA"] == "1" {
            try actual.write(to: Self.schemaFile, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.schemaFile, encoding: .utf8)
        #expect(committed == actual, "Schema/schema.sql is stale: regenerate it with FOLLOWUP_UPDATE_SCHEMA=1")
    }

    @Test("migrating twice applies nothing the second time")
    func migrateTwice() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.migrate().isEmpty)
        #expect(try database.appliedMigrations() == Schema.knownMigrations)
    }

    @Test("a database written by a newer version is refused")
    func newerDatabaseRefused() throws {
        let folder = TemporaryFolder()
        let path = folder.file("newer.sqlite")
        let database = try AppDatabase.open(path: path, create: true)
        try database.migrate()
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')")
        }
        let reopened = try AppDatabase.open(path: path)
        #expect(throws: FollowUpError.databaseTooNew(path: path, unknownMigrations: ["v99-future"])) {
            try reopened.requireCurrentSchema()
        }
        #expect(throws: FollowUpError.databaseTooNew(path: path, unknownMigrations: ["v99-future"])) {
            try reopened.migrate()
        }
    }

    @Test("a file that is not SQLite is refused with a clear message")
    func notADatabase() throws {
        let folder = TemporaryFolder()
        let path = folder.file("notes.txt")
        try "just some notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FollowUpError.self) { try AppDatabase.open(path: path) }
        #expect(throws: FollowUpError.databaseMissing(path: folder.file("absent.sqlite"))) {
            try AppDatabase.open(path: folder.file("absent.sqlite"))
        }
    }

    /// A database with one recorded entry, and that entry's id.
    func databaseWithEntry() throws -> (AppDatabase, Int64) {
        let database = try TestDatabase.withDocument()
        try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶1", text: "请秘书长每年提交报告。", addressees: [("SG", "秘书长")]))
        let recorded = try database.recordProgress(
            ProgressUpdate(key: "TEST/1 ¶1", actor: "SG", status: .inProgress), clock: testClock, uid: "u1")
        return (database, recorded.entry.id)
    }

    @Test(
        "SQL cannot edit or delete a progress entry",
        arguments: [
            "UPDATE progressEntry SET status = 'implemented'",
            "UPDATE progressEntry SET note = 'rewritten'",
            "DELETE FROM progressEntry",
        ])
    func progressLogIsAppendOnly(sql: String) throws {
        let (database, _) = try databaseWithEntry()
        let before = try database.contentDump()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: sql) }
        }
        #expect(try database.contentDump() == before)
    }

    @Test(
        "the schema refuses impossible values",
        arguments: [
            "INSERT INTO progressEntry(uid, assignmentId, asOf, status, recordedAt) VALUES ('x', 1, '2021-02-30', 'planned', '2026-01-01T00:00:00Z')",
            "INSERT INTO progressEntry(uid, assignmentId, asOf, status, recordedAt) VALUES ('x', 1, '2021-02-28', 'done', '2026-01-01T00:00:00Z')",
            "INSERT INTO progressEntry(uid, assignmentId, asOf, recordedAt) VALUES ('x', 1, '2021-02-28', '2026-01-01T00:00:00Z')",
            "INSERT INTO progressEntry(uid, assignmentId, asOf, status, recordedAt) VALUES ('x', 999, '2021-02-28', 'planned', '2026-01-01T00:00:00Z')",
            "INSERT INTO document(symbol, title, date, language) VALUES ('X/1', 'T', '2020-6-1', 'zh')",
            "INSERT INTO document(symbol, title, date, language) VALUES ('X/1', 'T', '2020-06-01', 'de')",
            "INSERT INTO addressee(code, kind, nameEn, nameZh) VALUES ('XX', 'state', 'X', 'X')",
            "INSERT INTO recommendation(key, documentId, path, position, kind, classification, text, language, tags) VALUES ('k', 1, 'p', 1, 'recommendation', 'urgent', 't', 'zh', '[]')",
            "INSERT INTO recommendation(key, documentId, path, position, kind, classification, text, language, tags) VALUES ('k', 1, 'p', 1, 'recommendation', 'actionable', 't', 'zh', 'not json')",
        ])
    func schemaRefusesBadRows(sql: String) throws {
        let (database, _) = try databaseWithEntry()
        let before = try database.contentDump()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: sql) }
        }
        #expect(try database.contentDump() == before)
    }
}
