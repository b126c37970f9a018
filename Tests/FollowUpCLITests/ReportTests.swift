import Foundation
import SnapshotTesting
import Testing
import FollowUpKit
import FollowUpTestSupport

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small dataset that exercises every report: a Chinese resolution dated 2020-06-12 with a
/// recommendation to Eastern Africa due at the end of 2021, one to the LDCs, one to the
/// Secretary-General every year, one declaratory, one to Member States; entries recorded out of
/// date order, a correction, a note that tries to inject HTML, and every status.
func reportFixture() throws -> CLIHarness {
    let cli = CLIHarness()
    try cli.succeed(["init", "--no-seeds"])
    try cli.succeed([
        "documents", "add", "--symbol", "TEST/1", "--title", "测试决议：数字发展", "--date", "2020-06-12", "--language", "zh",
        "--body", "ECOSOC",
    ])
    let recommendations: [[String]] = [
        ["¶1", "鼓励东非各国在2021年底前制定国家数字战略；", "M49-014", "--due", "2021-12-31"],
        ["¶2", "促请最不发达国家加强科学、技术和创新能力；", "LDC"],
        ["¶3", "请秘书长每年报告本决议的执行情况。", "SG", "--cycle", "annual"],
        ["¶4", "欢迎各方作出的努力；", "ALL-STAKEHOLDERS", "--class", "declaratory"],
        ["¶5", "Urges Member States to bridge the <digital> divide & the gender gap;", "MEMBER-STATES"],
    ]
    for item in recommendations {
        try cli.succeed(
            ["recs", "add", "--document", "TEST/1", "--paragraph", item[0], "--text", item[1], "--addressee", item[2]]
                + item.dropFirst(3))
    }
    let updates: [[String]] = [
        [
            "¶1", "KEN", "--status", "implemented", "--as-of", "2021-10-01", "--evidence", "TEST/2 ¶4", "--note",
            "national digital strategy adopted",
        ],
        ["¶1", "ETH", "--status", "in-progress", "--as-of", "2021-03-15", "--note", "strategy drafted"],
        ["¶1", "ETH", "--status", "planned", "--as-of", "2020-09-01"],
        [
            "¶2", "ETH", "--status", "in-progress", "--as-of", "2022-02-01", "--note",
            "<script>alert('x')</script> & co", "--by", "TECH-BANK",
        ],
        ["¶5", "ETH", "--status", "planned", "--response", "supported", "--as-of", "2020-11-30"],
        ["¶3", "SG", "--status", "implemented", "--as-of", "2021-06-30", "--evidence", "https://undocs.org/A/76/64"],
        ["¶1", "UGA", "--status", "implemented", "--as-of", "2023-01-10"],
        [
            "¶1", "UGA", "--status", "in-progress", "--as-of", "2023-01-10", "--supersedes", "7", "--note",
            "corrected: not yet adopted",
        ],
        ["¶1", "RWA", "--status", "not-implemented", "--as-of", "2022-05-01"],
        ["¶1", "TZA", "--status", "no-longer-relevant", "--as-of", "2022-06-01"],
        ["¶1", "BDI", "--status", "not-started", "--as-of", "2021-01-05"],
    ]
    for update in updates {
        try cli.succeed(["update", "TEST/1 " + update[0], "--actor", update[1]] + update.dropFirst(2))
    }
    return cli
}

@Suite("Reports")
struct ReportTests {
    static let fixture = Result { try reportFixture() }

    func output(_ arguments: [String]) throws -> String {
        try Self.fixture.get().succeed(arguments)
    }

    @Test("a timeline of more entries than it lists counts them per month in SQL, and the counts add up")
    func manyEntries() throws {
        let cli = try reportFixture()
        let states = try JSONDecoder().decode(
            RecommendationDetail.self,
            from: Data(try cli.succeed(["recs", "show", "TEST/1 ¶5", "--format", "json"]).utf8)
        ).assignments.map(\.actor).prefix(45)
        for (index, actor) in states.enumerated() {
            try cli.succeed([
                "update", "TEST/1 ¶5", "--actor", actor, "--status", index % 3 == 0 ? "implemented" : "planned",
                "--as-of", "2022-0\(index % 9 + 1)-15",
            ])
        }
        let report = try JSONDecoder().decode(
            DocumentReport.self,
            from: Data(
                try cli.succeed(["report", "document", "TEST/1", "--format", "json", "--as-of", "2024-01-01"]).utf8))
        #expect(report.timelineEntries == 56)
        #expect(report.timeline.isEmpty)
        #expect(report.timelineByMonth.map(\.tally.total).reduce(0, +) == 56)
        // Month 1 holds the states 0, 9, 18, 27, 36: multiples of 3, each implemented.
        #expect(report.timelineByMonth.first { $0.month == "2022-01" }?.tally.counts[.implemented] == 5)
        let text = try cli.succeed(["report", "document", "TEST/1", "--as-of", "2024-01-01"])
        #expect(text.contains("Timeline of progress entries (56)"), "\(text)")
        #expect(text.contains("2022  ") && text.contains("  48\n"), "\(text)")  // 45 and the fixture's 3
        let html = try cli.succeed(["report", "document", "TEST/1", "--as-of", "2024-01-01", "--format", "html"])
        #expect(html.contains("<title>2022-01: implemented 5</title>"))
        #expect(!html.contains("<ol class=\"timeline-key\">"))
    }

    @Test("every tally adds up: each status column, in every row, sums to the total, and no status is missing")
    func talliesAddUp() throws {
        let csv = try output(["report", "document", "TEST/1", "--format", "csv"])
        var reader = CSVReader(bytes: Array(csv.utf8), source: "report.csv")
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.fields) }
        let header = try #require(rows.first)
        let total = try #require(header.firstIndex(of: "Assignments"))
        let groups = StatusGroup.allCases.map { Labels.group($0, .en) }
        let columns = groups.compactMap { header.firstIndex(of: $0) }
        #expect(columns.count == StatusGroup.allCases.count, "\(header)")
        var seen = Set<Int>()
        for row in rows.dropFirst() {
            let counts = columns.map { Int(row[$0]) ?? -1 }
            #expect(counts.reduce(0, +) == Int(row[total]), "\(row)")
            for (index, count) in counts.enumerated() where count > 0 { seen.insert(index) }
        }
        #expect(seen.count == StatusGroup.allCases.count, "the fixture should hold every status")
        for arguments in [
            ["report", "document", "TEST/1"], ["report", "country", "ETH"], ["report", "country", "KEN"],
        ] {
            let json = try JSONSerialization.jsonObject(with: Data(try output(arguments + ["--format", "json"]).utf8))
            let tally = try #require((json as? [String: Any])?["tally"] as? [String: Int])
            #expect(
                StatusGroup.allCases.map { tally[$0.rawValue] ?? -1 }.reduce(0, +) == tally["total"], "\(arguments)")
        }
    }

    @Test(
        "every report in every format matches its snapshot",
        arguments: [
            ("document-table", ["report", "document", "TEST/1"]),
            ("document-table-zh", ["report", "document", "TEST/1", "--lang", "zh"]),
            ("document-markdown", ["report", "document", "TEST/1", "--format", "markdown"]),
            ("document-csv", ["report", "document", "TEST/1", "--format", "csv"]),
            ("document-json", ["report", "document", "TEST/1", "--format", "json"]),
            ("document-html", ["report", "document", "TEST/1", "--format", "html"]),
            ("country-table", ["report", "country", "ETH"]),
            ("country-table-zh", ["report", "country", "ETH", "--lang", "zh"]),
            ("country-markdown", ["report", "country", "ETH", "--format", "markdown"]),
            ("country-csv", ["report", "country", "ETH", "--format", "csv"]),
            ("country-json", ["report", "country", "ETH", "--format", "json"]),
            ("country-html-zh", ["report", "country", "ETH", "--format", "html", "--lang", "zh"]),
            ("audit-table", ["audit", "overdue"]),
            ("audit-by-document-markdown", ["audit", "overdue", "--by", "document", "--format", "markdown"]),
            ("audit-csv", ["audit", "overdue", "--format", "csv"]),
            ("audit-json", ["audit", "overdue", "--group", "LDC", "--format", "json"]),
            ("audit-html", ["audit", "overdue", "--format", "html"]),
        ])
    func snapshots(name: String, arguments: [String]) throws {
        assertSnapshot(of: try output(arguments), as: .lines, named: name)
    }

    @Test("--as-of ignores entries dated later")
    func asOf() throws {
        let decoder = JSONDecoder()
        let now = try decoder.decode(
            CountryReport.self, from: Data(try output(["report", "country", "ETH", "--format", "json"]).utf8))
        let then = try decoder.decode(
            CountryReport.self,
            from: Data(try output(["report", "country", "ETH", "--as-of", "2021-01-01", "--format", "json"]).utf8))
        func status(_ report: CountryReport, _ key: String) -> ImplementationStatus? {
            report.rows.first { $0.key == key }?.status
        }
        #expect(status(now, "TEST/1 ¶1") == .inProgress)
        #expect(status(then, "TEST/1 ¶1") == .planned)
        #expect(status(now, "TEST/1 ¶2") == .inProgress)
        #expect(status(then, "TEST/1 ¶2") == nil)
        #expect(then.rows.first { $0.key == "TEST/1 ¶2" }?.latest == nil)
        let document = try decoder.decode(
            DocumentReport.self,
            from: Data(try output(["report", "document", "TEST/1", "--as-of", "2021-01-01", "--format", "json"]).utf8))
        #expect(document.timeline.map(\.asOf).allSatisfy { $0 <= CalendarDate("2021-01-01")! })
        #expect(document.timeline.count == 2)
        // Nothing was overdue before the due date.
        #expect(document.overdue == 0)
    }

    @Test("an LDC's summary lists what binds it as an LDC and as a Member State")
    func ldcBoundBothWays() throws {
        let report = try JSONDecoder().decode(
            CountryReport.self, from: Data(try output(["report", "country", "ETH", "--format", "json"]).utf8))
        let through = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.key, $0.through) })
        #expect(through["TEST/1 ¶2"] == ["LDC"])
        #expect(through["TEST/1 ¶5"] == ["MEMBER-STATES"])
        #expect(through["TEST/1 ¶1"] == ["M49-014"])
        let table = try output(["report", "country", "ETH"])
        #expect(table.contains("as an LDC"))
        #expect(table.contains("as a Member State"))
        #expect(table.contains("in Eastern Africa"))
        #expect(try output(["report", "country", "ETH", "--lang", "zh"]).contains("作为最不发达国家"))
    }

    @Test("a correction shows in the reports instead of the entry it corrects")
    func correction() throws {
        let report = try JSONDecoder().decode(
            CountryReport.self, from: Data(try output(["report", "country", "UGA", "--format", "json"]).utf8))
        #expect(report.rows.first { $0.key == "TEST/1 ¶1" }?.status == .inProgress)
        #expect(report.rows.first { $0.key == "TEST/1 ¶1" }?.latest?.note == "corrected: not yet adopted")
    }

    @Test("Chinese tables line up in a terminal")
    func chineseTablesAlign() throws {
        let text = try output(["report", "country", "ETH", "--lang", "zh"])
        let lines = text.split(separator: "\n").map(String.init)
        // The recommendations table: its header starts with 编号 and every row with a key.
        let start = try #require(lines.firstIndex { $0.hasPrefix("编号") })
        let rows = lines[start...].prefix { $0.hasPrefix("编号") || $0.hasPrefix("─") || $0.hasPrefix("TEST/1") }
        #expect(rows.count == 2 + 3)
        // The rule under the header marks where each column starts, in display columns.
        let rule = Array(rows[rows.startIndex + 1])
        var columnStarts: [Int] = []
        for (index, character) in rule.enumerated() where character == "─" && (index == 0 || rule[index - 1] == " ") {
            columnStarts.append(DisplayWidth.of(String(rule[..<index])))
        }
        #expect(columnStarts.count == 11)
        // On every line, each column starts exactly there, after two spaces.
        for line in rows where !line.hasPrefix("─") {
            var offsets: [Int: Int] = [:]
            var width = 0
            let characters = Array(line)
            for (index, character) in characters.enumerated() {
                offsets[width] = index
                width += DisplayWidth.of(character)
            }
            for start in columnStarts.dropFirst() {
                let index = try #require(offsets[start], "no character starts at column \(start): \(line)")
                #expect(characters[index - 1] == " " && characters[index - 2] == " ", "\(line)")
            }
        }
    }

    /// Whether `markup` parses as XML, and how many elements it has.
    static func parseAsXML(_ markup: String) -> (ok: Bool, elements: Int, error: String?) {
        final class Delegate: NSObject, XMLParserDelegate {
            var error: Error?
            var elements = 0
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) {
                elements += 1
            }
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
        }
        let parser = XMLParser(data: Data(markup.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        let ok = parser.parse() && delegate.error == nil
        return (ok, delegate.elements, delegate.error.map { "\($0)" })
    }

    @Test("the well-formedness check rejects markup that is not")
    func parserRejectsBrokenMarkup() {
        #expect(!Self.parseAsXML("<html><head><meta charset=\"utf-8\"></head><body></body></html>").ok)
        #expect(!Self.parseAsXML("<p>a <b>b</p></b>").ok)
        #expect(Self.parseAsXML("<p>a <b>b</b></p>").ok)
    }

    @Test(
        "HTML parses as well-formed markup and escapes every text",
        arguments: [
            ["report", "document", "TEST/1", "--format", "html"],
            ["report", "country", "ETH", "--format", "html", "--lang", "zh"],
            ["audit", "overdue", "--format", "html"],
        ])
    func htmlIsWellFormed(arguments: [String]) throws {
        let html = try output(arguments)
        let parsed = Self.parseAsXML(html)
        #expect(parsed.ok, "\(parsed.error ?? "")")
        #expect(parsed.elements > 20)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<digital>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    @Test("the note that tries to inject a script is escaped")
    func scriptEscaped() throws {
        let html = try output(["report", "country", "ETH", "--format", "html"])
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
    }

    @Test("--fail-on-overdue exits 1 when anything is overdue, 0 otherwise")
    func failOnOverdue() throws {
        let cli = try Self.fixture.get()
        #expect(cli.run(["audit", "overdue", "--fail-on-overdue"]).exitCode == 1)
        #expect(cli.run(["audit", "overdue", "--fail-on-overdue", "--actor", "KEN"]).exitCode == 0)
        #expect(cli.run(["audit", "overdue", "--fail-on-overdue", "--as-of", "2021-06-01"]).exitCode == 0)
        #expect(cli.run(["audit", "overdue"]).exitCode == 0)
    }

    @Test("reports refuse formats and languages they do not have")
    func refusals() throws {
        let cli = try Self.fixture.get()
        #expect(cli.run(["report", "document", "NOPE/1"]).exitCode == 1)
        #expect(cli.run(["report", "country", "Atlantis"]).exitCode == 1)
        #expect(cli.run(["report", "document", "TEST/1", "--lang", "de"]).exitCode == 64)
        #expect(cli.run(["recs", "--format", "html"]).exitCode == 65)
        #expect(cli.run(["audit", "overdue", "--group", "KEN"]).standardError.contains("not a group"))
    }

    @Test("the demo builds a database from the seeds and writes ten files")
    func demo() throws {
        let cli = CLIHarness()
        let folder = cli.folder.file("demo")
        let output = try cli.succeed(["demo", "--output-dir", folder])
        #expect(output.contains("E/2020/31: 84 tracked recommendations, 6547 assignments"))
        #expect(output.contains("Wrote 10 files"))
        for name in ["report-E-2020-31", "audit-overdue", "country-ETH", "country-KEN", "country-CHN"] {
            for format in ["html", "md"] {
                #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name).\(format)"), "\(name).\(format)")
            }
        }
        // A second run replaces what the first wrote.
        #expect(try cli.succeed(["demo", "--output-dir", folder]).contains("36 progress entries"))
    }
}

@Suite("Ageing")
struct AgeingTests {
    @Test(
        "items are aged into the right bucket on each side of every boundary",
        arguments: [
            ("2024-01-01", "2024-01-01", AgeBucket.upTo90Days), ("2024-01-01", "2024-03-31", .upTo90Days),
            ("2024-01-01", "2024-04-01", .upTo365Days), ("2024-01-01", "2024-12-31", .upTo365Days),
            ("2024-01-01", "2025-01-01", .oneToTwoYears), ("2024-01-01", "2025-12-31", .oneToTwoYears),
            ("2024-01-01", "2026-01-01", .twoToFiveYears), ("2024-01-01", "2028-12-31", .twoToFiveYears),
            ("2024-01-01", "2029-01-01", .fiveYearsOrMore),
            // A year after 29 February is 28 February: months are added, clamped to the month's end.
            ("2020-02-29", "2021-02-27", .upTo365Days), ("2020-02-29", "2021-02-28", .oneToTwoYears),
        ])
    func buckets(due: String, seen: String, bucket: AgeBucket) {
        #expect(AgeBucket(due: CalendarDate(due)!, on: CalendarDate(seen)!) == bucket)
    }

    @Test("the audit ages overdue and silent items and sorts them oldest first within each group")
    func audit() throws {
        let cli = try reportFixture()
        let audit = try JSONDecoder().decode(
            OverdueAudit.self,
            from: Data(try cli.succeed(["audit", "overdue", "--by", "actor", "--format", "json"]).utf8))
        let secretaryGeneral = try #require(audit.items.first { $0.row.actor == "SG" })
        #expect(secretaryGeneral.reason == .silent)
        #expect(secretaryGeneral.since == CalendarDate("2022-06-30"))
        #expect(secretaryGeneral.bucket == .fourYearsCheck)
        let ethiopia = try #require(audit.items.first { $0.row.actor == "ETH" })
        #expect(ethiopia.reason == .overdue)
        #expect(ethiopia.since == CalendarDate("2021-12-31"))
        #expect(ethiopia.ageDays == 1786)
        #expect(ethiopia.bucket == .twoToFiveYears)
        #expect(!audit.items.contains { $0.row.actor == "KEN" })
        // Eastern Africa had 18 States in the reference data; Kenya implemented and Tanzania's is
        // no longer relevant, so 16 overdue.
        #expect(!audit.items.contains { $0.row.actor == "TZA" })
        #expect(audit.items.filter { $0.reason == .overdue }.count == 16)
        let codes = audit.items.map(\.row.actor)
        #expect(codes == codes.sorted())
    }
}

extension AgeBucket {
    /// 2022-06-30 to 2026-11-21: between two and five years.
    static let fourYearsCheck = AgeBucket.twoToFiveYears
}
