/// Read-only views of the data, shaped for reports and for JSON output.
///
/// These are what the commands print: every one is `Codable` with stable field names, and none
/// carries a database row id except where a user needs it (progress entry ids, for corrections).

/// An actor as listed: code, kind, names and codes.
public struct AddresseeInfo: Codable, Hashable, Sendable {
    public var code: String
    public var kind: AddresseeKind
    public var nameEn: String
    public var nameZh: String
    public var m49: String?
    public var iso2: String?

    public init(_ addressee: Addressee) {
        code = addressee.code
        kind = addressee.kind
        nameEn = addressee.nameEn
        nameZh = addressee.nameZh
        m49 = addressee.m49
        iso2 = addressee.iso2
    }

    /// The name in `language`.
    public func name(in language: Language) -> String { language == .zh ? nameZh : nameEn }
}

/// A dated membership seen from one side: the group (for a member) or the member (for a group).
public struct MembershipInfo: Codable, Hashable, Sendable {
    public var code: String
    public var nameEn: String
    public var nameZh: String
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
}

/// How many assignments of one document bind an actor, and through what.
public struct BindingSummary: Codable, Hashable, Sendable {
    /// The document symbol.
    public var document: String
    /// Assignments of this document that bind the actor.
    public var assignments: Int
    /// Of those, how many through each named addressee (the actor itself, or a group it is in).
    public var through: [String: Int]
}

/// Everything about one actor: names, aliases, groups, members and what binds it.
public struct AddresseeDetail: Codable, Hashable, Sendable {
    public var actor: AddresseeInfo
    /// Aliases by language code.
    public var aliases: [String: [String]]
    /// The groups it belongs or belonged to.
    public var memberOf: [MembershipInfo]
    /// Its members, for a group.
    public var members: [MembershipInfo]
    /// What binds it, per document.
    public var boundBy: [BindingSummary]
}

/// A document as listed.
public struct DocumentInfo: Codable, Hashable, Sendable {
    public var symbol: String
    public var title: String
    public var body: String?
    public var date: CalendarDate
    public var language: Language
    public var checksum: String?
    /// Recommendations of each class.
    public var recommendations: [String: Int]
    /// Assignments the document creates.
    public var assignments: Int
}

/// A named addressee of a recommendation, with the words that named it.
public struct AddressingInfo: Codable, Hashable, Sendable {
    public var code: String
    public var kind: AddresseeKind
    public var nameEn: String
    public var nameZh: String
    public var phrase: String
}

/// Where one assignment stands: its latest status and response.
public struct AssignmentStatus: Codable, Hashable, Sendable {
    /// The recommendation key.
    public var key: String
    /// The accountable actor's code.
    public var actor: String
    public var nameEn: String
    public var nameZh: String
    /// The codes of the named addressees that bind it (itself, or its groups).
    public var through: [String]
    /// The latest status, `nil` when nothing has been reported.
    public var status: ImplementationStatus?
    /// The date the latest status is true as of.
    public var statusAsOf: CalendarDate?
    /// The latest response.
    public var response: Response?
    /// The date of the latest entry of any kind.
    public var lastUpdate: CalendarDate?
}

/// A recommendation as listed.
public struct RecommendationSummary: Codable, Hashable, Sendable {
    public var key: String
    public var document: String
    public var path: String
    public var kind: RecommendationKind
    public var classification: Classification
    public var verb: String?
    public var text: String
    public var language: Language
    public var dueDate: CalendarDate?
    public var cycle: ReportingCycle?
    public var tags: [String]
    /// The named addressees' codes.
    public var addressees: [String]
    /// How many actors it binds.
    public var assignments: Int
    /// Current statuses among its assignments (`unreported` for none yet).
    public var statusCounts: [String: Int]
    /// With `--actor`: where that actor stands.
    public var actorStatus: AssignmentStatus?
}

/// Everything about one recommendation.
public struct RecommendationDetail: Codable, Hashable, Sendable {
    public var recommendation: RecommendationSummary
    public var documentTitle: String
    public var documentDate: CalendarDate
    public var addressedTo: [AddressingInfo]
    /// Every assignment and where it stands.
    public var assignments: [AssignmentStatus]
    /// What people corrected in what the importer read, oldest first (`followup recs edit`).
    public var corrections: [CurationInfo] = []
}

/// One progress entry, as a user reads it.
public struct ProgressEntryInfo: Codable, Hashable, Sendable {
    /// The entry's number, for `--supersedes`.
    public var id: Int64
    public var uid: String
    public var key: String
    public var actor: String
    public var asOf: CalendarDate
    public var status: ImplementationStatus?
    public var response: Response?
    public var note: String?
    public var evidence: EvidenceReference?
    public var reportedBy: String?
    public var recordedAt: String
    public var supersedes: Int64?
    /// Whether a later entry corrects this one.
    public var superseded: Bool
}

/// What `followup update` recorded, and what it changed.
public struct RecordedProgress: Codable, Hashable, Sendable {
    public var entry: ProgressEntryInfo
    public var previousStatus: ImplementationStatus?
    public var previousResponse: Response?
    public var currentStatus: ImplementationStatus?
    public var currentResponse: Response?
}

/// What a full-text search found.
public struct SearchResults: Sendable {
    /// The order of the hits.
    public enum Order: Sendable {
        /// Best matches first (bm25).
        case relevance
        /// In the order of their documents: words under three characters are matched by a scan.
        case documentOrder
        /// The most recently imported first: more than ``AppDatabase/rankedSearchLimit``
        /// recommendations match, and ranking them all would cost more than the search.
        case newestFirst
    }

    public var hits: [SearchHit]
    public var order: Order
    /// Whether more recommendations match than the hits (the limit was reached).
    public var more: Bool

    /// Whether the hits are in an order chosen for them rather than the newest-first fallback.
    public var ranked: Bool { order != .newestFirst }

    public init(hits: [SearchHit], order: Order, more: Bool) {
        self.hits = hits
        self.order = order
        self.more = more
    }
}

/// One hit of a full-text search.
public struct SearchHit: Codable, Hashable, Sendable {
    public var key: String
    public var document: String
    public var classification: Classification
    public var snippet: String
    public var text: String
}
