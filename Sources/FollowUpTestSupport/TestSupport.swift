import Foundation
import FollowUpCLI
import FollowUpKit

/// The date every test runs on.
public let testToday = CalendarDate(year: 2026, month: 11, day: 21)!

/// A clock stopped at midday UTC on ``testToday``.
public let testClock = FixedClock(testToday)

/// Fresh databases for tests.
public enum TestDatabase {
    /// The bundled reference data, parsed once.
    public static let reference: ReferenceData = {
        do { return try ReferenceData.bundled() } catch { preconditionFailure("bundled reference data: \(error)") }
    }()

    /// A new in-memory database with the schema and the reference actors.
    public static func withReference() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.loadReferenceData(reference)
        return database
    }

    /// A new in-memory database with the reference actors and one document:
    /// `TEST/1`, adopted by ECOSOC on 2020-06-12, in Chinese.
    public static func withDocument() throws -> AppDatabase {
        let database = try withReference()
        try database.addDocument(
            DocumentDraft(
                symbol: "TEST/1", title: "测试决议", body: "ECOSOC", date: CalendarDate("2020-06-12")!, language: .zh))
        return database
    }
}

/// A folder under the system's temporary directory, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    /// The folder's path.
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "followup-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// What one in-process run of `followup` did.
public struct CLIResult: Sendable {
    public var exitCode: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs `followup` in-process against a database in a temporary folder, with captured output,
/// the test clock and numbered entry ids (`entry-1`, `entry-2` …).
public final class CLIHarness: @unchecked Sendable {
    /// The folder holding the database and any output files.
    public let folder = TemporaryFolder()
    private let lock = NSLock()
    private var counter = 0

    public init() {}

    /// The database file the harness points `FOLLOWUP_DATABASE` at.
    public var databasePath: String { folder.file("followup.sqlite") }

    /// A harness whose database is what `followup init` makes (the reference actors, the seed
    /// documents and their progress), copied from one built once per test process: importing the
    /// seeds took a second for each of the tests that start from them.
    public static func seeded() throws -> CLIHarness {
        let template = try SeededTemplate.shared.path()
        let cli = CLIHarness()
        try FileManager.default.copyItem(atPath: template, toPath: cli.databasePath)
        return cli
    }

    /// The seeds with two accounts for Kenya: a focal point (`amina`) and a validator (`otieno`),
    /// both with the password `correct horse battery`.
    public static func seededWithKenyaAccounts() throws -> CLIHarness {
        let cli = try seeded()
        for (name, role) in [("amina", "focal-point"), ("otieno", "validator")] {
            try cli.succeed(
                ["users", "add", name, "--role", role, "--actor", "KEN", "--password-file", "-"],
                standardInput: Data("correct horse battery\n".utf8))
        }
        return cli
    }

    /// Runs `followup` with `arguments`.
    public func run(_ arguments: [String], environment: [String: String] = [:], standardInput: Data = Data())
        -> CLIResult
    {
        final class Capture: @unchecked Sendable {
            let lock = NSLock()
            var out = ""
            var err = ""
        }
        let capture = Capture()
        let context = CLIContext(
            standardOutput: { text in capture.lock.withLock { capture.out += text } },
            standardError: { text in capture.lock.withLock { capture.err += text } },
            environment: ["FOLLOWUP_DATABASE": databasePath].merging(environment) { $1 },
            clock: testClock,
            makeUID: { [self] in
                lock.withLock {
                    counter += 1
                    return "entry-\(counter)"
                }
            },
            readStandardInput: { maximum in standardInput.prefix(maximum == .max ? .max : maximum + 1) })
        let code = CLIContext.$current.withValue(context) { CommandLineRunner.run(arguments) }
        return capture.lock.withLock {
            CLIResult(exitCode: code, standardOutput: capture.out, standardError: capture.err)
        }
    }

    /// Runs `followup` and returns standard output, failing loudly on a non-zero exit.
    @discardableResult
    public func succeed(_ arguments: [String], standardInput: Data = Data()) throws -> String {
        let result = run(arguments, standardInput: standardInput)
        guard result.exitCode == 0 else {
            throw HarnessFailure(arguments: arguments, result: result)
        }
        return result.standardOutput
    }

    /// The database's content, for before/after comparisons.
    public func dump() throws -> String {
        try AppDatabase.open(path: databasePath).contentDump()
    }
}

/// A command that was expected to succeed did not.
public struct HarnessFailure: Error, CustomStringConvertible {
    public var arguments: [String]
    public var result: CLIResult
    public var description: String {
        "followup \(arguments.joined(separator: " ")) exited \(result.exitCode): \(result.standardError)"
    }
}

/// The database `followup init` makes, built once per test process by the real command.
final class SeededTemplate: @unchecked Sendable {
    static let shared = SeededTemplate()
    private let lock = NSLock()
    private var built: Result<String, HarnessFailure>?
    private let harness = CLIHarness()

    func path() throws -> String {
        try lock.withLock {
            if built == nil {
                let result = harness.run(["init"])
                if result.exitCode == 0 {
                    // One file, whole: the write-ahead log folded in, so that a copy is complete.
                    let database = try AppDatabase.open(path: harness.databasePath)
                    try database.checkpoint()
                    built = .success(harness.databasePath)
                } else {
                    built = .failure(HarnessFailure(arguments: ["init"], result: result))
                }
            }
            return try built!.get()
        }
    }
}
