import FollowUpExchange
import FollowUpModel
import FollowUpRendering
import FollowUpReports
import FollowUpStore
import Foundation

/// `followup publish`: what is tracked, as a static website of plain files.
///
/// A page per document, recommendation, actor bound, group and Universal Periodic Review, the
/// overdue audit, a site map and a search page whose index is built here and searched in the
/// browser, each in the six official languages, with every list also as CSV and JSON Lines. Only
/// what reports show is published: accepted progress entries, never submissions, accounts or
/// reviewers' comments. Publishing again rewrites only the files whose bytes change.
public enum SitePublisher {
    public struct Options: Sendable {
        /// Statuses and overdue items are read on this date.
        public var asOf: CalendarDate
        /// The languages to publish (all six by default); the first is the one the folder's own
        /// index leads to.
        public var languages: [Language]
        /// The address the site will be served from, for `sitemap.xml` (which needs whole URLs);
        /// without it, only the human site map is written.
        public var baseURL: String?

        public init(asOf: CalendarDate, languages: [Language] = SitePublisher.allLanguages, baseURL: String? = nil) {
            self.asOf = asOf
            self.languages = languages
            self.baseURL = baseURL
        }
    }

    /// The six official languages, English first.
    public static let allLanguages: [Language] = [.en, .zh, .ar, .fr, .ru, .es]

    /// What a publication did.
    public struct Result: Codable, Sendable {
        public var folder: String
        public var languages: [String]
        public var documents: Int
        public var recommendations: Int
        public var actors: Int
        public var groups: Int
        public var reviews: Int
        /// Files the site holds.
        public var files: Int
        /// Of those, written because they are new or their bytes changed.
        public var written: Int
        public var unchanged: Int
        /// Files of the previous publication no longer part of the site, removed.
        public var removed: Int
    }

    /// Publishes `database` into the folder at `path`.
    public static func publish(_ database: AppDatabase, to path: String, options: Options) throws(FollowUpError)
        -> Result
    {
        let folder = try SiteFolder(path: path)
        // Every page from one snapshot: a write made meanwhile (a server on the same database)
        // shows on all of them or on none, so that the index and the pages add up.
        let site = try database.consistentRead { () throws(FollowUpError) in
            try SiteContent(database, options: options)
        }
        let files = try site.write(root: folder.root)
        let removed = try folder.finish(files.written)
        return Result(
            folder: path, languages: options.languages.map(\.rawValue), documents: site.documents.count,
            recommendations: site.recommendationCount, actors: site.actorCodes.count, groups: site.groupReports.count,
            reviews: site.reviews.count, files: files.written.count, written: files.changed,
            unchanged: files.unchanged, removed: removed)
    }
}

/// Everything a site shows, read from the database once, then written in each language (the
/// languages side by side, one per processor).
struct SiteContent: Sendable {
    let options: SitePublisher.Options
    let database: AppDatabase
    let directory: ActorDirectory
    let journal: JournalHead
    let documents: [DocumentInfo]
    var documentReports: [String: DocumentReport] = [:]
    /// The bound actors with a page of their own (groups have theirs under groups/).
    var actorCodes: [String] = []
    var countryReports: [String: CountryReport] = [:]
    var groupReports: [String: GroupReport] = [:]
    var reviews: [PeriodicReview] = []
    /// Each review's matrix in each language, by "LANGUAGE SYMBOL".
    var reviewMatrices: [String: ReviewMatrixReport] = [:]
    var audit: OverdueAudit
    /// Each document's recommendations, in document order, with their logs.
    var recommendations: [String: [(detail: RecommendationDetail, history: [ProgressEntryInfo])]] = [:]
    var recommendationCount = 0
    let documentSlugs: SiteSlugs
    let keySlugs: SiteSlugs
    let reviewSlugs: SiteSlugs

    init(_ database: AppDatabase, options: SitePublisher.Options) throws(FollowUpError) {
        self.options = options
        self.database = database
        let asOf = options.asOf
        directory = try database.actorDirectory()
        journal = try database.journalHead()
        documents = try database.documents()
        var keys: [String] = []
        for document in documents {
            documentReports[document.symbol] = try database.documentReport(document.symbol, asOf: asOf)
            let details = try database.recommendationDetails(document: document.symbol, asOf: asOf)
            recommendations[document.symbol] = details
            keys += details.map(\.detail.recommendation.key)
        }
        recommendationCount = keys.count
        keySlugs = SiteSlugs(keys)
        documentSlugs = SiteSlugs(documents.map(\.symbol))
        for (code, _) in try database.boundActors() where directory.kind(code) != .group {
            actorCodes.append(code)
            countryReports[code] = try database.countryReport(code, asOf: asOf)
        }
        for report in try database.groupReports(asOf: asOf) { groupReports[report.group.code] = report }
        reviews = try database.periodicReviews()
        reviewSlugs = SiteSlugs(reviews.map(\.report))
        for review in reviews {
            for language in options.languages {
                reviewMatrices["\(language.rawValue) \(review.report)"] = try database.reviewMatrixReport(
                    report: review.report, asOf: asOf, language: language)
            }
        }
        audit = try database.overdueAudit(ReportScope(), grouping: .document, asOf: asOf)
    }

    // MARK: Writing

    /// Writes the site under `root`: the shared files, then each language on a processor of its
    /// own; returns what was written.
    func write(root: URL) throws(FollowUpError) -> SiteFiles {
        var files = SiteFiles(root: root)
        try files.write("site.css", SitePage.css)
        try files.write("search.js", SiteSearch.script)
        try files.write("search-index.js", try searchIndex())
        try writeData(into: &files)
        try files.write("index.html", rootIndex())
        let languages = options.languages
        let results = LockedResults<Result<SiteFiles, FollowUpError>>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            results[index] = Result { () throws(FollowUpError) -> SiteFiles in
                try write(languages[index], root: root)
            }
        }
        for result in results.values {
            switch result {
            case .success(let written): files.merge(written)
            case .failure(let error): throw error
            case nil: throw .internalError("a language of the site was not written")
            }
        }
        if let base = options.baseURL { try files.write("sitemap.xml", sitemapXML(base, files.written)) }
        return files
    }

    /// Every page of one language, and its site map.
    func write(_ language: Language, root: URL) throws(FollowUpError) -> SiteFiles {
        var files = SiteFiles(root: root)
        try writeIndex(language, into: &files)
        for document in documents {
            try writeDocument(document, language, into: &files)
            for (detail, history) in recommendations[document.symbol] ?? [] {
                try writeRecommendation(detail, history, language, into: &files)
            }
        }
        try writeActors(language, into: &files)
        try writeGroups(language, into: &files)
        try writeAudit(language, into: &files)
        for review in reviews { try writeReview(review, language, into: &files) }
        try write(SiteSearch.page(language), into: &files)
        try writeSiteMap(language, into: &files)
        return files
    }

    /// Writes `page` in its language's folder, and each of `tables` beside it as CSV and JSON
    /// Lines, offered on the page.
    func write(
        _ page: SitePage, tables: [(label: String, name: String, table: TextTable)] = [],
        into files: inout SiteFiles
    ) throws(FollowUpError) {
        var page = page
        let base = String(page.path.dropLast(".html".count))
        for item in tables {
            let name = base + (tables.count == 1 ? "" : "-" + item.name)
            var table = item.table
            table.links = [:]
            try files.write("\(page.language.rawValue)/\(name).csv", CSVRenderer.render(table))
            try files.write("\(page.language.rawValue)/\(name).jsonl", Self.jsonLines(table))
            page.downloads.append((item.label, name + ".csv", name + ".jsonl"))
        }
        files.pages.append((page.path, page.title))
        try files.write("\(page.language.rawValue)/\(page.path)", page.html(footer: footer(page)))
    }

    func footer(_ page: SitePage) -> String {
        let language = page.language
        var text = "<p>\(SitePage.escape(SitePage.w("As of", language))) \(options.asOf) · "
        text +=
            "\(SitePage.escape(SitePage.w("Only accepted progress entries are published: submissions awaiting review, accounts and reviewers' comments never are.", language)))"
        text += " · <a href=\"\(page.up)sitemap.html\">\(SitePage.escape(SitePage.w("Site map", language)))</a></p>\n"
        return text
    }

    /// Links the cells of every table of `output` by `links`; returns the tables, each to be
    /// offered as a download labelled `label`.
    static func link(_ output: inout OutputDocument, _ links: [String: String], label: String)
        -> [(label: String, name: String, table: TextTable)]
    {
        var tables: [(label: String, name: String, table: TextTable)] = []
        for index in output.blocks.indices {
            guard case .table(var table) = output.blocks[index] else { continue }
            table.links = links
            output.blocks[index] = .table(table)
            tables.append((label, "table\(tables.count + 1)", table))
        }
        return tables
    }

    /// A table as JSON Lines: one object per row, its columns' headers as keys.
    static func jsonLines(_ table: TextTable) -> String {
        // The keys are the same on every line: quoted once.
        let keys = table.columns.map { JSONText.string($0.header) + ":" }
        var text = ""
        for row in table.rows {
            text += "{"
            for index in keys.indices {
                if index > 0 { text += "," }
                let cell = index < row.count ? row[index] : ""
                text += keys[index]
                text += cell == "—" || cell.isEmpty ? "null" : JSONText.string(cell)
            }
            text += "}\n"
        }
        return text
    }

    /// Links from a table's cells to recommendation pages: full keys, and a document's own keys as
    /// its report shows them (without the symbol).
    func recommendationLinks(_ up: String, document: String? = nil) -> [String: String] {
        var links: [String: String] = [:]
        for symbol in document.map({ [$0] }) ?? documents.map(\.symbol) {
            for (detail, _) in recommendations[symbol] ?? [] {
                let recommendation = detail.recommendation
                let target = "\(up)recommendations/\(keySlugs(recommendation.key)).html"
                links[recommendation.key] = target
                if document != nil { links[recommendation.path] = target }
            }
        }
        return links
    }

    // MARK: Pages

    /// The folder's own index: the languages, each named in itself.
    func rootIndex() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>FollowUp</title>
            <link rel="stylesheet" href="site.css">
            </head>
            <body>
            <main id="main">
            <h1>FollowUp</h1>
            <nav aria-label="Choose a language"><ul>

            """
        for language in options.languages {
            let name = SitePage.languages.first { $0.0 == language }?.1 ?? language.rawValue
            html += "<li><a href=\"\(language.rawValue)/index.html\" lang=\"\(language.rawValue)\">\(name)</a></li>\n"
        }
        html += "</ul></nav>\n</main>\n</body>\n</html>\n"
        return html
    }

    func writeIndex(_ language: Language, into files: inout SiteFiles) throws(FollowUpError) {
        let w = { (english: String) in SitePage.w(english, language) }
        var body = "<h1>\(SitePage.escape(w("What is tracked")))</h1>\n"
        body += "<p>\(SitePage.escape(w("As of"))) \(options.asOf) · \(SitePage.escape(w("Journal head"))) "
        body += "<code>\(SitePage.escape(String(journal.head.prefix(16))))</code></p>\n"
        var table = TextTable(
            columns: [
                .init(w("Symbol")), .init(w("Title"), underRow: true), .init(w("Date")),
                .init(w("Recommendations"), alignRight: true), .init(w("Assignments"), alignRight: true),
                .init(w("Implemented"), alignRight: true), .init(w("Overdue"), alignRight: true),
            ],
            rows: documents.map { document in
                let report = documentReports[document.symbol]
                return [
                    document.symbol, document.title, document.date.description, String(report?.items.count ?? 0),
                    String(report?.tally.total ?? 0), String(report?.tally.counts[.implemented, default: 0] ?? 0),
                    String(report?.overdue ?? 0),
                ]
            })
        for document in documents { table.links[document.symbol] = "documents/\(documentSlugs(document.symbol)).html" }
        body += "<h2>\(SitePage.escape(w("Documents")))</h2>\n" + HTMLRenderer.fragment(OutputDocument([.table(table)]))
        if !reviews.isEmpty {
            var matrix = TextTable(
                columns: [
                    .init(w("Report")), .init(w("State")), .init(w("Cycle"), alignRight: true), .init(w("Date")),
                ],
                rows: reviews.map {
                    [$0.report, directory.name($0.state, language), String($0.cycle), $0.reviewDate.description]
                })
            for review in reviews { matrix.links[review.report] = "upr/\(reviewSlugs(review.report)).html" }
            body +=
                "<h2>\(SitePage.escape(w("Universal Periodic Review")))</h2>\n"
                + HTMLRenderer.fragment(OutputDocument([.table(matrix)]))
        }
        var page = SitePage(path: "index.html", language: language, title: w("What is tracked"), body: body)
        page.downloads = [
            (w("All recommendations"), "../data/recommendations.csv", "../data/recommendations.jsonl"),
            (w("Status of every assignment"), "../data/assignments.csv", "../data/assignments.jsonl"),
        ]
        try write(page, tables: [(w("Documents"), "documents", table)], into: &files)
    }

    func writeDocument(_ document: DocumentInfo, _ language: Language, into files: inout SiteFiles)
        throws(FollowUpError)
    {
        guard let report = documentReports[document.symbol] else { return }
        var output = ReportPresentation.document(report, actors: directory, language: language)
        let links = recommendationLinks("../", document: document.symbol)
        let tables = Self.link(&output, links, label: SitePage.w("Recommendations", language))
        let page = SitePage(
            path: "documents/\(documentSlugs(document.symbol)).html", language: language,
            title: "\(document.symbol) — \(document.title)", body: HTMLRenderer.fragment(output))
        try write(page, tables: tables, into: &files)
    }

    func writeRecommendation(
        _ detail: RecommendationDetail, _ history: [ProgressEntryInfo], _ language: Language,
        into files: inout SiteFiles
    ) throws(FollowUpError) {
        let directory = directory
        let published = Set(documents.map(\.symbol))
        let page = SiteRecommendation(
            detail: detail, history: history, asOf: options.asOf, directory: directory, language: language,
            documentPage: "../documents/\(documentSlugs(detail.recommendation.document)).html",
            actorPage: { code in
                directory.kind(code) == .group
                    ? "../groups/\(SiteSlugs.readable(code)).html" : "../actors/\(SiteSlugs.readable(code)).html"
            },
            evidencePage: { symbol in
                published.contains(symbol) ? "../documents/\(documentSlugs(symbol)).html" : nil
            })
        let key = detail.recommendation.key
        try write(
            SitePage(path: "recommendations/\(keySlugs(key)).html", language: language, title: key, body: page.body),
            tables: page.historyDownload.map { [(SitePage.w("Progress entries (accepted)", language), "history", $0)] }
                ?? [], into: &files)
    }

    func writeActors(_ language: Language, into files: inout SiteFiles) throws(FollowUpError) {
        let w = { (english: String) in SitePage.w(english, language) }
        let links = recommendationLinks("../")
        var list = TextTable(
            columns: [
                .init(w("Actor")), .init(w("Name")), .init(w("Kind")), .init(w("Recommendations"), alignRight: true),
                .init(w("Implemented"), alignRight: true), .init(w("Overdue"), alignRight: true),
            ])
        for code in actorCodes {
            guard let report = countryReports[code] else { continue }
            list.rows.append([
                code, directory.name(code, language), SitePage.kind(report.actor.kind, language),
                String(report.rows.count),
                String(report.tally.counts[.implemented, default: 0]), String(report.overdue),
            ])
            list.links[code] = "actors/\(SiteSlugs.readable(code)).html"
            var output = ReportPresentation.country(report, actors: directory, language: language)
            let tables = Self.link(&output, links, label: w("Recommendations"))
            try write(
                SitePage(
                    path: "actors/\(SiteSlugs.readable(code)).html", language: language,
                    title: "\(code) — \(directory.name(code, language))", body: HTMLRenderer.fragment(output)),
                tables: tables, into: &files)
        }
        let body =
            "<h1>\(SitePage.escape(w("Countries and organizations")))</h1>\n"
            + HTMLRenderer.fragment(OutputDocument([.table(list)]))
        try write(
            SitePage(path: "actors.html", language: language, title: w("Countries and organizations"), body: body),
            tables: [(w("Countries and organizations"), "list", list)], into: &files)
    }

    func writeGroups(_ language: Language, into files: inout SiteFiles) throws(FollowUpError) {
        let w = { (english: String) in SitePage.w(english, language) }
        var list = TextTable(
            columns: [
                .init(w("Actor")), .init(w("Name")), .init(w("Members"), alignRight: true),
                .init(w("Assignments"), alignRight: true), .init(w("Implemented"), alignRight: true),
                .init(w("Overdue"), alignRight: true),
            ])
        var actorLinks: [String: String] = [:]
        for code in actorCodes { actorLinks[code] = "../actors/\(SiteSlugs.readable(code)).html" }
        for code in groupReports.keys.sorted() {
            guard let report = groupReports[code] else { continue }
            list.rows.append([
                code, directory.name(code, language), String(report.members.count), String(report.tally.total),
                String(report.tally.counts[.implemented, default: 0]), String(report.overdue),
            ])
            list.links[code] = "groups/\(SiteSlugs.readable(code)).html"
            var output = ReportPresentation.group(report, actors: directory, language: language)
            let tables = Self.link(&output, actorLinks, label: w("Members"))
            try write(
                SitePage(
                    path: "groups/\(SiteSlugs.readable(code)).html", language: language,
                    title: "\(code) — \(directory.name(code, language))", body: HTMLRenderer.fragment(output)),
                tables: tables, into: &files)
        }
        let body = "<h1>\(SitePage.escape(w("Groups")))</h1>\n" + HTMLRenderer.fragment(OutputDocument([.table(list)]))
        try write(
            SitePage(path: "groups.html", language: language, title: w("Groups"), body: body),
            tables: [(w("Groups"), "list", list)], into: &files)
    }

    func writeAudit(_ language: Language, into files: inout SiteFiles) throws(FollowUpError) {
        let links = recommendationLinks("")
        var output = ReportPresentation.audit(audit, actors: directory, language: language, flat: false)
        _ = Self.link(&output, links, label: "")
        // One list of every item to download, not a table per document.
        let flat =
            ReportPresentation.audit(audit, actors: directory, language: language, flat: true).mainTable
            ?? TextTable(columns: [])
        try write(
            SitePage(
                path: "audit.html", language: language, title: SitePage.w("Overdue audit", language),
                body: HTMLRenderer.fragment(output)),
            tables: [(SitePage.w("Overdue audit", language), "items", flat)], into: &files)
    }

    func writeReview(_ review: PeriodicReview, _ language: Language, into files: inout SiteFiles)
        throws(FollowUpError)
    {
        guard let matrix = reviewMatrices["\(language.rawValue) \(review.report)"] else { return }
        var output = ReportPresentation.reviewMatrix(matrix, language: language)
        let links = recommendationLinks("../")
        let tables = Self.link(&output, links, label: SitePage.w("Recommendations", language))
        try write(
            SitePage(
                path: "upr/\(reviewSlugs(review.report)).html", language: language,
                title: "\(review.report) — \(directory.name(review.state, language))",
                body: HTMLRenderer.fragment(output)),
            tables: tables, into: &files)
    }

    /// The site map of one language: every page, by title.
    func writeSiteMap(_ language: Language, into files: inout SiteFiles) throws(FollowUpError) {
        let w = { (english: String) in SitePage.w(english, language) }
        var body = "<h1>\(SitePage.escape(w("Site map")))</h1>\n<ul>\n"
        for page in files.pages.sorted(by: { $0.path < $1.path }) {
            body += "<li><a href=\"\(SitePage.escape(page.path))\">\(SitePage.escape(page.title))</a></li>\n"
        }
        body += "</ul>\n"
        try files.write(
            "\(language.rawValue)/sitemap.html",
            SitePage(path: "sitemap.html", language: language, title: w("Site map"), body: body).html(
                footer: "<p>\(SitePage.escape(w("Published by FollowUp")))</p>\n"))
    }

    /// The search engines' site map: every page's whole address.
    func sitemapXML(_ base: String, _ files: [String]) -> String {
        let base = base.hasSuffix("/") ? base : base + "/"
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for file in (files + ["index.html"]).sorted() where file.hasSuffix(".html") {
            let address =
                base + file.split(separator: "/").map { Self.percentEncoded(String($0)) }.joined(separator: "/")
            xml += "<url><loc>\(SitePage.escape(address))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func percentEncoded(_ text: String) -> String {
        let unreserved = CharacterSet(
            charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The lists of the whole site, in the exchange formats `followup export` writes.
    func writeData(into files: inout SiteFiles) throws(FollowUpError) {
        for format in [ExchangeFormat.csv, .jsonl] {
            let name = format == .csv ? "csv" : "jsonl"
            var text = ""
            let recommendations = ExchangeWriter(
                format: format, columns: ExchangeColumns.recommendations, lists: ExchangeColumns.recommendationLists)
            try database.exportRecommendations(recommendations) { chunk in text += chunk }
            try files.write("data/recommendations.\(name)", text)
            text = ""
            let assignments = ExchangeWriter(
                format: format, columns: ExchangeColumns.assignments, lists: ExchangeColumns.assignmentLists)
            try database.exportAssignments(assignments, asOf: options.asOf) { chunk in
                text += chunk
            }
            try files.write("data/assignments.\(name)", text)
        }
    }

    /// The search index: for each recommendation its page, key, document, text and the names of
    /// whom it names, in every language, as a script (a script loads from a folder, where a
    /// browser refuses to fetch a file).
    func searchIndex() throws(FollowUpError) -> String {
        var entries: [String] = []
        for document in documents {
            for (detail, _) in recommendations[document.symbol] ?? [] {
                var names: [String] = []
                for addressee in detail.addressedTo {
                    names += [addressee.code, addressee.nameEn, addressee.nameZh]
                    if let entry = directory.entries[addressee.code] {
                        names += entry.names.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { entry.names[$0] }
                    }
                }
                let recommendation = detail.recommendation
                entries.append(
                    "["
                        + [
                            keySlugs(recommendation.key), recommendation.key, document.symbol, recommendation.text,
                            names.joined(separator: " "),
                        ].map(JSONText.string).joined(separator: ",") + "]")
            }
        }
        return "window.FOLLOWUP_SEARCH_INDEX=[\n" + entries.joined(separator: ",\n") + "\n];\n"
    }
}

/// One slot per language, filled from several threads.
final class LockedResults<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { slots } }
}
