import Foundation
import FollowUpKit
import FollowUpTestSupport
import Testing

/// `followup publish`: the static site, its files, what it never shows, and publishing again.
@Suite("Publishing a static site (CLI)")
struct PublishTests {
    static let key = "E/2020/31 DR-II (a)(v)"

    /// The seeds with a focal point and a validator for Kenya, an accepted entry with a note and
    /// evidence, a submission left waiting and one returned with a comment.
    func harness() throws -> CLIHarness {
        let cli = try CLIHarness.seededWithKenyaAccounts()
        try cli.succeed([
            "submit", Self.key, "--account", "amina", "--actor", "KEN", "--status", "implemented",
            "--as-of", "2021-03-01", "--note", "ACCEPTED-NOTE broadband plan", "--evidence", "https://example.org/plan",
        ])
        try cli.succeed(["review", "accept", "1", "--account", "otieno"])
        try cli.succeed([
            "submit", Self.key, "--account", "amina", "--actor", "KEN", "--status", "planned", "--note",
            "PENDING-NOTE not yet validated",
        ])
        try cli.succeed([
            "submit", "E/2020/31 DR-I ¶23", "--account", "amina", "--actor", "KEN", "--status", "planned", "--note",
            "RETURNED-NOTE",
        ])
        try cli.succeed(["review", "return", "3", "--account", "otieno", "--comment", "REVIEWER-COMMENT fix it"])
        return cli
    }

    /// Every file of the site at `folder`, relative, with its text.
    func files(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                result[relative] = String(
                    decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + relative)), as: UTF8.self)
            }
        }
        return result
    }

    @Test("a page per document, recommendation, actor and group in six languages; only accepted entries")
    func site() throws {
        let cli = try harness()
        let site = cli.folder.file("site")
        let output = try cli.succeed(["publish", "-o", site, "--as-of", "2026-12-01"])
        #expect(output.contains("in en, zh, ar, fr, ru, es to \(site)"), "\(output)")
        let pages = try files(site)
        for path in [
            "index.html", "site.css", "search.js", "search-index.js", "data/recommendations.csv",
            "data/assignments.jsonl", "en/index.html", "en/documents/E-2020-31.html",
            "en/recommendations/E-2020-31-DR-II-a-v.html", "en/actors/KEN.html", "en/groups/LDC.html", "en/audit.html",
            "en/search.html", "en/sitemap.html", "ar/actors/KEN.html", "zh/recommendations/E-2020-31-DR-II-a-v.html",
            "en/actors.csv", "en/actors.jsonl",
        ] {
            #expect(pages[path] != nil, "no \(path)")
        }
        // The recommendation's page: its text, who stands where, the accepted entry with its note
        // and evidence (a link), and the document it comes from.
        let page = try #require(pages["en/recommendations/E-2020-31-DR-II-a-v.html"])
        #expect(page.contains("ACCEPTED-NOTE broadband plan"))
        #expect(page.contains("<a href=\"https://example.org/plan\">"))
        #expect(page.contains("<a href=\"../documents/E-2020-31.html\">E/2020/31</a>"))
        #expect(page.contains("<a href=\"../actors/KEN.html\">KEN</a>"))
        // Nothing but accepted entries: no submission, no comment, no account, anywhere.
        for (path, text) in pages {
            for secret in ["PENDING-NOTE", "RETURNED-NOTE", "REVIEWER-COMMENT", "amina", "otieno", "followup.sqlite"] {
                #expect(!text.contains(secret), "\(path) shows \(secret)")
            }
        }
        // Arabic right to left, Kenya named in Arabic; Chinese labels in Chinese.
        let arabic = try #require(pages["ar/actors/KEN.html"])
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">") && arabic.contains("كينيا"))
        #expect(try #require(pages["zh/recommendations/E-2020-31-DR-II-a-v.html"]).contains("各行为方的落实状态"))
        // Every link between pages leads to a page that exists.
        for (path, text) in pages where path.hasSuffix(".html") && path.hasPrefix("en/documents/") {
            for link in text.matches(of: /href="(\.\.\/[^"#?]+)"/).map({ String($0.1) }) {
                let target = URL(fileURLWithPath: site + "/" + path).deletingLastPathComponent()
                    .appendingPathComponent(link).standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "\(path) links to missing \(link)")
            }
        }
        // The search index holds the Chinese texts and the English names of whom they name.
        let index = try #require(pages["search-index.js"])
        #expect(index.contains("数字鸿沟") && index.contains("\"E/2020/31 DR-II (a)(v)\""))
        // Every list as CSV (a spreadsheet's header row) and JSON Lines (one object per row).
        let csv = try #require(pages["en/actors.csv"])
        #expect(csv.hasPrefix("Actor,Name,Kind,Recommendations,Implemented,Overdue\r\n"))
        let lines = try #require(pages["en/actors.jsonl"]).split(separator: "\n")
        #expect(lines.count == csv.split(separator: "\r\n").count - 1)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(first?["Actor"] != nil)
    }

    @Test("publishing again rewrites only what changed, and removes what is no longer published")
    func again() throws {
        let cli = try harness()
        let site = cli.folder.file("site")
        try cli.succeed(["publish", "-o", site, "--as-of", "2026-12-01", "--languages", "en,ar"])
        let unchanged = try cli.succeed([
            "publish", "-o", site, "--as-of", "2026-12-01", "--languages", "en,ar", "--format", "json",
        ])
        let same = try #require(try JSONSerialization.jsonObject(with: Data(unchanged.utf8)) as? [String: Any])
        #expect(same["written"] as? Int == 0 && same["removed"] as? Int == 0)
        let before = try files(site)
        try cli.succeed(["update", Self.key, "--actor", "ETH", "--status", "implemented", "--as-of", "2026-11-01"])
        let updated = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try cli.succeed([
                        "publish", "-o", site, "--as-of", "2026-12-01", "--languages", "en,ar", "--format", "json",
                    ]).utf8))
                as? [String: Any])
        let written = try #require(updated["written"] as? Int)
        let total = try #require(updated["files"] as? Int)
        let after = try files(site)
        let changed = after.keys.filter { after[$0] != before[$0] }
        // The recommendation, its document, Ethiopia and its groups, the audit, the indexes and
        // the data: a few dozen files of thousands.
        #expect(written == changed.count && written > 0 && written < total / 20, "\(written) of \(total)")
        #expect(changed.contains("en/recommendations/E-2020-31-DR-II-a-v.html"))
        #expect(!changed.contains("en/actors/KEN.html"))
        // Fewer languages: the others' pages go, the folder's own files stay.
        try "mine".write(toFile: site + "/en/notes.txt", atomically: true, encoding: .utf8)
        let english = try cli.succeed(["publish", "-o", site, "--as-of", "2026-12-01", "--languages", "en"])
        #expect(english.contains("removed"))
        #expect(!FileManager.default.fileExists(atPath: site + "/ar"))
        #expect(FileManager.default.fileExists(atPath: site + "/en/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: site + "/en/actors/KEN.html"))
    }

    @Test("a folder of other files, a file, or a bad option is refused, and nothing is written")
    func refused() throws {
        let cli = try harness()
        let folder = cli.folder.file("mine")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "keep".write(toFile: folder + "/report.docx", atomically: true, encoding: .utf8)
        let occupied = cli.run(["publish", "-o", folder])
        #expect(occupied.exitCode == 73, "\(occupied.standardError)")
        #expect(occupied.standardError.contains("followup publish did not write"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.docx"])
        let file = cli.run(["publish", "-o", folder + "/report.docx"])
        #expect(file.exitCode == 73 && file.standardError.contains("publish into a folder"))
        let unwritable = cli.run(["publish", "-o", folder + "/report.docx/site"])
        #expect(unwritable.exitCode == 74 && unwritable.standardError.contains("cannot create the folder"))
        let database = cli.run(["publish", "-o", cli.databasePath])
        #expect(database.exitCode == 73)
        let language = cli.run(["publish", "-o", cli.folder.file("new"), "--languages", "en,de"])
        #expect(language.exitCode == 64 && language.standardError.contains("'de' is not a language"))
        let address = cli.run(["publish", "-o", cli.folder.file("new"), "--base-url", "followup.example.org"])
        #expect(address.exitCode == 64 && address.standardError.contains("--base-url must start with https://"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.file("new")))
    }

    @Test("a link put in the site's place is replaced, never followed; a linked folder is refused")
    func links() throws {
        let cli = try CLIHarness.seeded()
        let site = cli.folder.file("site")
        try cli.succeed(["publish", "-o", site, "--languages", "en"])
        let outside = cli.folder.file("precious.txt")
        try "precious".write(toFile: outside, atomically: true, encoding: .utf8)
        let files = FileManager.default
        // A page and a download replaced by links to a file outside, one page by a dangling link.
        for page in ["en/actors.csv", "en/index.html"] {
            try files.removeItem(atPath: site + "/" + page)
            try files.createSymbolicLink(atPath: site + "/" + page, withDestinationPath: outside)
        }
        try files.removeItem(atPath: site + "/en/audit.html")
        try files.createSymbolicLink(atPath: site + "/en/audit.html", withDestinationPath: cli.folder.file("new.txt"))
        try cli.succeed(["publish", "-o", site, "--languages", "en"])
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "precious")
        #expect(!files.fileExists(atPath: cli.folder.file("new.txt")))
        for page in ["en/actors.csv", "en/index.html", "en/audit.html"] {
            let attributes = try files.attributesOfItem(atPath: site + "/" + page)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(page)")
        }
        // A folder of the site replaced by a link to one outside: refused, nothing written there.
        let elsewhere = cli.folder.file("elsewhere")
        try files.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try files.removeItem(atPath: site + "/en/groups")
        try files.createSymbolicLink(atPath: site + "/en/groups", withDestinationPath: elsewhere)
        let refused = cli.run(["publish", "-o", site, "--languages", "en"])
        #expect(refused.exitCode == 74 && refused.standardError.contains("is not a folder"), "\(refused.standardError)")
        #expect(try files.contentsOfDirectory(atPath: elsewhere).isEmpty)
    }

    @Test("with --base-url, sitemap.xml lists every page by its whole address")
    func sitemap() throws {
        let cli = try CLIHarness.seeded()
        let site = cli.folder.file("site")
        try cli.succeed(["publish", "-o", site, "--languages", "en", "--base-url", "https://example.org/followup"])
        let xml = try String(contentsOfFile: site + "/sitemap.xml", encoding: .utf8)
        #expect(xml.contains("<loc>https://example.org/followup/en/recommendations/E-2020-31-DR-II-a-v.html</loc>"))
        #expect(xml.contains("<loc>https://example.org/followup/index.html</loc>"))
        #expect(!xml.contains(".csv<"))
    }
}
