import Foundation
import GRDB
import Testing
import FollowUpKit
import FollowUpTestSupport

@Suite("Import and seeds")
struct ImportCommandTests {
    static let resolution = """
        The General Assembly,

        Recalling its resolution 70/125,

        1. Welcomes the report of the Secretary-General;

        2. Requests the Secretary-General to report annually on the implementation of the present resolution;

        3. Urges Member States to bridge the digital divide by 2030;
        """

    func harness() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        return cli
    }

    func write(_ text: String, to name: String, in cli: CLIHarness) throws -> String {
        let path = cli.folder.file(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(
        "a paragraph the text numbers but the importer did not read: exit 65, named, nothing written; --accept-partial imports the rest"
    )
    func partialImportRefused() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FollowUpKitTests/Fixtures/corpus-text/A_RES_78_19.txt")
        var lines = try String(contentsOf: corpus, encoding: .utf8).components(separatedBy: "\n")
        let four = try #require(lines.firstIndex { $0.trimmingWhitespace().hasPrefix("4.") })
        lines[four] = lines[four].replacingOccurrences(of: "4.", with: "4")
        let file = cli.folder.file("broken.txt")
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let refused = cli.run(["import", "document", file])
        #expect(refused.exitCode == 65)
        #expect(refused.standardError.contains("broken.txt:\(four + 1):"), "\(refused.standardError)")
        #expect(refused.standardError.contains("operative paragraph 4 of the 9 the text numbers was not read"))
        #expect(try cli.dump() == before)
        let accepted = cli.run(["import", "document", file, "--accept-partial"])
        #expect(accepted.exitCode == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.contains("operative paragraphs: 8 of 9 numbered"))
    }

    @Test("a dry run prints one object per clause and writes nothing")
    func dryRun() throws {
        let cli = try harness()
        let file = try write(Self.resolution, to: "res.txt", in: cli)
        let before = try cli.dump()
        let json = try cli.succeed([
            "import", "document", file, "--symbol", "A/RES/75/1", "--date", "2020-12-21", "--dry-run", "--format",
            "json",
        ])
        let items = try JSONDecoder().decode([ExtractedItem].self, from: Data(json.utf8))
        #expect(items.map(\.key) == ["A/RES/75/1 ¶1", "A/RES/75/1 ¶2", "A/RES/75/1 ¶3"])
        #expect(items.map(\.classification) == [.declaratory, .actionable, .actionable])
        #expect(items[2].addressees == ["MEMBER-STATES"])
        #expect(items[2].dueDate == CalendarDate("2030-12-31"))
        #expect(items[1].cycle == .annual)
        #expect(try cli.dump() == before)
    }

    @Test(
        "recs edit corrects addressees, class and due date, logs each change append-only, and a re-import keeps them"
    )
    func corrections() throws {
        let cli = try harness()
        let file = try write(Self.resolution, to: "res.txt", in: cli)
        let arguments = ["import", "document", file, "--symbol", "A/RES/75/1", "--date", "2020-12-21"]
        try cli.succeed(arguments)
        let edit = try cli.succeed([
            "recs", "edit", "A/RES/75/1 ¶3", "--add", "LDC", "--remove", "MEMBER-STATES", "--no-due", "--reason",
            "the least developed countries are meant; 2030 is a target", "--by", "desk officer",
        ])
        #expect(edit.contains("added addressee LDC"), "\(edit)")
        #expect(edit.contains("removed addressee MEMBER-STATES"))
        #expect(edit.contains("due 2030-12-31 → none"))
        #expect(edit.contains("binds 46 actors (was 193)"), "\(edit)")  // LDCs on 2020-12-21
        try cli.succeed([
            "recs", "edit", "A/RES/75/1 ¶1", "--class", "actionable", "--add", "SG", "--reason", "welcomes and asks",
            "--by", "desk officer",
        ])
        let show = try cli.succeed(["recs", "show", "A/RES/75/1 ¶3"])
        #expect(show.contains("Corrections (3)") && show.contains("desk officer"), "\(show)")
        #expect(try cli.succeed(["history", "A/RES/75/1 ¶1"]).contains("Corrections to what the importer read"))

        // Refused, nothing written: an addressee it does not have; a removal that would drop progress.
        try cli.succeed(["update", "A/RES/75/1 ¶3", "--actor", "ETH", "--status", "planned", "--as-of", "2021-01-01"])
        let before = try cli.dump()
        let missing = cli.run(["recs", "edit", "A/RES/75/1 ¶3", "--remove", "KEN", "--reason", "x", "--by", "y"])
        #expect(missing.exitCode != 0 && missing.standardError.contains("does not address KEN: it addresses LDC"))
        let progress = cli.run(["recs", "edit", "A/RES/75/1 ¶3", "--remove", "LDC", "--reason", "x", "--by", "y"])
        #expect(progress.exitCode != 0 && progress.standardError.contains("ETH"), "\(progress.standardError)")
        #expect(try cli.dump() == before)

        // The log cannot be rewritten, even with SQL.
        let queue = try DatabaseQueue(path: cli.databasePath)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE curation SET reason = 'x'") }
        }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM curation") } }

        // A changed text: the corrections apply again; the one on the changed clause is flagged.
        try Self.resolution.replacingOccurrences(of: "by 2030", with: "by 2030 and report")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let reimport = try cli.succeed(arguments)
        #expect(reimport.contains("corrections kept (recs edit): A/RES/75/1 ¶1; A/RES/75/1 ¶3"), "\(reimport)")
        #expect(reimport.contains("check these: corrected on an earlier text") && reimport.contains("¶3"))
        let detail = try JSONDecoder().decode(
            RecommendationDetail.self,
            from: Data(try cli.succeed(["recs", "show", "A/RES/75/1 ¶3", "--format", "json"]).utf8))
        #expect(detail.recommendation.addressees == ["LDC"])
        #expect(detail.recommendation.dueDate == nil)
        #expect(detail.corrections.count == 3 && detail.corrections.allSatisfy(\.onEarlierText))
        let first = try JSONDecoder().decode(
            RecommendationDetail.self,
            from: Data(try cli.succeed(["recs", "show", "A/RES/75/1 ¶1", "--format", "json"]).utf8))
        #expect(first.recommendation.classification == .actionable && first.recommendation.addressees == ["SG"])
    }

    @Test("importing the same text twice changes nothing; a changed text reports what changed")
    func reimport() throws {
        let cli = try harness()
        let file = try write(Self.resolution, to: "res.txt", in: cli)
        let arguments = ["import", "document", file, "--symbol", "A/RES/75/1", "--date", "2020-12-21"]
        let first = try cli.succeed(arguments)
        #expect(first.contains("Imported A/RES/75/1: 3 clauses"))
        #expect(first.contains("194 assignments"))
        let dump = try cli.dump()
        #expect(try cli.succeed(arguments).contains("nothing changed"))
        #expect(try cli.dump() == dump)

        try cli.succeed([
            "update", "A/RES/75/1 ¶2", "--actor", "SG", "--status", "in-progress", "--as-of", "2021-06-01",
        ])
        let changed = Self.resolution
            .replacingOccurrences(of: "to report annually", with: "to report biennially")
            .replacingOccurrences(
                of: "3. Urges Member States to bridge the digital divide by 2030;",
                with: "3. Invites the international community to support the least developed countries;")
        try changed.write(toFile: file, atomically: true, encoding: .utf8)
        let second = try cli.succeed(arguments)
        #expect(second.contains("Updated A/RES/75/1: 0 added, 2 changed, 0 removed, 0 kept."))
        let detail = try JSONDecoder().decode(
            RecommendationDetail.self,
            from: Data(try cli.succeed(["recs", "show", "A/RES/75/1 ¶3", "--format", "json"]).utf8))
        #expect(detail.recommendation.addressees == ["INTERNATIONAL-COMMUNITY"])
        #expect(detail.assignments.map(\.actor) == ["INTERNATIONAL-COMMUNITY"])
        // Progress recorded on ¶2 survives the re-import.
        #expect(try cli.succeed(["history", "A/RES/75/1 ¶2"]).contains("in progress"))

        let shorter = changed.replacingOccurrences(
            of:
                "2. Requests the Secretary-General to report biennially on the implementation of the present resolution;",
            with: "")
        try shorter.write(toFile: file, atomically: true, encoding: .utf8)
        // The text now numbers 1 and 3: refused as it stands (paragraph 2 is not in it), imported
        // when the person says so.
        let refused = cli.run(arguments)
        #expect(refused.exitCode == 65 && refused.standardError.contains("operative paragraph 2"))
        let third = try cli.succeed(arguments + ["--accept-partial"])
        #expect(third.contains("kept (no longer in the text, but progress is recorded on them): A/RES/75/1 ¶2"))
    }

    @Test("standard input is read with -")
    func standardInput() throws {
        let cli = try harness()
        let result = cli.run(
            ["import", "document", "-", "--symbol", "A/RES/75/1", "--date", "2020-12-21", "--dry-run"],
            standardInput: Data(Self.resolution.utf8))
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.contains("¶3"))
    }

    @Test(
        "bad files are refused with the file named and the database untouched",
        arguments: [
            ("empty.txt", Data(), Int32(65), "the file is empty"),
            ("binary.bin", Data([0x00, 0x01, 0x02, 0xFF, 0x00]), 65, "binary file"),
            (
                "latin1.txt", Data("The General Assembly,\n\n1. Welcomes caf".utf8) + Data([0xE9, 0x0A]), 65,
                "latin1.txt:3: this is not UTF-8 text"
            ),
            (
                "preamble.txt", Data("The General Assembly,\n\nRecalling its resolutions,\n".utf8), 65,
                "preamble.txt:1: no numbered operative paragraphs follow this line"
            ),
            ("notes.txt", Data("Minutes of a meeting\nNothing to see.\n".utf8), 65, "expected an organ line"),
        ])
    func badFiles(name: String, contents: Data, exitCode: Int32, message: String) throws {
        let cli = try harness()
        let path = cli.folder.file(name)
        try contents.write(to: URL(fileURLWithPath: path))
        let before = try cli.dump()
        let result = cli.run(["import", "document", path, "--symbol", "X/1", "--date", "2020-01-01"])
        #expect(result.exitCode == exitCode, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(try cli.dump() == before)
    }

    @Test("a 50 MB file is refused at once with its size and the limit, and writes nothing")
    func hugeFile() throws {
        let cli = try harness()
        let path = cli.folder.file("huge.txt")
        let line = Data(
            "1. Requests the Secretary-General to report on the implementation of the present resolution;\n".utf8)
        var data = Data(capacity: 50 * 1_048_576 + line.count)
        while data.count < 50 * 1_048_576 { data.append(line) }
        try data.write(to: URL(fileURLWithPath: path))
        let before = try cli.dump()
        let result = cli.run(["import", "document", path, "--symbol", "X/1", "--date", "2020-01-01"])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("huge.txt: the file is 50.0 MB, over the 20 MB limit"))
        #expect(try cli.dump() == before)
    }

    @Test("a document mixing Chinese and English paragraphs is read in both languages")
    func mixedLanguages() throws {
        let cli = try harness()
        let text = """
            大会，

            回顾其各项决议，

            1. 请秘书长每年提交报告；

            2. Urges Member States to bridge the digital divide by 2030;

            3. 鼓励所有利益攸关方 and the private sector to cooperate.
            """
        let path = try write(text, to: "mixed.txt", in: cli)
        let json = try cli.succeed([
            "import", "document", path, "--symbol", "A/RES/1", "--date", "2020-12-21", "--dry-run", "--format", "json",
        ])
        let items = try JSONDecoder().decode([ExtractedItem].self, from: Data(json.utf8))
        #expect(items.map(\.addressees) == [["SG"], ["MEMBER-STATES"], ["ALL-STAKEHOLDERS", "PRIVATE-SECTOR"]])
        #expect(items[0].cycle == .annual)
        #expect(items[1].dueDate == CalendarDate("2030-12-31"))
    }

    @Test("a missing file exits 66")
    func missingFile() throws {
        let cli = try harness()
        let result = cli.run(["import", "document", cli.folder.file("absent.txt"), "--symbol", "X/1"])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("absent.txt': no such file"))
    }

    @Test("init loads the seed documents and their progress once")
    func seeds() throws {
        let cli = CLIHarness()
        let first = try cli.succeed(["init"])
        #expect(first.contains("Seed E/2020/31: 149 clauses"))
        #expect(first.contains("Seed UNSG/STI/2021: 20 clauses"))
        #expect(first.contains("Seed progress: 36 entries"))
        let dump = try cli.dump()
        let second = try cli.succeed(["init"])
        #expect(second.contains("Seed E/2020/31: already imported."))
        #expect(second.contains("Seed progress: already loaded."))
        #expect(try cli.dump() == dump)
        let ethiopia = try JSONDecoder().decode(
            [RecommendationSummary].self,
            from: Data(try cli.succeed(["recs", "--actor", "ETH", "--status", "in-progress", "--format", "json"]).utf8))
        #expect(ethiopia.map(\.key) == ["E/2020/31 DR-II (a)(v)"])
        let history = try JSONDecoder().decode(
            [ProgressEntryInfo].self,
            from: Data(
                try cli.succeed(["history", "E/2020/31 DR-II (a)(v)", "--actor", "ETH", "--format", "json"]).utf8))
        #expect(history.map { $0.evidence?.paragraph } == ["51", "69"])
        #expect(history.allSatisfy { $0.evidence?.document == "UNSG/STI/2021" && $0.reportedBy == "SG" })
        #expect(try cli.succeed(["search", "技术库"]).contains("E/2020/31 DR-II (a)(xxviii)"))
    }

    @Test(
        "many files read and planned on every core, a window at a time: the same outcome, line by line, as one by one")
    func manyFilesInParallel() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FollowUpKitTests/Fixtures/corpus-text")
        let texts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            .sorted().map { folder.appendingPathComponent($0).path }
        #expect(texts.count == 29)
        let together = try harness()
        let missing = together.folder.file("absent.txt")
        // More files than a window (four per core), a file refused in the middle, one given twice.
        let files = Array(texts.prefix(14)) + [missing] + Array(texts.dropFirst(14)) + [texts[0]]
        let result = together.run(["import", "document"] + files)
        #expect(result.exitCode == 66, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == files.count + 1)

        let alone = try harness()
        for (file, line) in zip(files, lines) {
            let single = alone.run(["import", "document", file, missing])
            let first = single.standardOutput.split(separator: "\n").first.map(String.init)
            #expect(first == line, "\(file)")
        }
        #expect(lines.last == "31 files: 29 imported, 1 unchanged, 1 refused; each refused file changed nothing.")
        #expect(try together.succeed(["export", "recommendations"]) == alone.succeed(["export", "recommendations"]))
    }

}
