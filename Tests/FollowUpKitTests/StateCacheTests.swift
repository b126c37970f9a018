import Foundation
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

/// The cached current status must always agree with the log it is derived from.
@Suite("Status cache")
struct StateCacheTests {
    /// The seeds, plus entries recorded out of date order and corrections.
    static func database() throws -> AppDatabase {
        let database = try TestDatabase.withReference()
        try database.loadSeeds(clock: testClock)
        var random = SplitMix(seed: 20_201_231)
        let keys = ["E/2020/31 DR-II (a)(v)", "E/2020/31 DR-II (a)(xxviii)", "E/2020/31 DR-I ¶49"]
        let actors = ["ETH", "KEN", "UGA", "BTN", "CHN"]
        var ids: [String: Int64] = [:]
        for index in 0..<120 {
            let key = keys[index % keys.count]
            let actor = actors[Int.random(in: 0..<actors.count, using: &random)]
            let asOf = CalendarDate(
                year: 2020 + Int.random(in: 0...6, using: &random), month: Int.random(in: 1...12, using: &random),
                day: 1)!
            let corrects = index % 7 == 0 ? ids["\(key)|\(actor)"] : nil
            let recorded = try database.recordProgress(
                ProgressUpdate(
                    key: key, actor: actor,
                    status: index % 5 == 0 ? nil : ImplementationStatus.allCases.randomElement(using: &random),
                    response: index % 5 == 0 || index % 3 == 0 ? Response.allCases.randomElement(using: &random) : nil,
                    // After the document's adoption (2020-06-12), never after today.
                    asOf: max(min(asOf, testToday), CalendarDate(year: 2020, month: 7, day: 1)!),
                    supersedes: corrects),
                clock: testClock, uid: "u\(index)")
            ids["\(key)|\(actor)"] = recorded.entry.id
        }
        return database
    }

    @Test("reports and listings read the same from the cache and from the log")
    func cacheAgreesWithLog() throws {
        let database = try Self.database()
        for code in ["ETH", "KEN", "UGA", "BTN", "CHN", "SG", "UNCTAD"] {
            let cached = try database.countryReport(code, asOf: testToday)
            let logged = try AssignmentQueries.$readFromLog.withValue(true) {
                try database.countryReport(code, asOf: testToday)
            }
            #expect(cached.rows == logged.rows, "\(code)")
        }
        let cached = try database.documentReport("E/2020/31", asOf: testToday)
        let logged = try AssignmentQueries.$readFromLog.withValue(true) {
            try database.documentReport("E/2020/31", asOf: testToday)
        }
        #expect(cached.tally == logged.tally)
        #expect(cached.items.map(\.tally) == logged.items.map(\.tally))
        let filter = RecommendationFilter(actor: "ETH", asOf: testToday)
        #expect(
            try database.recommendations(filter)
                == AssignmentQueries.$readFromLog.withValue(true) { try database.recommendations(filter) })
        for status in ImplementationStatus.allCases.map(StatusFilter.status) + [.unreported] {
            let filter = RecommendationFilter(document: "E/2020/31", status: status, asOf: testToday)
            #expect(
                try database.recommendations(filter).map(\.key)
                    == AssignmentQueries.$readFromLog.withValue(true) {
                        try database.recommendations(filter).map(\.key)
                    })
        }
    }

    @Test("a database written by schema v1 upgrades in place with its data and statuses intact")
    func upgradeFromVersionOne() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/schema-v1-core.sqlite")
        let folder = TemporaryFolder()
        let path = folder.file("v1.sqlite")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let database = try AppDatabase.open(path: path)
        #expect(throws: FollowUpError.databaseNeedsUpgrade(path: path)) { try database.requireCurrentSchema() }
        let before = try database.contentDump()
        #expect(
            try database.migrate() == [
                "v2-assignment-state", "v3-log-chain", "v4-folded-search", "v5-curation", "v6-accounts-review",
                "v7-api-tokens", "v8-reminders", "v9-one-search-index", "v10-territories", "v11-journal",
                "v12-periodic-review", "v13-official-language-names",
            ])
        try database.requireCurrentSchema()
        // Every v1 row is still there, in every table but the search index v9 drops (whose
        // definition and rows were the schema's and the recommendations' own).
        let after = try database.contentDump()
        let kept = before.components(separatedBy: "\n\n").filter {
            !$0.hasPrefix("sqlite_master") && !$0.hasPrefix("recommendationText")
        }
        #expect(kept.count > 5)
        for line in kept.joined(separator: "\n").split(separator: "\n") {
            #expect(after.contains(line), "\(line)")
        }
        let kenya = try database.countryReport("KEN", asOf: testToday).rows.first { $0.key == "TEST/1 ¶1" }
        #expect(kenya?.status == .implemented)  // the v1 correction still counts
        #expect(try database.history("TEST/1 ¶1").count == 2)
        let logged = try AssignmentQueries.$readFromLog.withValue(true) {
            try database.countryReport("KEN", asOf: testToday)
        }
        #expect(logged.rows.first { $0.key == "TEST/1 ¶1" }?.status == .implemented)
        // New entries after the upgrade keep the cache in step.
        try database.recordProgress(
            ProgressUpdate(key: "TEST/1 ¶2", actor: "SG", status: .inProgress, asOf: CalendarDate("2022-07-01")),
            clock: testClock, uid: "after-upgrade")
        #expect(try database.countryReport("SG", asOf: testToday).rows.first?.status == .inProgress)
    }
}

extension SplitMix: RandomNumberGenerator {}
