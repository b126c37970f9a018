import Foundation
import FollowUpKit
import FollowUpTestSupport
import Testing

/// Accounts, submissions, reviews and questionnaires on the command line, as a secretariat and
/// offline focal points use them.
@Suite("Accounts, review and questionnaires (CLI)")
struct WorkflowCommandTests {
    static let password = Data("correct horse battery\n".utf8)

    /// The seeds, a focal point and a validator for Kenya.
    func harness() throws -> CLIHarness { try CLIHarness.seededWithKenyaAccounts() }

    @Test("users: a password never on the command line, a short one refused; list shows roles and actors")
    func users() throws {
        let cli = try harness()
        let short = cli.run(
            ["users", "add", "x", "--role", "reader", "--password-file", "-"], standardInput: Data("short\n".utf8))
        #expect(short.exitCode == 65)
        #expect(short.standardError.contains("shorter than 10"))
        let list = try cli.succeed(["users", "list"])
        #expect(list.contains("amina") && list.contains("focal-point") && list.contains("KEN"))
        #expect(!(try cli.dump()).contains("correct horse battery"))
    }

    @Test("submit and review: 77 for the wrong actor or role, nothing written; accept puts it in the log")
    func submitAndReview() throws {
        let cli = try harness()
        let key = "E/2020/31 DR-II (a)(i)"
        let before = try cli.dump()
        let other = cli.run(["submit", key, "--account", "amina", "--actor", "ETH", "--status", "planned"])
        #expect(other.exitCode == 77)
        #expect(other.standardError.contains("not allowed"))
        #expect(try cli.dump() == before)
        try cli.succeed(["submit", key, "--account", "amina", "--actor", "KEN", "--status", "planned"])
        let marked = try cli.succeed(["report", "country", "KEN", "--include-submitted", "--format", "markdown"])
        #expect(marked.contains("Submitted, awaiting validation") && marked.contains("planned (submitted)"))
        #expect(
            !(try cli.succeed(["report", "country", "KEN", "--format", "markdown"])).contains("awaiting validation"))
        #expect(cli.run(["review", "accept", "1", "--account", "amina"]).exitCode == 77)
        try cli.succeed(["review", "accept", "1", "--account", "otieno"])
        #expect(try cli.succeed(["history", key, "--actor", "KEN"]).contains("planned"))
    }

    @Test("a questionnaire goes out as CSV and comes back as submissions, all or none, bad rows by line")
    func questionnaire() throws {
        let cli = try harness()
        try cli.succeed(["questionnaire", "KEN", "-o", cli.folder.file("q.csv")])
        let text = try String(contentsOfFile: cli.folder.file("q.csv"), encoding: .utf8)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines[0].hasSuffix("status,response,as_of,note,evidence"))
        #expect(lines.count == 45)  // the header and the 44 recommendations binding Kenya
        // Answer two rows: fill the last five (blank) columns.
        lines[1] = String(lines[1].dropLast(4)) + "in progress,,2026-11-01,plan adopted,https://example.org/plan"
        lines[2] = String(lines[2].dropLast(4)) + "done,,,,"
        try (lines.joined(separator: "\r\n") + "\r\n").write(
            toFile: cli.folder.file("bad.csv"), atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let refused = cli.run(["import", "questionnaire", cli.folder.file("bad.csv"), "--account", "amina"])
        #expect(refused.exitCode == 65)
        #expect(refused.standardError.contains("bad.csv:3: status: unknown status 'done'"))
        #expect(try cli.dump() == before)

        lines[2] = String(lines[2].dropLast(8)) + "implemented,,,,"
        try (lines.joined(separator: "\r\n") + "\r\n").write(
            toFile: cli.folder.file("good.csv"), atomically: true, encoding: .utf8)
        #expect(
            cli.run(["import", "questionnaire", cli.folder.file("good.csv"), "--account", "otieno"]).exitCode == 77)
        let output = try cli.succeed(["import", "questionnaire", cli.folder.file("good.csv"), "--account", "amina"])
        #expect(output.contains("Submitted 2 answers"))
        let queue = try cli.succeed(["review", "list", "--account", "otieno"])
        #expect(queue.contains("2 awaiting review"))
    }

    @Test(
        "remind writes a digest (Markdown and .eml) per focal point, once per item per period; a dry run writes nothing"
    )
    func remind() throws {
        let cli = try CLIHarness.seeded()
        let added = cli.run(
            [
                "users", "add", "unctad", "--role", "focal-point", "--actor", "UNCTAD", "--email", "focal@unctad.org",
                "--password-file", "-",
            ], standardInput: Self.password)
        #expect(added.exitCode == 0, "\(added.standardError)")
        let before = try cli.dump()
        let dry = try cli.succeed(["remind", "--within", "30d", "--dry-run"])
        #expect(dry.contains("E/2020/31 DR-II (c)(vi)") && dry.contains("1 digest, 1 item"))
        #expect(try cli.dump() == before)
        #expect(cli.run(["remind", "-o", cli.folder.file("missing")]).exitCode == 66)
        let folder = cli.folder.file("out")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try cli.succeed(["remind", "--within", "30", "-o", folder])
        let message = try String(contentsOfFile: folder + "/unctad-2026-11-21.eml", encoding: .utf8)
        #expect(message.hasPrefix("From: FollowUp <followup@localhost>\r\nTo: focal@unctad.org\r\n"))
        #expect(message.contains("Subject: FollowUp: 1 overdue, 0 falling due (as of 2026-11-21)"))
        #expect(FileManager.default.fileExists(atPath: folder + "/unctad-2026-11-21.md"))
        #expect(try cli.succeed(["remind", "-o", folder]).contains("0 digests, 0 items"))
    }
}
