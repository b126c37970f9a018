import Foundation
import Testing
import FollowUpKit
import FollowUpTestSupport

/// Reports as their readers meet them: in an 80- or 120-column terminal, in a spreadsheet, for a
/// group, and with keys typed the way people type them (issue #12).
@Suite("Readability")
struct ReadabilityTests {
    static let seeded = Result { () throws -> CLIHarness in
        let cli = CLIHarness()
        try cli.succeed(["init"])
        try cli.succeed(["update", "E/2020/31 DR-I ¶49", "--actor", "KEN", "--status", "in-progress"])
        return cli
    }

    @Test(
        "every report fits an 80- and a 120-column terminal, and keeps whole values when piped",
        arguments: [
            ["report", "document", "E/2020/31"], ["report", "country", "KEN"],
            ["report", "country", "KEN", "--lang", "zh"],
            ["report", "country", "LDC"], ["audit", "overdue"], ["audit", "overdue", "--by", "actor"],
            ["recs", "--document", "E/2020/31", "--class", "actionable"], ["history", "E/2020/31 DR-I ¶49"],
        ])
    func fitsTheTerminal(arguments: [String]) throws {
        let cli = try Self.seeded.get()
        for width in [80, 120] {
            let output = try cli.succeed(arguments + ["--width", String(width)])
            let widest = output.split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0
            #expect(widest <= width, "\(arguments) at \(width): a line of \(widest) columns")
        }
        let piped = try cli.succeed(arguments)
        let fitted = try cli.succeed(arguments + ["--width", "80"])
        if arguments[0] == "report" && arguments[1] == "document" {
            // Piped, the text of ¶49 is whole; fitted, it wraps but nothing of it is lost.
            let text = "极为关切地注意到妇女使用互联网的几率比男子低"
            #expect(piped.contains(text))
            #expect(
                fitted.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "").contains(text))
        }
    }

    @Test("a group's report lists each member on the date, and the members add up to the group")
    func groupReport() throws {
        let cli = try Self.seeded.get()
        let json = try JSONDecoder().decode(
            GroupReport.self, from: Data(try cli.succeed(["report", "country", "LDC", "--format", "json"]).utf8))
        #expect(json.members.count > 40)
        #expect(json.members.map(\.tally.total).reduce(0, +) == json.tally.total)
        #expect(json.tally.total > 0)
        #expect(json.members.contains { $0.actor.code == "ETH" })
        let table = try cli.succeed(["report", "country", "LDC", "--wide"])
        #expect(table.contains("Group status summary: LDC"))
        #expect(table.contains("ETH    Ethiopia"))
    }

    @Test("a paragraph can be typed ¶49, 49, para 49, para. 49 or paragraph 49; a near miss gets suggestions")
    func keyForms() throws {
        let cli = try Self.seeded.get()
        let expected = try cli.succeed(["history", "E/2020/31 DR-I ¶49", "--format", "json"])
        for form in [
            "E/2020/31 DR-I 49", "E/2020/31 DR-I para 49", "E/2020/31 DR-I para. 49", "e/2020/31 dr-i paragraph 49",
        ] {
            #expect(try cli.succeed(["history", form, "--format", "json"]) == expected, "\(form)")
        }
        let miss = cli.run(["history", "E/2020/31 49"])
        #expect(miss.exitCode == 1)
        #expect(miss.standardError.contains("E/2020/31 DR-I ¶49"), "\(miss.standardError)")
    }

    @Test("CSV written to a file starts with a byte-order mark unless --no-bom; empty cells are empty")
    func spreadsheetCSV() throws {
        let cli = try Self.seeded.get()
        let path = cli.folder.file("ken.csv")
        try cli.succeed(["report", "country", "KEN", "--format", "csv", "-o", path, "--force"])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("—"))
        try cli.succeed(["report", "country", "KEN", "--format", "csv", "-o", path, "--force", "--no-bom"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).first == UInt8(ascii: "K"))
        let export = cli.folder.file("progress.csv")
        try cli.succeed(["export", "progress", "-o", export])
        #expect(try Data(contentsOf: URL(fileURLWithPath: export)).starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!(try cli.succeed(["report", "country", "KEN", "--format", "csv"])).hasPrefix("\u{FEFF}"))
    }

    @Test("the overdue audit shows each recommendation's text once, then the actors it is overdue for")
    func auditByRecommendation() throws {
        let cli = try Self.seeded.get()
        // TEST/1 ¶1 is overdue for 16 States of Eastern Africa: one section, its text once.
        let fixture = try reportFixture()
        let audit = try fixture.succeed(["audit", "overdue", "--wide"])
        #expect(audit.components(separatedBy: "\n\n").filter { $0.hasPrefix("TEST/1 ¶1 (") }.count == 1)
        #expect(audit.components(separatedBy: "鼓励东非各国在2021年底前制定国家数字战略").count == 2)
        #expect(audit.contains("ETH    Ethiopia") || audit.contains("ETH Ethiopia"))
        let byActor = try cli.succeed(["audit", "overdue", "--by", "actor", "--wide"])
        #expect(byActor.contains("UNCTAD — United Nations Conference on Trade and Development"))
    }

    @Test("search folds traditional and simplified Chinese, case and accents, on both sides")
    func searchFolds() throws {
        let cli = try Self.seeded.get()
        // E/2020/31 DR-I ¶19 came out of the PDF in traditional characters: 國際電信聯盟.
        for query in ["国际电信联盟", "國際電信聯盟", "国际电信聯盟"] {
            let hits = try cli.succeed(["search", query, "--format", "json"])
            #expect(hits.contains("E/2020/31 DR-I ¶19"), "\(query)")
        }
        let short = try cli.succeed(["search", "電信", "--format", "json"])
        #expect(short.contains("E/2020/31 DR-I ¶19"))
        let table = try cli.succeed(["search", "国际电信联盟", "--wide"])
        #expect(table.contains("[國際電信聯盟]"), "\(table)")
    }
}
