import Foundation
import Testing
import FollowUpKit
import FollowUpTestSupport

/// A Universal Periodic Review cycle as a focal point runs it from the command line (issue #26),
/// on Slovenia's real documents as text (`FollowUpKitTests/Fixtures/upr`).
@Suite("Universal Periodic Review commands")
struct ReviewCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FollowUpKitTests/Fixtures/upr")

    static func file(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    func harness() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        return cli
    }

    @Test("report, views, thematic list, evidence, review, matrix: one cycle end to end")
    func cycle() throws {
        let cli = try harness()
        // The report and the State's views in one run, each in its own transaction.
        let imported = try cli.succeed([
            "import", "document", Self.file("A_HRC_28_15.txt"), Self.file("A_HRC_28_15_Add.1.txt"),
        ])
        #expect(imported.contains("A/HRC/28/15 imported, 163 clauses"))
        #expect(imported.contains("A/HRC/28/15/Add.1 recorded 163 positions"))
        let themes = try cli.succeed(["import", "themes", Self.file("UPR20_Slovenia_thematic_list.docx")])
        #expect(themes.contains("Disagreements:   1"))
        #expect(themes.contains("115.104: the list words it"))
        #expect(themes.contains("Recorded the topics of 163 recommendations."))
        // The matrix of cycle 2 before anything is reported.
        let matrix = try cli.succeed(["report", "upr", "A/HRC/28/15", "--format", "csv"])
        let rows = matrix.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 164)
        #expect(
            rows[0]
                == "Rec.,Recommended by,Position,Position source,Status,As of,Proposed,Evidence,Themes,Persons,SDGs,Text,Note"
        )
        #expect(rows[1].hasPrefix("115.1,Croatia,supported,A/HRC/28/15/Add.1 ¶3,unreported,"))
        // Cycle 1, then what cycle 2's national report says about it: proposals, never entries.
        try cli.succeed(["import", "document", Self.file("A_HRC_14_15.txt"), Self.file("A_HRC_14_15_Add.1.txt")])
        let dryRun = try cli.succeed([
            "import", "evidence", Self.file("A_HRC_WG.6_20_SVN_1.txt"), "--answers", "A/HRC/14/15", "--dry-run",
        ])
        #expect(dryRun.contains("Answered:  87 recommendations of A/HRC/14/15"))
        #expect(dryRun.contains("Nothing was written."))
        let refused = cli.run(["import", "evidence", Self.file("A_HRC_WG.6_20_SVN_1.txt"), "--answers", "A/HRC/14/15"])
        #expect(refused.exitCode == 64)
        #expect(refused.standardError.contains("--account NAME"))
        let password = Data("a long passphrase\n".utf8)
        for (name, role) in [("svn-focal", "focal-point"), ("svn-validator", "validator")] {
            let added = cli.run(
                ["users", "add", name, "--role", role, "--actor", "SVN", "--password-file", "-"],
                standardInput: password)
            #expect(added.exitCode == 0, "\(added.standardError)")
        }
        let before = try cli.succeed(["export", "progress", "--format", "csv"])
        let submitted = try cli.succeed([
            "import", "evidence", Self.file("A_HRC_WG.6_20_SVN_1.txt"), "--answers", "A/HRC/14/15", "--account",
            "svn-focal",
        ])
        #expect(submitted.contains("Submitted 87 proposals for review."))
        #expect(try cli.succeed(["export", "progress", "--format", "csv"]) == before)
        let again = try cli.succeed([
            "import", "evidence", Self.file("A_HRC_WG.6_20_SVN_1.txt"), "--answers", "A/HRC/14/15", "--account",
            "svn-focal",
        ])
        #expect(again.contains("Submitted 0 proposals for review; 87 proposed before from this report, skipped"))
        let proposed = try cli.succeed(["report", "upr", "A/HRC/14/15", "--format", "json"])
        #expect(proposed.contains("\"proposed\" : \"implemented\""))
        try cli.succeed(["review", "accept", "1", "--account", "svn-validator"])
        let accepted = try cli.succeed(["report", "upr", "A/HRC/14/15", "--format", "csv"])
        let first = try #require(accepted.components(separatedBy: "\r\n").first { $0.hasPrefix("111.30,") })
        #expect(first.contains("A/HRC/WG.6/20/SVN/1 ¶"))
        // The summaries a focal point asks for.
        let byState = try cli.succeed(["report", "upr", "A/HRC/28/15", "--by", "state"])
        #expect(byState.contains("By recommending State"))
        #expect(byState.contains("Brazil (BRA)"))
        let brazil = try cli.succeed(["report", "upr", "A/HRC/28/15", "--state", "Brazil"])
        #expect(brazil.contains("recommended by Brazil"))
        let midTerm = try cli.succeed(["report", "upr", "A/HRC/28/15", "--mid-term", "--format", "csv"])
        #expect(midTerm.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 143)
        // The country summary counts them like any other recommendation.
        let country = try cli.succeed(["report", "country", "SVN", "--format", "csv"])
        #expect(country.contains("A/HRC/28/15 ¶115.1,"))
    }

    @Test("bad input changes nothing: an addendum before its report, unknown recommendations, another State")
    func refusals() throws {
        let cli = try harness()
        let empty = try cli.dump()
        let early = cli.run(["import", "document", Self.file("A_HRC_28_15_Add.1.txt")])
        #expect(early.exitCode == 65)
        #expect(early.standardError.contains("it answers A/HRC/28/15, which is not imported"))
        #expect(try cli.dump() == empty)
        try cli.succeed(["import", "document", Self.file("A_HRC_28_15.txt")])
        let imported = try cli.dump()
        let text = try String(contentsOfFile: Self.file("A_HRC_28_15_Add.1.txt"), encoding: .utf8)
        let unknown = cli.folder.file("unknown.txt")
        try text.replacingOccurrences(of: "159, 160, 162.", with: "159, 160, 162, 170.")
            .write(toFile: unknown, atomically: true, encoding: .utf8)
        let named = cli.run(["import", "document", unknown])
        #expect(named.exitCode == 65)
        #expect(named.standardError.contains("170 (line"))
        #expect(try cli.dump() == imported)
        let report = try String(contentsOfFile: Self.file("A_HRC_WG.6_20_SVN_1.txt"), encoding: .utf8)
        let other = cli.folder.file("other.txt")
        try report.replacingOccurrences(of: "/SVN/1", with: "/HRV/1").write(
            toFile: other, atomically: true, encoding: .utf8)
        let wrongState = cli.run(["import", "evidence", other, "--answers", "A/HRC/28/15", "--dry-run"])
        #expect(wrongState.exitCode == 65)
        #expect(wrongState.standardError.contains("it is about HRV, but A/HRC/28/15 reviewed SVN"))
        let notWord = cli.run(["import", "themes", Self.file("A_HRC_28_15.txt")])
        #expect(notWord.exitCode == 65)
        #expect(notWord.standardError.contains("is not a Word .docx file"))
        let listAsDocument = cli.run(["import", "document", Self.file("UPR20_Slovenia_thematic_list.docx")])
        #expect(listAsDocument.exitCode == 65)
        #expect(listAsDocument.standardError.contains("followup import themes FILE"))
        #expect(try cli.dump() == imported)
    }
}

extension ReviewCommandTests {
    @Test("the seed: the SG's report ¶51–77 against E/2020/31, compared with the 36 entries curated by hand")
    func seedEvidence() throws {
        let cli = try CLIHarness.seeded()
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seeds")
        let output = try cli.succeed([
            "import", "evidence", seeds.appendingPathComponent("sg-report-sti-2021.zh.txt").path, "--answers",
            "E/2020/31", "--paragraphs", "51-77", "--symbol", "UNSG/STI/2021", "--date", "2021-07-31", "--dry-run",
            "--format", "json",
        ])
        struct Plan: Decodable {
            struct Proposal: Decodable {
                var key: String
                var actor: String
                var status: String
            }
            var proposals: [Proposal]
        }
        let plan = try JSONDecoder().decode(Plan.self, from: Data(output.utf8))
        let proposed = Dictionary(
            plan.proposals.map { ("\($0.key)|\($0.actor)", $0.status) }, uniquingKeysWith: { first, _ in first })
        let curatedText = try String(
            contentsOf: seeds.appendingPathComponent("progress.csv"), encoding: .utf8)
        var curated: [String: String] = [:]
        for line in curatedText.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
            curated["\(fields[0])|\(fields[1])"] = String(fields[2])
        }
        let both = Set(proposed.keys).intersection(curated.keys)
        // docs/upr.md: precision 0.66 and recall 0.77 (0.82 within ¶51–77), every status agreed.
        #expect(Double(both.count) >= 0.6 * Double(proposed.count))
        #expect(Double(both.count) >= 0.75 * Double(curated.count))
        #expect(both.allSatisfy { proposed[$0] == curated[$0] })
    }
}
