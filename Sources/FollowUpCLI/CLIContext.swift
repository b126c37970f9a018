import Foundation
#if canImport(Glibc)
    import Glibc
#endif
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
    /// Reads standard input (for a FILE argument of `-`) up to its end or, when it is longer,
    /// one byte past `maximumBytes` (so that the caller knows it is over the limit and memory
    /// never holds more than the limit, whatever is piped in).
    public var readStandardInput: @Sendable (_ maximumBytes: Int) -> Data
    /// The width of the terminal standard output goes to; `nil` when it is a pipe or a file.
    public var terminalWidth: @Sendable () -> Int?
    /// Whether standard error is a terminal (where a progress line may be redrawn).
    public var standardErrorIsTerminal: @Sendable () -> Bool

    public init(
        standardOutput: @escaping @Sendable (String) throws -> Void,
        standardError: @escaping @Sendable (String) -> Void,
        environment: [String: String], clock: any FollowUpClock,
        makeUID: @escaping @Sendable () -> String,
        readStandardInput: @escaping @Sendable (_ maximumBytes: Int) -> Data = { _ in Data() },
        terminalWidth: @escaping @Sendable () -> Int? = { nil },
        standardErrorIsTerminal: @escaping @Sendable () -> Bool = { false }
    ) {
        self.terminalWidth = terminalWidth
        self.standardErrorIsTerminal = standardErrorIsTerminal
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.environment = environment
        self.clock = clock
        self.makeUID = makeUID
        self.readStandardInput = readStandardInput
    }

    /// The process's own standard streams, environment and clock, and random UUIDs.
    public static let system = CLIContext(
        standardOutput: { text in try writeWhole(text, to: STDOUT_FILENO) },
        standardError: { text in try? writeWhole(text, to: STDERR_FILENO) },
        environment: ProcessInfo.processInfo.environment, clock: SystemClock(),
        makeUID: { UUID().uuidString.lowercased() },
        readStandardInput: readStandardInput(upTo:),
        terminalWidth: systemTerminalWidth, standardErrorIsTerminal: { isatty(STDERR_FILENO) != 0 })

    /// Writes `text` whole to `descriptor` from the string's own UTF-8 storage: through `Data` it
    /// was copied twice on its way out, 60 MB of fresh memory for a 30 MB audit.
    @Sendable static func writeWhole(_ text: String, to descriptor: Int32) throws {
        var text = text
        try text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }

    /// Standard input, read in blocks up to `maximumBytes + 1` bytes: never more in memory than
    /// the limit, and no trap when the system refuses memory (Foundation's whole-file read traps).
    @Sendable static func readStandardInput(upTo maximumBytes: Int) -> Data {
        var data = Data()
        let cap = maximumBytes == .max ? Int.max : maximumBytes + 1
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while data.count < cap {
            let wanted = min(block.count, cap - data.count)
            let count = block.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, wanted) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            data.append(contentsOf: block[..<count])
        }
        return data
    }

    /// The columns of the terminal on standard output (`$COLUMNS` if the size cannot be asked).
    @Sendable static func systemTerminalWidth() -> Int? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
    }

    /// The context commands run in.
    @TaskLocal public static var current = CLIContext.system
}
