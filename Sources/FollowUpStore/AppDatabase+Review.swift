import GRDB
import Foundation
import FollowUpModel

extension AppDatabase {
    /// A focal point submits an entry for one of the actors of the account. It is checked exactly
    /// as `recordProgress` would check it, but nothing enters the progress log until a validator
    /// accepts it (``reviewSubmission(_:decision:comment:account:clock:uid:)``).
    @discardableResult
    public func submitProgress(
        _ update: ProgressUpdate, account: String, clock: any FollowUpClock, uid: String
    ) throws(FollowUpError) -> SubmissionInfo {
        try Self.checkSubmission(update, today: clock.today())
        let submittedAt = Timestamp.string(from: clock.now())
        return try write { db in
            let scope = try Self.accountScope(account, actor: nil, in: db)
            return try Self.insertSubmission(
                update, account: scope, today: clock.today(), submittedAt: submittedAt, uid: uid, in: db)
        }
    }

    /// Submissions from many focal points written in one transaction: a group commit. Each is
    /// checked and kept on its own, so one refused leaves the others as they are;
    /// every result is known only once the transaction has committed, and if the commit fails
    /// none is kept and each reports why. The results are in the order of `batch`.
    public func submitProgress(
        _ batch: [PendingSubmission], clock: any FollowUpClock
    ) -> [Result<SubmissionInfo, FollowUpError>] {
        let today = clock.today()
        let submittedAt = Timestamp.string(from: clock.now())
        var results: [Result<SubmissionInfo, FollowUpError>?] = batch.map { pending in
            do throws(FollowUpError) {
                try Self.checkSubmission(pending.update, today: today)
                return nil
            } catch {
                return .failure(error)
            }
        }
        do {
            try write { db in
                for index in batch.indices where results[index] == nil {
                    let pending = batch[index]
                    do {
                        // No savepoint is needed: everything is checked before the one INSERT, and
                        // an INSERT that fails is undone by SQLite alone, the transaction going on.
                        let scope = try Self.accountScope(pending.account, actor: nil, in: db)
                        results[index] = .success(
                            try Self.insertSubmission(
                                pending.update, account: scope, today: today, submittedAt: submittedAt,
                                uid: pending.uid, in: db))
                    } catch {
                        results[index] = .failure(failure(error))
                    }
                }
            }
        } catch {
            return results.map { result in
                if case .failure(let refused)? = result { return .failure(refused) }
                return .failure(error)
            }
        }
        return results.map { $0 ?? .failure(.internalError("a submission was not tried")) }
    }

    /// What can be checked of a submission without the database.
    static func checkSubmission(_ update: ProgressUpdate, today: CalendarDate) throws(FollowUpError) {
        guard update.status != nil || update.response != nil else {
            throw .invalidArgument(field: "status", reason: "give a status, a response, or both")
        }
        if let note = update.note, let problem = FieldText.problem(in: note) {
            throw .invalidArgument(field: "note", reason: problem)
        }
        if let asOf = update.asOf, asOf > today {
            throw .invalidArgument(
                field: "as-of",
                reason: "\(asOf) is in the future: an entry records what is true on a past day or today")
        }
    }

    /// Checks `update` for the focal point `account` and keeps it as a submission, inside the
    /// caller's transaction.
    static func insertSubmission(
        _ update: ProgressUpdate, account scope: (id: Int64, info: AccountInfo, actsFor: Bool), today: CalendarDate,
        submittedAt: String, uid: String, in db: Database
    ) throws -> SubmissionInfo {
        let actor = try resolveAddressee(update.actor, in: db)
        guard scope.info.role == .focalPoint else {
            throw FollowUpError.forbidden(
                "'\(scope.info.name)' is a\(scope.info.role == .administrator ? "n" : "") \(scope.info.role.words); "
                    + "only a focal point submits entries (an administrator records them with 'followup update')")
        }
        guard scope.info.actors.contains(actor.code) else {
            throw FollowUpError.forbidden(
                "'\(scope.info.name)' is the focal point for \(scope.info.actors.joined(separator: ", ")), not \(actor.code)"
            )
        }
        // Checked as the log will check it when a validator accepts it; nothing is written to the log.
        let entry = try resolveEntry(
            ProgressUpdate(
                key: update.key, actor: actor.code, status: update.status, response: update.response,
                asOf: update.asOf, note: update.note, evidence: update.evidence, supersedes: update.supersedes),
            asOf: update.asOf, today: today, in: db)
        let note = update.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        try db.cachedStatement(
            sql: """
                INSERT INTO submission (uid, assignmentId, asOf, status, response, note, evidenceDocument,
                  evidenceParagraph, evidenceUrl, supersedesId, submittedById, submittedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                uid, entry.assignmentId, entry.asOf, update.status, update.response, note,
                update.evidence?.document, update.evidence?.paragraph, update.evidence?.url, update.supersedes,
                scope.id, submittedAt,
            ])
        let evidence = update.evidence?.description ?? ""
        return SubmissionInfo(
            id: db.lastInsertedRowID, key: entry.key, actor: entry.actor, asOf: entry.asOf, status: update.status,
            response: update.response, note: note,
            evidence: evidence.isEmpty ? nil : evidence, submittedBy: scope.info.name, submittedAt: submittedAt)
    }

    /// Submits entries proposed by a reader of evidence (a national report) for the focal point
    /// `account`, all or none, each under a uid of its own: a proposal submitted before (the same
    /// report read again) is skipped, not submitted twice. Returns the submissions made and how
    /// many were skipped.
    public func submitProposals(
        _ proposals: [(uid: String, update: ProgressUpdate)], account: String, clock: any FollowUpClock
    ) throws(FollowUpError) -> (submitted: [SubmissionInfo], skipped: Int) {
        for (_, update) in proposals { try Self.checkSubmission(update, today: clock.today()) }
        let submittedAt = Timestamp.string(from: clock.now())
        return try write { db in
            let scope = try Self.accountScope(account, actor: nil, in: db)
            var done: [SubmissionInfo] = []
            var skipped = 0
            for (uid, update) in proposals {
                if try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM submission WHERE uid = ?)", arguments: [uid])
                    ?? false
                {
                    skipped += 1
                    continue
                }
                done.append(
                    try Self.insertSubmission(
                        update, account: scope, today: clock.today(), submittedAt: submittedAt, uid: uid, in: db))
            }
            return (done, skipped)
        }
    }

    /// Submits a batch for the focal point `account`, all or none: every update is checked, every
    /// problem reported with its line, and nothing is kept unless all pass (a filled-in
    /// questionnaire).
    public func submitBatch(
        _ updates: [(line: Int, update: ProgressUpdate)], source: String, account: String, clock: any FollowUpClock,
        makeUID: () -> String
    ) throws(FollowUpError) -> [SubmissionInfo] {
        var problems: [RecordProblem] = []
        for (line, update) in updates {
            do throws(FollowUpError) {
                try Self.checkSubmission(update, today: clock.today())
            } catch {
                problems.append(RecordProblem(line: line, column: nil, reason: error.message))
            }
        }
        let submittedAt = Timestamp.string(from: clock.now())
        let uids = updates.map { _ in makeUID() }
        return try write { db in
            let scope = try Self.accountScope(account, actor: nil, in: db)
            guard scope.info.role == .focalPoint else {
                throw FollowUpError.forbidden(
                    "'\(scope.info.name)' is a\(scope.info.role == .administrator ? "n" : "") \(scope.info.role.words); only a focal point submits entries"
                )
            }
            var done: [SubmissionInfo] = []
            for (index, (line, update)) in updates.enumerated() where !problems.contains(where: { $0.line == line }) {
                do {
                    done.append(
                        try Self.insertSubmission(
                            update, account: scope, today: clock.today(), submittedAt: submittedAt, uid: uids[index],
                            in: db))
                } catch let error as FollowUpError {
                    problems.append(RecordProblem(line: line, column: nil, reason: error.message))
                }
            }
            if !problems.isEmpty {
                let sorted = problems.sorted { $0.line < $1.line }
                throw FollowUpError.invalidRecords(
                    source: source, problems: Array(sorted.prefix(50)), more: max(0, sorted.count - 50))
            }
            return done
        }
    }

    /// A validator (for the submission's actor) or an administrator accepts a submission, which
    /// appends it to the progress log, or returns it with a comment. Each submission is reviewed
    /// once; the review is kept, never edited.
    @discardableResult
    public func reviewSubmission(
        _ id: Int64, decision: ReviewDecision, comment: String?, account: String, clock: any FollowUpClock,
        uid: String
    ) throws(FollowUpError) -> SubmissionInfo {
        let comment = comment?.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .returned && (comment ?? "").isEmpty {
            throw .invalidArgument(field: "comment", reason: "say why the entry is returned, for its focal point")
        }
        if let comment, let problem = FieldText.problem(in: comment) {
            throw .invalidArgument(field: "comment", reason: problem)
        }
        let reviewedAt = Timestamp.string(from: clock.now())
        return try write { db in
            guard let submission = try Self.submissions(.id(id), in: db).first else {
                throw FollowUpError.notFound(kind: "submission", identifier: "#\(id)")
            }
            let actorId = try Int64.fetchOne(
                db, sql: "SELECT id FROM addressee WHERE code = ?", arguments: [submission.actor])
            let scope = try Self.accountScope(account, actor: actorId, in: db)
            switch scope.info.role {
            case .administrator: break
            case .validator where scope.actsFor: break
            case .validator:
                throw FollowUpError.forbidden(
                    "'\(scope.info.name)' validates for \(scope.info.actors.joined(separator: ", ")), not \(submission.actor)"
                )
            case .focalPoint, .reader:
                throw FollowUpError.forbidden(
                    "'\(scope.info.name)' is a \(scope.info.role.words); only a validator or an administrator reviews entries"
                )
            }
            if let decided = submission.decision {
                throw FollowUpError.conflict(
                    "submission #\(id) was \(decided.rawValue) by \(submission.reviewedBy ?? "?") at \(submission.reviewedAt ?? "?"): a review is final"
                )
            }
            var entryId: Int64?
            if decision == .accepted {
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT evidenceDocument, evidenceParagraph, evidenceUrl, supersedesId
                            FROM submission WHERE id = ?
                            """, arguments: [id])
                else { throw FollowUpError.internalError("submission #\(id) vanished") }
                let evidence = EvidenceReference(
                    document: row["evidenceDocument"], paragraph: row["evidenceParagraph"], url: row["evidenceUrl"])
                let recorded = try Self.appendEntry(
                    ProgressUpdate(
                        key: submission.key, actor: submission.actor, status: submission.status,
                        response: submission.response, asOf: submission.asOf, note: submission.note,
                        evidence: evidence == EvidenceReference() ? nil : evidence, supersedes: row["supersedesId"]),
                    asOf: submission.asOf, today: clock.today(), uid: uid, recordedAt: reviewedAt, in: db)
                entryId = recorded.entry.id
            }
            try db.execute(
                sql: """
                    INSERT INTO review (submissionId, decision, reviewerId, comment, progressEntryId, reviewedAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, decision.rawValue, scope.id, comment, entryId, reviewedAt])
            try Journal.recordReview(of: id, in: db)
            return try Self.submissions(.id(id), in: db)[0]
        }
    }

    /// The submissions an account may see: an administrator all of them, a focal point or
    /// validator those for the actors of the account; `pendingOnly` keeps those awaiting review.
    public func submissions(visibleTo account: String, pendingOnly: Bool) throws(FollowUpError) -> [SubmissionInfo] {
        try read { db in
            let scope = try Self.accountScope(account, actor: nil, in: db)
            switch scope.info.role {
            case .administrator:
                return try Self.submissions(.all(pendingOnly: pendingOnly), in: db)
            case .focalPoint, .validator:
                return try Self.submissions(.account(scope.id, pendingOnly: pendingOnly), in: db)
            case .reader:
                throw FollowUpError.forbidden(
                    "'\(scope.info.name)' is a reader; submissions are for their actors' people")
            }
        }
    }

    /// The submissions awaiting review on document `symbol`'s recommendations, or binding actor
    /// `actor`: for reports that show them beside the accepted entries, marked.
    public func pendingSubmissions(document symbol: String? = nil, actor: String? = nil) throws(FollowUpError)
        -> [SubmissionInfo]
    {
        try read { db in
            if let symbol {
                return try Self.submissions(.pendingForDocument(symbol), in: db)
            }
            if let actor {
                return try Self.submissions(.pendingForActor(try Self.resolveAddressee(actor, in: db).code), in: db)
            }
            return try Self.submissions(.all(pendingOnly: true), in: db)
        }
    }

    enum SubmissionFilter {
        case id(Int64)
        case pendingForDocument(String)
        case pendingForActor(String)
        case all(pendingOnly: Bool)
        /// For the actors of an account.
        case account(Int64, pendingOnly: Bool)
    }

    static func submissions(_ filter: SubmissionFilter, in db: Database) throws -> [SubmissionInfo] {
        var conditions: [SQL] = ["1"]
        switch filter {
        case .id(let id): conditions.append("s.id = \(id)")
        case .pendingForDocument(let symbol):
            conditions.append("v.submissionId IS NULL")
            conditions.append("r.documentId = (SELECT id FROM document WHERE symbol = \(symbol))")
        case .pendingForActor(let code):
            conditions.append("v.submissionId IS NULL")
            conditions.append("a.code = \(code)")
        case .all(let pendingOnly):
            if pendingOnly { conditions.append("v.submissionId IS NULL") }
        case .account(let account, let pendingOnly):
            conditions.append(
                "t.addresseeId IN (SELECT addresseeId FROM accountActor WHERE accountId = \(account))")
            if pendingOnly { conditions.append("v.submissionId IS NULL") }
        }
        let condition = conditions.joined(separator: " AND ")
        // Cached: the statement's text is the same for every value of the filter.
        let request = SQLRequest<Row>(
            literal: """
                SELECT s.id, r.key, a.code AS actor, s.asOf, s.status, s.response, s.note, s.evidenceDocument,
                  s.evidenceParagraph, s.evidenceUrl, u.name AS submittedBy, s.submittedAt, v.decision,
                  w.name AS reviewedBy, v.reviewedAt, v.comment, v.progressEntryId
                FROM submission s
                JOIN assignment t ON t.id = s.assignmentId
                JOIN recommendation r ON r.id = t.recommendationId
                JOIN addressee a ON a.id = t.addresseeId
                JOIN account u ON u.id = s.submittedById
                LEFT JOIN review v ON v.submissionId = s.id
                LEFT JOIN account w ON w.id = v.reviewerId
                WHERE \(condition)
                ORDER BY s.id
                """, cached: true)
        return try request.fetchAll(db).map { row in
            let evidence = EvidenceReference(
                document: row["evidenceDocument"], paragraph: row["evidenceParagraph"], url: row["evidenceUrl"])
            let decision: String? = row["decision"]
            return SubmissionInfo(
                id: row["id"], key: row["key"], actor: row["actor"], asOf: row["asOf"], status: row["status"],
                response: row["response"], note: row["note"],
                evidence: evidence.description.isEmpty ? nil : evidence.description, submittedBy: row["submittedBy"],
                submittedAt: row["submittedAt"], decision: decision.flatMap(ReviewDecision.init(rawValue:)),
                reviewedBy: row["reviewedBy"], reviewedAt: row["reviewedAt"], comment: row["comment"],
                entryId: row["progressEntryId"])
        }
    }
}
