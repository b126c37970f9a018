import Testing
@testable import FollowUpKit
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
        let hits = try database().search("数字鸿沟")
        #expect(Set(hits.map(\.key)) == ["TEST/1 ¶9", "TEST/1 ¶77"])
        #expect(hits.allSatisfy { $0.snippet.contains("[数字鸿沟]") })
    }

    @Test("finds English words whatever their case, requiring every word")
    func english() throws {
        let database = try database()
        #expect(try database.search("ONLINE content").map(\.key) == ["TEST/1 ¶31"])
        #expect(try database.search("online 鸿沟").isEmpty)
    }

    @Test("short terms fall back to a scan")
    func shortTerms() throws {
        #expect(try database().search("报告").map(\.key) == ["TEST/1 ¶90"])
    }

    @Test("an empty query is refused")
    func empty() throws {
        #expect(throws: FollowUpError.self) { try database().search("  ") }
    }
}
