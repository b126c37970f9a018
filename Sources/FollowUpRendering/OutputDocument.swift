import FollowUpModel
import FollowUpReports
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
        /// Status distributions as horizontal stacked bars.
        case bars(StatusChart)
        /// Progress entries along a time axis.
        case timeline(Timeline)
        /// A closing line: what made the report, from what, when (HTML sets it in the page footer).
        case footer(String)

        public static func == (lhs: Block, rhs: Block) -> Bool {
            switch (lhs, rhs) {
            case let (.heading(a, la), .heading(b, lb)): a == b && la == lb
            case let (.fields(a), .fields(b)): a.map { [$0.0, $0.1] } == b.map { [$0.0, $0.1] }
            case let (.table(a), .table(b)): a == b
            case let (.text(a), .text(b)): a == b
            case let (.bars(a), .bars(b)): a == b
            case let (.timeline(a), .timeline(b)): a == b
            case let (.footer(a), .footer(b)): a == b
            default: false
            }
        }

        /// The block with its text made safe for a terminal (``FieldText/displaySafe(_:singleLine:)``);
        /// table cells on one line. Charts carry only labels FollowUp made.
        var displaySafe: Block {
            switch self {
            case .heading(let text, let level): .heading(FieldText.displaySafe(text), level: level)
            case .fields(let pairs):
                .fields(pairs.map { (FieldText.displaySafe($0.0, singleLine: true), FieldText.displaySafe($0.1)) })
            case .table(var table):
                {
                    // Rows are rebuilt only where a cell changes: a 77,000-row table is mostly safe.
                    for index in table.rows.indices
                    where table.rows[index].contains(where: { FieldText.displaySafe($0, singleLine: true) != $0 }) {
                        table.rows[index] = table.rows[index].map { FieldText.displaySafe($0, singleLine: true) }
                    }
                    return .table(table)
                }()
            case .text(let text): .text(FieldText.displaySafe(text))
            case .footer(let text): .footer(FieldText.displaySafe(text))
            case .bars, .timeline: self
            }
        }
    }

    /// The blocks, in order.
    public var blocks: [Block]
    /// What a printed page repeats at its top: the document or actor and the as-of date.
    public var runningHeader: String?

    public init(_ blocks: [Block] = [], runningHeader: String? = nil) {
        self.blocks = blocks
        self.runningHeader = runningHeader
    }

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
        /// Long text (a recommendation's text) that HTML shows under the row's other cells, across
        /// the table's whole width, so that the other columns keep their width and the text its
        /// lines; other formats keep it in its column.
        public var underRow: Bool

        public init(_ header: String, alignRight: Bool = false, maxWidth: Int? = nil, underRow: Bool = false) {
            self.header = header
            self.alignRight = alignRight
            self.maxWidth = maxWidth
            self.underRow = underRow
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Where a cell leads, by its whole text (a recommendation's key, an actor's code): HTML makes
    /// each such cell a link; other formats ignore it. Empty for reports written to a file.
    public var links: [String: String] = [:]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }
}

/// Stacked bars of status groups: one per recommendation, country or document.
public struct StatusChart: Sendable, Equatable {
    /// One bar.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var counts: [StatusGroup: Int]

        public init(label: String, counts: [StatusGroup: Int]) {
            self.label = label
            self.counts = counts
        }

        public var total: Int { counts.values.reduce(0, +) }
    }

    public var title: String
    public var bars: [Bar]
    /// The legend's words for each group, in the report's language.
    public var legend: [StatusGroup: String]

    public init(title: String, bars: [Bar], legend: [StatusGroup: String]) {
        self.title = title
        self.bars = bars
        self.legend = legend
    }
}

/// Progress entries placed on a time axis, coloured by status.
public struct Timeline: Sendable, Equatable {
    /// One entry.
    public struct Point: Sendable, Equatable {
        public var date: CalendarDate
        public var group: StatusGroup
        /// What a reader sees on hover or in a list: "ETH · in-progress · DR-II (a)(v)".
        public var label: String

        public init(date: CalendarDate, group: StatusGroup, label: String) {
            self.date = date
            self.group = group
            self.label = label
        }
    }

    /// The entries of one month, counted by status group (for a timeline of many entries).
    public struct Month: Sendable, Equatable {
        public var year: Int
        public var month: Int
        public var counts: [StatusGroup: Int]

        public init(year: Int, month: Int, counts: [StatusGroup: Int]) {
            self.year = year
            self.month = month
            self.counts = counts
        }

        public var total: Int { counts.values.reduce(0, +) }
    }

    /// Up to this many points, each is drawn and listed with its label; beyond, they are counted.
    public static let labelledPoints = DocumentReport.listedEntries

    public var title: String
    public var points: [Point]
    /// Counts per month instead of points, when the report had too many entries to list.
    public var months: [Month]
    public var legend: [StatusGroup: String]

    public init(title: String, points: [Point], months: [Month] = [], legend: [StatusGroup: String]) {
        self.title = title
        self.points = points
        self.months = months
        self.legend = legend
    }

    /// The points by date (those of one day in their order).
    public var sortedPoints: [Point] {
        points.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The months with their counts: `months`, or the points counted per month.
    public var monthCounts: [Month] {
        if !months.isEmpty { return months.sorted { ($0.year, $0.month) < ($1.year, $1.month) } }
        var counts: [Int: [StatusGroup: Int]] = [:]
        for point in points {
            counts[point.date.year * 12 + point.date.month - 1, default: [:]][point.group, default: 0] += 1
        }
        return counts.keys.sorted().map { Month(year: $0 / 12, month: $0 % 12 + 1, counts: counts[$0] ?? [:]) }
    }
}
