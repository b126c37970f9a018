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
public enum TextRenderer {
    public static func render(_ document: OutputDocument) -> String {
        var parts: [String] = []
        for block in document.blocks {
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
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// Escapes what Markdown would read as markup or as a table border, and HTML tags.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n": result += "<br>"
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
        var lines = [table.columns.map { field($0.header) }.joined(separator: ",")]
        lines += table.rows.map { $0.map(field).joined(separator: ",") }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, neutralised and quoted where needed.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
            Double(text) == nil
        {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
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
