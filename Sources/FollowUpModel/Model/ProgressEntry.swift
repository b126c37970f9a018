import Foundation

/// One attributed, dated record of where an assignment stands. Never edited or deleted.
///
/// A correction is a new entry whose `supersedesId` names the entry it replaces. The current
/// status of an assignment is derived from its entries: the latest by `asOf` (then by id) that no
/// later entry supersedes.
public struct ProgressEntry: Codable, Hashable, Sendable {
    /// Row id.
    public var id: Int64?
    /// A stable identifier for exchange between databases.
    public var uid: String
    /// The assignment it reports on.
    public var assignmentId: Int64
    /// The date the entry is true as of.
    public var asOf: CalendarDate
    /// Implementation progress, if the entry reports it.
    public var status: ImplementationStatus?
    /// The actor's response, if the entry reports it.
    public var response: Response?
    /// What was done, in the reporter's words.
    public var note: String?
    /// The symbol of a document that evidences the entry.
    public var evidenceDocument: String?
    /// The paragraph of that document: `51`, `79(c)`.
    public var evidenceParagraph: String?
    /// A URL that evidences the entry.
    public var evidenceUrl: String?
    /// Who reported it.
    public var reportedById: Int64?
    /// When it was recorded: ISO 8601 UTC timestamp.
    public var recordedAt: String
    /// The entry this one corrects.
    public var supersedesId: Int64?
    /// Its link in the log's hash chain (`ProgressChain`).
    public var hash: String?

    public init(
        id: Int64? = nil, uid: String, assignmentId: Int64, asOf: CalendarDate,
        status: ImplementationStatus?, response: Response? = nil, note: String? = nil,
        evidenceDocument: String? = nil, evidenceParagraph: String? = nil,
        evidenceUrl: String? = nil, reportedById: Int64? = nil, recordedAt: String,
        supersedesId: Int64? = nil
    ) {
        self.id = id
        self.uid = uid
        self.assignmentId = assignmentId
        self.asOf = asOf
        self.status = status
        self.response = response
        self.note = note
        self.evidenceDocument = evidenceDocument
        self.evidenceParagraph = evidenceParagraph
        self.evidenceUrl = evidenceUrl
        self.reportedById = reportedById
        self.recordedAt = recordedAt
        self.supersedesId = supersedesId
    }
}

/// Where an entry's evidence is: a document and paragraph, a URL, or both.
///
/// Parsed from one argument: `https://…` is a URL; `A/76/64 ¶51`, `A/76/64 para 51` or
/// `A/76/64 51` name a paragraph of a document; a bare symbol names the document.
public struct EvidenceReference: Hashable, Sendable, Codable {
    /// The document symbol.
    public var document: String?
    /// The paragraph within it.
    public var paragraph: String?
    /// A URL.
    public var url: String?

    public init(document: String? = nil, paragraph: String? = nil, url: String? = nil) {
        self.document = document
        self.paragraph = paragraph
        self.url = url
    }

    /// Reads `text` as described above; `nil` when it is empty.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") {
            self.init(url: trimmed)
            return
        }
        for marker in ["¶", " para. ", " para ", " paragraph "] {
            if let range = trimmed.range(of: marker) {
                let document = trimmed[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let paragraph = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
                self.init(
                    document: document.isEmpty ? nil : document,
                    paragraph: paragraph.isEmpty ? nil : paragraph)
                return
            }
        }
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        if parts.count == 2, parts[1].first?.isNumber == true {
            self.init(document: parts[0], paragraph: parts[1])
        } else {
            self.init(document: trimmed)
        }
    }

    /// `A/76/64 ¶51`, the URL, or both joined by a space.
    public var description: String {
        var parts: [String] = []
        if let document { parts.append(paragraph.map { "\(document) ¶\($0)" } ?? document) }
        if let url { parts.append(url) }
        return parts.joined(separator: " ")
    }
}
