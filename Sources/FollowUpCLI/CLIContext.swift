import Foundation
import FollowUpKit

/// Where a command writes, what environment and clock it sees, and how it names new entries.
///
/// The executable uses ``system``; tests bind another with `CLIContext.$current.withValue` to
/// capture output and fix the clock, and run commands in-process.
public struct CLIContext: Sendable {
    /// Writes to standard output.
    public var standardOutput: @Sendable (String) throws -> Void
    /// Writes to standard error.
    public var standardError: @Sendable (String) -> Void
    /// Environment variables (`FOLLOWUP_DATABASE`).
    public var environment: [String: String]
    /// The clock.
    public var clock: any FollowUpClock
    /// Makes a new progress entry identifier.
    public var makeUID: @Sendable () -> String
    /// Reads all of standard input (for a FILE argument of `-`).
    public var readStandardInput: @Sendable () -> Data

    public init(
        standardOutput: @escaping @Sendable (String) throws -> Void,
        standardError: @escaping @Sendable (String) -> Void,
        environment: [String: String], clock: any FollowUpClock,
        makeUID: @escaping @Sendable () -> String,
        readStandardInput: @escaping @Sendable () -> Data = { Data() }
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.clock = clock
        self.makeUID = makeUID
        self.readStandardInput = readStandardInput
    }

    /// The process's own standard streams, environment and clock, and random UUIDs.
    public static let system = CLIContext(
        standardOutput: { text in try FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) },
        standardError: { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) },
        environment: ProcessInfo.processInfo.environment, clock: SystemClock(),
        makeUID: { UUID().uuidString.lowercased() },
        readStandardInput: { FileHandle.standardInput.readDataToEndOfFile() })

    /// The context commands run in.
    @TaskLocal public static var current = CLIContext.system
}
