/// One operative clause of a document: a recommendation, request, decision or commitment.
///
/// Its `key` is stable and readable: the document symbol and the paragraph path, for example
/// `E/2020/31 DR-II (a)(iii)` or `E/2020/31 DR-I ¶84(a)`. Sub-item labels are written in Latin
/// letters and lower-case roman numerals whatever the language (`(三)` is `(iii)`), so the
/// English and Chinese texts of one resolution share their keys.
public struct Recommendation: Codable, Hashable, Sendable {
    /// Row id.
    public var id: Int64?
    /// Document symbol and paragraph path, unique.
    public var key: String
    /// The document it comes from.
    public var documentId: Int64
    /// The paragraph path within the document: `DR-II (a)(iii)`, `¶79(c)`.
    public var path: String
    /// Order within the document.
    public var position: Int
    /// Recommendation, request, decision or commitment.
    public var kind: RecommendationKind
    /// Actionable, decision or declaratory.
    public var classification: Classification
    /// The operative verb as written: `鼓励`, `requests`.
    public var verb: String?
    /// The clause in its original language.
    public var text: String
    /// The language of `text`.
    public var language: Language
    /// When it is due, if the text or an editor says so.
    public var dueDate: CalendarDate?
    /// How often progress should be reported, if at all.
    public var cycle: ReportingCycle?
    /// Themes and SDG targets: `theme:digital-divide`, `sdg:9.c`.
    public var tags: [String]

    public init(
        id: Int64? = nil, key: String, documentId: Int64, path: String, position: Int,
        kind: RecommendationKind = .recommendation, classification: Classification,
        verb: String? = nil, text: String, language: Language, dueDate: CalendarDate? = nil,
        cycle: ReportingCycle? = nil, tags: [String] = []
    ) {
        self.id = id
        self.key = key
        self.documentId = documentId
        self.path = path
        self.position = position
        self.kind = kind
        self.classification = classification
        self.verb = verb
        self.text = text
        self.language = language
        self.dueDate = dueDate
        self.cycle = cycle
        self.tags = tags
    }
}

/// A recommendation names an addressee, in the words of the text.
public struct Addressing: Codable, Hashable, Sendable {
    /// The recommendation.
    public var recommendationId: Int64
    /// The actor named.
    public var addresseeId: Int64
    /// The phrase that named it: `各国政府`, `the Secretary-General`.
    public var phrase: String

    public init(recommendationId: Int64, addresseeId: Int64, phrase: String) {
        self.recommendationId = recommendationId
        self.addresseeId = addresseeId
        self.phrase = phrase
    }
}

/// One recommendation × one accountable actor: the unit whose progress is tracked.
///
/// A recommendation addressed to a group binds each member of the group on the document's date;
/// one addressed to a collective with no membership list binds the collective itself.
public struct Assignment: Codable, Hashable, Sendable {
    /// Row id.
    public var id: Int64?
    /// The recommendation.
    public var recommendationId: Int64
    /// The accountable actor.
    public var addresseeId: Int64

    public init(id: Int64? = nil, recommendationId: Int64, addresseeId: Int64) {
        self.id = id
        self.recommendationId = recommendationId
        self.addresseeId = addresseeId
    }
}
