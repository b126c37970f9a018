import ArgumentParser
import FollowUpKit
import Foundation

/// `followup users`: the accounts of a shared database.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add and list accounts: administrators, focal points, validators and readers.",
        discussion: """
            A focal point submits progress for its actors; a validator for the same actors accepts \
            or returns it; an administrator (the secretariat) may review anything; a reader only reads. \
            Passwords are kept as bcrypt hashes and read from a file or standard input, never from \
            the command line.

            Examples:
              printf '%s\\n' 'a long passphrase' | followup users add amina --role focal-point --actor KEN --password-file -
              followup users add otieno --role validator --actor KEN --password-file pw.txt
              followup users list
            """,
        subcommands: [Add.self, List.self, Password.self, Token.self, Revoke.self],
        defaultSubcommand: List.self)

    /// `followup users add NAME --role ROLE [--actor CODE]…`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an account.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The account's name (what its person logs in with).")
        var name: String

        @Option(help: "administrator, focal-point, validator or reader.")
        var role: AccountRole

        @Option(name: .customLong("actor"), help: "An actor a focal point or validator acts for (repeat for more).")
        var actors: [String] = []

        @OptionGroup var password: PasswordOption

        @Option(help: "Where reminders go (followup remind).")
        var email: String?

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            if let email { try AppDatabase.checkEmail(email) }
            let secret = try password.read()
            let database = try options.openDatabase(.write)
            var account = try database.addAccount(
                name: name, role: role, actors: actors, password: secret,
                createdAt: Timestamp.string(from: CLIContext.current.clock.now()))
            if let email {
                try database.setEmail(account: account.name, email: email)
                account.email = email
            }
            try output.emitSaved(Presentation.accountAdded(account), json: account)
        }
    }

    /// `followup users list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts with their roles and actors.")

        @OptionGroup var options: GlobalOptions

        func run() throws {
            let database = try options.openDatabase(.read)
            let accounts = try database.accounts()
            try options.emit(Presentation.accountList(accounts), json: accounts)
        }
    }

    /// `followup users password NAME`.
    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "password", abstract: "Set an account's password.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The account's name.")
        var name: String

        @OptionGroup var password: PasswordOption

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let secret = try password.read()
            let database = try options.openDatabase(.write)
            try database.setPassword(name: name, password: secret)
            try output.emitSaved(OutputDocument([.text("Password of '\(name)' changed.")]), json: ["account": name])
        }
    }

    /// `followup users token NAME --label TEXT`.
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Make a token for the JSON API: scripts act as this account (docs/server.md).",
            discussion: "The token is printed once and only its hash is kept: store it like a password.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The account's name.")
        var name: String

        @Option(help: "What the token is for, e.g. \"nightly import from the national database\".")
        var label: String

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json])
            let database = try options.openDatabase(.write)
            let token = try database.createToken(
                account: name, label: label, createdAt: Timestamp.string(from: CLIContext.current.clock.now()))
            try output.emitSaved(OutputDocument([.text(token)]), json: ["account": name, "token": token])
        }
    }

    /// `followup users revoke NAME`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke every API token of an account, and end its web sessions.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The account's name.")
        var name: String

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json])
            let database = try options.openDatabase(.write)
            let count = try database.revokeTokens(
                account: name, revokedAt: Timestamp.string(from: CLIContext.current.clock.now()))
            try output.emitSaved(
                OutputDocument([
                    .text("Revoked \(count) token\(count == 1 ? "" : "s") of '\(name)' and ended its web sessions.")
                ]),
                json: ["account": name, "revoked": String(count)])
        }
    }
}

/// `--password-file FILE`: a password from a file, standard input or the terminal, never from
/// the command line.
struct PasswordOption: ParsableArguments {
    @Option(
        name: .customLong("password-file"),
        help: "A file whose first line is the password; - for standard input (default: asked on the terminal).")
    var passwordFile: String?

    /// The first line of the file (`-`: standard input), or the answer to a prompt on the terminal.
    func read() throws(FollowUpError) -> String {
        if let path = passwordFile {
            let text = try InputFile.readText(path, maximumMegabytes: 1)
            return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        guard isatty(STDIN_FILENO) != 0, let typed = getpass("Password: ") else {
            throw .invalidArgument(
                field: "password-file",
                reason: "standard input is not a terminal: give the password in a file, or - to pipe it")
        }
        return String(cString: typed)
    }
}

/// `followup submit`: a focal point's progress entry, to be reviewed.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a progress entry as a focal point; it enters the log when a validator accepts it.",
        discussion: """
            Checked like 'followup update', but kept apart until reviewed ('followup review'). \
            Only a focal point for the actor may submit.

            Example:
              followup submit "E/2020/31 DR-II (a)(i)" --account amina --actor KEN --status in-progress \\
                --as-of 2026-11-01 --note "national broadband plan adopted" --evidence https://example.org/plan
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The focal point's account.")
    var account: String

    @OptionGroup var entry: EntryOptions

    func run() throws {
        let context = CLIContext.current
        let output = try options.prepareOutput(formats: [.table, .json, .markdown])
        let database = try options.openDatabase(.write)
        let submission = try database.submitProgress(
            entry.update(), account: account, clock: context.clock, uid: context.makeUID())
        try output.emitSaved(Presentation.submission(submission), json: submission)
    }
}

/// `followup review`: the validator's queue and decisions.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "List submissions awaiting review, and accept or return them.",
        discussion: """
            Examples:
              followup review list --account otieno
              followup review accept 3 --account otieno
              followup review return 4 --account otieno --comment "the evidence link is broken"
            """,
        subcommands: [List.self, Accept.self, Return.self],
        defaultSubcommand: List.self)

    /// `followup review list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "The submissions an account may see: awaiting review unless --all.")

        @OptionGroup var options: GlobalOptions

        @Option(help: "The account: a validator sees its actors' submissions, an administrator all.")
        var account: String

        @Flag(help: "Also those already accepted or returned.")
        var all = false

        func run() throws {
            let database = try options.openDatabase(.read)
            let items = try database.submissions(visibleTo: account, pendingOnly: !all)
            try options.emit(Presentation.submissionList(items), json: items)
        }
    }

    /// `followup review accept N`.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept", abstract: "Accept a submission: it enters the progress log.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The submission's number.")
        var id: Int64

        @Option(help: "The validator's (or an administrator's) account.")
        var account: String

        @Option(help: "A comment for the focal point.")
        var comment: String?

        func run() throws {
            try ReviewCommand.decide(id, .accepted, comment: comment, account: account, options: options)
        }
    }

    /// `followup review return N --comment TEXT`.
    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Return a submission to its focal point with a comment; nothing enters the log.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The submission's number.")
        var id: Int64

        @Option(help: "The validator's (or an administrator's) account.")
        var account: String

        @Option(help: "Why it is returned: what the focal point should fix.")
        var comment: String

        func run() throws {
            try ReviewCommand.decide(id, .returned, comment: comment, account: account, options: options)
        }
    }

    static func decide(
        _ id: Int64, _ decision: ReviewDecision, comment: String?, account: String, options: GlobalOptions
    ) throws {
        let context = CLIContext.current
        let output = try options.prepareOutput(formats: [.table, .json, .markdown])
        let database = try options.openDatabase(.write)
        let item = try database.reviewSubmission(
            id, decision: decision, comment: comment, account: account, clock: context.clock, uid: context.makeUID())
        try output.emitSaved(Presentation.submission(item), json: item)
    }
}
