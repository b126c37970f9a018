import FollowUpModel
import FollowUpStore
/// The columns of the exchange files, in the order exports write them. See `docs/exchange.md`.
public enum ExchangeColumns {
    public static let recommendations = [
        "key", "document", "path", "kind", "class", "verb", "text", "language", "due_date", "cycle", "tags",
        "addressees",
        "addressed_as", "document_title", "document_date", "document_language", "document_body",
        "recommended_by", "themes", "persons", "sdgs",
    ]
    public static let recommendationLists: Set<String> = [
        "tags", "addressees", "addressed_as", "recommended_by", "themes", "persons", "sdgs",
    ]

    public static let progress = [
        "uid", "key", "actor", "as_of", "status", "response", "note", "evidence_document", "evidence_paragraph",
        "evidence_url", "reported_by", "recorded_at", "supersedes",
    ]
    public static let progressLists: Set<String> = []

    public static let assignments = [
        "key", "actor", "through", "status", "status_as_of", "response", "last_update", "due_date", "overdue",
    ]
    public static let assignmentLists: Set<String> = ["through"]
}

/// Writes exchange rows as CSV or JSON Lines, one row at a time.
///
/// CSV follows RFC 4180 with CRLF line ends; list values are joined with `|`; a cell that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`, which the
/// importer removes again, so an export re-imports to the same data.
public struct ExchangeWriter {
    public let format: ExchangeFormat
    public let columns: [String]
    public let lists: Set<String>

    public init(format: ExchangeFormat, columns: [String], lists: Set<String>) {
        self.format = format
        self.columns = columns
        self.lists = lists
    }

    /// The header line (CSV only).
    public var header: String {
        format == .csv ? columns.joined(separator: ",") + "\r\n" : ""
    }

    /// One row.
    public func line(_ values: [String: String], lists listValues: [String: [String]] = [:]) -> String {
        switch format {
        case .csv:
            return columns.map { column in
                CSVField.escape(
                    lists.contains(column) ? (listValues[column] ?? []).joined(separator: "|") : values[column] ?? "")
            }.joined(separator: ",") + "\r\n"
        case .jsonl:
            var parts: [String] = []
            for column in columns.sorted() {
                if lists.contains(column) {
                    let items = (listValues[column] ?? []).map(JSONText.string).joined(separator: ",")
                    parts.append("\(JSONText.string(column)):[\(items)]")
                } else if let value = values[column], !value.isEmpty {
                    parts.append("\(JSONText.string(column)):\(JSONText.string(value))")
                }
            }
            return "{" + parts.joined(separator: ",") + "}\n"
        }
    }

    /// Undoes the formula guard of an exported cell: `'=x` → `=x`.
    public static func unguard(_ value: String) -> String {
        guard value.hasPrefix("'"), let second = value.unicodeScalars.dropFirst().first,
            ["=", "+", "-", "@", "\t", "\r"].contains(second)
        else { return value }
        return String(value.dropFirst())
    }
}
