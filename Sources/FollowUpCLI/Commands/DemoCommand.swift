import ArgumentParser
import Foundation
import FollowUpKit

/// `followup demo`: the main job on the bundled seeds, end to end.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a database from the bundled seeds and write the reports into a folder.",
        discussion: """
            Creates FOLDER/followup.sqlite afresh from the reference actors, the two seed documents \
            and their curated progress, then writes, as HTML and Markdown: the follow-up report on \
            E/2020/31, the overdue audit, and status summaries for Ethiopia, Kenya and China. \
            Re-running replaces the files it wrote before, and the database only if nothing was \
            recorded in it since the demo built it (FOLDER/.followup-demo keeps its fingerprint); \
            a database the demo did not make, or one with changes, is never replaced.
            """)

    @Option(name: .customLong("output-dir"), help: "The folder to write into (created if missing).")
    var folder = "followup-demo"

    @Option(
        name: .customLong("lang"),
        help: "Language of labels and actor names: en, zh, ar, fr, ru or es (labels in English outside en and zh).")
    var language: Language = .en

    @Option(help: "Countries to summarise (codes or names).")
    var countries: [String] = ["ETH", "KEN", "CHN"]

    func run() throws {
        let context = CLIContext.current
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FollowUpError.fileAccess(path: folder, reason: "cannot create the folder")
        }
        let databasePath = folder + "/followup.sqlite"
        let markerPath = folder + "/.followup-demo"
        if manager.fileExists(atPath: databasePath) {
            try Self.checkReplaceable(databasePath, marker: markerPath)
            for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: databasePath + suffix) {
                try? manager.removeItem(atPath: databasePath + suffix)
            }
        }
        let (database, setup) = try AppDatabase.bootstrap(path: databasePath, seeds: .always, clock: context.clock)
        do {
            try Data((try database.contentFingerprint() + "\n").utf8).write(
                to: URL(fileURLWithPath: markerPath), options: .atomic)
        } catch {
            throw FollowUpError.fileAccess(path: markerPath, reason: "cannot write it")
        }
        guard let seeds = setup.seeds else { throw FollowUpError.internalError("the demo loaded no seeds") }
        let today = context.clock.today()
        var written: [String] = []
        let footer = ReportViews.Footer(path: databasePath, generated: Timestamp.string(from: context.clock.now()))
        func write(_ document: OutputDocument, as name: String) throws {
            for (format, text) in [
                ("html", HTMLRenderer.render(document, language: language)), ("md", MarkdownRenderer.render(document)),
            ] {
                let path = "\(folder)/\(name).\(format)"
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw FollowUpError.fileAccess(path: path, reason: "cannot write it")
                }
                written.append(path)
            }
        }
        let documentView = try ReportViews.document(
            "E/2020/31", asOf: today, language: language, footer: footer, in: database)
        let report = documentView.report
        try write(documentView.document, as: "report-E-2020-31")
        let auditView = try ReportViews.audit(
            ReportScope(), grouping: .recommendation, asOf: today, language: language, flat: false, footer: footer,
            in: database)
        let audit = auditView.report
        try write(auditView.document, as: "audit-overdue")
        var countryLines: [String] = []
        for country in countries {
            let view = try ReportViews.country(country, asOf: today, language: language, footer: footer, in: database)
            let summary = view.report
            try write(view.document, as: "country-\(summary.actor.code)")
            countryLines.append(
                "  \(summary.actor.code) \(summary.actor.name(in: language)): bound by \(summary.rows.count), "
                    + "\(summary.tally.counts[.inProgress] ?? 0) in progress, \(summary.overdue) overdue")
        }
        let clauses = seeds.documents.map { "\($0.document) \($0.added.count)" }.joined(separator: ", ")
        var lines = [
            "Built \(databasePath) from the seeds: clauses \(clauses); \(seeds.progressAdded) progress entries.",
            "E/2020/31: \(report.items.count) tracked recommendations, \(report.tally.total) assignments; "
                + [StatusGroup.implemented, .inProgress, .unreported].map {
                    "\(Labels.group($0, .en)) \(ReportPresentation.share(report.tally, $0))"
                }.joined(separator: ", ") + "; \(report.overdue) overdue, \(report.silent) silent.",
            "Overdue audit: \(audit.items.count) items (oldest: \(audit.items.map(\.bucket).max()?.label(language) ?? "none")).",
            "Countries:",
        ]
        lines += countryLines
        lines.append("Wrote \(written.count) files:")
        lines += written.map { "  " + $0 }
        lines.append(
            "Open \(folder)/report-E-2020-31.html in a browser. Explore further with --database \(databasePath).")
        try context.standardOutput(lines.joined(separator: "\n") + "\n")
    }

    /// Refuses to replace a database the demo did not build, or one changed since.
    static func checkReplaceable(_ path: String, marker: String) throws(FollowUpError) {
        let recorded = (try? String(contentsOfFile: marker, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let recorded else {
            throw .outputExists(
                path: path,
                reason: "it was not made by 'followup demo' and would be replaced: choose another --output-dir")
        }
        let current = try? AppDatabase.open(path: path, access: .read).contentFingerprint()
        guard current == recorded else {
            throw .outputExists(
                path: path,
                reason: "something was recorded in it since the demo built it, and it would be replaced: "
                    + "choose another --output-dir, or move it away first")
        }
    }
}
