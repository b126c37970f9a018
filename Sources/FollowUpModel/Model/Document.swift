/// A source of recommendations: a resolution, a report, a decision.
///
/// Identified by its UN symbol (`E/2020/31`, `A/RES/65/141`); the checksum of its text lets a
/// re-import recognise a document it has seen.
public struct Document: Codable, Hashable, Sendable {
    /// Row id.
    public var id: Int64?
    /// The UN document symbol, unique.
    public var symbol: String
    /// The title, in the document's language.
    public var title: String
    /// The adopting or issuing body, if known.
    public var bodyId: Int64?
    /// The date of adoption or issue.
    public var date: CalendarDate
    /// The language of the text that was recorded.
    public var language: Language
    /// SHA-256 of the imported text, hex; `nil` for a document entered by hand.
    public var checksum: String?

    public init(
        id: Int64? = nil, symbol: String, title: String, bodyId: Int64? = nil,
        date: CalendarDate, language: Language, checksum: String? = nil
    ) {
        self.id = id
        self.symbol = symbol
        self.title = title
        self.bodyId = bodyId
        self.date = date
        self.language = language
        self.checksum = checksum
    }
}
