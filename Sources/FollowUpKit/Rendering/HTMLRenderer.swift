/// Renders an ``OutputDocument`` as one self-contained HTML file: inline CSS, inline SVG charts,
/// no scripts, fonts or images fetched from anywhere, every piece of text escaped, printable.
public enum HTMLRenderer {
    /// Colours of the status groups, chosen to stay apart in print and for common colour blindness.
    static let colours: [StatusGroup: String] = [
        .implemented: "#1a7f37", .inProgress: "#e3a008", .notStarted: "#8c959f", .notImplemented: "#cf222e",
        .noLongerRelevant: "#6e40c9", .unreported: "#eaeef2",
    ]

    public static func render(_ document: OutputDocument, language: Language) -> String {
        var title = "FollowUp"
        for case .heading(let text, 1) in document.blocks {
            title = text
            break
        }
        var body = ""
        for block in document.blocks {
            switch block {
            case .heading(let text, let level):
                let tag = "h\(min(max(level, 1), 4))"
                body += "<\(tag)>\(escape(text))</\(tag)>\n"
            case .fields(let pairs):
                body += "<dl class=\"fields\">\n"
                for (label, value) in pairs {
                    body += "<dt>\(escape(label))</dt><dd>\(escape(value))</dd>\n"
                }
                body += "</dl>\n"
            case .table(let table):
                body += render(table)
            case .text(let text):
                body +=
                    text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { "<p>\(escape(String($0)))</p>" }.joined(separator: "\n") + "\n"
            case .bars(let chart):
                body += bars(chart)
            case .timeline(let timeline):
                body += self.timeline(timeline)
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-Hans" : "en")">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(escape(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            <footer><p>FollowUp</p></footer>
            </body>
            </html>

            """
    }

    static let css = """
        :root { color-scheme: light; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
          margin: 0; color: #1f2328; background: #fff; line-height: 1.5; }
        main { max-width: 130rem; margin: 0 auto; padding: 1.5rem; }
        svg { max-width: 100%; height: auto; }
        h1 { font-size: 1.6rem; border-bottom: 3px solid #0969da; padding-bottom: .3rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
        dl.fields dt { font-weight: 600; color: #57606a; }
        dl.fields dd { margin: 0; }
        /* A table wider than the window scrolls on its own; the page does not. */
        div.table { overflow-x: auto; margin: .5rem 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: .85rem; }
        th, td { border: 1px solid #d0d7de; padding: .2rem .35rem; vertical-align: top; text-align: left; }
        th { background: #f6f8fa; position: sticky; top: 0; }
        th { word-break: keep-all; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td:first-child, td.nowrap { white-space: nowrap; }
        td:last-child { min-width: 20rem; }
        tr:nth-child(even) td { background: #fbfcfd; }
        figure { margin: 1rem 0; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        svg text { font-size: 11px; fill: #1f2328; }
        .legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .8rem; margin-top: .3rem; }
        .legend span::before { content: ""; display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem;
          vertical-align: -.1rem; background: var(--c); border: 1px solid #8c959f; }
        footer { color: #8c959f; font-size: .75rem; text-align: center; }
        @media (max-width: 40rem) {
          main { padding: .75rem; }
          td:last-child { min-width: 14rem; }
        }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { font-size: 9pt; }
          main { max-width: none; padding: 0; }
          div.table { overflow: visible; }
          table { font-size: 7.5pt; }
          table { table-layout: fixed; }
          th.num { width: 3.6%; }
          th:first-child, th:nth-child(2) { width: 8%; }
          td:first-child, td.nowrap { white-space: normal; }
          th:last-child, td:last-child { min-width: 0; width: 26%; }
          td, th { overflow-wrap: break-word; }
          thead { display: table-header-group; }
          th { position: static; }
          h2 { break-after: avoid; }
          tr, figure { break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """

    static func render(_ table: TextTable) -> String {
        var html = "<div class=\"table\"><table>\n<thead><tr>"
        for column in table.columns {
            html += "<th\(column.alignRight ? " class=\"num\"" : "") scope=\"col\">\(escape(column.header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let numeric = index < table.columns.count && table.columns[index].alignRight
                // Short cells (a status, "作为会员国", a date) stay on one line; long text wraps.
                let short = DisplayWidth.of(cell) <= 16
                html += "<td\(numeric ? " class=\"num\"" : short ? " class=\"nowrap\"" : "")>\(escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        if table.rows.isEmpty {
            html += "<tr><td colspan=\"\(max(1, table.columns.count))\">—</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    static func legend(_ legend: [StatusGroup: String]) -> String {
        let items = StatusGroup.allCases.compactMap { group in
            legend[group].map { "<span style=\"--c: \(colours[group] ?? "#fff")\">\(escape($0))</span>" }
        }
        return "<div class=\"legend\">" + items.joined() + "</div>\n"
    }

    /// Horizontal stacked bars, one row per bar, with the label on the left.
    static func bars(_ chart: StatusChart) -> String {
        let rowHeight = 18
        let labelWidth = min(280, 40 + 7 * (chart.bars.map { DisplayWidth.of($0.label) }.max() ?? 10))
        let barWidth = 560
        let height = chart.bars.count * rowHeight + 4
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 260)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 260) \(height)\">\n"
        svg += "<title>\(escape(chart.title))</title>\n"
        for (index, bar) in chart.bars.enumerated() {
            let y = index * rowHeight + 2
            svg +=
                "<text x=\"\(labelWidth - 6)\" y=\"\(y + 12)\" text-anchor=\"end\">\(escape(DisplayWidth.truncate(bar.label, to: 40)))</text>\n"
            var x = Double(labelWidth)
            let total = max(bar.total, 1)
            for group in StatusGroup.allCases {
                let count = bar.counts[group] ?? 0
                guard count > 0 else { continue }
                let width = Double(barWidth) * Double(count) / Double(total)
                svg +=
                    "<rect x=\"\(format(x))\" y=\"\(y)\" width=\"\(format(width))\" height=\"\(rowHeight - 4)\" fill=\"\(colours[group] ?? "#fff")\"><title>\(escape(chart.legend[group] ?? group.rawValue)): \(count)</title></rect>\n"
                x += width
            }
            svg +=
                "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(rowHeight - 4)\" fill=\"none\" stroke=\"#8c959f\" stroke-width=\"0.5\"/>\n"
            // Every status present with its count, in its colour, then the total.
            let counts = StatusGroup.allCases.compactMap { group -> String? in
                guard let count = bar.counts[group], count > 0 else { return nil }
                return
                    "<tspan fill=\"\(group == .unreported ? "#57606a" : colours[group] ?? "#1f2328")\">■</tspan> \(count)"
            }
            svg +=
                "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 12)\">\(counts.joined(separator: "  ")) / \(bar.total)</text>\n"
        }
        svg += "</svg>\n"
        return "<figure>\n<figcaption>\(escape(chart.title))</figcaption>\n" + svg + legend(chart.legend)
            + "</figure>\n"
    }

    /// Entries as dots on a time axis, stacked where they share a month.
    static func timeline(_ timeline: Timeline) -> String {
        guard let first = timeline.points.map(\.date).min(), let last = timeline.points.map(\.date).max() else {
            return "<figure>\n<figcaption>\(escape(timeline.title))</figcaption>\n<p>—</p>\n</figure>\n"
        }
        let startYear = first.year
        let endYear = max(last.year, startYear) + 1
        let months = (endYear - startYear) * 12
        let width = 880
        let left = 30
        let step = Double(width - left - 10) / Double(months)
        var stacks: [Int: Int] = [:]
        var dots = ""
        for point in timeline.points.sorted(by: { $0.date < $1.date }) {
            let month = (point.date.year - startYear) * 12 + point.date.month - 1
            let level = stacks[month, default: 0]
            stacks[month] = level + 1
            let x = Double(left) + (Double(month) + 0.5) * step
            let y = 150 - 12 - level * 9
            guard y > 8 else { continue }
            dots +=
                "<circle cx=\"\(format(x))\" cy=\"\(y)\" r=\"4\" fill=\"\(colours[point.group] ?? "#fff")\" stroke=\"#57606a\" stroke-width=\"0.5\"><title>\(escape(point.date.description + " · " + point.label))</title></circle>\n"
        }
        var axis = "<line x1=\"\(left)\" y1=\"145\" x2=\"\(width - 10)\" y2=\"145\" stroke=\"#57606a\"/>\n"
        for year in startYear...endYear {
            let x = Double(left) + Double((year - startYear) * 12) * step
            axis +=
                "<line x1=\"\(format(x))\" y1=\"145\" x2=\"\(format(x))\" y2=\"150\" stroke=\"#57606a\"/><text x=\"\(format(x))\" y=\"164\" text-anchor=\"middle\">\(year)</text>\n"
        }
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"170\" viewBox=\"0 0 \(width) 170\">\n<title>\(escape(timeline.title))</title>\n"
            + axis + dots + "</svg>\n"
        return "<figure>\n<figcaption>\(escape(timeline.title))</figcaption>\n" + svg + legend(timeline.legend)
            + "</figure>\n"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in FieldText.displaySafe(text) {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
