import Foundation
/// A closed list of values spelled the same everywhere: database, JSON, CSV and command line.
///
/// Values are kebab-case (`in-progress`). Parsing forgives case, spaces and underscores, so
/// `"In progress"` and `"IN_PROGRESS"` both read as `.inProgress`.
public protocol Vocabulary: RawRepresentable, CaseIterable, Codable, Hashable, Sendable
where RawValue == String {
    /// What the vocabulary names, for messages: "status", "response".
    static var vocabularyName: String { get }
}

extension Vocabulary {
    /// Reads `text` leniently (case, spaces and underscores do not matter), or returns `nil`.
    public init?(lenient text: String) {
        // The exact value first: it is what files nearly always hold, and needs no folding.
        if let value = Self(rawValue: text) {
            self = value
            return
        }
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingASCII("_", with: "-")
            .replacingASCII(" ", with: "-")
        guard let value = Self(rawValue: folded) else { return nil }
        self = value
    }

    /// Reads `text` leniently, or throws an error that lists the accepted values.
    public static func parse(_ text: String) throws(FollowUpError) -> Self {
        guard let value = Self(lenient: text) else {
            throw .invalidValue(field: vocabularyName, value: text, expected: allRawValues)
        }
        return value
    }

    /// Every accepted spelling, in declaration order.
    public static var allRawValues: [String] { allCases.map(\.rawValue) }

    /// The value as a reader sees it in reports and messages: `in progress` for `in-progress`
    /// (which also reads back, leniently).
    public var words: String { rawValue.replacingASCII("-", with: " ") }
}

/// How far an actor has got in implementing what binds it.
public enum ImplementationStatus: String, Vocabulary {
    case notStarted = "not-started"
    case planned
    case inProgress = "in-progress"
    case partiallyImplemented = "partially-implemented"
    case implemented
    case notImplemented = "not-implemented"
    case noLongerRelevant = "no-longer-relevant"

    public static let vocabularyName = "status"

    /// Whether nothing more is expected: implemented, or no longer relevant.
    public var isClosed: Bool { Self.closed.contains(self) }

    /// The statuses after which nothing more is owed.
    public static let closed: [ImplementationStatus] = [.implemented, .noLongerRelevant]
}

/// What an actor answered to a recommendation, kept apart from what it has done about it.
public enum Response: String, Vocabulary {
    case supported
    /// Supported, and considered by the State already implemented or in the process of being
    /// implemented: a category of the Universal Periodic Review's addenda, kept as such.
    case supportedImplemented = "supported-implemented"
    case supportedInPart = "supported-in-part"
    case noted
    case notApplicable = "not-applicable"
    case pending

    public static let vocabularyName = "response"

    /// Whether the actor accepted it, wholly or in part.
    public var isSupport: Bool { self == .supported || self == .supportedImplemented || self == .supportedInPart }
}

/// Whether a clause asks someone to act, records a decision, or only states a position.
public enum Classification: String, Vocabulary {
    /// Asks an actor to do something (encourages, urges, requests, invites …).
    case actionable
    /// The adopting body decides something itself (decides, approves, endorses …).
    case decision
    /// States a position; kept as context, never tracked (notes, welcomes, reaffirms …).
    case declaratory

    public static let vocabularyName = "class"
}

/// What sort of undertaking a recommendation row records.
public enum RecommendationKind: String, Vocabulary {
    case recommendation
    case request
    case decision
    /// A commitment an actor made itself.
    case commitment

    public static let vocabularyName = "kind"
}

/// What sort of actor an addressee is.
public enum AddresseeKind: String, Vocabulary {
    /// A State: Member State, observer State or other, identified by ISO 3166-1 alpha-3.
    case state
    /// A non-self-governing territory (Guam, Pitcairn, Tokelau …), identified by ISO 3166-1 alpha-3.
    case territory
    /// A UN organ, body, entity, office or specialised agency.
    case unEntity = "un-entity"
    /// An organisation outside the UN system.
    case organization
    /// A group with a dated membership list: Member States, LDCs, a region.
    case group
    /// A collective tracked as itself, with no membership list: the international community.
    case collective

    public static let vocabularyName = "kind"
}

/// How often an addressee is expected to report.
public enum ReportingCycle: String, Vocabulary {
    case quarterly
    case semiannual
    case annual
    case biennial
    case triennial
    case quadrennial

    public static let vocabularyName = "cycle"

    /// The length of one cycle in months.
    public var months: Int {
        switch self {
        case .quarterly: 3
        case .semiannual: 6
        case .annual: 12
        case .biennial: 24
        case .triennial: 36
        case .quadrennial: 48
        }
    }
}

/// A language of the United Nations, by ISO 639-1 code.
public enum Language: String, Vocabulary {
    case ar, zh, en, fr, ru, es

    public static let vocabularyName = "language"
}
