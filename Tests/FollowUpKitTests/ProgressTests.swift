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

@Suite("Progress log")
struct ProgressTests {
    func database() throws -> AppDatabase {
        let database = try TestDatabase.withDocument()
        try database.addRecommendation(
            RecommendationDraft(
                document: "TEST/1", path: "¶84(a)", text: "鼓励会员国在国家一级收集信息和通信技术相关数据；",
                addressees: [("MEMBER-STATES", "会员国")]))
        return database
    }

    @Test("an update is recorded and shows in the history with its evidence and reporter")
    func recordAndHistory() throws {
        let database = try database()
        let recorded = try database.recordProgress(
            ProgressUpdate(
                key: "TEST/1 ¶84(a)", actor: "埃塞俄比亚", status: .inProgress, response: .supported,
                asOf: CalendarDate("2021-05-31"), note: "数据收集已启动",
                evidence: EvidenceReference(parsing: "A/76/64 ¶69"), reportedBy: "DESA"),
            clock: testClock, uid: "u1")
        #expect(recorded.previousStatus == nil)
        #expect(recorded.currentStatus == .inProgress)
        #expect(recorded.entry.recordedAt == "2026-11-21T12:00:00Z")
        let history = try database.history("TEST/1 ¶84(a)")
        #expect(history.count == 1)
        #expect(history[0].actor == "ETH")
        #expect(history[0].reportedBy == "DESA")
        #expect(history[0].evidence == EvidenceReference(document: "A/76/64", paragraph: "69"))
    }

    @Test("the current status is the latest entry by date, whatever order they were recorded in")
    func latestByDate() throws {
        let database = try database()
        for (date, status) in [("2022-01-10", ImplementationStatus.implemented), ("2021-01-10", .planned)] {
            try database.recordProgress(
                ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "KEN", status: status, asOf: CalendarDate(date)),
                clock: testClock, uid: date)
        }
        let kenya = try database.recommendationDetail("TEST/1 ¶84(a)", asOf: testToday).assignments.first {
            $0.actor == "KEN"
        }
        #expect(kenya?.status == .implemented)
        let earlier = try database.recommendationDetail("TEST/1 ¶84(a)", asOf: CalendarDate("2021-06-30")!)
        #expect(earlier.assignments.first { $0.actor == "KEN" }?.status == .planned)
    }

    @Test("a correction supersedes an entry without erasing it")
    func correction() throws {
        let database = try database()
        let wrong = try database.recordProgress(
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "GHA", status: .implemented, asOf: CalendarDate("2021-03-01")),
            clock: testClock, uid: "u1")
        let fixed = try database.recordProgress(
            ProgressUpdate(
                key: "TEST/1 ¶84(a)", actor: "GHA", status: .inProgress, asOf: CalendarDate("2021-03-01"),
                supersedes: wrong.entry.id),
            clock: testClock, uid: "u2")
        #expect(fixed.previousStatus == .implemented)
        #expect(fixed.currentStatus == .inProgress)
        let history = try database.history("TEST/1 ¶84(a)", actor: "GHA")
        #expect(history.map(\.superseded) == [true, false])
        #expect(history[1].supersedes == wrong.entry.id)
    }

    @Test("refused updates write nothing")
    func refusals() throws {
        let database = try database()
        let first = try database.recordProgress(
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "ETH", status: .planned), clock: testClock, uid: "u1")
        try database.addRecommendation(
            RecommendationDraft(document: "TEST/1", path: "¶90", text: "请秘书长每年提交报告。", addressees: [("SG", nil)]))
        let before = try database.contentDump()
        let updates: [ProgressUpdate] = [
            ProgressUpdate(key: "TEST/1 ¶999", actor: "ETH", status: .planned),
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "Atlantis", status: .planned),
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "UNCTAD", status: .planned),
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "ETH", status: .planned, asOf: CalendarDate("2027-01-01")),
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "ETH"),
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "ETH", status: .planned, reportedBy: "Nobody"),
            ProgressUpdate(key: "TEST/1 ¶90", actor: "SG", status: .planned, supersedes: first.entry.id),
            ProgressUpdate(key: "TEST/1 ¶84(a)", actor: "ETH", status: .planned, supersedes: 999),
        ]
        for update in updates {
            #expect(throws: FollowUpError.self) {
                try database.recordProgress(update, clock: testClock, uid: "never")
            }
        }
        #expect(try database.contentDump() == before)
    }

    @Test("an actor the recommendation does not bind gets a message saying whom it binds")
    func notBoundMessage() throws {
        let database = try database()
        do {
            _ = try database.recordProgress(
                ProgressUpdate(key: "test/1 ¶84(A)", actor: "UNCTAD", status: .planned), clock: testClock, uid: "x")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("'TEST/1 ¶84(a)' does not bind 'UNCTAD': it binds AFG, AGO,"))
        }
    }

    @Test(
        "evidence references parse documents, paragraphs and URLs",
        arguments: [
            ("A/76/64 ¶51", EvidenceReference(document: "A/76/64", paragraph: "51")),
            ("A/76/64 para 79(c)", EvidenceReference(document: "A/76/64", paragraph: "79(c)")),
            ("E/2020/31 12", EvidenceReference(document: "E/2020/31", paragraph: "12")),
            ("E/2020/31", EvidenceReference(document: "E/2020/31")),
            ("https://undocs.org/A/76/64", EvidenceReference(url: "https://undocs.org/A/76/64")),
        ])
    func evidence(text: String, expected: EvidenceReference) {
        #expect(EvidenceReference(parsing: text) == expected)
    }
}
