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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        code: String, nameEn: String, nameZh: String, startDate: CalendarDate? = nil, endDate: CalendarDate? = nil
    ) {
        self.code = code
        self.nameEn = nameEn
        self.nameZh = nameZh
        self.startDate = startDate
        self.endDate = endDate
    }
}

/// How many assignments of one document bind an actor, and through what.
public struct BindingSummary: Codable, Hashable, Sendable {
    /// The document symbol.
    public var document: String
    /// Assignments of this document that bind the actor.
    public var assignments: Int
    /// Of those, how many through each named addressee (the actor itself, or a group it is in).
    public var through: [String: Int]

    /// The memberwise initializer, for the other floors of the library.
    package init(
        document: String, assignments: Int, through: [String: Int]
    ) {
        self.document = document
        self.assignments = assignments
        self.through = through
    }
}

/// Everything about one actor: names, aliases, groups, members and what binds it.
public struct AddresseeDetail: Codable, Hashable, Sendable {
    public var actor: AddresseeInfo
    /// Its names in Arabic, French, Russian and Spanish, by language code, where known.
    public var names: [String: String]
    /// Aliases by language code.
    public var aliases: [String: [String]]
    /// The groups it belongs or belonged to.
    public var memberOf: [MembershipInfo]
    /// Its members, for a group.
    public var members: [MembershipInfo]
    /// What binds it, per document.
    public var boundBy: [BindingSummary]

    /// The memberwise initializer, for the other floors of the library.
    package init(
        actor: AddresseeInfo, names: [String: String] = [:], aliases: [String: [String]], memberOf: [MembershipInfo],
        members: [MembershipInfo], boundBy: [BindingSummary]
    ) {
        self.actor = actor
        self.names = names
        self.aliases = aliases
        self.memberOf = memberOf
        self.members = members
        self.boundBy = boundBy
    }
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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        symbol: String, title: String, body: String? = nil, date: CalendarDate, language: Language,
        checksum: String? = nil, recommendations: [String: Int], assignments: Int
    ) {
        self.symbol = symbol
        self.title = title
        self.body = body
        self.date = date
        self.language = language
        self.checksum = checksum
        self.recommendations = recommendations
        self.assignments = assignments
    }
}

/// A named addressee of a recommendation, with the words that named it.
public struct AddressingInfo: Codable, Hashable, Sendable {
    public var code: String
    public var kind: AddresseeKind
    public var nameEn: String
    public var nameZh: String
    public var phrase: String

    /// The memberwise initializer, for the other floors of the library.
    package init(
        code: String, kind: AddresseeKind, nameEn: String, nameZh: String, phrase: String
    ) {
        self.code = code
        self.kind = kind
        self.nameEn = nameEn
        self.nameZh = nameZh
        self.phrase = phrase
    }
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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, actor: String, nameEn: String, nameZh: String, through: [String],
        status: ImplementationStatus? = nil, statusAsOf: CalendarDate? = nil, response: Response? = nil,
        lastUpdate: CalendarDate? = nil
    ) {
        self.key = key
        self.actor = actor
        self.nameEn = nameEn
        self.nameZh = nameZh
        self.through = through
        self.status = status
        self.statusAsOf = statusAsOf
        self.response = response
        self.lastUpdate = lastUpdate
    }
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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, document: String, path: String, kind: RecommendationKind, classification: Classification,
        verb: String? = nil, text: String, language: Language, dueDate: CalendarDate? = nil,
        cycle: ReportingCycle? = nil, tags: [String], addressees: [String], assignments: Int,
        statusCounts: [String: Int], actorStatus: AssignmentStatus? = nil
    ) {
        self.key = key
        self.document = document
        self.path = path
        self.kind = kind
        self.classification = classification
        self.verb = verb
        self.text = text
        self.language = language
        self.dueDate = dueDate
        self.cycle = cycle
        self.tags = tags
        self.addressees = addressees
        self.assignments = assignments
        self.statusCounts = statusCounts
        self.actorStatus = actorStatus
    }
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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        recommendation: RecommendationSummary, documentTitle: String, documentDate: CalendarDate,
        addressedTo: [AddressingInfo], assignments: [AssignmentStatus], corrections: [CurationInfo] = []
    ) {
        self.recommendation = recommendation
        self.documentTitle = documentTitle
        self.documentDate = documentDate
        self.addressedTo = addressedTo
        self.assignments = assignments
        self.corrections = corrections
    }
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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        id: Int64, uid: String, key: String, actor: String, asOf: CalendarDate, status: ImplementationStatus? = nil,
        response: Response? = nil, note: String? = nil, evidence: EvidenceReference? = nil, reportedBy: String? = nil,
        recordedAt: String, supersedes: Int64? = nil, superseded: Bool
    ) {
        self.id = id
        self.uid = uid
        self.key = key
        self.actor = actor
        self.asOf = asOf
        self.status = status
        self.response = response
        self.note = note
        self.evidence = evidence
        self.reportedBy = reportedBy
        self.recordedAt = recordedAt
        self.supersedes = supersedes
        self.superseded = superseded
    }
}

/// What `followup update` recorded, and what it changed.
public struct RecordedProgress: Codable, Hashable, Sendable {
    public var entry: ProgressEntryInfo
    public var previousStatus: ImplementationStatus?
    public var previousResponse: Response?
    public var currentStatus: ImplementationStatus?
    public var currentResponse: Response?

    /// The memberwise initializer, for the other floors of the library.
    package init(
        entry: ProgressEntryInfo, previousStatus: ImplementationStatus? = nil, previousResponse: Response? = nil,
        currentStatus: ImplementationStatus? = nil, currentResponse: Response? = nil
    ) {
        self.entry = entry
        self.previousStatus = previousStatus
        self.previousResponse = previousResponse
        self.currentStatus = currentStatus
        self.currentResponse = currentResponse
    }
}

/// What a full-text search found.
public struct SearchResults: Sendable {
    /// Up to this many matches are ranked, best first; beyond, the latest imported come first.
    public static let rankedLimit = 1_000

    /// The order of the hits.
    public enum Order: Sendable {
        /// Best matches first (bm25).
        case relevance
        /// In the order of their documents: words under three characters are matched by a scan.
        case documentOrder
        /// The most recently imported first: more than ``rankedLimit``
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

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, document: String, classification: Classification, snippet: String, text: String
    ) {
        self.key = key
        self.document = document
        self.classification = classification
        self.snippet = snippet
        self.text = text
    }
}

/// The record journal's last row and its hash: what a report prints so that a reader can later
/// tell whether the record was rewritten (`followup check --head`).
public struct JournalHead: Codable, Sendable, Equatable {
    public var head: String
    public var lastRow: Int64

    package init(head: String, lastRow: Int64) {
        self.head = head
        self.lastRow = lastRow
    }
}
