import ArgumentParser
import FollowUpKit

/// `followup search`: full-text search over recommendation texts.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find recommendations whose text contains the given words, in any language.",
        discussion: "Chinese needs no spaces: 'followup search 数字鸿沟'. Several words must all appear.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The text to find.")
    var words: [String]

    @Option(help: "At most this many results (1 to 10000).")
    var limit = 50

    func validate() throws {
        try requireRange(limit, 1...10_000, "--limit", what: "a number of results")
    }

    func run() throws {
        let query = words.joined(separator: " ")
        let results = try options.openDatabase(.read).search(query, limit: limit)
        try options.emit(Presentation.searchResults(results, query: query), json: results.hits)
    }
}
