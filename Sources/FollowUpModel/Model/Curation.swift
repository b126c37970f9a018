/// What a person corrected in what the importer read: one change to one recommendation.
public enum CurationChange: String, Vocabulary {
    /// An addressee the importer missed (`value`: its code).
    case addAddressee = "add-addressee"
    /// An addressee the importer found wrongly (`value`: its code).
    case removeAddressee = "remove-addressee"
    /// The class (`value`: actionable, decision or declaratory).
    case classification = "class"
    /// The due date (`value`: the date, or none when cleared).
    case dueDate = "due-date"

    public static let vocabularyName = "correction"
}

/// One entry of the append-only curation log, as a user reads it.
public struct CurationInfo: Codable, Hashable, Sendable {
    public var id: Int64
    public var key: String
    public var change: CurationChange
    /// The new value: an actor code, a class, a date; `nil` for a cleared due date.
    public var value: String?
    /// The value before, for class and due date.
    public var previous: String?
    public var reason: String
    public var curator: String
    public var recordedAt: String
    /// Whether the recommendation's text has changed since (a re-import): the correction still
    /// applies, and a person should check it still holds.
    public var onEarlierText: Bool

    /// The memberwise initializer, for the other floors of the library.
    package init(
        id: Int64, key: String, change: CurationChange, value: String? = nil, previous: String? = nil, reason: String,
        curator: String, recordedAt: String, onEarlierText: Bool
    ) {
        self.id = id
        self.key = key
        self.change = change
        self.value = value
        self.previous = previous
        self.reason = reason
        self.curator = curator
        self.recordedAt = recordedAt
        self.onEarlierText = onEarlierText
    }
}

/// A correction asked for with `followup recs edit`.
public struct RecommendationEdit: Sendable {
    public var add: [String]
    public var remove: [String]
    public var classification: Classification?
    /// `.some(nil)` clears the due date.
    public var dueDate: CalendarDate??
    public var reason: String
    public var curator: String

    public init(
        add: [String] = [], remove: [String] = [], classification: Classification? = nil,
        dueDate: CalendarDate?? = nil, reason: String, curator: String
    ) {
        self.add = add
        self.remove = remove
        self.classification = classification
        self.dueDate = dueDate
        self.reason = reason
        self.curator = curator
    }
}

/// What `followup recs edit` did.
public struct CurationResult: Codable, Sendable {
    public var key: String
    public var corrections: [CurationInfo]
    public var addresseesBefore: [String]
    public var addresseesAfter: [String]
    public var assignmentsBefore: Int
    public var assignmentsAfter: Int

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, corrections: [CurationInfo], addresseesBefore: [String], addresseesAfter: [String],
        assignmentsBefore: Int, assignmentsAfter: Int
    ) {
        self.key = key
        self.corrections = corrections
        self.addresseesBefore = addresseesBefore
        self.addresseesAfter = addresseesAfter
        self.assignmentsBefore = assignmentsBefore
        self.assignmentsAfter = assignmentsAfter
    }
}
