import ArgumentParser
import FollowUpKit
import Foundation

/// `followup remind`: each focal point's digest of what falls due and what is overdue, for cron.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Write each focal point a digest of what falls due soon and what is overdue (Markdown and .eml).",
        discussion: """
            For every focal point, the recommendations binding its actors that fall due within \
            --within days, or are overdue, and are neither implemented nor no longer relevant. Each \
            item is in a digest once per period: a due item once per due date, an overdue one once \
            a month, so a daily cron job does not repeat itself. Writes FOLDER/NAME-DATE.md, and \
            FOLDER/NAME-DATE.eml for an account with an e-mail address (followup users add --email), \
            ready for 'sendmail -t < FILE'. --dry-run shows the digests and writes nothing.

            Examples:
              followup remind --within 30d -o reminders/
              followup remind --within 14 --dry-run
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Remind of what falls due within this many days (30 or 30d).", transform: parseDays)
    var within = 30

    @Option(
        name: .customLong("as-of"), help: "The day the reminders are for (default: today).", transform: parseDate)
    var asOf: CalendarDate?

    @Option(name: .customLong("from"), help: "The sender of the .eml files.")
    var sender = "FollowUp <followup@localhost>"

    @Flag(help: "Show the digests without writing files or noting them as sent.")
    var dryRun = false

    func run() throws {
        let context = CLIContext.current
        let today = asOf ?? context.clock.today()
        let now = Timestamp.string(from: context.clock.now())
        if sender.contains(where: \.isNewline) {
            throw ValidationError("--from must be one line, such as 'FollowUp <followup@example.org>'")
        }
        guard dryRun || options.output != nil else {
            throw ValidationError("name the folder for the digests with -o FOLDER, or look first with --dry-run")
        }
        let database = try options.openDatabase(dryRun ? .read : .write)
        if dryRun {
            let digests = try database.reminders(asOf: today, within: within, record: false, sentAt: now)
            try options.emit(
                OutputDocument(digests.flatMap(\.blocks) + [.text(Self.summary(digests))]), json: digests)
            return
        }
        guard let folder = options.output else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw FollowUpError.fileAccess(path: folder, reason: "it is not a folder: create it first")
        }
        // Nothing is noted as sent unless every file can be written.
        let planned = try database.reminders(asOf: today, within: within, record: false, sentAt: now)
        for digest in planned {
            for path in Self.paths(digest, folder: folder) {
                try OutputSink.checkTarget(path, force: options.force, protected: DatabaseFiles(options.databasePath))
            }
        }
        let digests = try database.reminders(asOf: today, within: within, record: true, sentAt: now)
        for digest in digests {
            let markdown = MarkdownRenderer.render(Presentation.reminder(digest))
            let files = Self.paths(digest, folder: folder)
            try OutputSink(path: files[0], force: options.force, protecting: options.databasePath).finish(markdown)
            if let email = digest.email, files.count > 1 {
                try OutputSink(path: files[1], force: options.force, protecting: options.databasePath).finish(
                    Self.message(digest, to: email, from: sender, body: markdown, date: context.clock.now()))
            }
            try context.standardOutput(
                "\(digest.account): \(digest.items.count) item\(digest.items.count == 1 ? "" : "s") → \(files.joined(separator: ", "))\n"
            )
        }
        try context.standardOutput(Self.summary(digests) + "\n")
    }

    static func summary(_ digests: [ReminderDigest]) -> String {
        let items = digests.reduce(0) { $0 + $1.items.count }
        return "\(digests.count) digest\(digests.count == 1 ? "" : "s"), \(items) item\(items == 1 ? "" : "s")"
    }

    static func paths(_ digest: ReminderDigest, folder: String) -> [String] {
        let safe = String(digest.account.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        let base = URL(fileURLWithPath: folder).appendingPathComponent("\(safe)-\(digest.asOf)").path
        return [base + ".md"] + (digest.email == nil ? [] : [base + ".eml"])
    }

    /// An RFC 5322 message: plain UTF-8 text, ASCII headers.
    static func message(_ digest: ReminderDigest, to: String, from: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let overdue = digest.items.filter(\.overdue).count
        let subject =
            "FollowUp: \(overdue) overdue, \(digest.items.count - overdue) falling due (as of \(digest.asOf))"
        let headers = [
            "From: \(from)", "To: \(to)", "Subject: \(subject)", "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        let text = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + text
    }
}

extension ReminderDigest {
    var blocks: [OutputDocument.Block] { Presentation.reminder(self).blocks }
}

/// Reads `30` or `30d`.
func parseDays(_ text: String) throws -> Int {
    let digits = text.hasSuffix("d") ? String(text.dropLast()) : text
    guard let days = Int(digits) else {
        throw ValidationError("'\(text)' is not a number of days: write 30 or 30d")
    }
    guard (0...36_500).contains(days) else {
        throw ValidationError("\(days) is out of range: a number of days from 0 to 36500")
    }
    return days
}
