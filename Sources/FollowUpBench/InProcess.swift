import ArgumentParser
import Foundation
import FollowUpKit
import GRDB

/// `followup-bench in-process`: `update` and `report country` timed by their work inside one
/// process, next to SQLite's own time for the equivalent SQL in the same process (issue #27,
/// decision 1: a whole process also pays start-up, which has no target). Prints one line per
/// command, `name median_ms floor_median_ms`, for Scripts/benchmark.py.
struct InProcess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in-process",
        abstract: "Time update and report country inside the process, next to the same SQL (docs/benchmarks.md).")

    @Option(help: "The benchmark's database (it gains one progress entry per run of update).")
    var database: String

    @Option(help: "How many timed runs of each, after one warm-up.")
    var runs = 15

    @Option(help: "The report's date.")
    var asOf = "2026-11-21"

    @Option(help: "The actor of the country report.")
    var country = "KEN"

    @Option(help: "The recommendation and actor update records an entry for.")
    var key = "SYN/UPR/0001 ¶1"

    @Option(help: "The actor of the update.")
    var actor = "AFG"

    func run() throws {
        guard let date = CalendarDate(asOf), let entryDate = CalendarDate("2025-12-31") else {
            throw ValidationError("--as-of: give a date as YYYY-MM-DD")
        }
        let library = try AppDatabase.open(path: database, access: .write)
        let floor = try DatabaseQueue(path: database)
        let clock = FixedClock(date)

        let update = try Self.median(runs) {
            _ = try library.recordProgress(
                ProgressUpdate(key: key, actor: actor, status: .inProgress, asOf: entryDate), clock: clock,
                uid: UUID().uuidString.lowercased())
        }
        // The same row in its own transaction; a random hash stands in for the chain's SHA-256.
        let insert = """
            INSERT INTO progressEntry(id, uid, assignmentId, asOf, status, reportedById, recordedAt, hash)
            SELECT (SELECT max(id) + 1 FROM progressEntry), lower(hex(randomblob(16))), s.id, '2025-12-31',
              'in-progress', s.addresseeId, '2026-11-21T00:00:00Z', lower(hex(randomblob(32)))
            FROM assignment s JOIN recommendation r ON r.id = s.recommendationId
            WHERE r.key = ? AND s.addresseeId = (SELECT id FROM addressee WHERE code = ?)
            """
        let updateFloor = try Self.median(runs) {
            try floor.write { db in try db.execute(sql: insert, arguments: [key, actor]) }
        }
        print("update \(Self.format(update)) \(Self.format(updateFloor))")

        let footer = ReportViews.Footer(path: database, generated: "2026-11-21T00:00:00Z")
        var characters = 0
        let report = try Self.median(runs) {
            let view = try ReportViews.country(country, asOf: date, language: .en, footer: footer, in: library)
            characters = TextRenderer.render(view.document, width: nil).utf8.count
        }
        // What the report shows of each assignment, every value read as text.
        let select = """
            SELECT r.key, d.symbol, r.text, r.dueDate, st.status, st.statusAsOf, st.response, pe.asOf, pe.note
            FROM assignment s JOIN recommendation r ON r.id = s.recommendationId
            JOIN document d ON d.id = r.documentId
            LEFT JOIN assignmentState st ON st.assignmentId = s.id
            LEFT JOIN progressEntry pe ON pe.id = st.latestEntryId
            WHERE s.addresseeId = (SELECT id FROM addressee WHERE code = ?) AND d.date <= ?
            ORDER BY d.date, d.symbol, r.position
            """
        var values = 0
        let reportFloor = try Self.median(runs) {
            try floor.read { db in
                let rows = try Row.fetchCursor(db, sql: select, arguments: [country, asOf])
                while let row = try rows.next() {
                    for index in 0..<9 { values += (row[index] as String?)?.utf8.count ?? 0 }
                }
            }
        }
        print("report-country \(Self.format(report)) \(Self.format(reportFloor))")
        FileHandle.standardError.write(Data("report: \(characters) bytes; floor: \(values) bytes of values\n".utf8))
    }

    /// The median wall time of `runs` runs of `work`, in milliseconds, after one run to warm up.
    static func median(_ runs: Int, _ work: () throws -> Void) throws -> Double {
        try work()
        var times: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = ContinuousClock.now
            try work()
            let elapsed = ContinuousClock.now - start
            times.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        times.sort()
        return times[times.count / 2]
    }

    static func format(_ milliseconds: Double) -> String { String(format: "%.3f", milliseconds) }
}
