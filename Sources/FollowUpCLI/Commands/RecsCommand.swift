import ArgumentParser
import Foundation
import FollowUpKit

/// `followup recs`: list, show and add recommendations.
struct RecsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recs",
        abstract: "List recommendations, show one, or add one by hand.",
        subcommands: [List.self, Show.self, Add.self, Edit.self],
        defaultSubcommand: List.self)

    /// `followup recs [list]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List recommendations, in document order.",
            discussion: """
                With --actor, lists what binds that actor, directly or through its groups (an LDC \
                is bound by what is addressed to least developed countries), with where it stands.

                Examples:
                  followup recs --document E/2020/31 --class actionable
                  followup recs --actor ETH --status unreported
                  followup recs --search 数字鸿沟
                """)

        @OptionGroup var options: GlobalOptions

        @Option(help: "Only this document (symbol).")
        var document: String?

        @Option(help: "Only what binds this actor (code, name or alias); for a group, what names it.")
        var actor: String?

        @Option(help: "Only where an assignment (the --actor's, if given) is at this status, or 'unreported'.")
        var status: String?

        @Option(
            name: .customLong("class"), help: "Only this class: actionable, decision or declaratory.")
        var classification: Classification?

        @Option(help: "Only recommendations whose text contains this.")
        var search: String?

        @Option(
            name: .customLong("as-of"), help: "Read statuses as of this date (default: today).", transform: parseDate)
        var asOf: CalendarDate?

        func validate() throws {
            if let status { _ = try validated(StatusFilter.parse(status)) }
        }

        func run() throws {
            let database = try options.openDatabase(.read)
            let filter = RecommendationFilter(
                document: document, actor: actor, status: try status.map(StatusFilter.parse),
                classification: classification, search: search, asOf: asOf ?? CLIContext.current.clock.today())
            let recommendations = try database.recommendations(filter)
            let actorCode = try actor.map { try database.addressee($0) }
            try options.emit(
                Presentation.recommendationList(
                    recommendations, actor: actorCode?.kind == .group ? nil : actorCode?.code,
                    filtered: status != nil || classification != nil || search != nil
                        || (document != nil && actor != nil)),
                json: recommendations)
        }
    }

    /// `followup recs show KEY`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a recommendation: text, addressees, and where each actor it binds stands.")

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The recommendation key, e.g. \"E/2020/31 DR-II (a)(iii)\" (quote it).")
        var key: String

        @Option(
            name: .customLong("as-of"), help: "Read statuses as of this date (default: today).", transform: parseDate)
        var asOf: CalendarDate?

        func run() throws {
            let detail = try options.openDatabase(.read).recommendationDetail(
                key, asOf: asOf ?? CLIContext.current.clock.today())
            try options.emit(Presentation.recommendationDetail(detail), json: detail)
        }
    }

    /// `followup recs add`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a recommendation by hand.",
            discussion: """
                The key is the document symbol and the paragraph: --document E/2020/31 \
                --paragraph "DR-I ¶90" makes "E/2020/31 DR-I ¶90". A group addressee (MEMBER-STATES, \
                LDC …) binds each State that was a member on the document's date.

                Example:
                  followup recs add --document A/RES/75/202 --paragraph "¶5" --verb urges \\
                    --addressee MEMBER-STATES --text "Urges Member States to …"
                """)

        @OptionGroup var options: GlobalOptions

        @Option(help: "The document's symbol (add it first with 'followup documents add').")
        var document: String

        @Option(help: "The paragraph path, e.g. ¶5, ¶84(a), DR-II (a)(iii).")
        var paragraph: String

        @Option(help: "The text of the clause, in its original language.")
        var text: String

        @Option(
            name: .customLong("addressee"), help: "An actor it addresses (code, name or alias); repeat for several.")
        var addressees: [String] = []

        @Option(help: "The operative verb, e.g. urges, 鼓励.")
        var verb: String?

        @Option(
            name: .customLong("class"), help: "actionable (default), decision or declaratory.")
        var classification: Classification = .actionable

        @Option(help: "recommendation (default), request, decision or commitment.")
        var kind: RecommendationKind = .recommendation

        @Option(help: "The language of --text (default: the document's).")
        var language: Language?

        @Option(help: "When it is due, YYYY-MM-DD.", transform: parseDate)
        var due: CalendarDate?

        @Option(
            help: "How often to report: quarterly, semiannual, annual, biennial, triennial or quadrennial.")
        var cycle: ReportingCycle?

        @Option(name: .customLong("tag"), help: "A theme or SDG target, e.g. sdg:9.c; repeat for several.")
        var tags: [String] = []

        func validate() throws {
            if addressees.isEmpty {
                throw ValidationError("name at least one --addressee, e.g. --addressee MEMBER-STATES")
            }
        }

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let database = try options.openDatabase(.write)
            let detail = try database.addRecommendation(
                RecommendationDraft(
                    document: document, path: paragraph, text: text, addressees: addressees.map { ($0, nil) },
                    verb: verb, classification: classification, kind: kind, language: language, dueDate: due,
                    cycle: cycle, tags: tags))
            let summary = detail.recommendation
            let message =
                "Added \(summary.key): \(summary.classification.rawValue), addressed to "
                + summary.addressees.joined(separator: ", ") + "; binds \(summary.assignments) actor"
                + (summary.assignments == 1 ? "." : "s.")
            try output.emitSaved(OutputDocument([.text(message)]), json: detail)
        }
    }
}

extension RecsCommand {
    /// `followup recs edit KEY`.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct what the importer read: addressees, class, due date; kept in the curation log.",
            discussion: """
                Adds or removes addressees, changes the class or the due date of one recommendation, \
                with a reason and who made the change. The assignments follow (a group binds its \
                members on the document's date); an addressee with progress recorded cannot be \
                removed. Every change is appended to the curation log, which 'recs show' and \
                'history' display; importing the document again applies the corrections again and \
                names any made on a text that has changed since.

                Examples:
                  followup recs edit "E/2020/31 DR-I ¶1" --add MEMBER-STATES --reason "urges full implementation: Member States"
                  followup recs edit "A/RES/78/92 ¶7" --add USA --reason "the administering Power" --by "DPPA desk"
                  followup recs edit "E/2020/31 DR-II (a)(iii)" --no-due --reason "a global target, not a deadline"
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The recommendation key, e.g. \"E/2020/31 DR-I ¶1\" (quote it).")
        var key: String

        @Option(name: .customLong("add"), help: "An addressee to add (code, name or alias); repeat for several.")
        var add: [String] = []

        @Option(name: .customLong("remove"), help: "An addressee to remove; repeat for several.")
        var remove: [String] = []

        @Option(name: .customLong("class"), help: "The class: actionable, decision or declaratory.")
        var classification: Classification?

        @Option(help: "The due date, YYYY-MM-DD.", transform: parseDate)
        var due: CalendarDate?

        @Flag(name: .customLong("no-due"), help: "Clear the due date (a target, not a deadline).")
        var noDue = false

        @Option(help: "Why: what the text says that the importer missed. Required.")
        var reason: String

        @Option(help: "Who makes the correction (default: $FOLLOWUP_USER, else $USER).")
        var by: String?

        func validate() throws {
            if due != nil && noDue { throw ValidationError("give --due DATE or --no-due, not both") }
            if add.isEmpty && remove.isEmpty && classification == nil && due == nil && !noDue {
                throw ValidationError("nothing to change: give --add, --remove, --class, --due or --no-due")
            }
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--reason must say why, e.g. --reason \"urges Member States (¶1)\"")
            }
            if let problem = FieldText.problem(in: reason) { throw ValidationError("--reason: \(problem)") }
            if curator == nil {
                throw ValidationError("say who makes the correction: --by NAME (or set FOLLOWUP_USER)")
            }
        }

        var curator: String? {
            let environment = CLIContext.current.environment
            return [by, environment["FOLLOWUP_USER"], environment["USER"]].compactMap { $0 }
                .map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        }

        func run() throws {
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let database = try options.openDatabase(.write)
            let result = try database.editRecommendation(
                key,
                RecommendationEdit(
                    add: add, remove: remove, classification: classification,
                    dueDate: noDue ? .some(nil) : due.map { .some($0) }, reason: reason, curator: curator ?? ""),
                recordedAt: Timestamp.string(from: CLIContext.current.clock.now()))
            try output.emitSaved(Presentation.curationResult(result), json: result)
        }
    }
}

/// Runs a throwing parse for `validate()`, turning its error into a usage error.
func validated<T>(_ value: @autoclosure () throws -> T) throws -> T {
    do {
        return try value()
    } catch let error as FollowUpError {
        throw ValidationError(error.message)
    }
}
