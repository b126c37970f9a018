/// What an account may do on a shared database.
public enum AccountRole: String, Vocabulary {
    /// The secretariat: accounts, documents, corrections, and any review.
    case administrator
    /// Submits progress for the actors of the account only; a validator accepts or returns it.
    case focalPoint = "focal-point"
    /// Accepts or returns the submissions for the actors of the account.
    case validator
    /// Reads reports; writes nothing.
    case reader

    public static let vocabularyName = "role"

    /// Whether the role acts for named actors (and needs at least one).
    public var actsForActors: Bool { self == .focalPoint || self == .validator }
}

/// One account, as listed.
public struct AccountInfo: Codable, Hashable, Sendable {
    public var name: String
    public var role: AccountRole
    /// The codes of the actors a focal point or validator acts for; empty for the other roles.
    public var actors: [String]
    public var createdAt: String
    /// Where reminders go (`followup remind`), if set.
    public var email: String?

    /// The memberwise initializer, for the other floors of the library.
    package init(
        name: String, role: AccountRole, actors: [String], createdAt: String, email: String? = nil
    ) {
        self.name = name
        self.role = role
        self.actors = actors
        self.createdAt = createdAt
        self.email = email
    }
}

/// A validator's decision on a submission.
public enum ReviewDecision: String, Vocabulary {
    /// The entry goes into the progress log, and into reports.
    case accepted
    /// Sent back to the focal point with a comment; nothing enters the log.
    case returned

    public static let vocabularyName = "decision"
}

/// A progress entry a focal point submitted, and what became of it.
public struct SubmissionInfo: Codable, Hashable, Sendable {
    public var id: Int64
    public var key: String
    public var actor: String
    public var asOf: CalendarDate
    public var status: ImplementationStatus?
    public var response: Response?
    public var note: String?
    public var evidence: String?
    public var submittedBy: String
    public var submittedAt: String
    /// `nil` while it waits for a validator.
    public var decision: ReviewDecision?
    public var reviewedBy: String?
    public var reviewedAt: String?
    public var comment: String?
    /// The progress entry an accepted submission became.
    public var entryId: Int64?

    /// The memberwise initializer, for the other floors of the library.
    package init(
        id: Int64, key: String, actor: String, asOf: CalendarDate, status: ImplementationStatus? = nil,
        response: Response? = nil, note: String? = nil, evidence: String? = nil, submittedBy: String,
        submittedAt: String, decision: ReviewDecision? = nil, reviewedBy: String? = nil, reviewedAt: String? = nil,
        comment: String? = nil, entryId: Int64? = nil
    ) {
        self.id = id
        self.key = key
        self.actor = actor
        self.asOf = asOf
        self.status = status
        self.response = response
        self.note = note
        self.evidence = evidence
        self.submittedBy = submittedBy
        self.submittedAt = submittedAt
        self.decision = decision
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
        self.comment = comment
        self.entryId = entryId
    }
}

/// One item of a reminder: an assignment that falls due soon or is overdue.
public struct ReminderItem: Codable, Hashable, Sendable {
    public var key: String
    public var actor: String
    public var text: String
    public var dueDate: CalendarDate
    public var status: ImplementationStatus?
    public var overdue: Bool

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, actor: String, text: String, dueDate: CalendarDate, status: ImplementationStatus? = nil,
        overdue: Bool
    ) {
        self.key = key
        self.actor = actor
        self.text = text
        self.dueDate = dueDate
        self.status = status
        self.overdue = overdue
    }
}

/// What one focal point is reminded of, once per item per period.
public struct ReminderDigest: Codable, Hashable, Sendable {
    public var account: String
    public var email: String?
    public var asOf: CalendarDate
    public var items: [ReminderItem]

    /// The memberwise initializer, for the other floors of the library.
    package init(
        account: String, email: String? = nil, asOf: CalendarDate, items: [ReminderItem]
    ) {
        self.account = account
        self.email = email
        self.asOf = asOf
        self.items = items
    }
}
