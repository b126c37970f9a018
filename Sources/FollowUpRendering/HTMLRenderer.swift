import FollowUpModel
import FollowUpReports
import Foundation
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
        let body = fragment(document)
        var footer = ""
        for case .footer(let text) in document.blocks {
            footer += "<p>\(escape(text))</p>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-Hans" : language.rawValue)"\(language == .ar ? " dir=\"rtl\"" : "")>
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(escape(title))</title>
            <style>
            \(css)\(pageMargins(document.runningHeader))
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            <footer>
            \(footer.isEmpty ? "<p>FollowUp</p>\n" : footer)</footer>
            </body>
            </html>

            """
    }

    /// The document's blocks as HTML, without the page around them or the footer: what a page of
    /// the published site (`followup publish`) sets inside its own frame. Level-1 headings become
    /// `h1`; the charts are inline SVG.
    public static func fragment(_ document: OutputDocument) -> String {
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
            case .footer:
                break
            }
        }
        return body
    }

    /// The reports' style sheet (the published site links it as one file).
    public static let css = """
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
        th { background: #f6f8fa; position: sticky; top: 0; word-break: keep-all; font-size: .8rem; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.nowrap { white-space: nowrap; }
        td.wrap { min-width: 7.5rem; }
        tbody:nth-of-type(even) td { background: #fbfcfd; }
        tr.under td { border-top: none; color: #32383f; padding: .1rem .35rem .45rem 1.2rem; }
        tr.under td::before { content: attr(data-label) ": "; font-weight: 600; color: #57606a; }
        figure { margin: 1rem 0; }
        figcaption { font-weight: 600; margin-bottom: .3rem; }
        svg text { font-size: 11px; fill: #1f2328; }
        svg text.n { font-size: 9px; font-weight: 600; }
        ol.timeline-key { columns: 22rem auto; column-gap: 2rem; font-size: .8rem; padding-left: 2.2rem; margin: .5rem 0; }
        ol.timeline-key li { break-inside: avoid; }
        ol.timeline-key .dot { display: inline-block; width: .6rem; height: .6rem; border-radius: 50%; margin-right: .35rem;
          background: var(--c); border: 1px solid #57606a; }
        .legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .8rem; margin-top: .3rem; }
        .legend span::before { content: ""; display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem;
          vertical-align: -.1rem; background: var(--c); border: 1px solid #8c959f; }
        footer { color: #8c959f; font-size: .75rem; text-align: center; }
        /* On a phone, each row is a card: every cell on its own line after its column's name. */
        @media (max-width: 40rem) {
          main { padding: .75rem; }
          dl.fields { grid-template-columns: 1fr; }
          dl.fields dd { margin-bottom: .3rem; }
          div.table table, div.table tbody, div.table tr, div.table td { display: block; width: auto; }
          div.table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
          div.table tbody { border: 1px solid #d0d7de; margin-bottom: .6rem; }
          div.table td { border: none; white-space: normal; text-align: left; padding: .1rem .5rem; }
          div.table td::before { content: attr(data-label) ": "; font-weight: 600; color: #57606a; }
          tr.under td { padding-left: .5rem; }
        }
        @page { size: A4 landscape; margin: 14mm 12mm; }
        @media print {
          body { font-size: 9pt; }
          main { max-width: none; padding: 0; }
          div.table { overflow: visible; }
          table { font-size: 7.5pt; }
          /* break-word, not anywhere: a header's longest word stays its narrowest width. */
          td { overflow-wrap: break-word; }
          thead { display: table-header-group; }
          th { position: static; }
          h2 { break-after: avoid; }
          tbody, figure, li { break-inside: avoid; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        /* Right to left (Arabic): each cell and paragraph takes the direction of its own text,
           so that a recommendation in Chinese or English still reads left to right; charts keep
           their axis. */
        html[dir=rtl] td, html[dir=rtl] th, html[dir=rtl] p, html[dir=rtl] dd { unicode-bidi: plaintext; }
        html[dir=rtl] svg { direction: ltr; }
        """

    /// The printed page's running header (`header`, on the left) and page numbers (on the right),
    /// in the page margins, where Chromium and other engines with CSS paged media draw them.
    static func pageMargins(_ header: String?) -> String {
        var rules =
            "\n@page { @bottom-right { content: counter(page) \" / \" counter(pages); font-size: 8pt; color: #57606a; }"
        if let header {
            rules += " @top-left { content: \"\(cssString(header))\"; font-size: 8pt; color: #57606a; }"
        }
        return rules + " }"
    }

    /// `text` as the inside of a CSS string: quotes, backslashes and line breaks escaped, and `<`
    /// too, so that nothing in it can close the style element.
    static func cssString(_ text: String) -> String {
        var result = ""
        for scalar in FieldText.displaySafe(text, singleLine: true).unicodeScalars {
            switch scalar {
            case "\\", "\"", "<", ">", "&", "\n", "\r": result += "\\" + String(scalar.value, radix: 16) + " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A table: one `tbody` per row, so that a row and the text under it stay together on paper.
    /// Each cell carries its column's header (`data-label`), which a phone shows before the value
    /// when rows become cards.
    static func render(_ table: TextTable) -> String {
        let inline = table.columns.indices.filter { !table.columns[$0].underRow }
        let under = table.columns.indices.filter { table.columns[$0].underRow }
        var html = "<div class=\"table\"><table>\n<thead><tr>"
        for index in inline {
            let column = table.columns[index]
            html += "<th\(column.alignRight ? " class=\"num\"" : "") scope=\"col\">\(escape(column.header))</th>"
        }
        html += "</tr></thead>\n"
        for row in table.rows {
            html += "<tbody><tr>"
            for index in inline {
                let cell = index < row.count ? row[index] : ""
                let column = table.columns[index]
                // Short cells (a status, "作为会员国", a date) stay on one line; long text wraps.
                let kind =
                    column.alignRight
                    ? " class=\"num\"" : DisplayWidth.of(cell) <= 16 ? " class=\"nowrap\"" : " class=\"wrap\""
                let content = table.links[cell].map { "<a href=\"\(escape($0))\">\(escape(cell))</a>" } ?? linked(cell)
                html += "<td\(kind) data-label=\"\(escape(column.header))\">\(content)</td>"
            }
            html += "</tr>"
            for index in under where index < row.count && !["", "—"].contains(row[index]) {
                html +=
                    "<tr class=\"under\"><td colspan=\"\(max(1, inline.count))\" data-label=\"\(escape(table.columns[index].header))\">\(linked(row[index]))</td></tr>"
            }
            html += "</tbody>\n"
        }
        if table.rows.isEmpty {
            html += "<tbody><tr><td colspan=\"\(max(1, inline.count))\">—</td></tr></tbody>\n"
        }
        return html + "</table></div>\n"
    }

    static func legend(_ legend: [StatusGroup: String]) -> String {
        let items = StatusGroup.allCases.compactMap { group in
            legend[group].map { "<span style=\"--c: \(colours[group] ?? "#fff")\">\(escape($0))</span>" }
        }
        return "<div class=\"legend\">" + items.joined() + "</div>\n"
    }

    /// Horizontal stacked bars, one row per bar, with the label on the left.
    static func bars(_ chart: StatusChart) -> String {
        "<figure>\n<figcaption>\(escape(chart.title))</figcaption>\n" + barsSVG(chart) + legend(chart.legend)
            + "</figure>\n"
    }

    /// The bars as an SVG picture, the page's style sheet applying to it.
    static func barsSVG(_ chart: StatusChart) -> String {
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
        return svg
    }

    /// Entries on a time axis, stacked where they share a month. Up to ``Timeline/labelledPoints``
    /// entries, each is a numbered dot and the list under the chart says what each number is (date,
    /// actor, status, recommendation); beyond that, each month is a column of its entries coloured
    /// by status, with its count on top.
    static func timeline(_ timeline: Timeline) -> String {
        guard let svg = timelineSVG(timeline) else {
            return "<figure>\n<figcaption>\(escape(timeline.title))</figcaption>\n<p>—</p>\n</figure>\n"
        }
        var key = ""
        let points = timeline.sortedPoints
        if !points.isEmpty && points.count <= Timeline.labelledPoints {
            key = "<ol class=\"timeline-key\">\n"
            for point in points {
                key +=
                    "<li><span class=\"dot\" style=\"--c: \(colours[point.group] ?? "#fff")\"></span>\(escape(point.date.description)) · \(escape(point.label))</li>\n"
            }
            key += "</ol>\n"
        }
        return "<figure>\n<figcaption>\(escape(timeline.title))</figcaption>\n" + svg + legend(timeline.legend) + key
            + "</figure>\n"
    }

    /// The timeline as an SVG picture (`nil` without entries), the page's style sheet applying to it.
    static func timelineSVG(_ timeline: Timeline) -> String? {
        let months = timeline.monthCounts
        guard let first = months.first, let last = months.last else { return nil }
        let points = timeline.sortedPoints
        let numbered = !points.isEmpty && points.count <= Timeline.labelledPoints
        let startYear = first.year
        let endYear = max(last.year, startYear) + 1
        let width = 900
        let left = 30
        let right = 30
        let step = Double(width - left - right) / Double((endYear - startYear) * 12)
        func slot(_ year: Int, _ month: Int) -> Int { (year - startYear) * 12 + month - 1 }
        let tallest = months.map(\.total).max() ?? 1
        // Numbered dots stack 16 px apart; columns of many entries scale to 120 px.
        let unit = numbered ? 16.0 : min(12.0, 120.0 / Double(tallest))
        let plotHeight = Int((Double(tallest) * unit).rounded(.up)) + (numbered ? 8 : 20)
        let axisY = plotHeight + 10
        let height = axisY + 26
        var marks = ""
        if numbered {
            let perMonth = Dictionary(grouping: points.enumerated().map { (number: $0.offset + 1, point: $0.element) })
            {
                slot($0.point.date.year, $0.point.date.month)
            }
            for (index, entries) in perMonth.sorted(by: { $0.key < $1.key }) {
                let x = Double(left) + (Double(index) + 0.5) * step
                for (level, (number, point)) in entries.enumerated() {
                    let y = Double(axisY) - 10 - Double(level) * unit
                    let fill = colours[point.group] ?? "#fff"
                    let ink = [.inProgress, .unreported].contains(point.group) ? "#1f2328" : "#fff"
                    marks +=
                        "<g><title>\(escape("\(number). \(point.date) · \(point.label)"))</title><circle cx=\"\(format(x))\" cy=\"\(format(y))\" r=\"7.5\" fill=\"\(fill)\" stroke=\"#57606a\" stroke-width=\"0.5\"/><text x=\"\(format(x))\" y=\"\(format(y + 3))\" text-anchor=\"middle\" class=\"n\" fill=\"\(ink)\">\(number)</text></g>\n"
                }
            }
        } else {
            for month in months {
                let x = Double(left) + (Double(slot(month.year, month.month)) + 0.5) * step
                let name = "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
                var y = Double(axisY)
                for group in StatusGroup.allCases {
                    let count = month.counts[group] ?? 0
                    guard count > 0 else { continue }
                    let barHeight = Double(count) * unit
                    y -= barHeight
                    marks +=
                        "<rect x=\"\(format(x - max(1, step * 0.4)))\" y=\"\(format(y))\" width=\"\(format(max(2, step * 0.8)))\" height=\"\(format(barHeight))\" fill=\"\(colours[group] ?? "#fff")\"><title>\(escape("\(name): \(timeline.legend[group] ?? group.rawValue) \(count)"))</title></rect>\n"
                }
                marks +=
                    "<text x=\"\(format(x))\" y=\"\(format(y - 3))\" text-anchor=\"middle\" class=\"n\">\(month.total)</text>\n"
            }
        }
        var axis = "<line x1=\"\(left)\" y1=\"\(axisY)\" x2=\"\(width - right)\" y2=\"\(axisY)\" stroke=\"#57606a\"/>\n"
        for year in startYear...endYear {
            let x = Double(left) + Double((year - startYear) * 12) * step
            axis +=
                "<line x1=\"\(format(x))\" y1=\"\(axisY)\" x2=\"\(format(x))\" y2=\"\(axisY + 5)\" stroke=\"#57606a\"/><text x=\"\(format(x))\" y=\"\(axisY + 19)\" text-anchor=\"middle\">\(year)</text>\n"
        }
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n<title>\(escape(timeline.title))</title>\n"
            + axis + marks + "</svg>\n"
        return svg
    }

    /// A chart's SVG as a file of its own (a Word report's picture): the styles a page would give
    /// its text, inside it.
    static func standalone(_ svg: String) -> String {
        guard let end = svg.range(of: ">") else { return svg }
        return svg[..<end.upperBound]
            + "<style>text{font-family:Calibri,\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;font-size:11px;fill:#1f2328}"
            + "text.n{font-size:9px;font-weight:600}</style>" + svg[end.upperBound...]
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// `text` escaped, with each web address in it (`http://` or `https://`, up to the next space)
    /// made a link; nothing else becomes markup.
    static func linked(_ text: String) -> String {
        guard holdsSchemeSeparator(text), text.contains("http://") || text.contains("https://")
        else { return escape(text) }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "https://") ?? rest.range(of: "http://") {
            let earlier =
                [rest.range(of: "http://"), rest.range(of: "https://")].compactMap { $0 }
                .min { $0.lowerBound < $1.lowerBound } ?? start
            result += escape(String(rest[..<earlier.lowerBound]))
            var end = rest[earlier.lowerBound...].firstIndex { $0.isWhitespace } ?? rest.endIndex
            // A sentence's closing punctuation is not part of the address.
            while end > earlier.upperBound, let last = rest[..<end].last, ".,;:)）。，；".contains(last) {
                end = rest.index(before: end)
            }
            let address = String(rest[earlier.lowerBound..<end])
            if end > earlier.upperBound {
                result += "<a href=\"\(escape(address))\">\(escape(address))</a>"
            } else {
                result += escape(address)
            }
            rest = rest[end...]
        }
        return result + escape(String(rest))
    }

    /// Whether `text` holds "://": most cells do not, and a scan of their bytes is much cheaper
    /// than a search for each scheme.
    private static func holdsSchemeSeparator(_ text: String) -> Bool {
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x2F && last == 0x2F && beforeLast == 0x3A { return true }
            beforeLast = last
            last = byte
        }
        return false
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        let safe = FieldText.displaySafe(text)
        // By scalar, not by character: a combining mark after "<" must not hide it.
        guard safe.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
        else { return safe }
        var result = String.UnicodeScalarView()
        for scalar in safe.unicodeScalars {
            switch scalar {
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
