import ArgumentParser
import FollowUpKit

/// `followup history`: the progress log of one recommendation.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the progress log of a recommendation, oldest first, and the corrections made to it.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The recommendation key (quote it).")
    var key: String

    @Option(help: "Only this actor's entries.")
    var actor: String?

    func run() throws {
        let database = try options.openDatabase(.read)
        let entries = try database.history(key, actor: actor)
        // history() refuses an unknown key, so an empty log is of a real recommendation.
        let corrections = actor == nil ? try database.curations(key) : []
        try options.emit(
            Presentation.history(entries, key: entries.first?.key ?? key, corrections: corrections), json: entries)
    }
}
