import GRDB

extension AppDatabase {
    /// The actors a document is read against: every name and alias, and the codes of each kind
    /// the reading rules ask about. Load it once to read several documents (`import document
    /// FILE…`): building the matcher was a sixth of importing the 40 GA-78 resolutions.
    public struct ImportReference {
        let matcher: AddresseeMatcher
        let byName: [String: String]
        let states: Set<String>
        let territories: Set<String>
        let entities: Set<String>
        let commissions: Set<String>
    }

    /// The actors of this database as ``ImportReference``. Importing documents does not change
    /// them, so one reference serves a whole run of imports.
    public func importReference() throws(FollowUpError) -> ImportReference {
        try read { db in try Self.importReference(in: db) }
    }

    static func importReference(in db: Database) throws -> ImportReference {
        let names = try Row.fetchAll(
            db,
            sql: """
                SELECT code, nameEn AS name FROM addressee UNION ALL SELECT code, nameZh FROM addressee
                UNION ALL SELECT a.code, l.alias FROM addresseeAlias l JOIN addressee a ON a.id = l.addresseeId
                """
        ).map { (name: $0["name"] as String, code: $0["code"] as String) }
        func codes(of kind: AddresseeKind) throws -> Set<String> {
            Set(try String.fetchAll(db, sql: "SELECT code FROM addressee WHERE kind = ?", arguments: [kind.rawValue]))
        }
        let commissions = try String.fetchAll(
            db,
            sql:
                "SELECT code FROM addressee WHERE kind = 'un-entity' AND (nameEn LIKE '%Commission%' OR nameZh LIKE '%委员会')"
        )
        return ImportReference(
            matcher: AddresseeMatcher(names: names),
            byName: Dictionary(names.map { ($0.name, $0.code) }, uniquingKeysWith: { first, _ in first }),
            states: try codes(of: .state), territories: try codes(of: .territory), entities: try codes(of: .unEntity),
            commissions: Set(commissions))
    }

    /// Reads `text` and proposes what to import, without writing anything (`--dry-run`); against
    /// `reference` when given (see ``importReference()``), else against the actors loaded now.
    public func planImport(text: String, options: ImportOptions, reference given: ImportReference? = nil)
        throws(FollowUpError) -> ImportPlan
    {
        let (importer, bodyCode) = try read { db -> (DocumentImporter, String?) in
            let reference = try given ?? Self.importReference(in: db)
            var bodyCode: String?
            if let body = options.body {
                bodyCode = try Self.resolveAddressee(body, in: db).code
            }
            let byName = reference.byName
            var importer = DocumentImporter(
                analyzer: ClauseAnalyzer(
                    matcher: reference.matcher, stateCodes: reference.states, territoryCodes: reference.territories),
                codeForName: { byName[$0] })
            importer.ownCommission = Self.detectBody(text, matcher: reference.matcher, entities: reference.commissions)
            return (
                importer, bodyCode ?? Self.detectBody(text, matcher: reference.matcher, entities: reference.entities)
            )
        }
        let detectedBody = bodyCode
        return try importer.plan(text: text, options: options, bodyCode: detectedBody)
    }

    /// The first of `entities` named in the document's first lines: its issuing body, or (given
    /// only commissions) the commission "the Commission" refers to.
    static func detectBody(_ text: String, matcher: AddresseeMatcher, entities: Set<String>) -> String? {
        // "Resolution adopted by the Human Rights Council on …" names the body, whatever the masthead
        // (a Council resolution is published under the General Assembly's symbol series).
        let head = Array(String(text.prefix(6_000)).split(whereSeparator: \.isWhitespace).joined(separator: " "))
        let lowerHead = Array(String(head).lowercased())
        let adopted = Array("adopted by the ")
        var index = 0
        while index + adopted.count < lowerHead.count {
            if lowerHead[index...].starts(with: adopted),
                let match = matcher.match(in: head, lowered: lowerHead, at: index + adopted.count),
                entities.contains(match.code)
            {
                return match.code
            }
            index += 1
        }
        let lines = TextCleaner.blocks(of: String(text.prefix(3_000))).prefix(15)
        for block in lines {
            let chars = Array(block.normalized)
            let lower = Array(block.normalized.lowercased())
            for position in chars.indices {
                if let match = matcher.match(in: chars, lowered: lower, at: position), entities.contains(match.code) {
                    return match.code
                }
            }
        }
        return nil
    }

    /// Imports a planned document in one transaction.
    ///
    /// A new symbol is created with all its recommendations. The same text again changes nothing.
    /// A changed text adds new recommendations, updates changed ones (text, class, verb, due date,
    /// cycle, addressees and the assignments they make), and removes those no longer in the text,
    /// except ones with progress recorded, which are kept and reported.
    @discardableResult
    public func importDocument(_ plan: ImportPlan) throws(FollowUpError) -> ImportResult {
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
            if result.outcome == .created { result.added = plan.items.map(\.key) }
            result.assignmentsCreated = (try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment") ?? 0) - before
            return result
        }
    }
}
