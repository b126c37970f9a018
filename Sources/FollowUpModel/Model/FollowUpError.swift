import Foundation

/// Everything a user can cause, with a message that says what to fix.
///
/// Messages are lower-case without a final period, with the user's values in quotes, in the
/// style of swift-format. The command line maps each case to an exit code in one place.
public enum FollowUpError: Error, Equatable, Sendable {
    /// No record of `kind` answers to `identifier`; `suggestions` are near matches.
    case notFound(kind: String, identifier: String, suggestions: [String] = [])
    /// A record with the same natural key exists already.
    case duplicate(kind: String, identifier: String)
    /// A value is not one of the accepted ones.
    case invalidValue(field: String, value: String, expected: [String])
    /// Input data is malformed at a known place (file and line, or argument name).
    case invalidInput(source: String, line: Int?, field: String?, reason: String)
    /// A value given for `field` (a command's option, a form's field) is unusable.
    case invalidArgument(field: String, reason: String)
    /// The request contradicts the data: an actor that a recommendation does not bind, say.
    case conflict(String)
    /// There is no database at `path`.
    case databaseMissing(path: String)
    /// The file at `path` cannot be opened as a FollowUp database.
    case databaseUnreadable(path: String, reason: String)
    /// The database was written by a newer FollowUp than this one.
    case databaseTooNew(path: String, unknownMigrations: [String])
    /// The database needs `followup init` to upgrade its schema.
    case databaseNeedsUpgrade(path: String)
    /// An output file exists and overwriting was not asked for.
    case outputExists(path: String, reason: String? = nil)
    /// A file cannot be read or written.
    case fileAccess(path: String, reason: String)
    /// Rows of an input file are invalid: each with its line and column. `more` counts the
    /// problems found beyond those listed.
    case invalidRecords(source: String, problems: [RecordProblem], more: Int)
    /// Output could not be written. `saved`: the command's change to the database was committed
    /// before, so it must not be run again.
    case outputFailed(path: String, reason: String, saved: Bool)
    /// Another process holds the database's write lock past the busy timeout.
    case databaseBusy(path: String, seconds: Int)
    /// The account may not do this: a focal point writing for another actor, a reader writing.
    case forbidden(String)
    /// FollowUp broke one of its own rules: a bug to report, not something the user did.
    case internalError(String)
}

/// One problem with one row of an input file.
public struct RecordProblem: Equatable, Sendable, Codable {
    public var line: Int
    /// The column (field) at fault, if one is.
    public var column: String?
    public var reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }
}

extension FollowUpError: LocalizedError {
    public var errorDescription: String? { message }

    /// The message shown to the user.
    public var message: String {
        switch self {
        case .notFound(let kind, let identifier, let suggestions):
            let hint =
                suggestions.isEmpty
                ? "" : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
            return "no \(kind) '\(FieldText.excerpt(identifier))'\(hint)"
        case .duplicate(let kind, let identifier):
            return "\(kind) '\(FieldText.excerpt(identifier))' exists already"
        case .invalidValue(let field, let value, let expected):
            return "unknown \(field) '\(FieldText.excerpt(value))': use one of \(expected.joined(separator: ", "))"
        case .invalidInput(let source, let line, let field, let reason):
            var place = source
            if let line { place += ":\(line)" }
            if let field { place += ": \(field)" }
            return "\(place): \(reason)"
        case .invalidArgument(let field, let reason):
            return "\(field): \(reason)"
        case .conflict(let reason):
            return reason
        case .forbidden(let reason):
            return "not allowed: \(reason)"
        case .databaseMissing(let path):
            return "no database at '\(path)': run 'followup init' to create it, or pass --database"
        case .databaseUnreadable(let path, let reason):
            return "cannot open '\(path)' as a FollowUp database: \(reason)"
        case .databaseTooNew(let path, let unknown):
            return "'\(path)' was written by a newer version of FollowUp (schema "
                + unknown.joined(separator: ", ") + "): upgrade followup to use it"
        case .databaseNeedsUpgrade(let path):
            return "'\(path)' uses an older schema: run 'followup init' to upgrade it"
        case .outputExists(let path, let reason):
            if let reason { return "cannot write '\(path)': \(reason)" }
            return "'\(path)' exists already: pass --force to overwrite it"
        case .fileAccess(let path, let reason):
            return "cannot access '\(path)': \(reason)"
        case .outputFailed(let path, let reason, let saved):
            return "cannot write '\(path)': \(reason)"
                + (saved
                    ? "\nthe change itself was saved: do not run the command again ('followup history' shows it)" : "")
        case .databaseBusy(let path, let seconds):
            return
                "another process is writing to '\(path)' and held it for more than \(seconds) s: try again when it is done"
        case .internalError(let reason):
            return "internal error: \(reason); please report it"
        case .invalidRecords(let source, let problems, let more):
            // Problems are counted as problems, and rows as rows: one row may have several.
            let total = problems.count + more
            let rows = Set(problems.map(\.line)).count
            let counted =
                more == 0
                ? "\(total) problem\(total == 1 ? "" : "s") in \(rows) row\(rows == 1 ? "" : "s")"
                : "\(total) problems; the first \(problems.count), in \(rows) row\(rows == 1 ? "" : "s"), are listed"
            var lines = ["\(source): \(counted); nothing was imported"]
            for problem in problems {
                lines.append("\(source):\(problem.line): \(problem.column.map { "\($0): " } ?? "")\(problem.reason)")
            }
            if more > 0 { lines.append("… and \(more) more") }
            return lines.joined(separator: "\n")
        }
    }
}
