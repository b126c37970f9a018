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

@Suite("Accounts and the validation workflow")
struct ReviewWorkflowTests {
    static let key = "TEST/1 ¶1"
    static let password = "correct horse battery"

    /// A recommendation to Member States, and a focal point and a validator for KEN.
    func database() throws -> AppDatabase {
        let database = try TestDatabase.withDocument()
        try database.addRecommendation(
            RecommendationDraft(
                document: "TEST/1", path: "¶1", text: "鼓励会员国收集数据；", addressees: [("MEMBER-STATES", "会员国")]))
        for (name, role, actors) in [
            ("amina", AccountRole.focalPoint, ["KEN"]), ("otieno", .validator, ["KEN"]),
            ("abebe", .validator, ["ETH"]), ("sec", .administrator, []), ("auditor", .reader, []),
        ] {
            try database.addAccount(
                name: name, role: role, actors: actors, password: Self.password, createdAt: "2026-11-21T12:00:00Z",
                cost: 4)
        }
        return database
    }

    func submit(_ database: AppDatabase, account: String = "amina", actor: String = "KEN") throws -> SubmissionInfo {
        try database.submitProgress(
            ProgressUpdate(
                key: Self.key, actor: actor, status: .inProgress, asOf: CalendarDate("2026-11-01"),
                note: "plan adopted",
                evidence: EvidenceReference(document: "A/81/1", paragraph: "12", url: "https://example.org/plan")),
            account: account, clock: testClock, uid: "s-\(actor)-\(account)")
    }

    @Test("passwords are kept as bcrypt hashes; a wrong password and an unknown name are both refused")
    func passwords() throws {
        let database = try database()
        let hash = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT passwordHash FROM account WHERE name = 'amina'")
        }
        #expect(hash?.hasPrefix("$2b$04$") == true)
        #expect(hash?.contains(Self.password) == false)
        #expect(try database.authenticate(name: "amina", password: Self.password)?.actors == ["KEN"])
        #expect(try database.authenticate(name: "amina", password: "correct horse batterY") == nil)
        #expect(try database.authenticate(name: "nobody", password: Self.password) == nil)
        #expect(throws: FollowUpError.self) {
            try database.addAccount(
                name: "x", role: .reader, actors: [], password: "short", createdAt: "2026-11-21T12:00:00Z")
        }
        #expect(throws: FollowUpError.duplicate(kind: "account", identifier: "AMINA")) {
            try database.addAccount(
                name: "AMINA", role: .reader, actors: [], password: Self.password, createdAt: "2026-11-21T12:00:00Z",
                cost: 4)
        }
    }

    @Test("a submission waits outside the log; accepted, it becomes an entry and moves the status")
    func acceptAppendsToTheLog() throws {
        let database = try database()
        let submitted = try submit(database)
        #expect(submitted.decision == nil)
        #expect(try database.history(Self.key).isEmpty)
        #expect(try database.submissions(visibleTo: "otieno", pendingOnly: true).map(\.id) == [submitted.id])
        let accepted = try database.reviewSubmission(
            submitted.id, decision: .accepted, comment: nil, account: "otieno", clock: testClock, uid: "e1")
        #expect(accepted.decision == .accepted)
        #expect(accepted.reviewedBy == "otieno")
        let history = try database.history(Self.key)
        #expect(history.map(\.status) == [.inProgress])
        #expect(history.first?.id == accepted.entryId)
        #expect(history.first?.evidence?.url == "https://example.org/plan")
        #expect(history.first?.evidence?.paragraph == "12")
        #expect(try database.submissions(visibleTo: "otieno", pendingOnly: true).isEmpty)
        // A review is final.
        #expect(throws: FollowUpError.self) {
            try database.reviewSubmission(
                submitted.id, decision: .returned, comment: "again", account: "otieno", clock: testClock, uid: "e2")
        }
    }

    @Test("a returned submission needs a comment and never enters the log")
    func returnKeepsTheLogUnchanged() throws {
        let database = try database()
        let submitted = try submit(database)
        #expect(throws: FollowUpError.self) {
            try database.reviewSubmission(
                submitted.id, decision: .returned, comment: " ", account: "otieno", clock: testClock, uid: "e1")
        }
        let returned = try database.reviewSubmission(
            submitted.id, decision: .returned, comment: "the link is broken", account: "sec", clock: testClock,
            uid: "e1")
        #expect(returned.decision == .returned)
        #expect(returned.comment == "the link is broken")
        #expect(try database.history(Self.key).isEmpty)
    }

    @Test(
        "rights: another actor, the wrong role or another validator's actor is refused, and nothing is written",
        arguments: [
            ("amina", "ETH", "submit"), ("otieno", "KEN", "submit"), ("sec", "KEN", "submit"),
            ("auditor", "KEN", "submit"), ("abebe", "KEN", "review"), ("amina", "KEN", "review"),
            ("auditor", "KEN", "review"),
        ])
    func rights(account: String, actor: String, action: String) throws {
        let database = try database()
        let pending = action == "review" ? try submit(database) : nil
        let before = try database.contentDump()
        #expect {
            if let pending {
                try database.reviewSubmission(
                    pending.id, decision: .accepted, comment: nil, account: account, clock: testClock, uid: "e1")
            } else {
                _ = try submit(database, account: account, actor: actor)
            }
        } throws: { error in
            guard case .forbidden = error as? FollowUpError else { return false }
            return true
        }
        #expect(try database.contentDump() == before)
    }

    @Test("a submission is checked as an entry would be: an actor not bound, a future date")
    func submissionsAreChecked() throws {
        let database = try database()
        try database.addAccount(
            name: "un", role: .focalPoint, actors: ["SG"], password: Self.password,
            createdAt: "2026-11-21T12:00:00Z", cost: 4)
        #expect(throws: FollowUpError.self) { try submit(database, account: "un", actor: "SG") }
        #expect(throws: FollowUpError.self) {
            try database.submitProgress(
                ProgressUpdate(key: Self.key, actor: "KEN", status: .planned, asOf: CalendarDate("2099-01-01")),
                account: "amina", clock: testClock, uid: "future")
        }
        #expect(try database.submissions(visibleTo: "sec", pendingOnly: false).isEmpty)
    }

    @Test("submissions written as a group: each kept or refused on its own, answers in order, nothing in the log")
    func groupCommit() throws {
        let database = try database()
        try database.addAccount(
            name: "un", role: .focalPoint, actors: ["SG"], password: Self.password,
            createdAt: "2026-11-21T12:00:00Z", cost: 4)
        func pending(_ account: String, _ actor: String, asOf: String = "2026-11-01", uid: String) -> PendingSubmission
        {
            PendingSubmission(
                update: ProgressUpdate(
                    key: Self.key, actor: actor, status: .inProgress, asOf: CalendarDate(asOf), note: " plan "),
                account: account, uid: uid)
        }
        let results = database.submitProgress(
            [
                pending("amina", "KEN", uid: "g1"),
                pending("un", "SG", uid: "g2"),  // SG is not bound by a recommendation to Member States
                pending("amina", "KEN", asOf: "2099-01-01", uid: "g3"),  // the future
                pending("amina", "ETH", uid: "g4"),  // not amina's State
                pending("amina", "KEN", uid: "g1"),  // the same uid again
                pending("amina", "KEN", asOf: "2026-10-01", uid: "g5"),
            ], clock: testClock)
        #expect(results.count == 6)
        let kept = results.compactMap { try? $0.get() }
        #expect(kept.map(\.asOf.description) == ["2026-11-01", "2026-10-01"])
        #expect(kept.allSatisfy { $0.note == "plan" })
        guard case .failure(.conflict(let unbound)) = results[1] else {
            Issue.record("SG was not refused as unbound: \(results[1])")
            return
        }
        #expect(unbound.contains("does not bind"))
        guard case .failure(.invalidArgument(let field, _)) = results[2] else {
            Issue.record("a future date was not refused: \(results[2])")
            return
        }
        #expect(field == "as-of")
        guard case .failure(.forbidden) = results[3], case .failure = results[4] else {
            Issue.record("another State's entry or a repeated uid was kept: \(results[3]), \(results[4])")
            return
        }
        #expect(try database.submissions(visibleTo: "sec", pendingOnly: true).count == 2)
        #expect(try database.history(Self.key).isEmpty)
    }

    @Test("an actor with a submission awaiting review stays bound: a correction that would drop it is refused")
    func submissionsKeepTheirAssignment() throws {
        let database = try database()
        _ = try submit(database)
        let before = try database.contentDump()
        #expect {
            try database.editRecommendation(
                Self.key, RecommendationEdit(remove: ["MEMBER-STATES"], reason: "test", curator: "test"),
                recordedAt: "2026-11-21T12:00:00Z")
        } throws: { error in
            guard case .conflict(let message) = error as? FollowUpError else { return false }
            return message.contains("KEN")
        }
        #expect(try database.contentDump() == before)
    }

    @Test("reminders: due soon and overdue, once per item per period; a dry run notes nothing; implemented drops out")
    func reminders() throws {
        let database = try database()
        try database.setEmail(account: "amina", email: "amina@example.org")
        for (path, due) in [("¶2", "2026-12-10"), ("¶3", "2026-10-31"), ("¶4", "2027-06-30")] {
            try database.addRecommendation(
                RecommendationDraft(
                    document: "TEST/1", path: path, text: "请会员国报告；", addressees: [("MEMBER-STATES", "会员国")],
                    dueDate: CalendarDate(due)))
        }
        let today = testToday  // 2026-11-21
        let dry = try database.reminders(asOf: today, within: 30, record: false, sentAt: "2026-11-21T12:00:00Z")
        #expect(dry.map(\.account) == ["amina"])
        #expect(dry.first?.email == "amina@example.org")
        #expect(dry.first?.items.map(\.key) == ["TEST/1 ¶3", "TEST/1 ¶2"])
        #expect(dry.first?.items.map(\.overdue) == [true, false])
        let sent = try database.reminders(asOf: today, within: 30, record: true, sentAt: "2026-11-21T12:00:00Z")
        #expect(sent == dry)
        // The next day: nothing new. Next month: the overdue item again; ¶2, still only due, not.
        #expect(try database.reminders(asOf: today.adding(days: 1), within: 30, record: true, sentAt: "x").isEmpty)
        let december = try database.reminders(
            asOf: CalendarDate("2026-12-02")!, within: 30, record: true, sentAt: "2026-12-02T12:00:00Z")
        #expect(december.first?.items.map(\.key) == ["TEST/1 ¶3"])
        #expect(december.first?.items.map(\.overdue) == [true])
        // Implemented: no more reminders; ¶2 overdue now, in its first overdue month.
        try database.recordProgress(
            ProgressUpdate(key: "TEST/1 ¶3", actor: "KEN", status: .implemented, asOf: CalendarDate("2026-11-20")),
            clock: testClock, uid: "done")
        let january = try database.reminders(
            asOf: CalendarDate("2027-01-02")!, within: 30, record: false, sentAt: "2027-01-02T12:00:00Z")
        #expect(january.first?.items.map(\.key) == ["TEST/1 ¶2"])
        #expect(throws: FollowUpError.self) { try database.setEmail(account: "amina", email: "not an address") }
    }

    @Test(
        "SQL cannot edit or delete a submission or a review",
        arguments: [
            "UPDATE submission SET status = 'implemented'", "DELETE FROM submission",
            "UPDATE review SET decision = 'returned', comment = 'x', progressEntryId = NULL", "DELETE FROM review",
        ])
    func appendOnly(sql: String) throws {
        let database = try database()
        let submitted = try submit(database)
        try database.reviewSubmission(
            submitted.id, decision: .accepted, comment: nil, account: "otieno", clock: testClock, uid: "e1")
        let before = try database.contentDump()
        #expect(throws: DatabaseError.self) { try database.writer.write { db in try db.execute(sql: sql) } }
        #expect(try database.contentDump() == before)
    }
}
