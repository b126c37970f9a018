/// What a command prints, independent of the format: headings, fields, tables and text.
///
/// Each renderer (`TextRenderer`, `MarkdownRenderer`, `CSVRenderer`) turns one into its format;
/// JSON is written from the command's `Codable` result instead, so that it carries every field.
public struct OutputDocument: Sendable, Equatable {
    /// One piece of output.
    public enum Block: Sendable, Equatable {
        /// A heading; level 1 is the title.
        case heading(String, level: Int)
        /// Label–value pairs, one per line.
        case fields([(String, String)])
        /// A table.
        case table(TextTable)
        /// A paragraph.
        case text(String)

        public static func == (lhs: Block, rhs: Block) -> Bool {
            switch (lhs, rhs) {
            case let (.heading(a, la), .heading(b, lb)): a == b && la == lb
            case let (.fields(a), .fields(b)): a.map { [$0.0, $0.1] } == b.map { [$0.0, $0.1] }
            case let (.table(a), .table(b)): a == b
            case let (.text(a), .text(b)): a == b
            default: false
            }
        }
    }

    /// The blocks, in order.
    public var blocks: [Block]

    public init(_ blocks: [Block] = []) { self.blocks = blocks }

    /// The first table, for formats that hold only one (CSV).
    public var mainTable: TextTable? {
        for case .table(let table) in blocks { return table }
        return nil
    }
}

/// A table: headers and rows of text, with per-column alignment and width limits.
public struct TextTable: Sendable, Equatable {
    /// One column.
    public struct Column: Sendable, Equatable {
        public var header: String
        /// Right-aligned (numbers).
        public var alignRight: Bool
        /// Cells wider than this are cut with `…` in the terminal table (not in CSV or Markdown).
        public var maxWidth: Int?

        public init(_ header: String, alignRight: Bool = false, maxWidth: Int? = nil) {
            self.header = header
            self.alignRight = alignRight
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }
}
