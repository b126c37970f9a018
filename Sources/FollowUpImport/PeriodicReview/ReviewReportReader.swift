import Foundation
import FollowUpModel
import FollowUpStore

/// Reads the Working Group report of a Universal Periodic Review: the State under review, the
/// review's day, session and cycle, and each recommendation of "Conclusions and/or
/// recommendations" with the States that made it.
///
/// The section numbers its recommendations under a paragraph: `115.1` … `115.163` (the second and
/// third cycles), or `1.` … `97.` under paragraph 111 (the first). The reader follows that
/// numbering: an item starts where the next number in turn starts a line, so the wrapped lines
/// and page breaks between numbers belong to the item, and a number the text skips is counted
/// and reported, as for a resolution's operative paragraphs. The paragraph that leads a run says
/// what the State's position is: "enjoy the support of", "will be examined by", "noted".
struct ReviewReportReader {
    let names: StateNames

    /// One recommendation as read.
    struct Item {
        var paragraph: Int
        var number: Int
        var line: Int
        var text: String
        /// The text ended with its States' parentheses and `;` or `.`.
        var ended = false
        /// A note at the foot of the page followed it: what comes before the next number is not its own.
        var footnote = false
    }

    /// A paragraph of the section: the lead of a run of recommendations, or a closing paragraph.
    struct Lead {
        var number: Int
        var line: Int
        var text: String
        var items: [Item] = []
        /// Numbers the text skipped.
        var missing: [Int] = []
        /// Lines between recommendations that belong to none: notes at the foot of a page.
        var setAside: [(line: Int, text: String)] = []
    }

    func plan(text: String, options: ImportOptions) throws(FollowUpError) -> ImportPlan {
        let source = options.sourceName
        let lines = ReviewText.lines(text)
        let head = ReviewText.head(text)
        guard let symbol = options.symbol ?? DocumentImporter.detectSymbol(text) else {
            throw .invalidArgument(
                field: "symbol",
                reason: "\(source) shows no UN symbol (such as A/HRC/43/15) in its first lines: give one")
        }
        guard let date = options.date ?? ReviewText.issueDate(lines) else {
            throw .invalidArgument(field: "date", reason: "\(source) states no date of issue: give one (YYYY-MM-DD)")
        }
        if let today = options.today, date > today {
            throw .invalidArgument(
                field: "date", reason: "\(date) is in the future: give the date the report was issued")
        }
        let whole = ReviewText.collapsed(text)
        let state = try stateUnderReview(head: head, whole: whole, source: source)
        guard let reviewDate = Self.reviewDate(in: whole) else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason:
                    "no sentence 'The review of \(state.name) was held at the … meeting on …' says when the review was held"
            )
        }
        let session = Self.session(in: whole)
        let cycle = session.map(PeriodicReview.cycle(ofSession:)) ?? Self.cycle(ofYear: reviewDate.year)
        let review = PeriodicReview(
            report: symbol, state: state.code, cycle: cycle, session: session, reviewDate: reviewDate)
        let leads = try section(lines, source: source)
        var items: [ExtractedItem] = []
        var positions: [PositionStatement] = []
        var warnings = [
            "a report of the Working Group on the Universal Periodic Review: \(state.name) (\(state.code)), "
                + "reviewed on \(reviewDate)\(session.map { ", session \($0)" } ?? ""), cycle \(cycle)"
        ]
        var census = ImportCensus()
        for lead in leads {
            for (line, text) in lead.setAside {
                census.setAside.append(
                    ImportCensus.SetAside(
                        line: line, labels: "",
                        reason: "between recommendations, not part of one: “\(FieldText.excerpt(text))”"))
            }
            guard !lead.items.isEmpty else {
                census.setAside.append(
                    ImportCensus.SetAside(
                        line: lead.line, labels: "\(lead.number).",
                        reason: "a paragraph of the section that holds no recommendation"))
                continue
            }
            let position = Self.position(of: lead.text)
            if position == nil {
                warnings.append(
                    "line \(lead.line): paragraph \(lead.number) does not say whether \(state.name) supports its "
                        + "recommendations: their positions are left to the addendum")
            }
            let highest = lead.items.map(\.number).max() ?? 0
            census.parts.append(
                ImportCensus.Part(
                    prefix: "\(lead.number)", numbered: highest, read: lead.items.count, missing: lead.missing,
                    missingFrom: lead.missing.isEmpty ? nil : lead.line, unnumbered: false, lettered: 0,
                    unit: "recommendations"))
            for item in lead.items {
                let path = "\(item.paragraph).\(item.number)"
                let key = "\(symbol) ¶\(path)"
                let found = names.recommenders(in: item.text, except: state.code)
                var doubts: [String] = []
                if found.codes.isEmpty { doubts.append("no recommending State read from its parentheses") }
                for name in found.unknown { doubts.append("'\(name)' in its parentheses is no State known here") }
                var extracted = ExtractedItem(
                    key: key, path: path, classification: .actionable, kind: .recommendation,
                    verbs: Self.verb(of: item.text).map { [$0] } ?? [], addressees: [state.code],
                    phrases: ["\(state.name) (the State under review)"], unresolved: found.unknown,
                    verbsWithoutAddressee: [], dueDate: review.nextReview, tags: [], text: item.text,
                    line: item.line, doubts: doubts)
                extracted.recommenders = found.codes
                items.append(extracted)
                if let position {
                    positions.append(
                        PositionStatement(
                            key: key, actor: state.code, response: position, document: symbol,
                            paragraph: "\(lead.number)", asOf: date, note: nil, line: item.line))
                }
            }
        }
        guard !items.isEmpty else {
            throw .invalidInput(
                source: source, line: leads.first?.line, field: nil,
                reason: "its section 'Conclusions and/or recommendations' holds no numbered recommendations")
        }
        for part in census.parts where !part.missing.isEmpty {
            let message =
                "recommendation\(part.missing.count == 1 ? "" : "s") "
                + part.missing.map { "\(part.prefix).\($0)" }.joined(separator: ", ")
                + " of the \(part.numbered) numbered under paragraph \(part.prefix) "
                + "\(part.missing.count == 1 ? "was" : "were") not read"
            if options.acceptPartial {
                warnings.append(message + "; imported without them (--accept-partial)")
            } else {
                throw .invalidInput(
                    source: source, line: part.missingFrom, field: nil,
                    reason: message + ". Nothing was imported: review the dry run, or pass --accept-partial")
            }
        }
        let header = ImportPlan.DocumentHeader(
            symbol: symbol, title: "Report of the Working Group on the Universal Periodic Review: \(state.name)",
            date: date, language: .en, body: "HRC", checksum: SHA256.hex(Array(text.utf8)))
        var plan = ImportPlan(document: header, items: items, warnings: warnings)
        plan.census = census
        plan.review = review
        plan.positions = positions
        return plan
    }

    /// The State under review: the national report's symbol in the text (`A/HRC/WG.6/20/SVN/1`),
    /// else the name under the title, else "The review of Slovenia was held".
    func stateUnderReview(head: String, whole: String, source: String) throws(FollowUpError) -> (
        code: String, name: String
    ) {
        var candidates: [String] = []
        if let match = head.firstMatch(
            of: /Working Group on the (?i:Universal Periodic Review) ([A-Z][A-Za-z’'\-]+(?: [A-Za-z’'()\-]+){0,6})/)
        {
            // "Slovenia Addendum …", "Iran (Islamic Republic of) Contents": shorten until a State.
            var words = match.1.split(separator: " ").map(String.init)
            while !words.isEmpty {
                candidates.append(words.joined(separator: " "))
                words.removeLast()
            }
        }
        if let match = whole.firstMatch(of: /[Tt]he review of (.{2,60}?) was held/) {
            candidates.append(String(match.1))
        }
        for candidate in candidates {
            if let code = names.code(candidate) { return (code, ReviewText.collapsed(candidate)) }
        }
        throw .invalidInput(
            source: source, line: nil, field: nil,
            reason: "the State under review is not named under the title as a State known here: "
                + "add it (followup actors add) or check the file")
    }

    /// "The review of Slovenia was held at the 13th meeting on 4 November 2014".
    static func reviewDate(in whole: String) -> CalendarDate? {
        guard
            let match = whole.firstMatch(of: /review of .{2,80}? was held at the .{2,30}? meeting,? on (.{6,24}\d{4})/)
        else { return nil }
        return ReviewText.date(in: match.1)
    }

    /// The Working Group's session: from the national report's symbol (`A/HRC/WG.6/20/…`), else
    /// "held its twentieth session".
    static func session(in whole: String) -> Int? {
        if let match = whole.firstMatch(of: /A\/HRC\/WG\.6\/(\d{1,3})\/[A-Z]{3}\/\d/), let value = Int(match.1) {
            return value
        }
        if let match = whole.firstMatch(of: /held its ([a-z\-]+) session/) {
            return ReviewText.ordinal(String(match.1))
        }
        return nil
    }

    /// The cycle of a review held in `year`, when no session says.
    static func cycle(ofYear year: Int) -> Int {
        switch year {
        case ...2011: 1
        case ...2016: 2
        case ...2022: 3
        default: 4 + (year - 2023) / 5
        }
    }

    /// The position a run's lead paragraph states.
    static func position(of lead: String) -> Response? {
        let text = ReviewText.collapsed(lead).lowercased()
        if text.contains("will be examined") || text.contains("will examine") || text.contains("will provide responses")
        {
            return .pending
        }
        if text.contains("did not enjoy") || text.contains("do not enjoy") || text.contains("does not enjoy")
            || text.contains("not supported") || text.contains("noted") || text.contains("not accepted")
        {
            return .noted
        }
        if text.contains("enjoy the support") || text.contains("enjoys the support")
            || text.contains("enjoyed the support")
            || text.contains("have been accepted") || text.contains("are supported") || text.contains("accepted by")
        {
            return .supported
        }
        return nil
    }

    /// The first word of a recommendation, its verb: "Ratify", "To ratify" → "ratify".
    static func verb(of text: String) -> String? {
        var words = text.split(separator: " ").prefix(2).map { $0.lowercased() }
        if words.first == "to" { words.removeFirst() }
        return words.first.map { String($0.filter(\.isLetter)) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The paragraphs of "Conclusions and/or recommendations", each with the recommendations
    /// numbered under it.
    func section(_ lines: [TextCleaner.PhysicalLine], source: String) throws(FollowUpError) -> [Lead] {
        // The heading, not its line in the table of contents ("……… 115–116   13").
        guard
            let start = lines.firstIndex(where: {
                let text = $0.normalized.lowercased()
                // The table of contents gives the paragraphs and page: the heading has no digits.
                return text.contains("conclusions and/or recommendations") && !text.contains(where: \.isNumber)
                    && !text.contains("views on")
            })
        else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "this report of the Working Group has no section 'Conclusions and/or recommendations': "
                    + "there are no recommendations to import")
        }
        var leads: [Lead] = []
        for line in lines[(start + 1)...] {
            let text = line.text.trimmingWhitespace()
            if Self.endsSection(text) { break }
            // A page number left at the foot of a page.
            if !text.isEmpty, text.count <= 3, text.allSatisfy(\.isNumber) { continue }
            guard let (paragraph, number, rest) = Self.label(text) else {
                append(text, line: line.number, to: &leads)
                continue
            }
            if var lead = leads.last {
                // "115.12 …" under paragraph 115, or the first cycle's "12." under paragraph 111.
                let expected = (lead.items.last?.number ?? 0) + 1
                let itemNumber = paragraph == lead.number ? number : (number == nil ? paragraph : nil)
                if let itemNumber, itemNumber >= expected, itemNumber <= expected + 3,
                    paragraph == lead.number || paragraph != lead.number + 1
                {
                    lead.missing += Array(expected..<itemNumber)
                    lead.items.append(
                        Item(
                            paragraph: lead.number, number: itemNumber, line: line.number, text: rest,
                            ended: Self.endsRecommendation(rest)))
                    leads[leads.count - 1] = lead
                    continue
                }
                if number == nil, paragraph == lead.number + 1 {
                    leads.append(Lead(number: paragraph, line: line.number, text: rest))
                    continue
                }
                append(text, line: line.number, to: &leads)
            } else if number == nil {
                leads.append(Lead(number: paragraph, line: line.number, text: rest))
            }
        }
        return leads
    }

    /// Adds a line to the last item, or to the lead when no item has started. After an item's
    /// wording has ended with its States (");"), the next line is another State's wording of the
    /// same item ("continue its efforts … (Costa Rica);") unless it starts a note at the foot of
    /// the page ("**", "* Conclusions and recommendations have not been edited.", "3 See …"):
    /// the note is set aside, up to the next number.
    private func append(_ text: String, line: Int, to leads: inout [Lead]) {
        guard !text.isEmpty, var lead = leads.last else { return }
        if var item = lead.items.last {
            if item.ended || item.footnote {
                let startsNote = text.hasPrefix("*") || text.firstMatch(of: /^\d{1,2}\s+\S/) != nil
                guard !startsNote, !item.footnote else {
                    item.footnote = true
                    lead.items[lead.items.count - 1] = item
                    lead.setAside.append((line, text))
                    leads[leads.count - 1] = lead
                    return
                }
            }
            TextCleaner.join(&item.text, text)
            item.ended = Self.endsRecommendation(item.text)
            lead.items[lead.items.count - 1] = item
        } else {
            TextCleaner.join(&lead.text, text)
        }
        leads[leads.count - 1] = lead
    }

    /// Whether a recommendation's text is complete: it ends with its States in parentheses and
    /// `;` or `.`.
    static func endsRecommendation(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace()
        return trimmed.hasSuffix(");") || trimmed.hasSuffix(").")
    }

    /// Where the section ends: the pledges, the annex, the delegation's composition.
    static func endsSection(_ text: String) -> Bool {
        let lower = text.lowercased()
        let heading = lower.replacing(/^[ivx]+\.\s*/, with: "")
        return heading.hasPrefix("voluntary pledges") || heading == "annex" || heading.hasPrefix("annex ")
            || heading.hasPrefix("composition of the delegation")
            || heading.hasPrefix("notes")
                && heading.count < 8
    }

    /// `115.12 Ratify …` → (115, 12, "Ratify …"); `112. All conclusions …` → (112, nil, …).
    static func label(_ text: String) -> (Int, Int?, String)? {
        if let match = text.firstMatch(of: /^(\d{1,3})\.(\d{1,3})\.?\s+(\S.*)$/),
            let paragraph = Int(match.1), let number = Int(match.2)
        {
            return (paragraph, number, String(match.3))
        }
        if let match = text.firstMatch(of: /^(\d{1,3})\.\s+(\S.*)$/), let paragraph = Int(match.1) {
            return (paragraph, nil, String(match.2))
        }
        return nil
    }
}
