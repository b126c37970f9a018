import ArgumentParser
import Foundation
import FollowUpKit

/// `followup publish -o DIR`: what is tracked, as a static website.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish what is tracked as a static website: plain files for a folder or any web host.",
        discussion: """
            Writes into DIR a page per document, recommendation, actor bound, group and Universal \
            Periodic Review, the overdue audit, a site map and a search page (searched in the \
            browser from an index built now), in the six official languages (DIR/en, DIR/zh, \
            DIR/ar …; Arabic right to left), with every list also as CSV and JSON Lines and the \
            whole record in DIR/data. Only accepted progress entries are published: submissions, \
            accounts and reviewers' comments never are. Open DIR/index.html in a browser, or copy \
            DIR to any static host.

            Publishing again into the same folder rewrites only the files whose content changed \
            and removes the pages of what is no longer tracked; a folder holding files FollowUp \
            did not publish is refused, and nothing in it is touched.

            Examples:
              followup publish -o site
              followup publish -o site --languages en,zh --base-url https://followup.example.org/
            """)

    @OptionGroup var store: DatabaseOption

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: "The folder to publish into.")
    var outputDir: String

    @Option(
        name: .customLong("as-of"), help: "Publish what was known on this date (default: today).",
        transform: parseDate)
    var asOf: CalendarDate?

    @Option(
        help: """
            The languages to publish, comma-separated (default: all six: en,zh,ar,fr,ru,es). The \
            first is the one the folder's own index lists first.
            """)
    var languages: String?

    @Option(
        name: .customLong("base-url"),
        help: "The address the site is served from: adds sitemap.xml, which needs whole addresses.")
    var baseURL: String?

    @Option(help: "Output format of the summary: table or json.")
    var format: SummaryFormat = .table

    enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws {
        _ = try chosenLanguages()
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must start with https:// or http://, e.g. https://followup.example.org/")
        }
    }

    func chosenLanguages() throws -> [Language] {
        guard let languages else { return SitePublisher.allLanguages }
        var chosen: [Language] = []
        for code in languages.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let language = Language(rawValue: code) else {
                throw ValidationError(
                    "--languages: '\(code)' is not a language FollowUp publishes; use en, zh, ar, fr, ru, es")
            }
            if !chosen.contains(language) { chosen.append(language) }
        }
        guard !chosen.isEmpty else {
            throw ValidationError("--languages names no language; use en, zh, ar, fr, ru, es")
        }
        return chosen
    }

    func run() throws {
        let database = try store.openDatabase(.read)
        let result = try SitePublisher.publish(
            database, to: outputDir,
            options: SitePublisher.Options(
                asOf: asOf ?? CLIContext.current.clock.today(), languages: try chosenLanguages(), baseURL: baseURL))
        switch format {
        case .json:
            try CLIContext.current.standardOutput(try JSONRenderer.render(result) + "\n")
        case .table:
            try CLIContext.current.standardOutput(
                """
                Published \(result.documents) document\(result.documents == 1 ? "" : "s"), \
                \(result.recommendations) recommendation\(result.recommendations == 1 ? "" : "s"), \
                \(result.actors) actors, \(result.groups) groups and \(result.reviews) review\(result.reviews == 1 ? "" : "s") \
                in \(result.languages.joined(separator: ", ")) to \(outputDir): \(result.files) files, \
                \(result.written) written, \(result.unchanged) unchanged, \(result.removed) removed.
                Open \(outputDir)/index.html in a browser, or copy the folder to a web host.

                """)
        }
    }
}
