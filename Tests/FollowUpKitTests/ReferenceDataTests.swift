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

@Suite("Reference actors")
struct ReferenceDataTests {
    @Test("193 Member States, 2 observer States, 197 States in all")
    func stateCounts() throws {
        let database = try TestDatabase.withReference()
        #expect(try database.actors(ActorFilter(group: "MEMBER-STATES", date: testToday)).count == 193)
        #expect(
            try database.actors(ActorFilter(group: "OBSERVER-STATES", date: testToday)).map(\.code) == ["PSE", "VAT"])
        #expect(try database.actors(ActorFilter(kind: .state, date: testToday)).count == 197)
    }

    @Test(
        "LDC membership follows graduation dates",
        arguments: [
            ("2017-06-03", 48), ("2017-06-04", 47), ("2020-06-12", 47), ("2020-12-04", 46), ("2021-06-01", 46),
            ("2023-12-13", 45), ("2024-12-13", 44), ("2026-11-21", 44),
        ])
    func ldcMembershipByDate(date: String, count: Int) throws {
        let database = try TestDatabase.withReference()
        let ldcs = try database.actors(ActorFilter(group: "LDC", date: CalendarDate(date)!))
        #expect(ldcs.count == count)
    }

    @Test("China: names, M49 code and groups")
    func china() throws {
        let detail = try TestDatabase.withReference().actorDetail("中国")
        #expect(detail.actor.code == "CHN")
        #expect(detail.actor.nameZh == "中国")
        #expect(detail.actor.nameEn == "China")
        #expect(detail.actor.m49 == "156")
        #expect(Set(detail.memberOf.map(\.code)).isSuperset(of: ["MEMBER-STATES", "DEVELOPING", "M49-142", "M49-030"]))
        #expect(!detail.memberOf.map(\.code).contains("LDC"))
    }

    @Test(
        "actors are found by code, name or alias, whatever the case",
        arguments: [
            ("chn", "CHN"), ("China", "CHN"), ("中华人民共和国", "CHN"), ("美国", "USA"), ("russia", "RUS"),
            ("贸发会议", "UNCTAD"), ("最不发达国家", "LDC"), ("刚果民主共和国", "COD"), ("刚果", "COG"),
        ])
    func lookup(text: String, code: String) throws {
        #expect(try TestDatabase.withReference().addressee(text).code == code)
    }

    @Test("an unknown actor is refused with near matches")
    func unknownActor() throws {
        let database = try TestDatabase.withReference()
        #expect(throws: FollowUpError.notFound(kind: "actor", identifier: "Congoo", suggestions: [])) {
            try database.addressee("Congoo")
        }
        do {
            _ = try database.addressee("Congo Republic")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("no actor 'Congo Republic'"))
        }
    }

    @Test("every State and region is named in Arabic, French, Russian and Spanish; other actors fall back to English")
    func officialLanguageNames() throws {
        let reference = TestDatabase.reference
        let states = reference.entries.filter { $0.addressee.kind == .state }
        #expect(states.count == 197)
        #expect(states.allSatisfy { Set($0.names.keys) == [.ar, .fr, .ru, .es] })
        let regions = reference.entries.filter { $0.addressee.code.hasPrefix("M49-") }
        #expect(!regions.isEmpty && regions.allSatisfy { $0.names.count == 4 })
        let directory = try TestDatabase.withReference().actorDirectory()
        #expect(directory.name("CHN", .ar) == "الصين")
        #expect(directory.name("M49-014", .es) == "África oriental")
        #expect(directory.name("SG", .fr) == directory.name("SG", .en))
    }

    @Test("loading the reference data twice changes nothing")
    func loadTwice() throws {
        let database = try TestDatabase.withReference()
        let before = try database.contentDump()
        let summary = try database.loadReferenceData(TestDatabase.reference)
        #expect(summary.isUnchanged)
        #expect(try database.contentDump() == before)
    }
}
