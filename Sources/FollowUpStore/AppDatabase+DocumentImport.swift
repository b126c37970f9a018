import FollowUpModel
import GRDB

extension AppDatabase {
    /// Imports a planned document in one transaction.
    ///
    /// A new symbol is created with all its recommendations. The same text again changes nothing.
    /// A changed text adds new recommendations, updates changed ones (text, class, verb, due date,
    /// cycle, addressees and the assignments they make), and removes those no longer in the text,
    /// except ones with progress recorded, which are kept and reported. A Universal Periodic Review
    /// report also records its review, the recommending States, and the positions it states
    /// (as responses recorded at `clock`'s time).
    @discardableResult
    public func importDocument(_ plan: ImportPlan, clock: any FollowUpClock = SystemClock()) throws(FollowUpError)
        -> ImportResult
    {
        try write { db in
            let header = plan.document
            var result = ImportResult(
                outcome: .created, document: header.symbol, added: [], changed: [], removed: [], kept: [],
                assignmentsCreated: 0)
            let bodyId = try header.body.map { try Self.resolveAddressee($0, in: db).id } ?? nil
            var document: Document
            if var existing = try Document.filter(Document.Columns.symbol == header.symbol).fetchOne(db) {
                if existing.checksum == header.checksum {
                    result.outcome = .unchanged
                    return result
                }
                result.outcome = .updated
                existing.title = header.title
                existing.date = header.date
                existing.language = header.language
                existing.bodyId = bodyId ?? existing.bodyId
                existing.checksum = header.checksum
                try existing.update(db)
                document = existing
            } else {
                document = Document(
                    symbol: header.symbol, title: header.title, bodyId: bodyId, date: header.date,
                    language: header.language, checksum: header.checksum)
                try document.insert(db)
            }
            guard let documentId = document.id else { return result }
            try Journal.touch(document: documentId, in: db)
            let existing = try Recommendation.filter(Recommendation.Columns.documentId == documentId).fetchAll(db)
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0
            for (offset, item) in plan.items.enumerated() {
                var addressees = zip(item.addressees, item.phrases).map { (actor: $0.0, phrase: Optional($0.1)) }
                var classification = item.classification
                var dueDate = item.dueDate
                let curation = try Self.applyCurations(
                    key: item.key, text: item.text, addressees: &addressees, classification: &classification,
                    dueDate: &dueDate, in: db)
                if curation.applied { result.curated.append(item.key) }
                if curation.onEarlierText { result.curatedOnEarlierText.append(item.key) }
                let recommendation = Recommendation(
                    key: item.key, documentId: documentId, path: item.path, position: offset + 1, kind: item.kind,
                    classification: classification, verb: item.verbs.first, text: item.text,
                    language: header.language, dueDate: dueDate, cycle: item.cycle, tags: item.tags)
                switch try Self.saveRecommendation(
                    recommendation, addressees: addressees, date: header.date, existing: .update, in: db)
                {
                case .inserted where result.outcome == .updated: result.added.append(item.key)
                case .updated: result.changed.append(item.key)
                case .inserted, .unchanged, .differs: break
                }
            }
            let planned = Set(plan.items.map(\.key))
            for old in existing where !planned.contains(old.key) {
                let entries =
                    try Int.fetchOne(
                        db,
                        sql:
                            """
                            SELECT (SELECT count(*) FROM progressEntry e JOIN assignment s ON s.id = e.assignmentId
                                    WHERE s.recommendationId = ?1)
                                 + (SELECT count(*) FROM submission e JOIN assignment s ON s.id = e.assignmentId
                                    WHERE s.recommendationId = ?1)
                            """,
                        arguments: [old.id]) ?? 0
                if entries > 0 {
                    result.kept.append(old.key)
                } else {
                    try db.execute(sql: "DELETE FROM assignment WHERE recommendationId = ?", arguments: [old.id])
                    try old.delete(db)
                    if let id = old.id { try Self.removeFromSearch(id, in: db) }
                    result.removed.append(old.key)
                }
            }
            if let review = plan.review {
                try Self.saveReview(
                    review, documentId: documentId, recommenders: plan.items.map { ($0.key, $0.recommenders) }, in: db)
                result.positions = try Self.recordPositions(
                    plan.positions, recordedAt: Timestamp.string(from: clock.now()), in: db
                ).written
            }
            if result.outcome == .created { result.added = plan.items.map(\.key) }
            result.assignmentsCreated = (try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0) - before
            return result
        }
    }
}
