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
    /// How every numbered paragraph of the text was accounted for.
    public var census = ImportCensus()
    /// For a Working Group report of the Universal Periodic Review: the State under review, the
    /// cycle and the day of the review.
    public var review: PeriodicReview?
    /// Positions the document itself states ("enjoy the support of Slovenia"), recorded as the
    /// State's responses.
    public var positions: [PositionStatement] = []

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
    /// Why the importer is unsure of this clause, for a reviewer (`--doubtful` lists only these):
    /// a verb with no addressee, a phrase that matched no actor, addressees taken from a lead-in
    /// or a back-reference, an operative class read without an operative verb.
    public var doubts: [String] = []
    /// The States that made the recommendation (a Universal Periodic Review's "(Brazil, Chile)"),
    /// by code: not its addressees.
    public var recommenders: [String] = []

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, path: String, classification: Classification, kind: RecommendationKind, verbs: [String],
        addressees: [String], phrases: [String], unresolved: [String], verbsWithoutAddressee: [String],
        dueDate: CalendarDate? = nil, cycle: ReportingCycle? = nil, tags: [String], text: String, line: Int,
        doubts: [String] = []
    ) {
        self.doubts = doubts
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
    /// Positions the document states, recorded as responses (a review's "enjoy the support of").
    public var positions = 0

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

/// How the importer accounted for what the text numbers: each numbered operative paragraph read as
/// a clause, and every other numbered or lettered unit set aside with a reason, so that nothing is
/// lost in silence.
public struct ImportCensus: Codable, Sendable, Equatable {
    /// One operative part (a resolution, or a draft of a commission report).
    public struct Part: Codable, Sendable, Equatable {
        /// The part's key prefix (`DR-I`), empty for a resolution.
        public var prefix: String
        /// The text numbers paragraphs 1 … `numbered` after the organ line.
        public var numbered: Int
        /// How many of them were read as operative paragraphs.
        public var read: Int
        /// The numbers not read, if any.
        public var missing: [Int]
        /// The line where the first of them starts.
        public var missingFrom: Int?
        /// An operative part of one paragraph the text does not number.
        public var unnumbered: Bool
        /// Top-level items lettered (a), (b) … rather than numbered.
        public var lettered: Int
        /// What the part numbers, when not operative paragraphs: "recommendations" (numbered
        /// 115.1, 115.2 … under paragraph 115 of a review's report).
        public var unit: String?

        package init(
            prefix: String, numbered: Int, read: Int, missing: [Int], missingFrom: Int?, unnumbered: Bool,
            lettered: Int, unit: String? = nil
        ) {
            self.unit = unit
            self.prefix = prefix
            self.numbered = numbered
            self.read = read
            self.missing = missing
            self.missingFrom = missingFrom
            self.unnumbered = unnumbered
            self.lettered = lettered
        }

        /// "operative paragraphs: 51 of 51 numbered".
        public var summary: String {
            if let unit { return "\(unit) \(prefix).1–\(prefix).\(numbered): \(read) of \(numbered) numbered" }
            let part = prefix.isEmpty ? "" : prefix + " "
            if unnumbered { return "\(part)operative paragraphs: 1, not numbered (the only one)" }
            if numbered == 0 && lettered > 0 { return "\(part)operative items: \(lettered) lettered" }
            return "\(part)operative paragraphs: \(read) of \(numbered) numbered"
        }
    }

    /// A numbered or lettered unit of the text that is not a clause, and why.
    public struct SetAside: Codable, Sendable, Equatable {
        public var line: Int
        /// `(a)–(g)`, `1–43`.
        public var labels: String
        /// `preamble list`, `annex`.
        public var reason: String

        package init(line: Int, labels: String, reason: String) {
            self.line = line
            self.labels = labels
            self.reason = reason
        }
    }

    public var parts: [Part] = []
    public var setAside: [SetAside] = []

    public init() {}

    /// Whether some numbered operative paragraph was not read.
    public var isPartial: Bool { parts.contains { !$0.missing.isEmpty } }
}
