import Testing
@testable import FollowUpKit
@testable import FollowUpModel
@testable import FollowUpStore
@testable import FollowUpImport
@testable import FollowUpExchange
@testable import FollowUpReports
@testable import FollowUpReference
@testable import FollowUpBootstrap
@testable import FollowUpRendering

@Suite("Rendering")
struct RenderingTests {
    @Test("display width counts Chinese characters as two columns")
    func displayWidth() {
        #expect(DisplayWidth.of("China") == 5)
        #expect(DisplayWidth.of("中国") == 4)
        // From the Unicode data: East Asian Width and emoji presentation, not a hand-picked list.
        for (text, columns) in [
            ("🚀", 2), ("👨\u{200D}👩\u{200D}👧", 2), ("🇰🇪", 2), ("❤\u{FE0F}", 2), ("❤", 1), ("👍🏽", 2),
            ("e\u{301}", 1), ("한국", 4), ("ｆｕｌｌ", 8), ("〇", 2), ("¶", 1), ("\u{200B}", 0),
        ] {
            #expect(DisplayWidth.of(text) == columns, "\(text)")
            #expect(text.map(DisplayWidth.of).reduce(0, +) == columns, "\(text) by character")
        }
        #expect(DisplayWidth.of("（一）") == 6)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.truncate("科学和技术促进发展委员会", to: 9) == "科学和技…")
    }

    @Test("a table with Chinese and English cells lines up in a terminal")
    func chineseTableAligns() {
        let table = TextTable(
            columns: [.init("CODE"), .init("中文名称"), .init("NAME"), .init("N", alignRight: true)],
            rows: [["CHN", "中国", "China", "7"], ["COD", "刚果民主共和国", "Democratic Republic of the Congo", "12"]])
        let lines = TextRenderer.render(table).split(separator: "\n").map(String.init)
        let cells = [["CODE", "中文名称", "NAME", "N"]] + table.rows
        func offset(of cell: String, in line: String, after position: String.Index) -> (String.Index, Int) {
            let range = line.range(of: cell, range: position..<line.endIndex)!
            return (range.upperBound, DisplayWidth.of(line[line.startIndex..<range.lowerBound]))
        }
        var starts: [[Int]] = []
        var ends: [Int] = []
        for (line, row) in zip([lines[0]] + lines.dropFirst(2), cells) {
            var position = line.startIndex
            var lineStarts: [Int] = []
            for cell in row {
                let (next, start) = offset(of: cell, in: line, after: position)
                position = next
                lineStarts.append(start)
            }
            starts.append(Array(lineStarts.dropLast()))
            ends.append(DisplayWidth.of(line))
        }
        #expect(starts == Array(repeating: [0, 6, 22], count: 3))
        #expect(ends == [56 + 2, 56 + 2, 56 + 2])
        #expect(DisplayWidth.of(lines[1]) == 56 + 2)
    }

    @Test("CSV quotes what needs quoting and neutralises formulas")
    func csv() {
        #expect(CSVField.escape("plain") == "plain")
        #expect(CSVField.escape("a,b") == "\"a,b\"")
        #expect(CSVField.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.escape("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVField.escape("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVField.escape("-12") == "-12")
        let text = CSVRenderer.render(TextTable(columns: [.init("A"), .init("B")], rows: [["1", "x\ny"]]))
        #expect(text == "A,B\r\n1,\"x\ny\"\r\n")
    }

    @Test("HTML makes web addresses links and nothing else markup, the sentence's punctuation left out")
    func evidenceLinks() {
        #expect(
            HTMLRenderer.linked("see https://undocs.org/A/76/64.")
                == "see <a href=\"https://undocs.org/A/76/64\">https://undocs.org/A/76/64</a>.")
        #expect(
            HTMLRenderer.linked("<b>http://x.y/?a=1&b=\"2\"</b> https://")
                == "&lt;b&gt;<a href=\"http://x.y/?a=1&amp;b=&quot;2&quot;&lt;/b&gt;\">http://x.y/?a=1&amp;b=&quot;2&quot;&lt;/b&gt;</a> https://"
        )
        #expect(HTMLRenderer.linked("javascript:alert(1) UNSG/STI/2021 ¶69") == "javascript:alert(1) UNSG/STI/2021 ¶69")
        #expect(HTMLRenderer.linked("（见 https://a.b/c）。") == "（见 <a href=\"https://a.b/c\">https://a.b/c</a>）。")
    }

    @Test("Markdown escapes table borders and HTML")
    func markdown() {
        let text = MarkdownRenderer.render(
            OutputDocument([.table(TextTable(columns: [.init("A")], rows: [["a|b <script>"]]))]))
        #expect(text == "| A |\n| --- |\n| a\\|b &lt;script&gt; |\n")
    }
}
