import Foundation
import GRDB
import Testing
@testable import FollowUpCLI
@testable import FollowUpKit
@testable import FollowUpModel
@testable import FollowUpStore
@testable import FollowUpImport
@testable import FollowUpExchange
@testable import FollowUpReports
@testable import FollowUpReference
@testable import FollowUpBootstrap
@testable import FollowUpRendering
import FollowUpTestSupport

/// The command-line findings of the second adversarial run (issue #23), one test each, numbered
/// as the issue numbers them; each failed on the code before its fix. The server's findings are in
/// `FollowUpServerTests/ServerFindingsTests`; those that need a real process (a closed pipe, an
/// argument that is not UTF-8, memory under a flood on standard input) in `Scripts/adversary.sh`.
@Suite("Adversary findings (#23)", .serialized)
struct AdversaryFindingsTests {
    static let key = "E/2020/31 DR-I ¶23"

    func seeded() throws -> CLIHarness {
        try CLIHarness.seeded()
    }

    /// Runs SQL on the database as another program would.
    func sql(_ cli: CLIHarness, _ statements: String) throws {
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: statements) }
    }

    // MARK: High

    @Test(
        "1. no output, forced or not, is the database, its -wal or -shm, or a path that resolves to them",
        arguments: [
            ["export", "progress", "-o", "DB", "--force"],
            ["report", "country", "KEN", "--format", "html", "-o", "DB", "--force"],
            ["update", key, "--actor", "KEN", "--status", "planned", "-o", "DB", "--force"],
            ["report", "country", "KEN", "-o", "DB-wal", "--force"],
            ["report", "country", "KEN", "-o", "DB-shm", "--force"],
            ["report", "country", "KEN", "-o", "LINK", "--force"],
            ["report", "country", "KEN", "-o", "HARDLINK", "--force"],
            ["report", "country", "KEN", "-o", "DOTDOT", "--force"],
            ["backup", "DB", "--force"],
        ])
    func outputIsNeverTheDatabase(arguments: [String]) throws {
        let cli = try seeded()
        try cli.succeed(["update", Self.key, "--actor", "KEN", "--status", "planned", "--as-of", "2021-01-01"])
        let folder = URL(fileURLWithPath: cli.databasePath).deletingLastPathComponent()
        try FileManager.default.createSymbolicLink(
            atPath: cli.folder.file("link.sqlite"), withDestinationPath: cli.databasePath)
        try FileManager.default.createDirectory(atPath: cli.folder.file("sub"), withIntermediateDirectories: true)
        let hardLink = cli.folder.file("hard.sqlite")
        try FileManager.default.linkItem(atPath: cli.databasePath, toPath: hardLink)
        let substitutions = [
            "DB": cli.databasePath, "DB-wal": cli.databasePath + "-wal", "DB-shm": cli.databasePath + "-shm",
            "LINK": cli.folder.file("link.sqlite"), "HARDLINK": hardLink,
            "DOTDOT": folder.path + "/sub/../" + URL(fileURLWithPath: cli.databasePath).lastPathComponent,
        ]
        let before = try cli.dump()
        let result = cli.run(arguments.map { substitutions[$0] ?? $0 })
        #expect(result.exitCode == 73, "\(result.standardError)")
        #expect(result.standardError.contains("it is the database this command works on"), "\(result.standardError)")
        #expect(try cli.dump() == before)
        #expect(try cli.succeed(["check"]).contains("no problems found"))
    }

    // MARK: Medium

    @Test("4. recs edit --due sets a due date, recorded in the curation log; --no-due removes it")
    func dueDateCorrection() throws {
        let cli = try seeded()
        let edited = cli.run([
            "recs", "edit", Self.key, "--due", "2030-01-01", "--reason", "the text says by 2030", "--by", "me",
        ])
        #expect(edited.exitCode == 0, "\(edited.standardError)")
        #expect(edited.standardOutput.contains("2030-01-01"))
        let removed = cli.run(["recs", "edit", Self.key, "--no-due", "--reason", "no date after all", "--by", "me"])
        #expect(removed.exitCode == 0, "\(removed.standardError)")
        #expect(try cli.succeed(["check"]).contains("no problems found"))
        let bad = cli.run(["recs", "edit", Self.key, "--due", "2030-02-30", "--reason", "x", "--by", "me"])
        #expect(bad.exitCode == 64)
    }

    @Test("7. the lines of one long block are joined in place, not copied once per line")
    func longBlocksJoinInPlace() {
        // The time itself is measured by Scripts/benchmark.sh (a 10 MB document); here, that the
        // joined text is the same as before, for the three ways lines join.
        var text = "develop-"
        TextCleaner.join(&text, "ment of")
        TextCleaner.join(&text, "multi-")
        TextCleaner.join(&text, "stakeholder")
        TextCleaner.join(&text, "数字")
        TextCleaner.join(&text, "鸿沟")
        #expect(text == "development of multi-stakeholder数字鸿沟")
    }

    @Test(
        "8. numbers out of range are usage errors, never a crash",
        arguments: [
            ["search", "a", "--limit=-1"], ["search", "a", "--limit", "9223372036854775807"],
            ["search", "a", "--limit=-9223372036854775808"],
            ["remind", "--within", "9223372036854775807d", "--dry-run"],
            ["serve", "--port", "99999"], ["report", "country", "KEN", "--width", "9223372036854775807"],
            ["import", "document", "x.txt", "--max-size=-1"],
        ])
    func numbersInRange(arguments: [String]) throws {
        let cli = try seeded()
        let result = cli.run(arguments)
        #expect(result.exitCode == 64, "\(result.standardError)")
        #expect(result.standardError.contains("out of range"), "\(result.standardError)")
    }

    @Test("9. standard input is read no further than the limit")
    func standardInputLimit() throws {
        let cli = try seeded()
        let before = try cli.dump()
        let flood = Data(repeating: 0x61, count: 3 << 20)
        let result = cli.run(["import", "document", "-", "--max-size", "1"], standardInput: flood)
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("over the 1 MB limit"), "\(result.standardError)")
        #expect(try cli.dump() == before)
    }

    // MARK: Low

    @Test("10. an empty -o is refused before anything is written")
    func emptyOutput() throws {
        let cli = try seeded()
        let before = try cli.dump()
        let result = cli.run(["update", Self.key, "--actor", "KEN", "--status", "planned", "-o", ""])
        #expect(result.exitCode == 65, "\(result.standardError)")
        #expect(result.standardError.contains("the file name is empty"))
        #expect(try cli.dump() == before)
        let progress = cli.folder.file("p.csv")
        try "uid,key,actor,as_of,status\nx1,\(Self.key),KEN,2021-01-01,planned\n".write(
            toFile: progress, atomically: true, encoding: .utf8)
        #expect(cli.run(["import", "progress", progress, "-o", ""]).exitCode == 65)
        #expect(try cli.dump() == before)
    }

    @Test(
        "12. control characters (C0, C1, escape) and bidirectional controls in names are refused everywhere",
        arguments: [
            [
                "recs", "add", "--document", "E/2020/31", "--paragraph", "¶900", "--text", "a\u{1B}[31mred",
                "--addressee", "SG",
            ],
            ["recs", "edit", key, "--add", "KEN", "--reason", "r", "--by", "me\u{1B}]0;x"],
            ["recs", "edit", key, "--add", "KEN", "--reason", "r", "--by", "me\u{202E}em"],
            ["update", key, "--actor", "KEN", "--status", "planned", "--note", "next line\u{85}"],
            ["update", key, "--actor", "KEN", "--status", "planned", "--note", "\u{9B}2J"],
            [
                "documents", "add", "--symbol", "X/\u{202E}1", "--title", "T", "--date", "2020-01-01", "--language",
                "en",
            ],
        ])
    func controlCharacters(arguments: [String]) throws {
        let cli = try seeded()
        let before = try cli.dump()
        let result = cli.run(arguments)
        #expect(result.exitCode == 65, "\(result.standardError)")
        #expect(result.standardError.contains("U+"), "\(result.standardError)")
        #expect(try cli.dump() == before)
    }

    @Test("12. an account name with a bidirectional override is refused")
    func accountNames() throws {
        let cli = try seeded()
        let result = cli.run(
            ["users", "add", "ad\u{202E}nimda", "--role", "reader", "--password-file", "-"],
            standardInput: Data("a long passphrase\n".utf8))
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("bidirectional"))
    }

    @Test("13. a CSV whose header repeats a column is refused at line 1")
    func repeatedColumn() throws {
        let cli = try seeded()
        let file = cli.folder.file("twice.csv")
        try "uid,key,actor,as_of,status,note,note\nz1,\(Self.key),KEN,2021-01-01,planned,first,second\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let result = cli.run(["import", "progress", file])
        #expect(result.exitCode == 65)
        #expect(
            result.standardError.contains("twice.csv:1: note: this column appears twice"), "\(result.standardError)")
        #expect(try cli.dump() == before)
    }

    @Test("16. a link to a file is that file; a dangling or looping link is named as such")
    func links() throws {
        let cli = try seeded()
        let file = cli.folder.file("real.csv")
        try "uid,key,actor,as_of,status\nz1,\(Self.key),KEN,2021-01-01,planned\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: cli.folder.file("link.csv"), withDestinationPath: file)
        try manager.createSymbolicLink(atPath: cli.folder.file("dangling.csv"), withDestinationPath: "absent.csv")
        try manager.createSymbolicLink(atPath: cli.folder.file("loop.csv"), withDestinationPath: "loop.csv")
        #expect(cli.run(["import", "progress", cli.folder.file("link.csv")]).exitCode == 0)
        let dangling = cli.run(["import", "progress", cli.folder.file("dangling.csv")])
        #expect(dangling.exitCode == 66 && dangling.standardError.contains("'absent.csv', which does not exist"))
        let loop = cli.run(["import", "progress", cli.folder.file("loop.csv")])
        #expect(loop.exitCode == 66 && loop.standardError.contains("loops"), "\(loop.standardError)")
    }

    @Test("17. rows are counted as rows: one row with three problems is one row")
    func rowsCounted() throws {
        let cli = try seeded()
        let file = cli.folder.file("bad.csv")
        try "uid,key,actor,as_of,status\nz1,NOPE,Atlantis,2021-02-30,finished\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let result = cli.run(["import", "progress", file])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("problems in 1 row;"), "\(result.standardError)")
    }

    @Test("18. backup refuses an existing file unless --force, which it has")
    func backupForce() throws {
        let cli = try seeded()
        let target = cli.folder.file("copy.sqlite")
        try "mine".write(toFile: target, atomically: true, encoding: .utf8)
        let refused = cli.run(["backup", target])
        #expect(refused.exitCode == 73 && refused.standardError.contains("pass --force"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "mine")
        #expect(cli.run(["backup", target, "--force"]).exitCode == 0)
        #expect(try cli.succeed(["check", "--database", target]).contains("no problems found"))
    }

    @Test("20. a search of hundreds of words is refused plainly (Scripts/adversary.sh tries 10,000)")
    func manyWords() throws {
        let cli = try seeded()
        let result = cli.run(["search"] + (1...500).map { "w\($0)" })
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("at most 32"), "\(result.standardError)")
    }

    @Test("21. FOLLOWUP_BUSY_TIMEOUT must be seconds from 0 to 3600", arguments: ["abc", "-1", "1e99", "3601", ""])
    func busyTimeout(value: String) throws {
        let cli = try seeded()
        let result = cli.run(["report", "country", "KEN"], environment: ["FOLLOWUP_BUSY_TIMEOUT": value])
        #expect(result.exitCode == 64, "\(result.standardError)")
        #expect(result.standardError.contains("FOLLOWUP_BUSY_TIMEOUT"))
        #expect(cli.run(["report", "country", "KEN"], environment: ["FOLLOWUP_BUSY_TIMEOUT": "2.5"]).exitCode == 0)
    }

    @Test("22. init leaves another program's SQLite file alone, and other commands say what it is")
    func foreignDatabase() throws {
        let cli = CLIHarness()
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))
        let initialised = cli.run(["init"])
        #expect(initialised.exitCode == 66)
        #expect(initialised.standardError.contains("another program"), "\(initialised.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.databasePath)) == before)
        let report = cli.run(["report", "country", "KEN"])
        #expect(report.exitCode == 66 && !report.standardError.contains("run 'followup init'"))
    }

    @Test("23. check sees the newest entries deleted, texts edited, reviews flipped, submissions deleted")
    func journal() throws {
        let cli = try seeded()
        for (name, role) in [("amina", "focal-point"), ("otieno", "validator")] {
            _ = cli.run(
                ["users", "add", name, "--role", role, "--actor", "KEN", "--password-file", "-"],
                standardInput: Data("correct horse battery\n".utf8))
        }
        try cli.succeed(["submit", Self.key, "--account", "amina", "--actor", "KEN", "--status", "planned"])
        try cli.succeed(["submit", Self.key, "--account", "amina", "--actor", "KEN", "--status", "in-progress"])
        try cli.succeed(["review", "accept", "1", "--account", "otieno"])
        try cli.succeed(["update", Self.key, "--actor", "KEN", "--status", "implemented", "--as-of", "2021-06-01"])
        #expect(try cli.succeed(["check"]).contains("no problems found"))
        let json = try JSONSerialization.jsonObject(with: Data(try cli.succeed(["check", "--format", "json"]).utf8))
        let head = try #require((json as? [String: Any])?["journalHead"] as? String)
        let pristine = try Data(contentsOf: URL(fileURLWithPath: cli.databasePath))

        func tampered(_ statements: String, finds expected: [String]) throws {
            try pristine.write(to: URL(fileURLWithPath: cli.databasePath))
            try? FileManager.default.removeItem(atPath: cli.databasePath + "-wal")
            try? FileManager.default.removeItem(atPath: cli.databasePath + "-shm")
            try sql(cli, statements)
            _ = cli.run(["check", "--repair-cache"])
            let result = cli.run(["check", "--head", head])
            #expect(result.exitCode == 1, "\(statements)\n\(result.standardOutput)")
            for text in expected {
                #expect(result.standardOutput.contains(text), "\(text)\n\(result.standardOutput)")
            }
        }
        // The triggers dropped for the deed and put back as they were: only the journal can tell.
        let noDelete = try DatabaseQueue(path: cli.databasePath).read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'progressEntry_no_delete'") ?? ""
        }
        try tampered(
            "DROP TRIGGER progressEntry_no_delete; DELETE FROM progressEntry WHERE id = (SELECT max(id) FROM progressEntry); \(noDelete);",
            finds: ["log-truncated"])
        try tampered(
            "UPDATE recommendation SET text = 'Urges nothing' WHERE key = '\(Self.key)'",
            finds: ["document-tampered", "document E/2020/31 was changed outside FollowUp"])
        try tampered(
            "DROP TRIGGER review_no_update; UPDATE review SET comment = 'fine' WHERE submissionId = 1;",
            finds: ["review-tampered"])
        try tampered(
            "DROP TRIGGER submission_no_delete; DELETE FROM submission WHERE id = 2;", finds: ["submission-missing"])
        // The whole journal rebuilt to match: only the head published before tells.
        try pristine.write(to: URL(fileURLWithPath: cli.databasePath))
        try sql(
            cli,
            "DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE id = (SELECT max(id) FROM journal); "
                + "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;"
        )
        let rewritten = cli.run(["check", "--head", head])
        #expect(
            rewritten.exitCode == 1 && rewritten.standardOutput.contains("head-not-found"),
            "\(rewritten.standardOutput)")
        try pristine.write(to: URL(fileURLWithPath: cli.databasePath))
        #expect(try cli.succeed(["check", "--head", head]).contains("the journal's current head"))
    }

    @Test("26. a 100,000-character key is refused, and no message repeats it whole")
    func longKey() throws {
        let cli = try seeded()
        let file = cli.folder.file("recs.csv")
        let key = String(repeating: "k", count: 100_000)
        try "key,document,path,text,addressees,addressed_as\n\(key),E/2020/31,¶901,Text,SG|KEN,the Secretary-General\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let result = cli.run(["import", "recommendations", file])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("a name holds at most 200 bytes"), "\(result.standardError.prefix(500))")
        #expect(result.standardError.contains("1 phrases for 2 addressees"))
        #expect(result.standardError.count < 2_000)
        #expect(try cli.dump() == before)
    }
}
