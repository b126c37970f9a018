/// Collects row problems up to a limit, counting the rest.
package struct ProblemList: Sendable {
    package static let limit = 50
    package var problems: [RecordProblem] = []
    package var more = 0

    package init() {}

    package mutating func add(_ line: Int, _ column: String?, _ reason: String) {
        if problems.count < Self.limit {
            problems.append(RecordProblem(line: line, column: column, reason: reason))
        } else {
            more += 1
        }
    }

    package var isEmpty: Bool { problems.isEmpty }
    /// Problems added so far, including those past the limit.
    package var count: Int { problems.count + more }
}

/// One progress row as a file or form states it, checked on its own: everything that can be
/// judged without the database. What it names (the recommendation, actors, the superseded entry)
/// is resolved by the store's progress-log writer.
package struct ProgressRow: Sendable {
    package var line: Int
    package var uid: String
    package var key: String
    package var actor: String
    package var asOf: CalendarDate
    package var status: ImplementationStatus?
    package var response: Response?
    package var note: String?
    package var evidenceDocument: String?
    package var evidenceParagraph: String?
    package var evidenceUrl: String?
    package var reportedBy: String?
    package var recordedAt: String?
    package var supersedes: String?

    package init(
        line: Int, uid: String, key: String, actor: String, asOf: CalendarDate, status: ImplementationStatus?,
        response: Response?, note: String?, evidenceDocument: String?, evidenceParagraph: String?,
        evidenceUrl: String?, reportedBy: String?, recordedAt: String?, supersedes: String?
    ) {
        self.line = line
        self.uid = uid
        self.key = key
        self.actor = actor
        self.asOf = asOf
        self.status = status
        self.response = response
        self.note = note
        self.evidenceDocument = evidenceDocument
        self.evidenceParagraph = evidenceParagraph
        self.evidenceUrl = evidenceUrl
        self.reportedBy = reportedBy
        self.recordedAt = recordedAt
        self.supersedes = supersedes
    }
}
