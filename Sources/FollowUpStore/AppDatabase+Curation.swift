import GRDB
import FollowUpModel

extension AppDatabase {
    /// Corrects what the importer read of recommendation `key`: adds or removes addressees,
    /// changes the class or the due date. Everything is checked first; then, in one transaction,
    /// the recommendation and its assignments change and each change is appended to the curation
    /// log with `edit.reason` and `edit.curator`. An addressee for whom progress is recorded
    /// cannot be removed.
    public func editRecommendation(_ key: String, _ edit: RecommendationEdit, recordedAt: String)
        throws(FollowUpError) -> CurationResult
    {
        if let problem = FieldText.problem(inName: edit.curator) {
            throw .invalidArgument(field: "by", reason: problem)
        }
        if let problem = FieldText.problem(in: edit.reason) { throw .invalidArgument(field: "reason", reason: problem) }
        return try write { db in
            let recommendation = try Self.recommendationRow(key, in: db)
            guard let id = recommendation.id, let document = try Document.fetchOne(db, key: recommendation.documentId)
            else { throw FollowUpError.internalError("a recommendation without id or document") }
            let current = try Self.addressing(of: id, in: db)
            var addressees = current
            var changes: [(change: CurationChange, value: String?, previous: String?)] = []
            for name in edit.add {
                let actor = try Self.resolveAddressee(name, in: db)
                guard !addressees.contains(where: { $0.actor == actor.code }) else {
                    throw FollowUpError.conflict("\(recommendation.key) already addresses \(actor.code)")
                }
                addressees.append((actor.code, name))
                changes.append((.addAddressee, actor.code, nil))
            }
            for name in edit.remove {
                let actor = try Self.resolveAddressee(name, in: db)
                guard addressees.contains(where: { $0.actor == actor.code }) else {
                    let named = addressees.map(\.actor).joined(separator: ", ")
                    throw FollowUpError.conflict(
                        "\(recommendation.key) does not address \(actor.code): it addresses "
                            + (named.isEmpty ? "nobody" : named))
                }
                addressees.removeAll { $0.actor == actor.code }
                changes.append((.removeAddressee, actor.code, nil))
            }
            var updated = recommendation
            if let classification = edit.classification {
                guard classification != recommendation.classification else {
                    throw FollowUpError.conflict("\(recommendation.key) is \(classification.rawValue) already")
                }
                updated.classification = classification
                changes.append((.classification, classification.rawValue, recommendation.classification.rawValue))
            }
            if let dueDate = edit.dueDate {
                guard dueDate != recommendation.dueDate else {
                    throw FollowUpError.conflict(
                        "\(recommendation.key) is due \(dueDate?.description ?? "on no date") already")
                }
                updated.dueDate = dueDate
                changes.append((.dueDate, dueDate?.description, recommendation.dueDate?.description))
            }
            guard !changes.isEmpty else {
                throw FollowUpError.invalidArgument(
                    field: "recs edit", reason: "nothing to change: give --add, --remove, --class, --due or --no-due")
            }
            let before = try Self.assignmentCount(of: id, in: db)
            _ = try Self.saveRecommendation(
                updated, addressees: addressees.map { ($0.actor, $0.phrase) }, date: document.date, existing: .update,
                in: db)
            if updated.classification == .declaratory {
                // Context binds nobody: its assignments go, unless progress is recorded on them.
                try db.execute(
                    literal: """
                        DELETE FROM assignment WHERE recommendationId = \(id)
                        AND NOT EXISTS (SELECT 1 FROM progressEntry e WHERE e.assignmentId = assignment.id)
                        AND NOT EXISTS (SELECT 1 FROM submission e WHERE e.assignmentId = assignment.id)
                        """)
            }
            let hash = SHA256.hex(Array(recommendation.text.utf8))
            for change in changes {
                try db.execute(
                    literal: """
                        INSERT INTO curation (recommendationKey, change, value, previous, textHash, reason, curator, recordedAt)
                        VALUES (\(recommendation.key), \(change.change.rawValue), \(change.value), \(change.previous),
                                \(hash), \(edit.reason), \(edit.curator), \(recordedAt))
                        """)
            }
            let all = try Self.curations(recommendation.key, text: recommendation.text, in: db)
            return CurationResult(
                key: recommendation.key, corrections: Array(all.suffix(changes.count)),
                addresseesBefore: current.map(\.actor).sorted(), addresseesAfter: addressees.map(\.actor).sorted(),
                assignmentsBefore: before, assignmentsAfter: try Self.assignmentCount(of: id, in: db))
        }
    }

    /// The corrections made to recommendation `key`, oldest first.
    public func curations(_ key: String) throws(FollowUpError) -> [CurationInfo] {
        try read { db in
            let recommendation = try Self.recommendationRow(key, in: db)
            return try Self.curations(recommendation.key, text: recommendation.text, in: db)
        }
    }

    /// The corrections recorded under `key`, each marked when made on a text other than `text`.
    static func curations(_ key: String, text: String?, in db: Database) throws -> [CurationInfo] {
        let hash = text.map { SHA256.hex(Array($0.utf8)) }
        return try Row.fetchAll(
            db, sql: "SELECT * FROM curation WHERE recommendationKey = ? ORDER BY id", arguments: [key]
        ).map { curation($0, textHash: hash) }
    }

    /// A row of the curation log; `textHash`, the hash of the recommendation's text now, tells
    /// whether the correction was made on an earlier text.
    static func curation(_ row: Row, textHash hash: String?) -> CurationInfo {
        let change: String = row["change"]
        let textHash: String = row["textHash"]
        return CurationInfo(
            id: row["id"], key: row["recommendationKey"], change: CurationChange(rawValue: change) ?? .dueDate,
            value: row["value"], previous: row["previous"], reason: row["reason"], curator: row["curator"],
            recordedAt: row["recordedAt"], onEarlierText: hash.map { $0 != textHash } ?? false)
    }

    /// The importer's reading of clause `key` with the curation log applied in order, so that a
    /// re-import keeps what people corrected. Returns whether any correction applied, and
    /// whether one was made on an earlier text.
    static func applyCurations(
        key: String, text: String, addressees: inout [(actor: String, phrase: String?)],
        classification: inout Classification, dueDate: inout CalendarDate?, in db: Database
    ) throws -> (applied: Bool, onEarlierText: Bool) {
        let corrections = try curations(key, text: text, in: db)
        for correction in corrections {
            switch correction.change {
            case .addAddressee:
                if let code = correction.value, !addressees.contains(where: { $0.actor == code }) {
                    addressees.append((code, code))
                }
            case .removeAddressee:
                addressees.removeAll { $0.actor == correction.value }
            case .classification:
                classification = correction.value.flatMap(Classification.init(rawValue:)) ?? classification
            case .dueDate:
                dueDate = correction.value.flatMap(CalendarDate.init)
            }
        }
        return (!corrections.isEmpty, corrections.contains(where: \.onEarlierText))
    }

    /// Who recommendation `id` names, as (code, the words that named them), in code order.
    static func addressing(of id: Int64, in db: Database) throws -> [(actor: String, phrase: String?)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.code, ad.phrase FROM addressing ad JOIN addressee a ON a.id = ad.addresseeId
                WHERE ad.recommendationId = ? ORDER BY a.code
                """, arguments: [id]
        ).map { ($0["code"], $0["phrase"]) }
    }

    static func assignmentCount(of id: Int64, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment WHERE recommendationId = ?", arguments: [id]) ?? 0
    }
}
