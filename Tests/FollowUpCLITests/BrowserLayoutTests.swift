import Foundation
import Testing
import FollowUpTestTiers
import FollowUpKit
import FollowUpTestSupport

/// Headless Chromium, where installed (`.ci/run` installs Debian's `chromium` and sets
/// `FOLLOWUP_REQUIRE_BROWSER=1`, so that there a missing browser fails instead of skipping).
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["FOLLOWUP_REQUIRE_BROWSER"] == "1"

    /// Runs Chromium with `arguments` and returns what it printed.
    static func run(_ arguments: [String], in folder: TemporaryFolder) throws -> String {
        let browser = try #require(path, "Chromium is not installed: apt-get install chromium")
        return try output(
            of: browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                "--user-data-dir=\(folder.file("profile"))",
            ] + arguments)
    }

    /// What `tool` prints on standard output when run with `arguments`.
    static func output(of tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// What the measuring script found in one page at one window width.
struct PageLayout: Decodable, CustomStringConvertible {
    var width: Int
    /// How far the page is wider than the window (0: no horizontal scrolling).
    var pageOverflow: Int
    var tables: Int
    /// Tables whose columns do not all fit and must be scrolled sideways: how far each scrolls.
    var scrollingTables: [Int]
    var cells: Int
    /// Cells outside the window or whose content is wider than the cell: the first few.
    var clipped: [String]

    var description: String {
        "\(width) px: page overflow \(pageOverflow), \(tables) tables (\(scrollingTables.count) scrolling "
            + "\(scrollingTables)), \(cells) cells, clipped \(clipped)"
    }
}

/// Every HTML report, opened in a real browser at a desktop, a wide and a phone width, and
/// printed to PDF: no table is wider than the window, no cell is cut or pushed out of sight, and
/// on paper every column and every recommendation's text is there.
@Suite(
    "Reports in a real browser", .tags(.browser), .enabled(if: TestTier.selected.contains(.browser)),
    .enabled(if: Browser.path != nil || Browser.required))
struct BrowserLayoutTests {
    /// Measures, once the page has loaded, every table and cell against the window's width.
    static let measuringScript = """
        <script>
        window.addEventListener('load', function () {
          var vw = document.documentElement.clientWidth;
          var result = { width: vw, pageOverflow: Math.max(0, document.documentElement.scrollWidth - vw),
            tables: 0, scrollingTables: [], cells: 0, clipped: [] };
          document.querySelectorAll('div.table').forEach(function (d) {
            result.tables++;
            if (d.scrollWidth - d.clientWidth > 1) result.scrollingTables.push(d.scrollWidth - d.clientWidth);
          });
          document.querySelectorAll('td').forEach(function (c) {
            result.cells++;
            var r = c.getBoundingClientRect();
            if ((r.width <= 0 || r.left < -1 || r.right > vw + 1 || c.scrollWidth > c.clientWidth + 1)
                && result.clipped.length < 5)
              result.clipped.push((c.getAttribute('data-label') || '') + ': ' + c.textContent.slice(0, 30)
                + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
          });
          var pre = document.createElement('pre');
          pre.id = 'layout-check';
          pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        });
        </script>
        """

    /// The reports: the demo's (a 149-clause resolution, 6,547 assignments, in English and
    /// Chinese) and the test dataset's (every status, a correction, markup in a note, a group).
    static let reports: Result<[(name: String, html: String)], any Error> = Result {
        let demo = CLIHarness()
        var reports: [(String, String)] = []
        for language in ["en", "zh"] {
            let folder = demo.folder.file("demo-\(language)")
            try demo.succeed(["demo", "--output-dir", folder, "--lang", language])
            for name in ["report-E-2020-31", "audit-overdue", "country-KEN"] {
                reports.append(
                    ("\(name)-\(language)", try String(contentsOfFile: "\(folder)/\(name).html", encoding: .utf8)))
            }
        }
        let fixture = try reportFixture()
        for (name, arguments) in [
            ("document-TEST-1", ["report", "document", "TEST/1"]), ("country-ETH", ["report", "country", "ETH"]),
            ("group-LDC", ["report", "country", "LDC"]), ("audit-by-actor", ["audit", "overdue", "--by", "actor"]),
        ] {
            reports.append((name, try fixture.succeed(arguments + ["--format", "html", "--as-of", "2024-01-01"])))
        }
        return reports
    }

    @Test(
        "at 1920 and 1280 px every table fits the window, and on a phone rows become cards: nothing is cut",
        arguments: [1920, 1280, 500])
    func layoutFits(width: Int) throws {
        let folder = TemporaryFolder()
        for (name, html) in try Self.reports.get() {
            let page = folder.file("\(name).html")
            try html.replacingOccurrences(of: "</body>", with: Self.measuringScript + "</body>")
                .write(toFile: page, atomically: true, encoding: .utf8)
            let dom = try Browser.run(
                ["--window-size=\(width),1000", "--virtual-time-budget=5000", "--dump-dom", "file://" + page],
                in: folder)
            let json = try #require(
                dom.range(of: "<pre id=\"layout-check\">").flatMap { start in
                    dom[start.upperBound...].range(of: "</pre>").map { String(dom[start.upperBound..<$0.lowerBound]) }
                }, "\(name): the measuring script did not run")
            let layout = try JSONDecoder().decode(
                PageLayout.self, from: Data(json.replacingOccurrences(of: "&quot;", with: "\"").utf8))
            // Chromium's headless window is at least 500 px wide: the phone layout starts at 640.
            #expect(layout.width == width, "\(name): \(layout)")
            #expect(layout.pageOverflow == 0, "\(name): \(layout)")
            #expect(layout.scrollingTables.isEmpty, "\(name): \(layout)")
            #expect(layout.clipped.isEmpty, "\(name): \(layout)")
            #expect(layout.tables > 0 && layout.cells > 0, "\(name): \(layout)")
        }
    }

    @Test(
        "printed to PDF (followup --format pdf): A4 landscape, every column header, key and text on paper, pages numbered"
    )
    func printedToPDF() throws {
        try #require(pdfExtractorInstalled, "pdftotext reads the PDF back: apt-get install poppler-utils")
        let fixture = try reportFixture()
        let folder = TemporaryFolder()
        for (name, arguments) in [
            ("document", ["report", "document", "TEST/1"]), ("country", ["report", "country", "ETH", "--lang", "zh"]),
        ] {
            let pdf = folder.file("\(name).pdf")
            try fixture.succeed(arguments + ["--as-of", "2024-01-01", "--format", "pdf", "-o", pdf])
            let text = try pdfText(pdf)
            let html = try fixture.succeed(arguments + ["--as-of", "2024-01-01", "--format", "html"])
            let compact = text.filter { !$0.isWhitespace }
            for header in headers(html) {
                #expect(compact.contains(header.filter { !$0.isWhitespace }), "\(name): no column '\(header)' on paper")
            }
            for recommendation in ["鼓励东非各国在2021年底前制定国家数字战略", "促请最不发达国家加强科学", "Urges Member States to bridge the"] {
                #expect(
                    compact.contains(recommendation.filter { !$0.isWhitespace }),
                    "\(name): the text '\(recommendation)' is not on paper")
            }
            #expect(compact.contains("1/"), "\(name): pages are not numbered")
            #expect(try pageSize(pdf) == "842 x 595", "\(name): not A4 landscape")
        }
        let document = try pdfText(folder.file("document.pdf"))
        #expect(document.contains("TEST/1 · Follow-up report · As of 2024-01-01"), "no running header:\n\(document)")
        for key in ["¶1", "¶2", "¶3", "¶5"] {
            #expect(document.contains("TEST/1") && document.contains(key), "key \(key) is not on paper")
        }
    }

    /// The column headers of every table in `html`.
    func headers(_ html: String) -> [String] {
        html.components(separatedBy: "scope=\"col\">").dropFirst().compactMap { part in
            part.range(of: "</th>").map { String(part[..<$0.lowerBound]) }
        }
    }

    func pdfText(_ path: String) throws -> String {
        try Browser.output(of: "/usr/bin/pdftotext", ["-enc", "UTF-8", path, "-"])
    }

    /// The first page's size in points, as pdfinfo prints it ("842 x 595" is A4 landscape).
    func pageSize(_ path: String) throws -> String {
        let info = try Browser.output(of: "/usr/bin/pdfinfo", [path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        return line.split(separator: " ").dropFirst(2).prefix(3).map {
            Double($0).map { String(Int($0.rounded())) } ?? String($0)
        }
        .joined(separator: " ")
    }
}
