import Foundation
import Testing
import FollowUpTestTiers
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

/// The `followup` executable built beside the test runner (`swift build` builds it).
func followupExecutable() throws -> String {
    let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = runner.deletingLastPathComponent()
    // On Linux the runner is …/debug/FollowUpPackageTests.xctest; elsewhere it may sit deeper.
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("followup").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    throw HarnessFailureMessage("no followup executable beside \(runner.path): run 'swift build' before 'swift test'")
}

struct HarnessFailureMessage: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs the real executable as a child process.
func spawn(_ arguments: [String], database: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try followupExecutable())
    process.arguments = arguments + ["--database", database]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = Pipe()
    try process.run()
    return process
}

@Suite("Reliability", .serialized, .tags(.process), .enabled(if: TestTier.selected.contains(.process)))
struct ReliabilityTests {
    /// A database with the seeds and a progress file of `rows` entries on one recommendation that
    /// binds every State.
    func largeImport(rows: Int) throws -> (CLIHarness, String) {
        let cli = CLIHarness()
        try cli.succeed(["init"])
        let states = try JSONDecoder().decode(
            [AddresseeInfo].self,
            from: Data(try cli.succeed(["actors", "--group", "GOVERNMENTS", "--format", "json"]).utf8))
        var text = ExchangeColumns.progress.joined(separator: ",") + "\n"
        text.reserveCapacity(rows * 80)
        for index in 0..<rows {
            let actor = states[index % states.count].code
            let day = CalendarDate(year: 2021, month: 1, day: 1)!.adding(days: index / states.count % 1500)
            text += "kill-\(index),E/2020/31 DR-II (a)(i),\(actor),\(day),in-progress,,,,,,,,\n"
        }
        let path = cli.folder.file("large.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (cli, path)
    }

    @Test("a process killed in the middle of a large import leaves the database as it was")
    func killedImport() throws {
        let (cli, path) = try largeImport(rows: 300_000)
        let before = try cli.dump()
        func walSize() -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: cli.databasePath + "-wal"))?[.size] as? Int) ?? 0
        }
        let start = walSize()
        let process = try spawn(["import", "progress", path], database: cli.databasePath)
        // Kill it without warning once it is observed writing inside its transaction: the
        // write-ahead log has grown by 4 MB of uncommitted pages (SQLite spills them there when
        // its cache fills), not after a guessed delay.
        let deadline = Date() + 120
        while walSize() < start + (4 << 20) && process.isRunning && Date() < deadline {
            usleep(2_000)
        }
        #expect(walSize() >= start + (4 << 20), "the import was not seen writing")
        #expect(process.isRunning, "the import finished before it could be killed: make the file larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let database = try AppDatabase.open(path: cli.databasePath)
        #expect(try database.contentDump() == before)
        #expect(try database.check().problems.isEmpty)
        // And the same import then runs to the end.
        #expect(try cli.succeed(["import", "progress", path]).contains("300000 entries added"))
        #expect(try database.check().problems.isEmpty)
    }

    @Test("four processes recording 250 updates each lose nothing and never see 'database is locked'")
    func concurrentWriters() throws {
        let cli = CLIHarness()
        try cli.succeed(["init"])
        let executable = try followupExecutable()
        var workers: [Process] = []
        for (worker, actor) in ["ETH", "KEN", "GHA", "IND"].enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            let script = """
                for i in $(seq 1 250); do
                  day=$(date -d "2021-01-01 + $((i % 300)) days" +%Y-%m-%d)
                  "$0" update "E/2020/31 DR-II (a)(v)" --actor \(actor) --status in-progress --as-of "$day" \
                    --note "worker \(worker) update $i" --database "$1" >/dev/null || echo "failed $i"
                done
                """
            process.arguments = ["-c", script, executable, cli.databasePath]
            let errors = Pipe()
            process.standardOutput = errors
            process.standardError = errors
            try process.run()
            workers.append(process)
        }
        // Every read succeeds while the writers write. (That a reader never waits for a writer's
        // lock is shown without a clock in AdversaryTests.readersDoNotWrite: with no time to wait,
        // a read beside a held write lock succeeds. Here, with four writers checkpointing the log,
        // SQLite may make a reader wait a moment, which the busy timeout absorbs.)
        var reads = 0
        while workers.contains(where: \.isRunning) && reads < 20 {
            let result = cli.run(["recs", "--actor", "KEN", "--format", "json"])
            #expect(result.exitCode == 0, "\(result.standardError)")
            reads += 1
        }
        var output = ""
        for worker in workers {
            worker.waitUntilExit()
            if let pipe = worker.standardOutput as? Pipe {
                output += String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            }
        }
        #expect(output.isEmpty, "\(output)")
        #expect(!output.contains("locked"))
        let history = try JSONDecoder().decode(
            [ProgressEntryInfo].self,
            from: Data(try cli.succeed(["history", "E/2020/31 DR-II (a)(v)", "--format", "json"]).utf8))
        let recorded = history.filter { $0.note?.hasPrefix("worker ") == true }
        #expect(recorded.count == 1_000)
        #expect(Set(recorded.map(\.uid)).count == 1_000)
        #expect(try AppDatabase.open(path: cli.databasePath).check().problems.isEmpty)
    }

    @Test("an upgrade that fails leaves the old database as it was, and says why")
    func failedUpgrade() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FollowUpKitTests/Fixtures/schema-v1-core.sqlite")
        let folder = TemporaryFolder()
        let path = folder.file("v1.sqlite")
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        // Something in the way of migration v2: a table of the name it creates.
        let database = try AppDatabase.open(path: path)
        try database.writer.write { db in try db.execute(sql: "CREATE TABLE assignmentState (x INTEGER)") }
        let schema = try database.schemaSQL()
        let content = try database.contentDump()
        let cli = CLIHarness()
        let result = cli.run(["init", "--no-seeds", "--database", path])
        #expect(result.exitCode != 0)
        #expect(!result.standardError.isEmpty)
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.schemaSQL() == schema)
        #expect(try reopened.contentDump() == content)
        #expect(try reopened.appliedMigrations() == ["v1-core"])
    }

    @Test("check reports problems and exits 1; backup makes a consistent copy of a live database")
    func checkAndBackup() throws {
        let cli = CLIHarness()
        try cli.succeed(["init"])
        #expect(try cli.succeed(["check"]).contains("no problems found"))
        let copy = cli.folder.file("copy.sqlite")
        // Back up while a writer is busy with a large import.
        let (_, path) = try largeImport(rows: 20_000)
        let writer = try spawn(["import", "progress", path], database: cli.databasePath)
        try cli.succeed(["backup", copy])
        writer.waitUntilExit()
        let backup = try AppDatabase.open(path: copy)
        #expect(try backup.check().problems.isEmpty)
        // A consistent snapshot: the import's one transaction is in the copy whole or not at all.
        let entries = try backup.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM progressEntry") }
        #expect(entries == 36 || entries == 36 + 20_000, "\(String(describing: entries))")
        #expect(cli.run(["backup", copy]).exitCode == 73)
        // Problems the schema cannot stop: an entry dated before its document, written by
        // another tool (with a made-up chain hash, which check finds too).
        let database = try AppDatabase.open(path: cli.databasePath)
        try database.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO progressEntry(uid, assignmentId, asOf, status, recordedAt, hash)
                    SELECT 'early', id, '2019-01-01', 'planned', '2026-01-01T00:00:00Z', printf('%064d', 0)
                    FROM assignment LIMIT 1
                    """)
        }
        let result = cli.run(["check"])
        #expect(result.exitCode == 1)
        #expect(result.standardOutput.contains("entry-before-document"))
        #expect(result.standardOutput.contains("log-tampered"))
    }
}
