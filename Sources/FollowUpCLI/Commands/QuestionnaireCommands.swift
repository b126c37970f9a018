import ArgumentParser
import FollowUpKit
import Foundation

/// `followup questionnaire ACTOR -o FILE`: what an offline focal point must report on.
struct QuestionnaireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questionnaire",
        abstract: "Write what an actor must report on as a spreadsheet to fill in (CSV), for offline focal points.",
        discussion: """
            One row per recommendation binding the actor, overdue first then by due date: key, due \
            date, current status and text, then blank columns status, response, as_of, note and \
            evidence. The focal point fills in the rows it has news on and returns the file, which \
            goes back with 'followup import questionnaire FILE --account NAME' as submissions for \
            review, all or none.

            Example:
              followup questionnaire KEN -o KEN-questionnaire.csv
              followup import questionnaire KEN-questionnaire.csv --account amina
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The actor: code, name or alias.")
    var actor: String

    @Option(
        name: .customLong("as-of"), help: "The date the current statuses are read on (default: today).",
        transform: parseDate)
    var asOf: CalendarDate?

    func run() throws {
        var options = options
        if options.format == .table { options.format = .csv }
        guard options.format == .csv || options.format == .json else {
            throw FollowUpError.invalidValue(
                field: "format", value: options.format.rawValue, expected: ["csv", "json"])
        }
        let database = try options.openDatabase(.read)
        let report = try database.countryReport(actor, asOf: asOf ?? CLIContext.current.clock.today())
        try options.emit(Presentation.questionnaire(report), json: report.rows)
    }
}

extension ImportCommand {
    /// `followup import questionnaire FILE --account NAME`.
    struct Questionnaire: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "questionnaire",
            abstract: "Submit the answered rows of a filled-in questionnaire, for review; all or none.",
            discussion: """
                Rows with a status or a response become submissions of the focal point --account, \
                each checked as 'followup submit' checks it; rows left blank are skipped. Any bad \
                row is reported with its line, and nothing is submitted.
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(help: "The filled-in questionnaire (CSV), or - for standard input.")
        var file: String

        @Option(help: "The focal point's account.")
        var account: String

        @Option(help: "Read statuses and responses in this tracker's words.")
        var vocabulary: TrackerVocabulary = .followup

        func run() throws {
            let context = CLIContext.current
            let output = try options.prepareOutput(formats: [.table, .json, .markdown])
            let text = try InputFile.readText(file, maximumMegabytes: 64)
            let source = file == "-" ? "standard input" : file
            let answers = try FollowUpKit.Questionnaire.answers(
                bytes: Array(text.utf8), source: source, vocabulary: vocabulary)
            let database = try options.openDatabase(.write)
            let submitted = try database.submitBatch(
                answers, source: source, account: account, clock: context.clock, makeUID: context.makeUID)
            try output.emitSaved(
                OutputDocument([
                    .text(
                        "Submitted \(submitted.count) answer\(submitted.count == 1 ? "" : "s") from \(source) for review."
                    )
                ]), json: submitted)
        }
    }
}
