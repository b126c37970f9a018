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

@Suite("Recommendations and assignments")
struct RecommendationTests {
    @Test("a recommendation to Member States binds each of the 193")
    func memberStates() throws {
        let database = try TestDatabase.withDocument()
        let detail = try database.addRecommendation(
            RecommendationDraft(
                document: "TEST/1", path: "¶49", text: "促请会员国采取一切适当措施，弥合性别数字鸿沟；",
                addressees: [("MEMBER-STATES", "会员国")], verb: "促请"))
        #expect(detail.recommendation.key == "TEST/1 ¶49")
        #expect(detail.recommendation.assignments == 193)
        #expect(detail.addressedTo.map(\.phrase) == ["会员国"])
        #expect(detail.assignments.allSatisfy { $0.through == ["MEMBER-STATES"] && $0.status == nil })
    }

    @Test("a recommendation to LDCs binds the States that were LDCs on the document's date")
    func ldcsOnTheDocumentDate() throws {
        let database = try TestDatabase.withDocument()
        let detail = try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶28", text: "支持最不发达国家技术库；", addressees: [("LDC", nil)]))
        let bound = Set(detail.assignments.map(\.actor))
        #expect(bound.count == 47)
        #expect(bound.contains("VUT"))  // graduated 2020-12-04, after the document
        #expect(!bound.contains("GNQ"))  // graduated 2017-06-04, before it
    }

    @Test("several addressees bind the union, each State once, and say through what")
    func union() throws {
        let database = try TestDatabase.withDocument()
        let detail = try database.addRecommendation(
            RecommendationDraft(
                document: "TEST/1", path: "¶26", text: "促请向发展中国家、特别是最不发达国家提供资源；",
                addressees: [("DEVELOPING", nil), ("LDC", nil), ("UNCTAD", nil)]))
        let ethiopia = try #require(detail.assignments.first { $0.actor == "ETH" })
        #expect(ethiopia.through == ["DEVELOPING", "LDC"])
        #expect(detail.assignments.filter { $0.actor == "UNCTAD" }.map(\.through) == [["UNCTAD"]])
        #expect(Set(detail.assignments.map(\.actor)).count == detail.assignments.count)
    }

    @Test("a declaratory clause names its addressees but binds nobody")
    func declaratory() throws {
        let database = try TestDatabase.withDocument()
        let detail = try database.addRecommendation(
            RecommendationDraft(
                document: "TEST/1", path: "¶2", text: "欢迎所有利益攸关方提供的意见；", addressees: [("ALL-STAKEHOLDERS", nil)],
                verb: "欢迎", classification: .declaratory))
        #expect(detail.recommendation.assignments == 0)
        #expect(detail.addressedTo.map(\.code) == ["ALL-STAKEHOLDERS"])
    }

    @Test("bad drafts are refused and write nothing")
    func badDrafts() throws {
        let database = try TestDatabase.withDocument()
        try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶1", text: "请秘书长提交报告。", addressees: [("SG", nil)]))
        let before = try database.contentDump()
        let drafts: [RecommendationDraft] = [
            RecommendationDraft(document: "TEST/1", path: "¶1", text: "again", addressees: [("SG", nil)]),
            RecommendationDraft(document: "NOPE/1", path: "¶2", text: "t", addressees: [("SG", nil)]),
            RecommendationDraft(
                document: "TEST/1", path: "¶3", text: "t", addressees: [("SG", nil), ("Atlantis", nil)]),
            RecommendationDraft(document: "TEST/1", path: "¶4", text: "  ", addressees: [("SG", nil)]),
            RecommendationDraft(document: "TEST/1", path: "¶5", text: "t", addressees: []),
        ]
        for draft in drafts {
            #expect(throws: FollowUpError.self) { try database.addRecommendation(draft) }
        }
        #expect(try database.contentDump() == before)
    }

    @Test("filters: by actor through groups, by class, by status")
    func filters() throws {
        let database = try TestDatabase.withDocument()
        try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶1", text: "鼓励最不发达国家…", addressees: [("LDC", nil)]))
        try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶2", text: "鼓励会员国…", addressees: [("MEMBER-STATES", nil)]))
        try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶3", text: "请秘书长…", addressees: [("SG", nil)]))
        try database.recordProgress(
            ProgressUpdate(key: "TEST/1 ¶2", actor: "ETH", status: .inProgress, asOf: CalendarDate("2021-03-01")),
            clock: testClock, uid: "u1")
        func keys(_ filter: RecommendationFilter) throws -> [String] {
            try database.recommendations(filter).map(\.key)
        }
        #expect(try keys(RecommendationFilter(actor: "ETH", asOf: testToday)) == ["TEST/1 ¶1", "TEST/1 ¶2"])
        #expect(try keys(RecommendationFilter(actor: "CHN", asOf: testToday)) == ["TEST/1 ¶2"])
        #expect(try keys(RecommendationFilter(actor: "LDC", asOf: testToday)) == ["TEST/1 ¶1"])
        #expect(
            try keys(RecommendationFilter(actor: "ETH", status: .status(.inProgress), asOf: testToday)) == ["TEST/1 ¶2"]
        )
        #expect(try keys(RecommendationFilter(actor: "ETH", status: .unreported, asOf: testToday)) == ["TEST/1 ¶1"])
        #expect(
            try keys(RecommendationFilter(actor: "ETH", status: .unreported, asOf: CalendarDate("2021-01-01")!)).count
                == 2)
        let listed = try database.recommendations(RecommendationFilter(actor: "ETH", asOf: testToday))
        #expect(listed[0].actorStatus?.through == ["LDC"])
        #expect(listed[1].actorStatus?.status == .inProgress)
        #expect(listed[1].statusCounts == ["in-progress": 1, "unreported": 192])
    }
}

/// What a published site reads in bulk is what the commands read one at a time.
@Suite("Bulk reads for the published site")
struct BulkReadTests {
    @Test("recommendationDetails(document:) gives each recommendation's detail and log as the single reads do")
    func details() throws {
        let cli = try CLIHarness.seeded()
        try cli.succeed([
            "recs", "edit", "E/2020/31 DR-II (a)(v)", "--add", "UNCTAD", "--reason", "named in the text",
            "--by", "test",
        ])
        let database = try AppDatabase.open(path: cli.databasePath)
        let asOf = try #require(CalendarDate(year: 2026, month: 12, day: 1))
        var compared = 0
        for document in try database.documents() {
            for (detail, history) in try database.recommendationDetails(document: document.symbol, asOf: asOf) {
                let key = detail.recommendation.key
                #expect(detail == (try database.recommendationDetail(key, asOf: asOf)), "\(key)")
                #expect(history == (try database.history(key)), "\(key)")
                compared += 1
            }
        }
        #expect(compared == (try database.recommendations(RecommendationFilter(asOf: asOf))).count)
        #expect(compared > 100)
    }

    @Test("groupReports gives every group's summary as groupReport does, one at a time")
    func groups() throws {
        let cli = try CLIHarness.seeded()
        let database = try AppDatabase.open(path: cli.databasePath)
        let asOf = try #require(CalendarDate(year: 2026, month: 12, day: 1))
        let all = try database.groupReports(asOf: asOf)
        #expect(all.count > 10)
        for report in all {
            let one = try #require(try database.groupReport(report.group.code, asOf: asOf))
            #expect(try JSONRenderer.render(one) == (try JSONRenderer.render(report)), "\(report.group.code)")
        }
    }
}
