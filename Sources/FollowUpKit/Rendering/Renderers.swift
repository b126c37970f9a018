import Foundation

/// The formats a command can print.
public enum OutputFormat: String, Vocabulary {
    /// Aligned columns for a terminal.
    case table
    /// Pretty-printed JSON with sorted keys and ISO dates.
    case json
    /// RFC 4180 CSV, UTF-8, with a header row.
    case csv
    /// GitHub-flavoured Markdown.
    case markdown
    /// One self-contained HTML file (reports only).
    case html

    public static let vocabularyName = "format"
}

/// Renders an ``OutputDocument`` as text aligned by display width, for a terminal.
///
/// Every piece of text is made display-safe first (``FieldText/displaySafe(_:singleLine:)``):
/// no escape sequence or bidirectional override from a note or a file reaches the terminal.
public enum TextRenderer {
    public static func render(_ document: OutputDocument) -> String {
        var parts: [String] = []
        for block in document.blocks.map(\.displaySafe) {
            switch block {
            case .heading(let text, let level):
                parts.append(
                    level == 1
                        ? text + "\n" + String(repeating: "═", count: DisplayWidth.of(text))
                        : text + "\n" + String(repeating: "─", count: DisplayWidth.of(text)))
            case .fields(let pairs):
                let width = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
                parts.append(
                    pairs.map { DisplayWidth.pad($0.0 + ":", to: width + 1) + " " + $0.1 }.joined(separator: "\n"))
            case .table(let table):
                parts.append(render(table))
            case .text(let text):
                parts.append(text)
            case .bars(let chart):
                parts.append(ChartText.bars(chart))
            case .timeline(let timeline):
                parts.append(ChartText.timeline(timeline))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The table alone: a header, a rule, and one line per row.
    public static func render(_ table: TextTable) -> String {
        let cells = table.rows.map { row in
            row.enumerated().map { index, cell -> String in
                let flat = cell.replacingOccurrences(of: "\n", with: " ")
                guard index < table.columns.count, let limit = table.columns[index].maxWidth else { return flat }
                return DisplayWidth.truncate(flat, to: limit)
            }
        }
        let widths = table.columns.indices.map { index in
            max(DisplayWidth.of(table.columns[index].header), cells.map { DisplayWidth.of($0[index]) }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            var text = ""
            for (index, value) in values.enumerated() {
                let last = index == values.count - 1
                let column = table.columns[index]
                text +=
                    last && !column.alignRight
                    ? value : DisplayWidth.pad(value, to: widths[index], alignRight: column.alignRight)
                if !last { text += "  " }
            }
            return text
        }
        var lines = [
            line(table.columns.map(\.header)), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "),
        ]
        lines += cells.map(line)
        if table.rows.isEmpty { lines.append("(none)") }
        return lines.joined(separator: "\n")
    }
}

/// Renders an ``OutputDocument`` as GitHub-flavoured Markdown.
public enum MarkdownRenderer {
    public static func render(_ document: OutputDocument) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                parts.append(String(repeating: "#", count: level) + " " + escape(text))
            case .fields(let pairs):
                parts.append(pairs.map { "- **\(escape($0.0))**: \(escape($0.1))" }.joined(separator: "\n"))
            case .table(let table):
                var lines = ["| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |"]
                lines.append("|" + table.columns.map { $0.alignRight ? " ---: |" : " --- |" }.joined())
                lines += table.rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
                parts.append(lines.joined(separator: "\n"))
            case .text(let text):
                parts.append(escape(text))
            case .bars(let chart):
                parts.append("**\(escape(chart.title))**\n\n```text\n" + ChartText.bars(chart) + "\n```")
            case .timeline(let timeline):
                parts.append("**\(escape(timeline.title))**\n\n```text\n" + ChartText.timeline(timeline) + "\n```")
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Escapes what Markdown would read as markup or as a table border, and HTML tags; control
    /// characters are shown as `<U+XXXX>`.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in FieldText.displaySafe(text) {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r\n": result += "<br>"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "*", "_", "`", "[", "]", "\\": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}

/// Renders a table as RFC 4180 CSV with a header row and CRLF line ends.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`,
/// so a spreadsheet shows it as text instead of running it as a formula.
public enum CSVRenderer {
    public static func render(_ table: TextTable) -> String {
        func cell(_ text: String) -> String { CSVField.escape(FieldText.displaySafe(text)) }
        var lines = [table.columns.map { cell($0.header) }.joined(separator: ",")]
        lines += table.rows.map { $0.map(cell).joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// Writes `Encodable` values as stable JSON: pretty-printed, keys sorted, dates as ISO text.
public enum JSONRenderer {
    public static func render(_ value: some Encodable) throws(FollowUpError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw .conflict("cannot write JSON: \(error)")
        }
    }
}

/// Charts drawn with characters, for terminals and Markdown.
enum ChartText {
    static let symbols: [StatusGroup: Character] = [
        .implemented: "█", .inProgress: "▓", .notStarted: "▒", .notImplemented: "x", .noLongerRelevant: "-",
        .unreported: "·",
    ]

    /// One line per bar: label, a 40-column bar, counts.
    static func bars(_ chart: StatusChart, width: Int = 40) -> String {
        let labelWidth = min(40, chart.bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        var lines = [chart.title]
        for bar in chart.bars {
            var cells = ""
            let total = max(bar.total, 1)
            var used = 0
            var cumulative = 0
            for group in StatusGroup.allCases {
                cumulative += bar.counts[group] ?? 0
                let end = Int((Double(cumulative) * Double(width) / Double(total)).rounded())
                if end > used, let symbol = symbols[group] {
                    cells += String(repeating: symbol, count: end - used)
                    used = end
                }
            }
            let done = bar.counts[.implemented] ?? 0
            lines.append(
                DisplayWidth.pad(DisplayWidth.truncate(bar.label, to: labelWidth), to: labelWidth) + "  " + cells
                    + "  \(done)/\(bar.total)")
        }
        lines.append(legend(chart.legend))
        return lines.joined(separator: "\n")
    }

    /// Entries counted per year, with one symbol per entry in its status.
    static func timeline(_ timeline: Timeline) -> String {
        var lines = [timeline.title]
        let byYear = Dictionary(grouping: timeline.points, by: \.date.year)
        for year in byYear.keys.sorted() {
            let points = (byYear[year] ?? []).sorted { $0.date < $1.date }
            let marks = String(points.compactMap { symbols[$0.group] }.prefix(60))
            lines.append("\(year)  \(marks)\(points.count > 60 ? "…" : "")  \(points.count)")
        }
        if timeline.points.isEmpty { lines.append("(none)") }
        lines.append(legend(timeline.legend))
        return lines.joined(separator: "\n")
    }

    static func legend(_ legend: [StatusGroup: String]) -> String {
        StatusGroup.allCases.compactMap { group in legend[group].map { "\(symbols[group] ?? " ") \($0)" } }
            .joined(separator: "   ")
    }
}
