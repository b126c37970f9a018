import ArgumentParser
import FollowUpKit

/// `followup update`: record one progress entry.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Record where an actor stands on a recommendation: one progress entry.",
        discussion: """
            Entries are never edited or deleted. To correct one, record a new entry with \
            --supersedes N (N from 'followup history').

            Statuses: not-started, planned, in-progress, partially-implemented, implemented, \
            not-implemented, no-longer-relevant.
            Responses: supported, supported-implemented, supported-in-part, noted, not-applicable, pending.

            Examples:
              followup update "E/2020/31 DR-II (a)(xxviii)" --actor ETH --status in-progress \\
                --as-of 2021-05-31 --evidence "A/76/64 ¶74" --by TECH-BANK --note "needs assessment under way"
              followup update "E/2020/31 DR-I ¶90" --actor SG --status implemented --supersedes 12
            """)

    @OptionGroup var options: GlobalOptions

    @OptionGroup var entry: EntryOptions

    @Option(help: "Who reports it: code, name or alias (default: the actor).")
    var by: String?

    func run() throws {
        let context = CLIContext.current
        let output = try options.prepareOutput(formats: [.table, .json, .markdown])
        let database = try options.openDatabase(.write)
        let recorded = try database.recordProgress(
            entry.update(reportedBy: by),
            clock: context.clock, uid: context.makeUID())
        try output.emitSaved(Presentation.recorded(recorded), json: recorded)
    }
}

/// What an entry says, for `followup update` and `followup submit`.
struct EntryOptions: ParsableArguments {
    @Argument(help: "The recommendation key (quote it).")
    var key: String

    @Option(help: "The actor the entry is about: code, name or alias.")
    var actor: String

    @Option(help: "Implementation status.")
    var status: ImplementationStatus?

    @Option(help: "The actor's response.")
    var response: Response?

    @Option(
        name: .customLong("as-of"), help: "The date the entry is true as of (default: today).", transform: parseDate)
    var asOf: CalendarDate?

    @Option(help: "What was done.")
    var note: String?

    @Option(help: "Evidence: a URL, or a document and paragraph such as \"A/76/64 ¶51\".")
    var evidence: String?

    @Option(help: "The number of an entry this one corrects.")
    var supersedes: Int64?

    func validate() throws {
        if status == nil && response == nil {
            throw ValidationError("give a --status, a --response, or both")
        }
    }

    /// The entry to record or submit.
    func update(reportedBy: String? = nil) -> ProgressUpdate {
        ProgressUpdate(
            key: key, actor: actor, status: status, response: response, asOf: asOf, note: note,
            evidence: evidence.flatMap(EvidenceReference.init(parsing:)), reportedBy: reportedBy,
            supersedes: supersedes)
    }
}
