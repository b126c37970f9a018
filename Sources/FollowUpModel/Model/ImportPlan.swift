/// What to import from a document, before anything is written: for `--dry-run` and for review.
public struct ImportPlan: Codable, Sendable {
    /// The document as it will be recorded.
    public struct DocumentHeader: Codable, Sendable {
        public var symbol: String
        public var title: String
        public var date: CalendarDate
        public var language: Language
        /// The issuing body's code, if known.
        public var body: String?
        public var checksum: String

        /// The memberwise initializer, for the other floors of the library.
        package init(
            symbol: String, title: String, date: CalendarDate, language: Language, body: String? = nil, checksum: String
        ) {
            self.symbol = symbol
            self.title = title
            self.date = date
            self.language = language
            self.body = body
            self.checksum = checksum
        }
    }

    public var document: DocumentHeader
    public var items: [ExtractedItem]
    /// Notes for the reviewer: what was assumed, what was not found.
    public var warnings: [String]

    /// Items of each class.
    public var countsByClass: [String: Int] {
        Dictionary(grouping: items, by: \.classification.rawValue).mapValues(\.count)
    }

    /// The memberwise initializer, for the other floors of the library.
    package init(
        document: DocumentHeader, items: [ExtractedItem], warnings: [String]
    ) {
        self.document = document
        self.items = items
        self.warnings = warnings
    }
}

/// One clause the importer extracted.
public struct ExtractedItem: Codable, Sendable, Equatable {
    /// `E/2020/31 DR-II (a)(iii)`.
    public var key: String
    /// `DR-II (a)(iii)`.
    public var path: String
    public var classification: Classification
    public var kind: RecommendationKind
    /// The operative verbs, in order (`["注意到", "鼓励"]`).
    public var verbs: [String]
    /// The addressed actors' codes.
    public var addressees: [String]
    /// The words that named them, in the same order.
    public var phrases: [String]
    /// Actor-like phrases that match no actor: review them.
    public var unresolved: [String]
    /// Actionable verbs with no addressee after them (`鼓励继续开展这种合作`).
    public var verbsWithoutAddressee: [String]
    public var dueDate: CalendarDate?
    public var cycle: ReportingCycle?
    /// The heading the clause stands under, and other tags.
    public var tags: [String]
    /// The clause, in the document's wording, without its label.
    public var text: String
    /// The source line.
    public var line: Int

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, path: String, classification: Classification, kind: RecommendationKind, verbs: [String],
        addressees: [String], phrases: [String], unresolved: [String], verbsWithoutAddressee: [String],
        dueDate: CalendarDate? = nil, cycle: ReportingCycle? = nil, tags: [String], text: String, line: Int
    ) {
        self.key = key
        self.path = path
        self.classification = classification
        self.kind = kind
        self.verbs = verbs
        self.addressees = addressees
        self.phrases = phrases
        self.unresolved = unresolved
        self.verbsWithoutAddressee = verbsWithoutAddressee
        self.dueDate = dueDate
        self.cycle = cycle
        self.tags = tags
        self.text = text
        self.line = line
    }
}

/// What an import did.
public struct ImportResult: Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// A new document.
        case created
        /// The same text was imported before: nothing changed.
        case unchanged
        /// The text changed: recommendations were added, changed or removed.
        case updated
    }

    public var outcome: Outcome
    public var document: String
    public var added: [String]
    public var changed: [String]
    public var removed: [String]
    /// Recommendations no longer in the text but kept because progress was recorded on them.
    public var kept: [String]
    public var assignmentsCreated: Int
    /// Recommendations whose corrections (`followup recs edit`) were applied again.
    public var curated: [String] = []
    /// Of those, the ones corrected on an earlier text: a person should check the correction.
    public var curatedOnEarlierText: [String] = []

    /// The memberwise initializer, for the other floors of the library.
    package init(
        outcome: Outcome, document: String, added: [String], changed: [String], removed: [String], kept: [String],
        assignmentsCreated: Int, curated: [String] = [], curatedOnEarlierText: [String] = []
    ) {
        self.outcome = outcome
        self.document = document
        self.added = added
        self.changed = changed
        self.removed = removed
        self.kept = kept
        self.assignmentsCreated = assignmentsCreated
        self.curated = curated
        self.curatedOnEarlierText = curatedOnEarlierText
    }
}
