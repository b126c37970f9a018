import ArgumentParser
import FollowUpKit

/// `followup actors`: list actors, or show one.
struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "List the actors recommendations can address, or show one.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self)

    /// `followup actors [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List actors: States, UN entities, organisations, groups and collectives.",
            discussion:
                "Examples:\n  followup actors --group LDC\n  followup actors --kind un-entity\n  followup actors --search 刚果"
        )

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only this kind: state, territory, un-entity, organization, group or collective.")
        var kind: AddresseeKind?

        @Option(help: "Only members of this group (code or name), e.g. LDC, MEMBER-STATES, M49-002.")
        var group: String?

        @Option(help: "Only actors whose code, name or alias contains this text.")
        var search: String?

        @Option(
            name: .customLong("as-of"), help: "Read group membership on this date (default: today).",
            transform: parseDate)
        var asOf: CalendarDate?

        func run() throws {
            let database = try options.openDatabase(.read)
            let actors = try database.actors(
                ActorFilter(kind: kind, group: group, search: search, date: asOf ?? CLIContext.current.clock.today()))
            try options.emit(Presentation.actorList(actors), json: actors)
        }
    }

    /// `followup actors show CODE`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an actor: names, aliases, groups with dates, members, and what binds it.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The actor's code, name or alias: CHN, 中国, China, LDC.")
        var actor: String

        @Option(
            name: .customLong("lang"),
            help: "Title the actor in one of the six official languages: ar, zh, en, fr, ru or es.")
        var language: Language?

        func run() throws {
            let database = try options.openDatabase(.read)
            let detail = try database.actorDetail(actor)
            try options.emit(Presentation.actorDetail(detail, language: language), json: detail)
        }
    }
}
