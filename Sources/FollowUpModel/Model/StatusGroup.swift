/// Statuses grouped for summaries and charts.
public enum StatusGroup: String, Codable, CaseIterable, Sendable {
    case implemented
    /// Planned, in progress or partially implemented.
    case inProgress = "in-progress"
    case notStarted = "not-started"
    case notImplemented = "not-implemented"
    case noLongerRelevant = "no-longer-relevant"
    /// No status reported yet.
    case unreported

    public init(_ status: ImplementationStatus?) {
        switch status {
        case .implemented: self = .implemented
        case .planned, .inProgress, .partiallyImplemented: self = .inProgress
        case .notStarted: self = .notStarted
        case .notImplemented: self = .notImplemented
        case .noLongerRelevant: self = .noLongerRelevant
        case nil: self = .unreported
        }
    }
}
