import Foundation
import FollowUpModel
import FollowUpReports

extension OutputDocument {
    /// The report with its footer (``ReportPresentation/footer(database:asOf:generated:head:lastRow:language:)``):
    /// FollowUp's version, the database's file name (`path`; `nil` where readers should not learn
    /// it, as on the server), the as-of date, the time it was generated, and the record journal's
    /// head (`AppDatabase.journalHead()`).
    public func withFooter(
        journal: JournalHead, path: String?, asOf: CalendarDate?, language: Language, generated: String
    ) -> OutputDocument {
        var document = self
        document.blocks += ReportPresentation.footer(
            database: path.map { URL(fileURLWithPath: $0).lastPathComponent }, asOf: asOf, generated: generated,
            head: journal.head, lastRow: journal.lastRow, language: language)
        return document
    }
}
