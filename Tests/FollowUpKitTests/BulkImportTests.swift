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

/// The bulk paths of `import recommendations` and `import progress`: statements that insert many
/// rows at once, triggers suspended and put back, the search index filled at the end. What they write must
/// be what the row-by-row paths write, and a refused file must leave nothing behind.
@Suite("Bulk imports")
struct BulkImportTests {
    func reader(_ csv: String, progress: Bool = false) -> RecordReader {
        RecordReader(
            source: ByteStream(bytes: Array(csv.utf8)), format: .csv, sourceName: "bulk.csv",
            columns: progress ? ExchangeColumns.progress : ExchangeColumns.recommendations,
            listColumns: progress ? ExchangeColumns.progressLists : ExchangeColumns.recommendationLists)
    }

    let today = CalendarDate("2026-01-01")!

    @Test("recommendations: searchable, groups bound as on the document's date, the same file again changes nothing")
    func recommendations() throws {
        let database = try TestDatabase.withDocument()
        var csv = reader(
            """
            key,document,path,class,text,addressees
            TEST/1 ¶1,TEST/1,¶1,actionable,Extend broadband to rural schools,KEN
            TEST/1 ¶2,TEST/1,¶2,actionable,Invites the least developed countries to report,LDC
            TEST/1 ¶3,TEST/1,¶3,declaratory,Recalls its earlier resolutions,GA

            """)
        let result = try database.importRecommendations(&csv, today: today)
        #expect(result.added == 3)
        try database.read { db in
            let members = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT m.memberId) FROM groupMembership m JOIN addressee g ON g.id = m.groupId
                    WHERE g.code = 'LDC' AND (m.startDate IS NULL OR m.startDate <= '2020-06-12')
                      AND (m.endDate IS NULL OR m.endDate > '2020-06-12')
                    """)
            let bound = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM assignment s JOIN recommendation r ON r.id = s.recommendationId
                    WHERE r.key = 'TEST/1 ¶2'
                    """)
            #expect(members ?? 0 > 40)
            #expect(bound == members)
            // Declaratory: addressed, binding nobody.
            #expect(
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM assignment s JOIN recommendation r ON r.id = s.recommendationId WHERE r.key = 'TEST/1 ¶3'"
                ) == 0)
            // The search index holds the new rows, folded.
            #expect(
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT r.key FROM recommendationFolded f JOIN recommendation r ON r.id = f.rowid
                        WHERE recommendationFolded MATCH 'broadband' ORDER BY r.key
                        """) == ["TEST/1 ¶1"])
        }
        #expect(try database.search("rural schools").hits.map(\.key) == ["TEST/1 ¶1"])
        // Importing the same file again changes nothing.
        let before = try database.contentDump()
        var again = reader(
            """
            key,document,path,class,text,addressees
            TEST/1 ¶1,TEST/1,¶1,actionable,Extend broadband to rural schools,KEN

            """)
        #expect(try database.importRecommendations(&again, today: today).unchanged == 1)
        #expect(try database.contentDump() == before)
    }

    @Test("recommendations: a refused file leaves the database as it was")
    func refusedRecommendations() throws {
        let database = try TestDatabase.withDocument()
        let before = try database.contentDump()
        var csv = reader(
            """
            key,document,path,class,text,addressees
            TEST/1 ¶1,TEST/1,¶1,actionable,Extend broadband to rural schools,KEN
            TEST/1 ¶2,TEST/1,¶1,actionable,The same paragraph under another key,KEN
            TEST/1 ¶3,TEST/1,¶3,actionable,An unknown actor,NOWHERE

            """)
        #expect(throws: FollowUpError.self) { try database.importRecommendations(&csv, today: today) }
        #expect(try database.contentDump() == before)
    }

    @Test("progress: entries in batches chain and cache exactly as one at a time, duplicates caught")
    func progress() throws {
        let database = try TestDatabase.withDocument()
        var recommendations = reader(
            """
            key,document,path,class,text,addressees
            TEST/1 ¶1,TEST/1,¶1,actionable,Extend broadband to rural schools,KEN|UGA

            """)
        _ = try database.importRecommendations(&recommendations, today: today)
        // More rows than one batch, with a correction that supersedes an entry of the same batch.
        var csv = "uid,key,actor,as_of,status,recorded_at,supersedes\n"
        for number in 1...600 {
            let actor = number % 2 == 0 ? "KEN" : "UGA"
            csv +=
                "e\(number),TEST/1 ¶1,\(actor),2021-01-\(String(format: "%02d", number % 28 + 1)),in-progress,2026-01-01T00:00:00Z,\n"
        }
        csv += "fix,TEST/1 ¶1,KEN,2021-02-01,implemented,2026-01-01T00:00:00Z,e600\n"
        var entries = reader(csv, progress: true)
        let result = try database.importProgress(
            &entries, vocabulary: .followup, today: today, recordedAt: "2026-01-01T00:00:00Z")
        #expect(result.added == 601)
        let report = try database.check()
        #expect(report.problems.isEmpty, "\(report.problems.map(\.detail))")
        // The same file again: every row unchanged, nothing written.
        let before = try database.contentDump()
        var again = reader(csv, progress: true)
        #expect(
            try database.importProgress(&again, vocabulary: .followup, today: today, recordedAt: "2026-01-01T00:00:00Z")
                .unchanged == 601)
        #expect(try database.contentDump() == before)
        // A uid twice in one file, within one batch: refused, nothing written.
        var twice = reader(
            """
            uid,key,actor,as_of,status,recorded_at,supersedes
            n1,TEST/1 ¶1,KEN,2021-03-01,planned,2026-01-01T00:00:00Z,
            n1,TEST/1 ¶1,KEN,2021-03-02,planned,2026-01-01T00:00:00Z,

            """, progress: true)
        #expect(throws: FollowUpError.self) {
            try database.importProgress(&twice, vocabulary: .followup, today: today, recordedAt: "2026-01-01T00:00:00Z")
        }
        #expect(try database.contentDump() == before)
    }
}
