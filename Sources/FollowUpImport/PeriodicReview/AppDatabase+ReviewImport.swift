import Foundation
import FollowUpModel
import FollowUpStore

extension AppDatabase {
    /// Reads the State's views on a review (the addendum of its Working Group report) against the
    /// report imported before, without writing anything.
    ///
    /// Refused, naming what to fix: a report not imported yet, an addendum of another State, a
    /// recommendation the report does not hold.
    public func planPositions(text: String, options: ImportOptions) throws(FollowUpError) -> PositionsPlan {
        let source = options.sourceName
        guard let symbol = options.symbol ?? DocumentImporter.detectSymbol(text) else {
            throw .invalidArgument(field: "symbol", reason: "\(source) shows no UN symbol in its first lines: give one")
        }
        let report = Self.reportSymbol(ofAddendum: symbol)
        guard let review = try periodicReview(report: report) else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "it answers \(report), which is not imported as a Universal Periodic Review report: "
                    + "import the report first (followup import document \(report.replacingOccurrences(of: "/", with: "_")).pdf)"
            )
        }
        try checkState(of: text, review: review, source: source)
        let recommendations = try reviewedRecommendations(report: report)
        var options = options
        options.symbol = symbol
        return try PositionsReader(review: review, recommendations: recommendations).plan(text: text, options: options)
    }

    /// Reads a review's thematic list (the tables of its Word file) against the review imported
    /// before, without writing anything. `report` names the review when the list does not
    /// ("Source of position: A/HRC/28/15/Add.1").
    public func planThemes(tables: [[[String]]], source: String, report given: String?) throws(FollowUpError)
        -> ThemesPlan
    {
        let cited = tables.joined().joined().lazy.compactMap {
            $0.firstMatch(of: /Source of position:\s*(A\/HRC\/\d+\/\d+)/).map { String($0.1) }
        }.first
        guard let report = given ?? cited else {
            throw .invalidArgument(
                field: "report",
                reason: "\(source) does not say which review it lists: give the report (--report A/HRC/28/15)")
        }
        guard let review = try periodicReview(report: report) else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "it lists the recommendations of \(report), which is not imported as a Universal Periodic "
                    + "Review report: import the report and its addendum first")
        }
        if let given, let cited, cited.uppercased() != given.uppercased() {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason:
                    "its positions come from \(cited)/Add.1, not from the addendum of \(given): is it another review's list?"
            )
        }
        let reference = try importReference()
        return try ThematicListReader(
            review: review, recommendations: try reviewedRecommendations(report: report), names: StateNames(reference)
        ).plan(tables: tables, source: source)
    }

    /// `A/HRC/28/15` for `A/HRC/28/15/Add.1`.
    static func reportSymbol(ofAddendum symbol: String) -> String {
        symbol.replacing(/\/[Aa]dd\.\s*\d+$/, with: "")
    }

    /// Refuses a document about another State than the review's: the State under its title, or
    /// the national report's symbol (`A/HRC/WG.6/34/SVN/1`).
    func checkState(of text: String, review: PeriodicReview, source: String) throws(FollowUpError) {
        let head = ReviewText.head(text)
        let names = StateNames(try importReference())
        var named: String?
        if let match = head.firstMatch(of: /A\/HRC\/WG\.6\/\d{1,3}\/([A-Z]{3})\/\d/) {
            named = String(match.1)
        } else if let match = head.firstMatch(
            of: /Working Group on the (?i:Universal Periodic Review) ([A-Z][A-Za-z’'\-]+(?: [A-Za-z’'()\-]+){0,6})/)
        {
            var words = match.1.split(separator: " ").map(String.init)
            while !words.isEmpty, named == nil {
                named = names.code(words.joined(separator: " "))
                words.removeLast()
            }
        }
        if let named, named != review.state {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason:
                    "it is about \(named), but \(review.report) reviewed \(review.state): is it another State's document?"
            )
        }
    }
}

extension AppDatabase {
    /// Reads a national report as evidence on the recommendations of the review `report` (the
    /// previous cycle's Working Group report), without writing anything: the sections, the
    /// recommendations each answers, and a proposed progress entry for each.
    public func planEvidence(text: String, answers report: String, options: ImportOptions) throws(FollowUpError)
        -> EvidencePlan
    {
        guard let review = try periodicReview(report: report) else {
            throw .invalidInput(
                source: options.sourceName, line: nil, field: nil,
                reason: "--answers \(report): that report is not imported as a Universal Periodic Review report; "
                    + "import it first (followup import document FILE), with its addendum")
        }
        try checkState(of: text, review: review, source: options.sourceName)
        return try EvidenceReader(review: review, recommendations: try reviewedRecommendations(report: report))
            .plan(text: text, options: options)
    }

    /// Reads paragraphs `paragraphs` of a report that cites no recommendation by number (the
    /// Secretary-General's report on a resolution) as evidence on document `answers`, matching
    /// each paragraph to the recommendations whose wording it shares, without writing anything.
    public func planEvidence(
        text: String, answers document: String, paragraphs: ClosedRange<Int>, options: ImportOptions
    ) throws(FollowUpError) -> EvidencePlan {
        let source = options.sourceName
        guard let symbol = options.symbol ?? DocumentImporter.detectSymbol(text) else {
            throw .invalidArgument(field: "symbol", reason: "\(source) shows no UN symbol in its first lines: give one")
        }
        let blocks = TextCleaner.blocks(of: text)
        guard let date = options.date ?? DocumentImporter.detectDate(blocks) else {
            throw .invalidArgument(field: "date", reason: "\(source) states no date: give one (YYYY-MM-DD)")
        }
        let targets = try bindings(document: document)
        let reference = try importReference()
        let plan = ParagraphEvidenceReader(
            document: try self.document(document).symbol,
            recommendations: targets.map { ($0.key, $0.text, $0.actors, $0.named) }, matcher: reference.matcher,
            reportingActors: reference.states.union(reference.territories).union(reference.entities)
        ).plan(text: text, paragraphs: paragraphs, symbol: symbol, date: date)
        if plan.sections.isEmpty {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "it has no paragraph numbered \(paragraphs.lowerBound) to \(paragraphs.upperBound)")
        }
        return plan
    }

    /// Puts a plan's proposals into the validation queue as submissions of the focal point
    /// `account`: none enters the progress log until a validator accepts it. A proposal made
    /// before from the same report is skipped.
    public func submitEvidence(_ plan: EvidencePlan, account: String, clock: any FollowUpClock) throws(FollowUpError)
        -> (submitted: [SubmissionInfo], skipped: Int)
    {
        // One proposal per recommendation and actor: the uid names both (a report on many actors
        // is submitted by each one's focal point).
        try submitProposals(
            plan.proposals.map { proposal in
                let path = proposal.key.split(separator: "¶").last.map(String.init) ?? proposal.key
                let actor = plan.review == nil ? ":\(proposal.actor)" : ""
                return (
                    String("evidence:\(plan.document):\(path)\(actor)".prefix(64)),
                    ProgressUpdate(
                        key: proposal.key, actor: proposal.actor, status: proposal.status, asOf: plan.date,
                        note: proposal.note,
                        evidence: EvidenceReference(document: plan.document, paragraph: proposal.paragraphs))
                )
            }, account: account, clock: clock)
    }
}
