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

/// The findings of an adversarial review of docs/reliability.md (issue #10), one test each: every
/// one failed on the code before the fix.
@Suite("Adversary", .serialized)
struct AdversaryTests {
    static let key = "E/2020/31 DR-II (a)(v)"

    func seeded() throws -> CLIHarness {
        try CLIHarness.seeded()
    }

    /// Runs SQL on the database as another program would.
    func sql(_ cli: CLIHarness, _ statements: String) throws {
        let queue = try DatabaseQueue(path: cli.databasePath)
        try queue.writeWithoutTransaction { db in try db.execute(sql: statements) }
    }

    // MARK: 1. Tamper evidence

    @Test("1. a log rewritten by SQL (REPLACE, an edited cache, a dropped trigger) is found by check")
    func tampering() throws {
        let replaced = try seeded()
        try sql(
            replaced,
            """
            REPLACE INTO progressEntry(uid, assignmentId, asOf, status, recordedAt, hash)
            SELECT uid, assignmentId, asOf, 'not-implemented', '2021-08-01T00:00:00Z', hash FROM progressEntry WHERE id = 5
            """)
        var result = replaced.run(["check"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("log-tampered"))
        #expect(result.standardOutput.contains("#5 is missing"), "\(result.standardOutput)")

        let cached = try seeded()
        try sql(cached, "UPDATE assignmentState SET status = 'implemented' WHERE status IS NOT 'implemented'")
        result = cached.run(["check"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("state-stale"))
        #expect(try cached.succeed(["check", "--repair-cache"]).contains("differed from the log"))
        #expect(try cached.succeed(["check"]).contains("no problems found"))

        let edited = try seeded()
        try sql(
            edited, "DROP TRIGGER progressEntry_no_update; UPDATE progressEntry SET note = 'all done' WHERE id = 3")
        result = edited.run(["check"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("trigger progressEntry_no_update is missing"))
        #expect(result.standardOutput.contains("entry #3"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("head of its hash chain"))
    }

    // MARK: 2. Validate, then write

    @Test(
        "2. a write command refused for its output format or file writes nothing",
        arguments: [
            ["update", AdversaryTests.key, "--actor", "KEN", "--status", "planned", "--format", "html"],
            ["update", AdversaryTests.key, "--actor", "KEN", "--status", "planned", "--format", "csv"],
            ["update", AdversaryTests.key, "--actor", "KEN", "--status", "planned", "-o", "EXISTING"],
            ["update", AdversaryTests.key, "--actor", "KEN", "--status", "planned", "-o", "/nonexistent/x"],
            [
                "documents", "add", "--symbol", "X/1", "--title", "T", "--date", "2020-01-01", "--language", "en",
                "--format", "html",
            ],
            [
                "recs", "add", "--document", "E/2020/31", "--paragraph", "¶999", "--text", "T", "--addressee", "SG",
                "-o", "EXISTING",
            ],
            ["import", "document", "DOCUMENT", "--format", "html"],
            ["import", "progress", "PROGRESS", "-o", "/nonexistent/x"],
        ])
    func validateThenWrite(arguments: [String]) throws {
        let cli = try seeded()
        let existing = cli.folder.file("existing.txt")
        try "mine".write(toFile: existing, atomically: true, encoding: .utf8)
        let progress = cli.folder.file("progress.csv")
        try (ExchangeColumns.progress.joined(separator: ",") + "\nx1,\(Self.key),KEN,2021-01-01,planned,,,,,,,,\n")
            .write(toFile: progress, atomically: true, encoding: .utf8)
        let document = PDFImportTests.example
        let resolved = arguments.map {
            ["EXISTING": existing, "PROGRESS": progress, "DOCUMENT": document][$0] ?? $0
        }
        let before = try cli.dump()
        let result = cli.run(resolved)
        #expect(result.exitCode != 0, "\(result.standardOutput)")
        #expect(!result.standardError.isEmpty)
        #expect(try cli.dump() == before)
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "mine")
    }

    @Test("2. init refused for its format creates no database")
    func initValidatesFirst() throws {
        let cli = CLIHarness()
        #expect(cli.run(["init", "--format", "html"]).exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: cli.databasePath))
    }

    // MARK: 3. Files and folders

    @Test("3. --force never replaces a folder, and never the database's own folder")
    func forceNeverRemovesFolders() throws {
        let cli = try seeded()
        let victim = cli.folder.file("victim")
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try "keep".write(toFile: victim + "/keep.txt", atomically: true, encoding: .utf8)
        let result = cli.run(["report", "country", "KEN", "-o", victim, "--force"])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("folder"))
        #expect(FileManager.default.fileExists(atPath: victim + "/keep.txt"))
        #expect(cli.run(["report", "country", "KEN", "-o", cli.folder.path, "--force"]).exitCode == 73)
        #expect(try cli.succeed(["check"]).contains("no problems found"))
    }

    @Test("3. a file created by someone else while output is written is not overwritten")
    func noClobberAtTheEnd() throws {
        let folder = TemporaryFolder()
        let path = folder.file("report.txt")
        let sink = try OutputSink(path: path, force: false, protecting: nil)
        try sink.write("FollowUp's report\n")
        try "someone else's\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FollowUpError.self) { try sink.close() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "someone else's\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.txt"])
    }

    @Test("3. demo never replaces a database it did not build, or one changed since")
    func demoKeepsOthersDatabases() throws {
        let cli = try seeded()
        let folder = cli.folder.file("demo")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: cli.databasePath, toPath: folder + "/followup.sqlite")
        let foreign = try AppDatabase.open(path: folder + "/followup.sqlite").contentDump()
        var result = cli.run(["demo", "--output-dir", folder])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("not made by 'followup demo'"))
        #expect(try AppDatabase.open(path: folder + "/followup.sqlite").contentDump() == foreign)

        let own = cli.folder.file("own")
        try cli.succeed(["demo", "--output-dir", own])
        try cli.succeed(["demo", "--output-dir", own])
        try cli.succeed([
            "update", Self.key, "--actor", "KEN", "--status", "planned", "--database", own + "/followup.sqlite",
        ])
        result = cli.run(["demo", "--output-dir", own])
        #expect(result.exitCode == 73)
        #expect(result.standardError.contains("recorded in it since"))
    }

    // MARK: 4. Reading does not write

    @Test("4. an empty file is not turned into a database, and a reader is not blocked by a writer")
    func readersDoNotWrite() throws {
        let cli = try seeded()
        let empty = cli.folder.file("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        let result = cli.run(["report", "country", "KEN", "--database", empty])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("the file is empty"))
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? NSNumber)?.intValue == 0)
        #expect(!FileManager.default.fileExists(atPath: empty + "-wal"))

        // Another process holds the write lock.
        let other = try DatabaseQueue(path: cli.databasePath)
        try other.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE; UPDATE addressee SET nameEn = nameEn WHERE code = 'KEN'")
            // With no time to wait for a lock, a reader that needed one would fail (exit 75).
            let read = cli.run(["report", "country", "KEN"], environment: ["FOLLOWUP_BUSY_TIMEOUT": "0"])
            #expect(read.exitCode == 0, "\(read.standardError)")
            let write = cli.run(
                ["update", Self.key, "--actor", "KEN", "--status", "planned"],
                environment: ["FOLLOWUP_BUSY_TIMEOUT": "1"])
            #expect(write.exitCode == 75)
            #expect(write.standardError.contains("another process is writing"))
            try db.execute(sql: "ROLLBACK")
        }
    }

    @Test("4. a database in a folder the user may not write is read, and writing it says why not")
    func readOnlyFolder() throws {
        let cli = try seeded()
        let folder = cli.folder.file("locked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let database = folder + "/db.sqlite"
        try AppDatabase.open(path: cli.databasePath).backup(to: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: cli.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        // Root may write anywhere: run as nobody then.
        let asOther = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "nobody", "--"] : []
        if !asOther.isEmpty && !FileManager.default.isExecutableFile(atPath: asOther[0]) { return }
        // The other user may not reach the binary where it was built (a clone in a private folder).
        var executable = try followupExecutable()
        if !asOther.isEmpty {
            let copy = cli.folder.file("followup-copy")
            try FileManager.default.copyItem(atPath: executable, toPath: copy)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy)
            executable = copy
        }
        func run(_ arguments: [String]) throws -> (Int32, String) {
            let process = Process()
            let command = asOther + [executable] + arguments + ["--database", database]
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        #expect(try run(["report", "country", "KEN"]).0 == 0)
        #expect(try run(["check"]).0 == 0)
        let (code, message) = try run(["update", Self.key, "--actor", "KEN", "--status", "planned"])
        #expect(code == 66)
        #expect(message.contains("check that you may write"), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["db.sqlite"])
    }

    // MARK: 5. Crashes and hangs

    @Test("5. absurd sizes, a full disk, devices and pipes are errors, not crashes or hangs")
    func noCrashesOrHangs() throws {
        let cli = try seeded()
        let result = cli.run(["import", "document", "x.txt", "--max-size", "9223372036854775807"])
        #expect(result.exitCode == 64)
        #expect(result.standardError.contains("--max-size"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: try followupExecutable())
        process.arguments = ["report", "country", "KEN", "--database", cli.databasePath]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 74)
        #expect(message.contains("the disk is full"), "\(message)")

        let export = cli.run(["export", "progress", "-o", "/dev/full", "--force"])
        #expect(export.exitCode == 73)
        #expect(export.standardError.contains("not a regular file"))
        let zero = cli.run(["import", "progress", "/dev/zero"])
        #expect(zero.exitCode == 66)
        #expect(zero.standardError.contains("not a regular file"))
        let fifo = cli.folder.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let piped = cli.run(["import", "progress", fifo])
        #expect(piped.exitCode == 66)
        #expect(piped.standardError.contains("not a regular file"))
        #expect(cli.run(["import", "document", fifo]).exitCode == 66)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).allSatisfy { !$0.contains("partial") })
    }

    @Test("5. a line without end is refused at the limit instead of filling memory")
    func endlessLine() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: CSVReader.maxRecordBytes + 10)
        var reader = CSVReader(bytes: bytes, source: "endless.csv")
        #expect(throws: FollowUpError.self) { _ = try reader.next() }
        var json = RecordReader(
            source: ByteStream(bytes: [UInt8(ascii: "{")] + bytes), format: .jsonl, sourceName: "endless.jsonl",
            columns: ExchangeColumns.progress, listColumns: [])
        #expect(throws: FollowUpError.self) { _ = try json.next() }
    }

    // MARK: 6. Bad data

    @Test("6. entries before their document, future documents, impossible times and unknown languages are refused")
    func badDataRefused() throws {
        let cli = try seeded()
        let before = try cli.dump()
        var result = cli.run(["update", Self.key, "--actor", "KEN", "--status", "planned", "--as-of", "0001-01-01"])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("before the document was adopted"))
        result = cli.run([
            "documents", "add", "--symbol", "X/1", "--title", "T", "--date", "9999-12-31", "--language", "en",
        ])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("in the future"))
        let header = ExchangeColumns.progress.joined(separator: ",")
        let rows = [
            "b1,\(Self.key),KEN,2001-01-01,planned,,,,,,,,",
            "b2,\(Self.key),KEN,2021-01-01,planned,,,,,,,9999-99-99T99:99:99Z,",
            "b3,\(Self.key),KEN,2021-01-01,planned,,\"a\u{0}b\",,,,,,",
            String(repeating: "u", count: 65) + ",\(Self.key),KEN,2021-01-01,planned,,,,,,,,",
        ]
        let csv = cli.folder.file("bad.csv")
        try ([header] + rows).joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        result = cli.run(["import", "progress", csv])
        #expect(result.exitCode == 65)
        for message in [
            ":2: as_of: 2001-01-01 is before the document", ":3: recorded_at: '9999-99-99T99:99:99Z'",
            ":4: note: contains the control character U+0000", ":5: uid: 65 bytes",
        ] {
            #expect(result.standardError.contains(message), "\(message)\n\(result.standardError)")
        }
        let jsonl = cli.folder.file("twice.jsonl")
        try
            "{\"uid\":\"j1\",\"key\":\"\(Self.key)\",\"actor\":\"KEN\",\"as_of\":\"2021-01-01\",\"status\":\"planned\",\"status\":\"implemented\"}\n"
            .write(toFile: jsonl, atomically: true, encoding: .utf8)
        result = cli.run(["import", "progress", jsonl])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("status: this field appears twice"), "\(result.standardError)")
        let recs = cli.folder.file("recs.csv")
        try
            "key,document,path,text,addressees,document_title,document_date,document_language\nZ/1 ¶1,Z/1,¶1,T,SG,Title,2020-01-01,xx\n"
            .write(toFile: recs, atomically: true, encoding: .utf8)
        result = cli.run(["import", "recommendations", recs])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("document_language: unknown language 'xx'"), "\(result.standardError)")
        #expect(try cli.dump() == before)
    }

    static func resolution(_ operative: String) -> String {
        """
        United Nations A/RES/99/5
        General Assembly
        Resolution adopted by the General Assembly on 1 December 2023
        99/5. Testing the follow-up of resolutions
        The General Assembly,
        Recalling its earlier resolutions on the matter,
        1. \(operative)
        2. Decides to remain seized of the matter.

        """
    }

    @Test("6. a re-import that would take a recommendation away from an actor with progress is refused")
    func reimportKeepsProgressBound() throws {
        let cli = try seeded()
        let path = cli.folder.file("res.txt")
        try Self.resolution("Requests the Secretary-General to report to it at its eightieth session;")
            .write(toFile: path, atomically: true, encoding: .utf8)
        try cli.succeed(["import", "document", path])
        try cli.succeed(["update", "A/RES/99/5 ¶1", "--actor", "SG", "--status", "in-progress"])
        try Self.resolution("Requests the United Nations Conference on Trade and Development to report to it;")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let before = try cli.dump()
        let result = cli.run(["import", "document", path])
        #expect(result.exitCode == 1)
        #expect(result.standardError.contains("no longer binds SG"), "\(result.standardError)")
        #expect(try cli.dump() == before)
        #expect(try cli.succeed(["check"]).contains("no problems found"))
    }

    @Test("6. init never adds the seeds to a database made without them")
    func initKeepsNoSeeds() throws {
        let cli = CLIHarness()
        try cli.succeed(["init", "--no-seeds"])
        let output = try cli.succeed(["init"])
        #expect(output.contains("Seed documents not loaded"))
        let documents = try JSONSerialization.jsonObject(
            with: Data(try cli.succeed(["documents", "--format", "json"]).utf8))
        #expect((documents as? [Any])?.isEmpty == true)
    }

    // MARK: 7. Messages instead of constraints

    @Test("7. constraint failures are messages naming the field, with the line in bulk")
    func constraintsInWords() throws {
        let cli = try seeded()
        try Self.resolution("Requests the Secretary-General to report;").write(
            toFile: cli.folder.file("r.txt"), atomically: true, encoding: .utf8)
        var result = cli.run(["import", "document", cli.folder.file("r.txt"), "--symbol", ""])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("--symbol: is empty"))
        let recs = cli.folder.file("two.csv")
        try "key,document,path,text,addressees\nK1,E/2020/31,¶2000,One,SG\nK2,E/2020/31,¶2000,Two,SG\n"
            .write(toFile: recs, atomically: true, encoding: .utf8)
        result = cli.run(["import", "recommendations", recs])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains(":3: path: ¶2000 of this document is recommendation 'K1' already"))
        #expect(!result.standardError.contains("constraint failed"))
        #expect(
            AppDatabase.constraintMessage("UNIQUE constraint failed: progressEntry.uid")
                == "another record has the same uid already (progressEntry.uid)")
    }

    @Test("7. a resolution of more than 999 paragraphs keeps every one")
    func thousandParagraphs() throws {
        let cli = try seeded()
        let operative = (1...1_050).map { "\($0). Requests the Secretary-General to report on item \($0);" }
        let text = Self.resolution("Notes the work done;").replacingOccurrences(
            of: "1. Notes the work done;\n2. Decides to remain seized of the matter.\n",
            with: operative.joined(separator: "\n") + "\n")
        let path = cli.folder.file("long.txt")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try cli.succeed(["import", "document", path]).contains("1050 clauses"))
    }

    // MARK: 8. Escape sequences

    @Test("8. escape sequences and bidi overrides never reach a terminal, a Markdown table or HTML")
    func escapesNeutralised() throws {
        let cli = try seeded()
        let hostile = "\u{1B}[31mred\u{1B}]0;TITLE\u{07}\u{1B}[2J\u{202E}txt.exe"
        var result = cli.run(["update", Self.key, "--actor", "KEN", "--status", "planned", "--note", hostile])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("U+001B"))
        #expect(!result.standardError.contains("\u{1B}"))
        result = cli.run(["history", hostile])
        #expect(result.exitCode != 0)
        #expect(!result.standardError.contains("\u{1B}") && !result.standardError.contains("\u{202E}"))

        let table = TextTable(columns: [.init("NOTE"), .init("N")], rows: [[hostile + "\r\nsecond line", "1"]])
        let document = OutputDocument([.text(hostile), .table(table)])
        for rendered in [
            TextRenderer.render(document), MarkdownRenderer.render(document), CSVRenderer.render(table),
            HTMLRenderer.render(document, language: .en),
        ] {
            #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
            #expect(rendered.contains("U+001B"))
        }
        let markdown = MarkdownRenderer.render(OutputDocument([.table(table)]))
        #expect(markdown.split(separator: "\n").count == 3, "\(markdown)")
        #expect(ReportTests.parseAsXML(HTMLRenderer.render(document, language: .en)).ok)
    }

    // MARK: 9. Messages that say what is wrong

    @Test("9. a folder given as a file, and a format a command cannot print, are named as such")
    func plainMessages() throws {
        let cli = try seeded()
        var result = cli.run(["import", "progress", cli.folder.path])
        #expect(result.exitCode == 66)
        #expect(result.standardError.contains("it is a folder"))
        result = cli.run(["update", Self.key, "--actor", "KEN", "--status", "planned", "--format", "csv"])
        #expect(result.exitCode == 65)
        #expect(result.standardError.contains("use one of table, json, markdown"), "\(result.standardError)")
    }
}
