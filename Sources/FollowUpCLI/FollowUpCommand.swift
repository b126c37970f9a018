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

            Start with 'followup demo' to see reports built from the bundled UN documents, or \
            'followup init' for a database of your own; list with 'followup recs', record progress \
            with 'followup update KEY --actor CODE --status STATUS', report with 'followup report' \
            and 'followup audit overdue'.
            """,
        version: FollowUpVersion.current,
        subcommands: [
            DemoCommand.self, InitCommand.self, ImportCommand.self, ActorsCommand.self, DocumentsCommand.self,
            RecsCommand.self,
            UpdateCommand.self, SubmitCommand.self, ReviewCommand.self,
            HistoryCommand.self, SearchCommand.self, ReportCommand.self, AuditCommand.self, ExportCommand.self,
            PublishCommand.self,
            CheckCommand.self,
            BackupCommand.self, UsersCommand.self, ServeCommand.self, QuestionnaireCommand.self, RemindCommand.self,
        ])

    public init() {}
}
