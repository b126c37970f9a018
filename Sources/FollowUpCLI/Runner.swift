import ArgumentParser
import FollowUpKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `followup` with arguments and returns its exit code; the one place errors become codes.
///
/// | code | meaning |
/// |---|---|
/// | 0 | success |
/// | 1 | domain failure: not found, duplicate, conflict, a failed check |
/// | 64 | usage: unknown option, bad option value |
/// | 65 | bad input data: a malformed file or value |
/// | 66 | cannot open input or database |
/// | 70 | internal error (a bug) |
/// | 73 | cannot create output: the file exists, or is a folder |
/// | 74 | output failed while writing (disk full, closed pipe) |
/// | 75 | another process holds the database |
public enum CommandLineRunner {
    /// The executable's entry: the process's own arguments, each refused unless it is UTF-8 (Swift
    /// would turn the rest into U+FFFD in silence, and store it), and a closed output pipe made an
    /// error the command reports (exit 74, saying whether the change was saved) instead of a
    /// silent death by SIGPIPE.
    public static func main() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        var arguments: [String] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            guard let argument = String(validatingCString: pointer) else {
                CLIContext.current.standardError(
                    "error: argument \(index) is not UTF-8 text: write it in UTF-8 (convert the file name or value first)\n"
                )
                return 64
            }
            arguments.append(argument)
        }
        return run(arguments)
    }

    public static func run(_ arguments: [String]) -> Int32 {
        let context = CLIContext.current
        var command: any ParsableCommand
        do {
            command = try FollowUpCommand.parseAsRoot(arguments)
        } catch {
            return report(error, context: context)
        }
        do {
            try command.run()
            return 0
        } catch let error as FollowUpError {
            // A reader that stopped reading (`followup report … | head`): nothing was lost, and
            // nothing is said; a change already saved still says so.
            if case .outputFailed("standard output", let reason, false) = error, reason.contains("Broken pipe") {
                return exitCode(for: error)
            }
            context.standardError("error: \(FieldText.displaySafe(message(for: error)))\n")
            return exitCode(for: error)
        } catch let error as ExitCode {
            return error.rawValue
        } catch  where isArgumentParserOutcome(error) {
            return report(error, context: context)
        } catch {
            context.standardError("internal error: \(error)\nplease report this as a bug\n")
            return 70
        }
    }

    /// Whether `error` is ArgumentParser's to explain: a usage error, a help or version request
    /// (which reach `run()` as its internal `CommandError`), a `ValidationError` or `CleanExit`.
    private static func isArgumentParserOutcome(_ error: any Error) -> Bool {
        error is ValidationError || error is CleanExit
            || String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// Prints an ArgumentParser outcome (help, version, usage error) as it would.
    private static func report(_ error: any Error, context: CLIContext) -> Int32 {
        let code = FollowUpCommand.exitCode(for: error).rawValue
        let message =
            code == 0
            ? FollowUpCommand.fullMessage(for: error) : FieldText.displaySafe(FollowUpCommand.fullMessage(for: error))
        if code == 0 {
            try? context.standardOutput(message + "\n")
        } else {
            context.standardError(message + "\n")
        }
        return code
    }

    /// The message for `error`, with the library's field names spelled as this tool's options
    /// (`as-of` is `--as-of`; a positional TEXT argument keeps its name).
    static func message(for error: FollowUpError) -> String {
        guard case .invalidArgument(let field, let reason) = error else { return error.message }
        // An option spelt already (`--limit`) or an environment variable (`FOLLOWUP_…`).
        if field.hasPrefix("-") || field.first?.isUppercase == true { return "\(field) \(reason)" }
        let positional: Set<String> = ["query"]
        return positional.contains(field) ? "\(field.uppercased()): \(reason)" : "--\(field): \(reason)"
    }

    /// The exit code for a user-caused error.
    public static func exitCode(for error: FollowUpError) -> Int32 {
        switch error {
        case .invalidArgument(let field, _) where field.hasPrefix("FOLLOWUP_"): 64  // an environment variable
        case .notFound, .duplicate, .conflict: 1
        case .invalidValue, .invalidInput, .invalidArgument, .invalidRecords: 65
        case .databaseMissing, .databaseUnreadable, .databaseTooNew, .databaseNeedsUpgrade, .fileAccess: 66
        case .outputExists: 73
        case .outputFailed: 74
        case .databaseBusy: 75
        case .forbidden: 77
        case .internalError: 70
        }
    }
}
