import Foundation
import FollowUpModel
import FollowUpReports

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
    /// The HTML report printed to PDF by headless Chromium (reports only, to a file).
    case pdf
    /// A Word document with Word's heading, table and paragraph styles (reports only, to a file).
    case docx

    public static let vocabularyName = "format"
}

/// Renders an ``OutputDocument`` as text aligned by display width, for a terminal.
///
/// Every piece of text is made display-safe first (``FieldText/displaySafe(_:singleLine:)``):
/// no escape sequence or bidirectional override from a note or a file reaches the terminal.
public enum TextRenderer {
    /// Renders `document`. With `width` (a terminal's), tables and paragraphs are fitted to it:
    /// text columns wrap, other cells too wide are cut with `…`; without, every value is whole
    /// (for pipes and files).
    public static func render(_ document: OutputDocument, width: Int? = nil) -> String {
        // One UTF-8 buffer for the whole document, blocks separated by a blank line.
        var output: [UInt8] = []
        for (number, block) in document.blocks.enumerated() {
            if number > 0 { output.append(contentsOf: "\n\n".utf8) }
            var part: String
            switch block.displaySafe {
            case .heading(let text, let level):
                let lines = width.map { DisplayWidth.wrap(text, to: $0) } ?? [text]
                let rule = level == 1 ? "═" : "─"
                part =
                    lines.joined(separator: "\n") + "\n"
                    + String(repeating: rule, count: lines.map { DisplayWidth.of($0) }.max() ?? 0)
            case .fields(let pairs):
                let labelWidth = pairs.map { DisplayWidth.of($0.0) }.max() ?? 0
                part = pairs.map { label, value in
                    let indent = labelWidth + 2
                    let lines =
                        width.map { DisplayWidth.wrap(value, to: max(20, $0 - indent)) }
                        ?? [value]
                    return DisplayWidth.pad(label + ":", to: labelWidth + 1) + " "
                        + lines.joined(separator: "\n" + String(repeating: " ", count: indent))
                }.joined(separator: "\n")
            case .table(let table):
                render(table, width: width, into: &output)
                continue
            case .text(let text), .footer(let text):
                part = (width.map { DisplayWidth.wrap(text, to: $0) } ?? [text]).joined(separator: "\n")
            case .bars(let chart):
                part = ChartText.bars(chart, lineWidth: width)
            case .timeline(let timeline):
                part = ChartText.timeline(timeline, lineWidth: width)
            }
            output.append(contentsOf: part.utf8)
        }
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// The table alone: a header, a rule, and one line per row.
    ///
    /// Fitting to `width`, in the order a person would:
    /// 1. columns with nothing in them (every cell empty or `—`) are left out;
    /// 2. the flexible columns (those with a `maxWidth`: text, notes, names) shrink, widest first,
    ///    down to 12 columns, and their cells wrap (at most `maxLines` lines, the last cut with `…`);
    /// 3. if that is not enough, the flexible columns, then the rightmost others, leave the table
    ///    and are printed under each row as indented `Header: value` lines, wrapped to the width.
    /// Other cells wider than their column are cut with `…`. When rows carry lines under them or
    /// wrap to three lines or more, rows are separated by a blank line so that each reads as one.
    public static func render(_ table: TextTable, width: Int? = nil, maxLines: Int = 6) -> String {
        var output: [UInt8] = []
        render(table, width: width, maxLines: maxLines, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The table, written as UTF-8 at the end of `output`, each line without the spaces that pad
    /// its last cell: a String per padded cell, per line and per table cost most of a 77,000-row
    /// audit. A row whose cells all fit is written straight from them, with widths measured once.
    static func render(_ table: TextTable, width: Int?, maxLines: Int = 6, into output: inout [UInt8]) {
        let count = table.columns.count
        var columns = Array(table.columns.indices)
        let cells =
            table.rows.allSatisfy { $0.count == count && !$0.contains { $0.utf8.contains(UInt8(ascii: "\n")) } }
            ? table.rows
            : table.rows.map { row in
                table.columns.indices.map { index in
                    index < row.count ? row[index].replacingASCII("\n", with: " ") : ""
                }
            }
        if width != nil && !cells.isEmpty {
            columns = columns.filter { index in cells.contains { $0[index] != "" && $0[index] != "—" } || index == 0 }
        }
        // Fitted, a numeric column's header may take two lines ("no longer" / "relevant").
        func headerWidth(_ index: Int) -> Int {
            let header = table.columns[index].header
            guard width != nil, table.columns[index].alignRight else { return DisplayWidth.of(header) }
            return header.split(separator: " ").map { DisplayWidth.of($0) }.max() ?? 0
        }
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(cells.count * count)
        for row in cells { for cell in row { cellWidths.append(DisplayWidth.of(cell)) } }
        var natural = table.columns.indices.map(headerWidth)
        for (offset, cellWidth) in cellWidths.enumerated() where cellWidth > natural[offset % count] {
            natural[offset % count] = cellWidth
        }
        var widths = natural
        var stacked: [Int] = []
        func total(_ shown: [Int]) -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * max(0, shown.count - 1) }
        if let width, total(columns) > width {
            let flexible = columns.filter { table.columns[$0].maxWidth != nil }
            func floor(_ index: Int) -> Int { max(12, headerWidth(index)) }
            while total(columns) > width,
                let widest = flexible.filter({ widths[$0] > floor($0) }).max(by: { widths[$0] < widths[$1] })
            {
                widths[widest] -= 1
            }
            if total(columns) > width {
                widths = natural
                stacked = flexible
                var inline = columns.filter { !flexible.contains($0) }
                while total(inline) > width && inline.count > 1 { stacked.insert(inline.removeLast(), at: 0) }
                stacked.sort()
                columns = inline
            }
        }
        func lines(_ index: Int, _ text: String) -> [String] {
            guard width != nil, DisplayWidth.of(text) > widths[index] else { return [text] }
            guard table.columns[index].maxWidth != nil else { return [DisplayWidth.truncate(text, to: widths[index])] }
            var wrapped = DisplayWidth.wrap(text, to: widths[index])
            if wrapped.count > maxLines {
                wrapped = Array(wrapped.prefix(maxLines))
                wrapped[maxLines - 1] = DisplayWidth.truncate(wrapped[maxLines - 1] + " …", to: widths[index])
            }
            return wrapped
        }
        var started = false
        func newLine() {
            if started { output.append(UInt8(ascii: "\n")) }
            started = true
        }
        func spaces(_ count: Int) {
            if count > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
        }
        func trim(from start: Int) {
            while output.count > start, output[output.count - 1] == UInt8(ascii: " ") { output.removeLast() }
        }
        /// One line of `values`, one per shown column.
        func line(_ values: [String]) {
            newLine()
            let start = output.count
            for (position, value) in values.enumerated() {
                let index = columns[position]
                let last = position == values.count - 1
                let alignRight = table.columns[index].alignRight
                let padding = last && !alignRight ? 0 : max(0, widths[index] - DisplayWidth.of(value))
                if alignRight { spaces(padding) }
                output.append(contentsOf: value.utf8)
                if !alignRight { spaces(padding) }
                if !last { spaces(2) }
            }
            trim(from: start)
        }
        /// A line as it is (a rule, a value under its row).
        func raw(_ text: String) {
            newLine()
            let start = output.count
            output.append(contentsOf: text.utf8)
            trim(from: start)
        }
        let headers = columns.map { index in
            let header = table.columns[index].header
            return DisplayWidth.of(header) > widths[index] ? DisplayWidth.wrap(header, to: widths[index]) : [header]
        }
        let headerHeight = headers.map(\.count).max() ?? 1
        // Wrapped headers sit on the rule, like the one-line ones.
        for number in 0..<headerHeight {
            line(headers.map { number >= headerHeight - $0.count ? $0[number - (headerHeight - $0.count)] : "" })
        }
        raw(columns.map { String(repeating: "─", count: widths[$0]) }.joined(separator: "  "))
        // The rows that do not fit on one line, cut into their lines.
        var wrapped: [Int: [[String]]] = [:]
        if width != nil {
            for (number, row) in cells.enumerated()
            where columns.contains(where: { cellWidths[number * count + $0] > widths[$0] }) {
                wrapped[number] = columns.map { lines($0, row[$0]) }
            }
        }
        // A blank line between rows when rows carry lines under them or wrap deeply; a name that
        // takes two lines reads well enough without (the next row starts in the first column).
        let spaced = !stacked.isEmpty || wrapped.values.contains { $0.contains { $0.count > 2 } }
        for (number, row) in cells.enumerated() {
            if spaced && number > 0 { newLine() }
            if let parts = wrapped[number] {
                let height = parts.map(\.count).max() ?? 1
                for index in 0..<height { line(parts.map { index < $0.count ? $0[index] : "" }) }
            } else {
                // Straight from the row's cells, their widths measured already.
                newLine()
                let start = output.count
                for (position, index) in columns.enumerated() {
                    let last = position == columns.count - 1
                    let alignRight = table.columns[index].alignRight
                    let padding = last && !alignRight ? 0 : max(0, widths[index] - cellWidths[number * count + index])
                    if alignRight { spaces(padding) }
                    output.append(contentsOf: row[index].utf8)
                    if !alignRight { spaces(padding) }
                    if !last { spaces(2) }
                }
                trim(from: start)
            }
            for index in stacked
            where !row[index].isEmpty && row[index] != "—" && !(table.columns[index].alignRight && row[index] == "0") {
                let label = table.columns[index].header + ": "
                for text in DisplayWidth.wrap(label + row[index], to: (width ?? 80) - 4) { raw("    " + text) }
            }
        }
        if table.rows.isEmpty { raw("(none)") }
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
            case .footer(let text):
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
        // An empty cell is empty: the "—" that tables show for "nothing" would be data here.
        func cell(_ text: String) -> String { text == "—" ? "" : CSVField.escape(FieldText.displaySafe(text)) }
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

    /// One line per bar: label, a bar of at most 40 columns, and every status's count with its
    /// symbol. Lengths are proportional to the counts (largest remainders, so equal counts get
    /// equal lengths); a status with any count gets at least one cell. With `lineWidth`, the
    /// bar narrows and the legend wraps to fit.
    static func bars(_ chart: StatusChart, lineWidth: Int? = nil) -> String {
        let labelWidth = min(40, chart.bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        func counts(_ bar: StatusChart.Bar) -> String {
            StatusGroup.allCases.compactMap { group in
                (bar.counts[group] ?? 0) > 0 ? "\(symbols[group] ?? " ")\(bar.counts[group] ?? 0)" : nil
            }.joined(separator: " ") + " / \(bar.total)"
        }
        let countsWidth = chart.bars.map { DisplayWidth.of(counts($0)) }.max() ?? 0
        let width = max(10, min(40, (lineWidth ?? .max / 2) - labelWidth - countsWidth - 4))
        var lines = [chart.title]
        for bar in chart.bars {
            var cells = ""
            for (group, length) in zip(StatusGroup.allCases, lengths(bar, width: width)) {
                cells += String(repeating: symbols[group] ?? " ", count: length)
            }
            lines.append(
                DisplayWidth.pad(DisplayWidth.truncate(bar.label, to: labelWidth), to: labelWidth) + "  "
                    + DisplayWidth.pad(cells, to: width) + "  " + counts(bar))
        }
        lines += legendLines(chart.legend, width: lineWidth)
        return lines.joined(separator: "\n")
    }

    /// The cells of each status group (in `StatusGroup.allCases` order) in a bar of `width`.
    static func lengths(_ bar: StatusChart.Bar, width: Int) -> [Int] {
        let counts = StatusGroup.allCases.map { bar.counts[$0] ?? 0 }
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        let exact = counts.map { Double($0) * Double(width) / Double(total) }
        var cells = exact.map { Int($0.rounded(.down)) }
        // Largest remainders first; ties go to the earlier group, so equal counts stay equal
        // unless a single cell cannot be split.
        let order = exact.indices.sorted { (exact[$0] - Double(cells[$0]), -$0) > (exact[$1] - Double(cells[$1]), -$1) }
        for index in order.prefix(width - cells.reduce(0, +)) { cells[index] += 1 }
        // Every status present shows, taking a cell from the longest.
        for index in counts.indices where counts[index] > 0 && cells[index] == 0 {
            if let longest = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[longest] > 1 {
                cells[longest] -= 1
                cells[index] = 1
            }
        }
        return cells
    }

    /// Entries counted per year, with one symbol per entry in its status; up to
    /// ``Timeline/labelledPoints`` entries, each listed under its year with what it is.
    static func timeline(_ timeline: Timeline, lineWidth: Int? = nil) -> String {
        var lines = [timeline.title]
        let listed = !timeline.points.isEmpty && timeline.points.count <= Timeline.labelledPoints
        let byYear = Dictionary(grouping: timeline.points, by: \.date.year)
        let months = Dictionary(grouping: timeline.monthCounts, by: \.year)
        for year in months.keys.sorted() {
            var counts: [StatusGroup: Int] = [:]
            for month in months[year] ?? [] { counts.merge(month.counts, uniquingKeysWith: +) }
            let total = counts.values.reduce(0, +)
            // One symbol per entry, in date order when they are listed, by status otherwise.
            let marks =
                listed
                ? String((byYear[year] ?? []).sorted { $0.date < $1.date }.compactMap { symbols[$0.group] })
                : StatusGroup.allCases.map { String(repeating: symbols[$0] ?? " ", count: min(60, counts[$0] ?? 0)) }
                    .joined()
            lines.append("\(year)  \(marks.prefix(60))\(marks.count > 60 ? "…" : "")  \(total)")
            guard listed else { continue }
            for point in (byYear[year] ?? []).sorted(by: { $0.date < $1.date }) {
                let line = "      \(point.date) \(symbols[point.group] ?? " ") \(point.label)"
                lines.append(lineWidth.map { DisplayWidth.truncate(line, to: $0) } ?? line)
            }
        }
        if months.isEmpty { lines.append("(none)") }
        lines += legendLines(timeline.legend, width: lineWidth)
        return lines.joined(separator: "\n")
    }

    static func legend(_ legend: [StatusGroup: String]) -> String {
        legendLines(legend, width: nil).joined(separator: "\n")
    }

    /// The legend's entries on as few lines of at most `width` columns as they take.
    static func legendLines(_ legend: [StatusGroup: String], width: Int?) -> [String] {
        let entries = StatusGroup.allCases.compactMap { group in legend[group].map { "\(symbols[group] ?? " ") \($0)" }
        }
        var lines: [String] = []
        for entry in entries {
            if let last = lines.last, DisplayWidth.of(last) + 3 + DisplayWidth.of(entry) <= (width ?? .max / 2) {
                lines[lines.count - 1] = last + "   " + entry
            } else {
                lines.append(entry)
            }
        }
        return lines
    }
}
