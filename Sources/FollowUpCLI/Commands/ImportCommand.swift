import ArgumentParser
import Foundation
import FollowUpKit

/// `followup import`: bring data in.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a UN document's recommendations, or recommendations and progress in bulk.",
        subcommands: [
            Document.self, Themes.self, Evidence.self, Recommendations.self, Progress.self, Questionnaire.self,
        ])

    /// `followup import document FILE`.
    struct Document: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "document",
            abstract: "Extract the recommendations of a UN document, with who each one binds.",
            discussion: """
                Reads a resolution, a commission report (its draft resolutions and \
                decisions) or a report's conclusions and recommendations, in Chinese or English, \
                and imports each operative clause with its class, verbs, addressees, due date and \
                cycle. Review first with --dry-run, which writes nothing.

                A Universal Periodic Review is read as the UN publishes it: the Working Group's \
                report imports each recommendation bound to the State under review, with the \
                States that made it and the positions the report states; the report's addendum \
                (the State's views) records the State's position on each. See docs/upr.md.

                The import is one transaction. Importing the same text again changes nothing; a \
                changed text adds, updates and removes recommendations and reports what changed.

                Given several files, each is imported in its own transaction: a line per file, a \
                summary, and a progress line on a terminal; a file that is refused changes nothing \
                and the others go on (the exit code is then that of the first refusal). Each file \
                tells its own symbol, title and date.

                Examples:
                  followup import document A_RES_78_19.pdf --dry-run
                  followup import document report.txt --symbol E/2020/31 --date 2020-06-12
                  followup import document ~/Downloads/A_RES_78_*.pdf
                  curl -s … | followup import document - --symbol A/RES/75/202 --language en
                """)

        @OptionGroup var options: GlobalOptions

        @Argument(
            help: "The documents: PDFs as the UN publishes them, Word .docx, or UTF-8 text; - for standard input.")
        var files: [String]

        @Option(help: "The document's UN symbol, e.g. E/2020/31 (default: read from the text).")
        var symbol: String?

        @Option(help: "The title (default: read from the text).")
        var title: String?

        @Option(help: "The date of adoption or issue (default: read from the text).", transform: parseDate)
        var date: CalendarDate?

        @Option(help: "zh or en (default: detected).")
        var language: Language?

        @Option(help: "The issuing body, e.g. CSTD (default: the first UN body the text names).")
        var body: String?

        @Flag(help: "Show what would be imported, and write nothing.")
        var dryRun = false

        @Option(name: .customLong("max-size"), help: "Refuse documents larger than this many MB (1 to 2048).")
        var maxSize = 20

        @Flag(
            name: .customLong("accept-partial"),
            help: "Import what was read even when numbered operative paragraphs were not (refused otherwise).")
        var acceptPartial = false

        @Flag(help: "With --dry-run, list only the clauses the importer is unsure of, and why.")
        var doubtful = false

        func validate() throws {
            try requireRange(maxSize, 1...2048, "--max-size", what: "a size in MB")
            guard !files.isEmpty else { throw ValidationError("name the document to import, e.g. A_RES_78_19.pdf") }
            if doubtful && !dryRun {
                throw ValidationError("--doubtful lists what a dry run would import: add --dry-run")
            }
            if files.count > 1 {
                if files.contains("-") { throw ValidationError("standard input (-) is one document: name it alone") }
                let given =
                    [("--symbol", symbol), ("--title", title)].filter { $0.1 != nil }.map(\.0)
                    + (date != nil ? ["--date"] : [])
                if !given.isEmpty {
                    throw ValidationError(
                        "\(given.joined(separator: ", ")) describes one document: with several files, each tells "
                            + "its own (import a file alone to give them)")
                }
            }
        }

        func run() throws {
            if files.count > 1 { return try runMany() }
            let output = try options.prepareOutput(
                formats: dryRun ? [.table, .json, .csv, .markdown] : [.table, .json, .markdown])
            let database = try options.openDatabase(dryRun ? .read : .write)
            let file = files[0]
            let text = try InputFile.readText(file, maximumMegabytes: maxSize)
            if ReviewDocumentKind.of(text) == .addendum {
                return try recordPositions(text, file: file, database: database)
            }
            let plan = try database.planImport(
                text: text,
                options: ImportOptions(
                    symbol: symbol, title: title, date: date, language: language, body: body,
                    sourceName: file == "-" ? "standard input" : file, today: CLIContext.current.clock.today(),
                    acceptPartial: acceptPartial))
            for warning in plan.warnings { CLIContext.current.standardError("note: \(warning)\n") }
            for part in plan.census.parts { CLIContext.current.standardError("note: \(part.summary)\n") }
            if dryRun {
                try output.emit(
                    Presentation.importPlan(plan, doubtfulOnly: doubtful),
                    json: doubtful ? plan.items.filter { !$0.doubts.isEmpty } : plan.items)
                return
            }
            let result = try database.importDocument(plan)
            try output.emitSaved(Presentation.importResult(result, plan: plan), json: result)
        }
    }
}

/// What happened to one file of `followup import document FILE…`.
struct DocumentFileOutcome: Codable {
    var file: String
    /// imported, updated, unchanged, planned (dry run) or refused.
    var outcome: String
    var document: String?
    var clauses: Int?
    var assignmentsCreated: Int?
    /// Positions read (dry run) or recorded from a review's addendum.
    var positions: Int?
    /// How the numbered operative paragraphs were accounted for ("operative paragraphs: 51 of 51 numbered").
    var census: [String]?
    var error: String?
}

/// A file of a multi-file import, read and planned ahead of its turn.
private enum PreparedFile: Sendable {
    case document(ImportPlan)
    /// An addendum's text: its positions are planned in turn, after its report is imported.
    case addendum(String)
}

/// Files being read and planned on another thread (or, for standard input, already read here).
private final class Prepared: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: [Result<PreparedFile, FollowUpError>] = []

    init(_ here: Bool, _ work: @escaping @Sendable () -> [Result<PreparedFile, FollowUpError>]) {
        if here {
            result = work()
            return
        }
        DispatchQueue.global().async(group: group) { self.result = work() }
    }

    /// The files' plans, once read.
    var value: [Result<PreparedFile, FollowUpError>] {
        group.wait()
        return result
    }
}

/// Results written by several threads, each into its own slot.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }

    var all: [Value?] { lock.withLock { values } }
}

extension ImportCommand.Document {
    /// Several files: each in its own transaction, a line each, then a summary. A refused file
    /// changes nothing and the others go on; the exit code is the first refusal's.
    func runMany() throws {
        let output = try options.prepareOutput(formats: [.table, .json, .markdown])
        let database = try options.openDatabase(dryRun ? .read : .write)
        let context = CLIContext.current
        let started = Date()
        let showProgress = context.standardErrorIsTerminal()
        var outcomes: [DocumentFileOutcome] = []
        var firstFailure: FollowUpError?
        // The actors, loaded once: importing a document does not change them.
        let reference = try database.importReference()
        // Files are read and planned a window at a time on every core: reading a PDF or a Word file
        // and planning a document read nothing that another file's import writes. The imports, and
        // the addenda (which need their report imported first), then go one by one, in order.
        // The next window is read while this one is imported.
        let today = context.clock.today()
        let window = max(2, ProcessInfo.processInfo.activeProcessorCount * 4)
        let starts = Array(stride(from: 0, to: files.count, by: window))
        let batches = starts.map { Array(files[$0..<min($0 + window, files.count)]) }
        let prepare = { (batch: [String]) in
            Prepared(batch.contains("-")) {
                self.prepare(batch, database: database, reference: reference, today: today, context: context)
            }
        }
        var next = batches.first.map(prepare)
        for (start, batch) in zip(starts, batches) {
            guard let prepared = next?.value else { break }
            next = start + window < files.count ? prepare(batches[start / window + 1]) : nil
            for (offset, file) in batch.enumerated() {
                if showProgress && Date().timeIntervalSince(started) > 1 {
                    context.standardError(
                        "\r\u{1B}[K[\(start + offset + 1)/\(files.count)] \(FieldText.displaySafe(file))")
                }
                do {
                    let plan: ImportPlan
                    switch try prepared[offset].get() {
                    case .addendum(let text):
                        let positions = try database.planPositions(
                            text: text, options: ImportOptions(sourceName: file, today: today))
                        let written = dryRun ? 0 : try database.recordPositions(positions, clock: context.clock).written
                        outcomes.append(
                            DocumentFileOutcome(
                                file: file, outcome: dryRun ? "planned" : written > 0 ? "imported" : "unchanged",
                                document: positions.document, positions: dryRun ? positions.positions.count : written))
                        continue
                    case .document(let planned): plan = planned
                    }
                    if dryRun {
                        outcomes.append(
                            DocumentFileOutcome(
                                file: file, outcome: "planned", document: plan.document.symbol,
                                clauses: plan.items.count, census: plan.census.parts.map(\.summary)))
                        continue
                    }
                    let result = try database.importDocument(plan)
                    let outcome =
                        switch result.outcome {
                        case .created: "imported"
                        case .updated: "updated"
                        case .unchanged: "unchanged"
                        }
                    outcomes.append(
                        DocumentFileOutcome(
                            file: file, outcome: outcome, document: result.document, clauses: plan.items.count,
                            assignmentsCreated: result.assignmentsCreated, census: plan.census.parts.map(\.summary)))
                } catch {
                    firstFailure = firstFailure ?? error
                    outcomes.append(DocumentFileOutcome(file: file, outcome: "refused", error: error.message))
                }
            }
        }
        if showProgress && Date().timeIntervalSince(started) > 1 { context.standardError("\r\u{1B}[K") }
        let lines = outcomes.map { outcome -> String in
            let census =
                (outcome.census ?? []).isEmpty ? "" : " (" + (outcome.census ?? []).joined(separator: "; ") + ")"
            if let positions = outcome.positions, outcome.outcome != "refused" {
                let verb = outcome.outcome == "planned" ? "would record" : "recorded"
                return "\(outcome.file): \(outcome.document ?? "") \(verb) \(positions) positions"
            }
            switch outcome.outcome {
            case "refused": return "\(outcome.file): refused: \(outcome.error ?? "")"
            case "unchanged": return "\(outcome.file): \(outcome.document ?? "") unchanged (imported before)"
            case "planned":
                return
                    "\(outcome.file): \(outcome.document ?? "") would import \(outcome.clauses ?? 0) clauses\(census)"
            default:
                return
                    "\(outcome.file): \(outcome.document ?? "") \(outcome.outcome), \(outcome.clauses ?? 0) clauses, "
                    + "\(outcome.assignmentsCreated ?? 0) new assignments\(census)"
            }
        }
        let counts = Dictionary(grouping: outcomes, by: \.outcome).mapValues(\.count)
        let summary =
            "\(files.count) files: "
            + ["imported", "updated", "unchanged", "planned", "refused"].compactMap { name in
                counts[name].map { "\($0) \(name == "planned" ? "read (dry run, nothing written)" : name)" }
            }.joined(separator: ", ")
            + (firstFailure == nil ? "." : "; each refused file changed nothing.")
        let document = OutputDocument([.text(lines.joined(separator: "\n")), .text(summary)])
        if dryRun {
            try output.emit(document, json: outcomes)
        } else {
            try output.emitSaved(document, json: outcomes)
        }
        if let firstFailure { throw ExitCode(CommandLineRunner.exitCode(for: firstFailure)) }
    }

    /// Reads and plans `batch` on every core, each file in the caller's context; standard input
    /// ("-") is read here, on this thread.
    private func prepare(
        _ batch: [String], database: AppDatabase, reference: ImportReference, today: CalendarDate,
        context: CLIContext
    ) -> [Result<PreparedFile, FollowUpError>] {
        let options = (language: language, body: body, acceptPartial: acceptPartial, maxSize: maxSize)
        let slots = Slots<Result<PreparedFile, FollowUpError>>(count: batch.count)
        let work: @Sendable (Int) -> Void = { index in
            let file = batch[index]
            CLIContext.$current.withValue(context) {
                do throws(FollowUpError) {
                    let text = try InputFile.readText(file, maximumMegabytes: options.maxSize)
                    if ReviewDocumentKind.of(text) == .addendum {
                        slots.set(index, .success(.addendum(text)))
                        return
                    }
                    let plan = try database.planImport(
                        text: text,
                        options: ImportOptions(
                            language: options.language, body: options.body, sourceName: file, today: today,
                            acceptPartial: options.acceptPartial),
                        reference: reference)
                    slots.set(index, .success(.document(plan)))
                } catch {
                    slots.set(index, .failure(error))
                }
            }
        }
        if batch.contains("-") {
            for index in batch.indices { work(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: batch.count, execute: work)
        }
        return slots.all.map { $0 ?? .failure(.internalError("a file was not read")) }
    }
}
