import Foundation

extension OutputDocument {
    /// The report with its footer (``ReportPresentation/footer(database:asOf:generated:head:lastEntry:language:)``):
    /// FollowUp's version, the database's file name, the as-of date, the time it was generated,
    /// and the progress log's head hash.
    public func withFooter(
        _ database: AppDatabase, path: String, asOf: CalendarDate?, language: Language, generated: String
    ) throws(FollowUpError) -> OutputDocument {
        let log = try database.logHead()
        var document = self
        document.blocks += ReportPresentation.footer(
            database: URL(fileURLWithPath: path).lastPathComponent, asOf: asOf, generated: generated, head: log.head,
            lastEntry: log.lastEntry, language: language)
        return document
    }
}
