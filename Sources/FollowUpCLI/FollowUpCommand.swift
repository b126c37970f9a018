import ArgumentParser
import FollowUpKit

/// `followup`: the root command.
public struct FollowUpCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Track the implementation of recommendations from UN documents.",
        discussion: """
            FollowUp records who each recommendation binds, what each actor has reported, and what \
            is overdue, in one SQLite file (--database, default ./followup.sqlite or \
            $FOLLOWUP_DATABASE).

            Start with 'followup init', then list with 'followup recs' and record progress with \
            'followup update KEY --actor CODE --status STATUS'.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, ImportCommand.self, ActorsCommand.self, DocumentsCommand.self, RecsCommand.self,
            UpdateCommand.self,
            HistoryCommand.self, SearchCommand.self,
        ])

    public init() {}
}
