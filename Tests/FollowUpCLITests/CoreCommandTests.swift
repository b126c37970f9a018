import Foundation
import Testing
import FollowUpKit
import FollowUpTestSupport

/// The everyday commands, run in-process as a user would type them.
@Suite("Core commands")
struct CoreCommandTests {
    /// A harness with an initialised database, a document and one recommendation to Member States.
    func harness() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        try cli.succeed([
            "documents", "add", "--symbol", "E/2020/31", "--title", "科学和技术促进发展委员会第二十三届会议报告",
            "--date", "2020-06-12", "--language", "zh", "--body", "CSTD",
        ])
        try cli.succeed([
            "recs", "add", "--document", "E/2020/31", "--paragraph", "DR-I ¶49", "--verb", "促请",
            "--addressee", "会员国", "--text", "促请会员国采取一切适当措施，弥合性别数字鸿沟；",
        ])
        return cli
    }

    @Test("init twice leaves one copy of the reference data")
    func initTwice() throws {
        let cli = CLIHarness()
        let first = try cli.succeed(["init", "--no-seeds"])
        #expect(first.contains("Created"))
        let dump = try cli.dump()
        let second = try cli.succeed(["init", "--no-seeds"])
        #expect(second.contains("nothing to add"))
        #expect(try cli.dump() == dump)
        let states = try cli.succeed(["actors", "--kind", "state", "--format", "json"])
        #expect(try JSONDecoder().decode([AddresseeInfo].self, from: Data(states.utf8)).count == 197)
    }

    @Test("actors show CHN --format json gives 中国 / China, M49 156 and its groups")
    func actorsShowChina() throws {
        let cli = try harness()
        let json = try cli.succeed(["actors", "show", "CHN", "--format", "json"])
        let detail = try JSONDecoder().decode(AddresseeDetail.self, from: Data(json.utf8))
        #expect(detail.actor.nameZh == "中国")
        #expect(detail.actor.nameEn == "China")
        #expect(detail.actor.m49 == "156")
        #expect(detail.memberOf.map(\.code).contains("MEMBER-STATES"))
        #expect(detail.boundBy.map(\.document) == ["E/2020/31"])
        #expect(detail.boundBy.first?.through == ["MEMBER-STATES": 1])
    }

    @Test("actors and reports in the six official languages: names from the UN's M49 table, Arabic right to left")
    func sixLanguages() throws {
        let cli = try harness()
        let shown = try cli.succeed(["actors", "show", "KEN", "--lang", "ar"])
        #expect(shown.hasPrefix("KEN — كينيا"))
        let json = try cli.succeed(["actors", "show", "KEN", "--format", "json"])
        let detail = try JSONDecoder().decode(AddresseeDetail.self, from: Data(json.utf8))
        #expect(detail.names == ["ar": "كينيا", "fr": "Kenya", "ru": "Кения", "es": "Kenya"])
        #expect(try cli.succeed(["actors", "show", "M49-014", "--lang", "ru"]).hasPrefix("M49-014 — Восточная Африка"))
        let french = try cli.succeed(["report", "country", "CIV", "--lang", "fr"])
        #expect(french.contains("CIV — Côte d’Ivoire / Côte d'Ivoire"), "\(french.prefix(200))")
        let arabic = try cli.succeed(["report", "country", "ETH", "--lang", "ar", "--format", "html"])
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(arabic.contains("إثيوبيا"))
        #expect(try cli.succeed(["report", "country", "LDC", "--lang", "es"]).contains("Etiopía"))
        let english = try cli.succeed(["report", "country", "ETH", "--format", "html"])
        #expect(english.contains("<html lang=\"en\">") && !english.contains("dir=\"rtl\""))
    }

    @Test("a recommendation added for Member States binds 193 States")
    func recsAddBinds193() throws {
        let cli = try harness()
        let json = try cli.succeed(["recs", "show", "E/2020/31 DR-I ¶49", "--format", "json"])
        let detail = try JSONDecoder().decode(RecommendationDetail.self, from: Data(json.utf8))
        #expect(detail.recommendation.assignments == 193)
        #expect(detail.assignments.count == 193)
        let listed = try cli.succeed(["recs", "--actor", "KEN"])
        #expect(listed.contains("E/2020/31 DR-I ¶49"))
        #expect(listed.contains("1 recommendation binds KEN"))
    }

    @Test("update then history shows the entry")
    func updateThenHistory() throws {
        let cli = try harness()
        let update = try cli.succeed([
            "update", "E/2020/31 DR-I ¶49", "--actor", "ETH", "--status", "in-progress", "--response", "supported",
            "--as-of", "2021-05-31", "--note", "national gender-ICT strategy drafted", "--evidence", "A/76/64 ¶42",
            "--by", "UN-WOMEN",
        ])
        #expect(update.contains("Recorded entry #1 on E/2020/31 DR-I ¶49 for ETH, as of 2021-05-31."))
        #expect(update.contains("status unreported → in progress"))
        let history = try cli.succeed(["history", "E/2020/31 DR-I ¶49", "--format", "json"])
        let entries = try JSONDecoder().decode([ProgressEntryInfo].self, from: Data(history.utf8))
        #expect(entries.count == 1)
        #expect(entries[0].actor == "ETH")
        #expect(entries[0].status == .inProgress)
        #expect(entries[0].reportedBy == "UN-WOMEN")
        #expect(entries[0].uid == "entry-1")
        let table = try cli.succeed(["history", "E/2020/31 DR-I ¶49"])
        #expect(table.contains("2021-05-31  ETH"))
    }

    @Test("search 数字鸿沟 finds the recommendation that contains it")
    func searchChinese() throws {
        let cli = try harness()
        let output = try cli.succeed(["search", "数字鸿沟"])
        #expect(output.contains("E/2020/31 DR-I ¶49"))
        #expect(output.contains("[数字鸿沟]"))
    }

    @Test("documents list and show, in every format")
    func documentFormats() throws {
        let cli = try harness()
        #expect(try cli.succeed(["documents"]).contains("E/2020/31"))
        let csv = try cli.succeed(["documents", "--format", "csv"])
        #expect(csv.hasPrefix("SYMBOL,DATE,LANG,BODY,RECS,ASSIGNMENTS,TITLE\r\nE/2020/31,2020-06-12,zh,CSTD,1,193,"))
        let markdown = try cli.succeed(["documents", "show", "E/2020/31", "--format", "markdown"])
        #expect(markdown.hasPrefix("# E/2020/31 — "))
        let json = try cli.succeed(["documents", "--format", "json"])
        #expect(try JSONDecoder().decode([DocumentInfo].self, from: Data(json.utf8)).first?.assignments == 193)
    }

    @Test("--output writes a file and refuses to overwrite it without --force")
    func outputFile() throws {
        let cli = try harness()
        let path = cli.folder.file("actors.csv")
        try cli.succeed(["actors", "--group", "LDC", "--format", "csv", "-o", path])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("CODE,KIND,"))
        let again = cli.run(["actors", "--format", "csv", "-o", path])
        #expect(again.exitCode == 73)
        #expect(again.standardError.contains("pass --force"))
        #expect(cli.run(["actors", "--format", "csv", "-o", path, "--force"]).exitCode == 0)
    }

    @Test("--help and --version exit 0 on standard output")
    func help() {
        let cli = CLIHarness()
        let help = cli.run(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.contains("SUBCOMMANDS"))
        #expect(cli.run(["update", "--help"]).standardOutput.contains("--supersedes"))
        #expect(cli.run(["--version"]).standardOutput.hasPrefix("0."))
    }

    /// Bad input: a clear message, the documented exit code, and a database left exactly as it was.
    @Test(
        "bad input is refused, exits non-zero and writes nothing",
        arguments: [
            (
                ["update", "E/2020/31 DR-I ¶999", "--actor", "ETH", "--status", "planned"], Int32(1),
                "no recommendation 'E/2020/31 DR-I ¶999'"
            ),
            (["update", "E/2020/31 DR-I ¶49", "--actor", "Atlantis", "--status", "planned"], 1, "no actor 'Atlantis'"),
            (
                ["update", "E/2020/31 DR-I ¶49", "--actor", "ETH", "--status", "planned", "--as-of", "2021-02-30"], 64,
                "'2021-02-30' is not a real date"
            ),
            (
                ["update", "E/2020/31 DR-I ¶49", "--actor", "ETH", "--status", "done"], 64,
                "The value 'done' is invalid for '--status <status>'"
            ),
            (
                ["update", "E/2020/31 DR-I ¶49", "--actor", "ETH", "--response", "maybe"], 64,
                "The value 'maybe' is invalid for '--response <response>'"
            ),
            (["update", "E/2020/31 DR-I ¶49", "--actor", "ETH"], 64, "give a --status, a --response, or both"),
            (
                ["update", "E/2020/31 DR-I ¶49", "--actor", "UNCTAD", "--status", "planned"], 1,
                "does not bind 'UNCTAD'"
            ),
            (
                ["update", "E/2020/31 DR-I ¶49", "--actor", "ETH", "--status", "planned", "--as-of", "2030-01-01"], 65,
                "is in the future"
            ),
            (
                ["update", "E/2020/31 DR-I ¶49", "--actor", "ETH", "--status", "planned", "--supersedes", "42"], 1,
                "no progress entry '#42'"
            ),
            (
                [
                    "recs", "add", "--document", "E/2020/31", "--paragraph", "DR-I ¶49", "--text", "again",
                    "--addressee", "SG",
                ], 1, "exists already"
            ),
            (
                ["recs", "add", "--document", "E/9999/1", "--paragraph", "¶1", "--text", "t", "--addressee", "SG"], 1,
                "no document 'E/9999/1'"
            ),
            (
                ["recs", "add", "--document", "E/2020/31", "--paragraph", "¶2", "--text", "t"], 64,
                "name at least one --addressee"
            ),
            (
                [
                    "documents", "add", "--symbol", "E/2020/31", "--title", "t", "--date", "2020-01-01", "--language",
                    "zh",
                ], 1, "exists already"
            ),
            (
                ["documents", "add", "--symbol", "X/1", "--title", "t", "--date", "2020-01-01", "--language", "de"], 64,
                "The value 'de' is invalid for '--language <language>'"
            ),
            (["recs", "--status", "finished"], 64, "unknown status 'finished'"),
            (["actors", "show", "Narnia"], 1, "no actor 'Narnia'"),
            (["actors", "--group", "CHN"], 1, "not a group"),
            (["recs", "--format", "pdf"], 65, "format for this command 'pdf'"),
            (["recs", "--format", "xml"], 64, "xml"),
            (["frobnicate"], 64, "Unexpected argument 'frobnicate'"),
        ])
    func badInput(arguments: [String], exitCode: Int32, message: String) throws {
        let cli = try harness()
        let before = try cli.dump()
        let result = cli.run(arguments)
        #expect(result.exitCode == exitCode, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(try cli.dump() == before)
    }

    @Test("a missing database says to run init (exit 66)")
    func missingDatabase() {
        let cli = CLIHarness()
        let result = cli.run(["recs"])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("run 'followup init'"))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }

    @Test("--database overrides FOLLOWUP_DATABASE")
    func databaseOption() throws {
        let cli = CLIHarness()
        let other = cli.folder.file("other.sqlite")
        try cli.succeed(["init", "--database", other])
        #expect(FileManager.default.fileExists(atPath: other))
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }
}
