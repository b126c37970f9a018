import ArgumentParser
import Foundation
import FollowUpKit
import FollowUpTestSupport

/// `followup-bench`: the benchmark's dataset generator and the long fuzz run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup-bench", abstract: "Benchmark data and fuzzing for FollowUp.",
        subcommands: [Generate.self, Fuzz.self, InProcess.self])
}

/// `followup-bench fuzz`: random and mutated inputs to the importer and the readers, for a while.
struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fuzz the document importer and the CSV and JSON Lines readers (see docs/reliability.md).")

    @Option(help: "How long to run.")
    var seconds: Double = 600

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    func run() throws {
        var fuzzer = try Fuzzer(seed: seed)
        let report = fuzzer.run(documents: .max, records: 0, seconds: seconds / 2)
        var records = try Fuzzer(seed: seed &+ 1)
        let csv = records.run(documents: 0, records: .max, seconds: seconds / 2)
        print("documents: \(report)")
        print("records: \(csv)")
        let failures = report.failures + csv.failures
        for failure in failures.prefix(20) { print("FAILURE \(failure)") }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// `followup-bench generate`: a synthetic dataset at the scale of OHCHR's Universal Human Rights
/// Index, deterministic from a seed, as exchange files that `followup import` reads.
///
/// - 2,000 UPR-like documents of 135 recommendations each (270,000), each binding one State;
///   35 % have a due date one to five years after the document.
/// - 50 resolutions of 20 recommendations each (1,000), each binding the 193 Member States;
///   20 % with a due date, 10 % reported on every year.
/// - 3,000,000 progress entries over ten years (2016–2025), six or seven per assignment, moving
///   forward through the statuses, the first with a response.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the synthetic dataset of the benchmark (see docs/benchmarks.md).")

    @Option(help: "The folder to write recommendations.csv and progress.csv into.")
    var output: String

    @Option(help: "The random seed: the same seed gives the same files.")
    var seed: UInt64 = 42

    @Option(help: "How many progress entries to write.")
    var entries = 3_000_000

    @Option(help: "How many UPR-like documents (135 recommendations each).")
    var uprDocuments = 2_000

    @Option(help: "How many resolutions (20 recommendations each, to all Member States).")
    var resolutions = 50

    func run() throws {
        var random = SplitMix64(seed: seed)
        let reference = try ReferenceData.bundled()
        let members = reference.memberships.filter { $0.group == "MEMBER-STATES" }.map(\.member).sorted()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let start = CalendarDate(year: 2016, month: 1, day: 1)!
        let end = CalendarDate(year: 2025, month: 12, day: 31)!
        let span = start.days(until: end)

        // Recommendations.
        let recommendationWriter = ExchangeWriter(
            format: .csv, columns: ExchangeColumns.recommendations, lists: ExchangeColumns.recommendationLists)
        let recommendationsFile = try Output(path: output + "/recommendations.csv")
        recommendationsFile.write(recommendationWriter.header)
        struct Assigned {
            var key: String
            var actor: String
            var date: CalendarDate
        }
        var assignments: [Assigned] = []
        assignments.reserveCapacity(uprDocuments * 135 + resolutions * 20 * members.count)
        let verbs = [
            "Strengthen", "Adopt", "Ensure", "Continue", "Consider", "Take measures to", "Redouble efforts to",
            "Guarantee",
        ]
        let objects = [
            "the independence of the national human rights institution", "access to education for girls",
            "the digital divide between urban and rural areas", "broadband access in remote communities",
            "birth registration for all children", "the protection of journalists",
            "measures against trafficking in persons",
            "the rights of persons with disabilities", "gender equality in employment",
            "the right to safe drinking water",
            "science, technology and innovation policy", "data protection and privacy",
            "the rights of indigenous peoples",
        ]
        func text() -> String {
            "\(verbs[Int(random.next() % UInt64(verbs.count))]) \(objects[Int(random.next() % UInt64(objects.count))])"
                + " (\(random.next() % 100_000))"
        }
        for document in 0..<uprDocuments {
            let symbol = String(format: "SYN/UPR/%04d", document + 1)
            let state = members[document % members.count]
            let date = start.adding(days: document * span / max(uprDocuments, 1))
            var line = ""
            for paragraph in 1...135 {
                let key = "\(symbol) ¶\(paragraph)"
                let due =
                    random.next() % 100 < 35 ? date.adding(months: 12 * Int(1 + random.next() % 5)).description : ""
                line += recommendationWriter.line(
                    [
                        "key": key, "document": symbol, "path": "¶\(paragraph)", "class": "actionable",
                        "verb": "recommends",
                        "text": text(), "language": "en", "due_date": due,
                        "document_title": "Synthetic UPR outcome \(document + 1)",
                        "document_date": date.description, "document_language": "en", "document_body": "GA",
                    ], lists: ["addressees": [state], "tags": ["theme:\(random.next() % 12)"]])
                assignments.append(Assigned(key: key, actor: state, date: date))
            }
            recommendationsFile.write(line)
        }
        for resolution in 0..<resolutions {
            let symbol = String(format: "SYN/RES/%02d", resolution + 1)
            let date = start.adding(days: resolution * span / max(resolutions, 1) + 17)
            var line = ""
            for paragraph in 1...20 {
                let key = "\(symbol) ¶\(paragraph)"
                let roll = random.next() % 100
                line += recommendationWriter.line(
                    [
                        "key": key, "document": symbol, "path": "¶\(paragraph)", "class": "actionable", "verb": "urges",
                        "text": "Urges Member States to " + text().lowercased(), "language": "en",
                        "due_date": roll < 20 ? date.adding(months: 36).description : "",
                        "cycle": roll >= 90 ? "annual" : "",
                        "document_title": "Synthetic resolution \(resolution + 1)", "document_date": date.description,
                        "document_language": "en", "document_body": "GA",
                    ], lists: ["addressees": ["MEMBER-STATES"]])
                for state in members { assignments.append(Assigned(key: key, actor: state, date: date)) }
            }
            recommendationsFile.write(line)
        }
        recommendationsFile.close()

        // Progress: six or seven entries per assignment, dates increasing, statuses moving forward.
        let progressWriter = ExchangeWriter(
            format: .csv, columns: ExchangeColumns.progress, lists: ExchangeColumns.progressLists)
        let progressFile = try Output(path: output + "/progress.csv")
        progressFile.write(progressWriter.header)
        let statuses: [ImplementationStatus] = [
            .notStarted, .planned, .inProgress, .partiallyImplemented, .implemented,
        ]
        let responses: [Response] = [.supported, .supported, .supported, .supportedInPart, .noted, .pending]
        var written = 0
        var buffer = ""
        outer: for (index, assignment) in assignments.enumerated() {
            let count = 6 + (index % 25 < 12 ? 1 : 0)
            let room = max(1, assignment.date.days(until: end))
            var step = 0
            for entry in 0..<count {
                if written == entries { break outer }
                written += 1
                let asOf = assignment.date.adding(days: room * (entry + 1) / (count + 1))
                step = min(statuses.count - 1, step + Int(random.next() % 2))
                buffer += progressWriter.line([
                    "uid": String(format: "syn-%08d", written), "key": assignment.key, "actor": assignment.actor,
                    "as_of": asOf.description, "status": statuses[step].rawValue,
                    "response": entry == 0 ? responses[Int(random.next() % UInt64(responses.count))].rawValue : "",
                    "note": entry == count - 1 ? "latest report" : "", "recorded_at": "2026-01-01T00:00:00Z",
                ])
                if buffer.utf8.count > 1 << 20 {
                    progressFile.write(buffer)
                    buffer = ""
                }
            }
        }
        progressFile.write(buffer)
        progressFile.close()
        print(
            "wrote \(output)/recommendations.csv (\(assignments.count) assignments) and \(output)/progress.csv (\(written) entries)"
        )
    }
}

/// A file written through a buffer.
final class Output {
    let handle: FileHandle

    init(path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
        self.handle = handle
    }

    func write(_ text: String) { handle.write(Data(text.utf8)) }
    func close() { try? handle.close() }
}

typealias SplitMix64 = SplitMix

Bench.main()
