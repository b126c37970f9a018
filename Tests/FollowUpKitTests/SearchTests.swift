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

@Suite("Full-text search")
struct SearchTests {
    func database() throws -> AppDatabase {
        let database = try TestDatabase.withDocument()
        let texts = [
            ("¶9", "关切地注意到巨大的数字鸿沟仍然存在，鼓励所有利益攸关方确保女童和妇女充分参与信息社会；"),
            ("¶31", "Urges all stakeholders to encourage the creation of online educational content;"),
            ("¶77", "敦促所有利益攸关方优先考虑拟订创新办法，尽量缩小数字鸿沟；"),
            ("¶90", "请秘书长每年向委员会提交报告。"),
        ]
        for (path, text) in texts {
            try database.addRecommendation(
                RecommendationDraft(document: "TEST/1", path: path, text: text, addressees: [("ALL-STAKEHOLDERS", nil)])
            )
        }
        return database
    }

    @Test("finds Chinese substrings without word breaks")
    func chinese() throws {
        let hits = try database().search("数字鸿沟").hits
        #expect(Set(hits.map(\.key)) == ["TEST/1 ¶9", "TEST/1 ¶77"])
        #expect(hits.allSatisfy { $0.snippet.contains("[数字鸿沟]") })
    }

    @Test("finds English words whatever their case, requiring every word")
    func english() throws {
        let database = try database()
        #expect(try database.search("ONLINE content").hits.map(\.key) == ["TEST/1 ¶31"])
        #expect(try database.search("online 鸿沟").hits.isEmpty)
    }

    @Test("short terms fall back to a scan")
    func shortTerms() throws {
        #expect(try database().search("报告").hits.map(\.key) == ["TEST/1 ¶90"])
    }

    @Test("more matches than can be ranked come newest first, and say so")
    func manyMatches() throws {
        let database = try TestDatabase.withDocument()
        var csv = "key,document,path,class,text,addressees\n"
        for number in 1...(AppDatabase.rankedSearchLimit + 1) {
            csv += "TEST/1 ¶\(number),TEST/1,¶\(number),actionable,Extend broadband to school \(number),KEN\n"
        }
        var reader = RecordReader(
            source: ByteStream(bytes: Array(csv.utf8)), format: .csv, sourceName: "many.csv",
            columns: ExchangeColumns.recommendations, listColumns: ExchangeColumns.recommendationLists)
        _ = try database.importRecommendations(&reader, today: CalendarDate("2026-01-01")!)
        let many = try database.search("broadband", limit: 3)
        #expect(!many.ranked)
        #expect(many.hits.map(\.key) == ["TEST/1 ¶1001", "TEST/1 ¶1000", "TEST/1 ¶999"])
        let summary = TextRenderer.render(Presentation.searchResults(many, query: "broadband"))
        #expect(summary.contains("More than 1000 recommendations contain 'broadband'"))
        let few = try database.search("school 1000")
        #expect(few.ranked)
        #expect(few.hits.map(\.key) == ["TEST/1 ¶1000"])
        #expect(few.order == .relevance && !few.more)
        // The limit reached: the summary says these are only the first, and a short word is not ranked.
        let first = try database.search("school 100", limit: 2)
        #expect(first.order == .relevance && first.more && first.hits.count == 2)
        #expect(
            TextRenderer.render(Presentation.searchResults(first, query: "school 100")).contains(
                "The first 2 of the recommendations that contain 'school 100' (more match: add words to narrow)"))
        #expect(try database.search("10", limit: 5).order == .documentOrder)
    }

    @Test("the fast fold and normalisation of plain text are the general ones")
    func fastFold() {
        for text in [
            "  SYN/UPR/0001 ¶12  Ensure  broadband — “access” ", "Plain ASCII, with CAPS and  double  spaces.",
            "§ 3 – ‘quoted’", "", "   ", "Développement", "国際 Ｂroadband", "tab\tand\nline",
            "\r\n  Calls upon\r\nStates\u{0B}to act \u{0C}", "a\u{1F}b\u{00}c", "x\u{A0}y", "½ ﬁ",
        ] {
            #expect(TextNormalization.searchFold(text) == TextNormalization.generalFold(text), "\(text)")
            #expect(TextNormalization.normalize(text) == TextNormalization.generalNormalize(text), "\(text)")
        }
    }

    @Test("an empty query is refused")
    func empty() throws {
        #expect(throws: FollowUpError.self) { try database().search("  ") }
    }
}
