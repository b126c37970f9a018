/// The latest entry on a recommendation or an assignment, for reports.
public struct LatestEntry: Codable, Hashable, Sendable {
    public var id: Int64
    /// The recommendation's key, where the entry is listed apart from its assignment (a timeline).
    public var key: String?
    public var actor: String
    public var asOf: CalendarDate
    public var status: ImplementationStatus?
    public var response: Response?
    public var note: String?
    public var evidence: EvidenceReference?
    public var reportedBy: String?

    /// The memberwise initializer, for the other floors of the library.
    package init(
        id: Int64, key: String? = nil, actor: String, asOf: CalendarDate, status: ImplementationStatus? = nil,
        response: Response? = nil, note: String? = nil, evidence: EvidenceReference? = nil, reportedBy: String? = nil
    ) {
        self.id = id
        self.key = key
        self.actor = actor
        self.asOf = asOf
        self.status = status
        self.response = response
        self.note = note
        self.evidence = evidence
        self.reportedBy = reportedBy
    }
}

/// One assignment with everything reports need, as of a date.
public struct AssignmentRow: Codable, Hashable, Sendable, Equatable {
    public var key: String
    public var path: String
    public var document: String
    public var documentDate: CalendarDate
    public var classification: Classification
    public var text: String
    public var dueDate: CalendarDate?
    public var cycle: ReportingCycle?
    public var actor: String
    public var actorNameEn: String
    public var actorNameZh: String
    public var through: [String]
    public var status: ImplementationStatus?
    public var statusAsOf: CalendarDate?
    public var response: Response?
    /// The date of the latest entry of any kind.
    public var lastUpdate: CalendarDate?
    /// The latest entry itself (when the report shows notes and evidence).
    public var latest: LatestEntry?

    /// Past its due date and neither implemented nor no longer relevant.
    public func isOverdue(on date: CalendarDate) -> Bool { Self.isOverdue(due: dueDate, status: status, on: date) }

    /// The rule of ``isOverdue(on:)``, for what is not a row (a recommendation's page).
    public static func isOverdue(due: CalendarDate?, status: ImplementationStatus?, on date: CalendarDate) -> Bool {
        guard let due, due < date else { return false }
        return !(status?.isClosed ?? false)
    }

    /// The day a report was due and has not come: a cycle after the last entry (or the document),
    /// when that day has passed; `nil` when nothing is owed. Nothing is owed on what is no longer
    /// relevant.
    public func silentSince(on date: CalendarDate) -> CalendarDate? {
        guard let cycle, status != .noLongerRelevant else { return nil }
        let next = (lastUpdate ?? documentDate).adding(months: cycle.months)
        return next < date ? next : nil
    }

    /// The actor's name in `language`.
    public func actorName(_ language: Language) -> String { language == .zh ? actorNameZh : actorNameEn }

    /// Most urgent first, on `date`: overdue rows, then by due date (none last), then by key. For
    /// what a focal point must report on (its pages, its questionnaire).
    public static func byUrgency(on date: CalendarDate) -> @Sendable (AssignmentRow, AssignmentRow) -> Bool {
        { a, b in
            let (aOverdue, bOverdue) = (a.isOverdue(on: date), b.isOverdue(on: date))
            if aOverdue != bOverdue { return aOverdue }
            if a.dueDate != b.dueDate { return (a.dueDate ?? .distantFuture) < (b.dueDate ?? .distantFuture) }
            return a.key < b.key
        }
    }

    /// The memberwise initializer, for the other floors of the library.
    package init(
        key: String, path: String, document: String, documentDate: CalendarDate, classification: Classification,
        text: String, dueDate: CalendarDate? = nil, cycle: ReportingCycle? = nil, actor: String, actorNameEn: String,
        actorNameZh: String, through: [String], status: ImplementationStatus? = nil, statusAsOf: CalendarDate? = nil,
        response: Response? = nil, lastUpdate: CalendarDate? = nil, latest: LatestEntry? = nil
    ) {
        self.key = key
        self.path = path
        self.document = document
        self.documentDate = documentDate
        self.classification = classification
        self.text = text
        self.dueDate = dueDate
        self.cycle = cycle
        self.actor = actor
        self.actorNameEn = actorNameEn
        self.actorNameZh = actorNameZh
        self.through = through
        self.status = status
        self.statusAsOf = statusAsOf
        self.response = response
        self.lastUpdate = lastUpdate
        self.latest = latest
    }
}
