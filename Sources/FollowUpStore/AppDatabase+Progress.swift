import Foundation
import GRDB
import FollowUpModel

/// One progress report to record (`followup update`).
public struct ProgressUpdate: Sendable {
    /// The recommendation key.
    public var key: String
    /// The accountable actor: code, name or alias.
    public var actor: String
    public var status: ImplementationStatus?
    public var response: Response?
    /// The date the entry is true as of; today when `nil`.
    public var asOf: CalendarDate?
    public var note: String?
    public var evidence: EvidenceReference?
    /// Who reports it: code, name or alias; the actor itself when `nil`.
    public var reportedBy: String?
    /// The number of an entry this one corrects.
    public var supersedes: Int64?

    public init(
        key: String, actor: String, status: ImplementationStatus? = nil, response: Response? = nil,
        asOf: CalendarDate? = nil, note: String? = nil, evidence: EvidenceReference? = nil,
        reportedBy: String? = nil, supersedes: Int64? = nil
    ) {
        self.key = key
        self.actor = actor
        self.status = status
        self.response = response
        self.asOf = asOf
        self.note = note
        self.evidence = evidence
        self.reportedBy = reportedBy
        self.supersedes = supersedes
    }
}

/// A focal point's submission waiting for its turn at the writer (``AppDatabase/submitProgress(_:clock:)``).
public struct PendingSubmission: Sendable {
    public var update: ProgressUpdate
    /// The focal point's account name.
    public var account: String
    public var uid: String

    public init(update: ProgressUpdate, account: String, uid: String) {
        self.update = update
        self.account = account
        self.uid = uid
    }
}

extension AppDatabase {
    /// Appends one progress entry to an assignment's log and returns what changed.
    ///
    /// Refuses an actor the recommendation does not bind, an entry with neither status nor
    /// response, a date in the future, and a correction of an entry of another assignment.
    @discardableResult
    public func recordProgress(
        _ update: ProgressUpdate, clock: any FollowUpClock, uid: String
    ) throws(FollowUpError) -> RecordedProgress {
        guard update.status != nil || update.response != nil else {
            throw .invalidArgument(field: "status", reason: "give a status, a response, or both")
        }
        let today = clock.today()
        if let asOf = update.asOf, asOf > today {
            throw .invalidArgument(
                field: "as-of",
                reason: "\(asOf) is in the future: an entry records what is true on a past day or today")
        }
        for (field, value) in [("note", update.note), ("by", update.reportedBy)] {
            if let value, let problem = FieldText.problem(in: value) {
                throw .invalidArgument(field: field, reason: problem)
            }
        }
        return try write { db in
            try Self.appendEntry(
                update, asOf: update.asOf, today: today, uid: uid, recordedAt: Timestamp.string(from: clock.now()),
                in: db)
        }
    }

    /// Appends one entry inside the caller's transaction, after checking it; returns what changed.
    ///
    /// Without `asOf`, an entry is dated `today` and a correction the date of the entry it corrects.
    package static func appendEntry(
        _ update: ProgressUpdate, asOf givenDate: CalendarDate?, today: CalendarDate, uid: String,
        recordedAt: String, in db: Database
    ) throws -> RecordedProgress {
        let resolved = try resolveEntry(update, asOf: givenDate, today: today, in: db)
        let before = try assignmentStatuses(resolved.assignmentId, asOf: .distantFuture, in: db)
        var log = try ProgressLogWriter(in: db, bulk: false, recordedAt: recordedAt)
        let id = try log.insert(
            ProgressLogWriter.Entry(
                uid: uid, assignmentId: resolved.assignmentId, key: resolved.key, actor: resolved.actor,
                asOf: resolved.asOf, status: update.status, response: update.response,
                note: update.note?.trimmingCharacters(in: .whitespacesAndNewlines),
                evidenceDocument: update.evidence?.document, evidenceParagraph: update.evidence?.paragraph,
                evidenceUrl: update.evidence?.url, reporterId: resolved.reporterId, reporter: resolved.reporter,
                recordedAt: recordedAt, supersedesId: update.supersedes, supersedesUID: resolved.supersededUID))
        try log.finish()
        let after = try assignmentStatuses(resolved.assignmentId, asOf: .distantFuture, in: db)
        guard let info = try AssignmentQueries.entryInfos(.entry(id), in: db).first
        else { throw FollowUpError.internalError("the entry was not recorded") }
        return RecordedProgress(
            entry: info, previousStatus: before?.status, previousResponse: before?.response,
            currentStatus: after?.status, currentResponse: after?.response)
    }

    /// An entry as the log would record it, every rule checked and nothing written: the
    /// recommendation, the assignment it belongs to, its reporter, its date and the entry it
    /// corrects. A submission is checked by this alone, once.
    struct ResolvedEntry {
        let key: String
        let assignmentId: Int64
        let actor: String
        let reporterId: Int64
        let reporter: String
        let asOf: CalendarDate
        let supersededUID: String?
    }

    static func resolveEntry(
        _ update: ProgressUpdate, asOf givenDate: CalendarDate?, today: CalendarDate, in db: Database
    ) throws -> ResolvedEntry {
        let recommendation = try recommendationRow(update.key, in: db)
        let actor = try resolveAddressee(update.actor, in: db)
        guard
            let assignment =
                try Assignment.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM assignment WHERE recommendationId = ? AND addresseeId = ?"),
                    arguments: [recommendation.id, actor.id]), let assignmentId = assignment.id
        else {
            let bound = try String.fetchAll(
                db,
                sql: """
                    SELECT a.code FROM assignment s JOIN addressee a ON a.id = s.addresseeId
                    WHERE s.recommendationId = ? ORDER BY a.code LIMIT 6
                    """, arguments: [recommendation.id])
            let hint: String
            if recommendation.classification == .declaratory {
                hint = "it is declaratory and binds nobody"
            } else if bound.isEmpty {
                hint = "it binds nobody"
            } else {
                hint = "it binds " + bound.prefix(5).joined(separator: ", ") + (bound.count > 5 ? ", …" : "")
            }
            throw FollowUpError.conflict("'\(recommendation.key)' does not bind '\(actor.code)': \(hint)")
        }
        let reporter = try update.reportedBy.map { try resolveAddressee($0, in: db) } ?? actor
        var asOf = givenDate ?? today
        var supersededUID: String?
        if let supersedes = update.supersedes {
            guard let target = try ProgressEntry.fetchOne(db, key: supersedes) else {
                throw FollowUpError.notFound(kind: "progress entry", identifier: "#\(supersedes)")
            }
            guard target.assignmentId == assignmentId else {
                throw FollowUpError.conflict(
                    "entry #\(supersedes) is about another recommendation or actor: a correction must supersede an entry of '\(recommendation.key)' for '\(actor.code)'"
                )
            }
            if let later = try Int64.fetchOne(
                db, sql: "SELECT id FROM progressEntry WHERE supersedesId = ? ORDER BY id LIMIT 1",
                arguments: [supersedes])
            {
                throw FollowUpError.conflict(
                    "entry #\(supersedes) was already corrected by #\(later): to correct it again, supersede #\(later)")
            }
            if givenDate == nil { asOf = target.asOf }
            supersededUID = target.uid
        }
        if let adopted = try CalendarDate.fetchOne(
            db.cachedStatement(sql: "SELECT date FROM document WHERE id = ?"), arguments: [recommendation.documentId]),
            asOf < adopted
        {
            throw FollowUpError.invalidArgument(
                field: "as-of",
                reason: "\(asOf) is before the document was adopted (\(adopted)): an entry reports on what followed it")
        }
        guard let reporterId = reporter.id else { throw FollowUpError.internalError("an actor without id") }
        return ResolvedEntry(
            key: recommendation.key, assignmentId: assignmentId, actor: actor.code, reporterId: reporterId,
            reporter: reporter.code, asOf: asOf, supersededUID: supersededUID)
    }

    static func assignmentStatuses(_ assignmentId: Int64, asOf: CalendarDate, in db: Database) throws
        -> AssignmentStatus?
    {
        try AssignmentQueries.statuses([.assignment(assignmentId)], asOf: asOf, in: db).first
    }

    /// The log of one recommendation, oldest first; only one actor's with `actor`.
    public func history(_ key: String, actor: String? = nil) throws(FollowUpError) -> [ProgressEntryInfo] {
        try read { db in
            let recommendation = try Self.recommendationRow(key, in: db)
            guard let id = recommendation.id else { return [] }
            let actorId = try actor.map { try Self.resolveAddressee($0, in: db).id } ?? nil
            return try AssignmentQueries.entryInfos(.recommendation(id, actor: actorId), in: db)
        }
    }
}
