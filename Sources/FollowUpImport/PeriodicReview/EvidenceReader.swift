import Foundation
import FollowUpModel
import FollowUpStore

/// Reads a national report of the Universal Periodic Review as evidence on the previous cycle's
/// recommendations, and proposes a progress entry for each recommendation it answers.
///
/// The report is read section by section. A section's heading cites the recommendations it
/// answers — "A. Rule of law … (recommendations 30–31, 54–57)", "(Recommendations 115.1–115.18)" —
/// and its numbered paragraphs are what the State says it did. For each recommendation cited,
/// the paragraphs of the section that share the most of its distinctive words are its evidence
/// (all of them, up to three, when none does), and the status is proposed from their words:
/// "has ratified", "entered into force", "was adopted" → implemented; "is being drafted", "under
/// way", "continues" → in progress; "plans to", "will be" → planned; "is not planning", "has not
/// yet" → not implemented. The words are kept with the proposal, for the validator.
///
/// Numbers cited bare ("recommendations 14–17") count the recommendations of the answered report
/// in order: where one paragraph holds them all, as in every Working Group report up to the
/// third cycle's ¶115 and ¶111, the State's 17 is that paragraph's 17th (`115.17`); numbers
/// cited with their paragraph (`122.17`) are read as they are.
struct EvidenceReader {
    let review: PeriodicReview
    let recommendations: [ReviewedRecommendation]
    /// The paragraph the report says its numbers count in ("numbered as in paragraph 115").
    var statedParagraph: Int?

    /// A section as read: its heading, the numbers it cites, its paragraphs.
    private struct RawSection {
        var heading: String
        var line: Int
        var cited: String
        var numbers: [RecommendationNumber]
        var paragraphs: [(label: String, line: Int, text: String)] = []
    }

    func plan(text: String, options: ImportOptions) throws(FollowUpError) -> EvidencePlan {
        let source = options.sourceName
        let lines = ReviewText.lines(text)
        guard let symbol = options.symbol ?? DocumentImporter.detectSymbol(text) else {
            throw .invalidArgument(field: "symbol", reason: "\(source) shows no UN symbol in its first lines: give one")
        }
        guard let date = options.date ?? ReviewText.issueDate(lines) else {
            throw .invalidArgument(field: "date", reason: "\(source) states no date of issue: give one (YYYY-MM-DD)")
        }
        if let today = options.today, date > today {
            throw .invalidArgument(field: "date", reason: "\(date) is in the future: give the date it was issued")
        }
        if date < review.reviewDate {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "it was issued on \(date), before the review it would answer (\(review.report), held "
                    + "\(review.reviewDate)): is it the national report of that review, not of the next one?")
        }
        let paragraphs = Set(recommendations.compactMap { Int($0.path.split(separator: ".").first ?? "") })
        // "… numbered as in paragraph 115 of the Report of the Working Group …": the report says.
        var reader = self
        let whole = ReviewText.collapsed(text)
        if let match = whole.firstMatch(of: /numbered as in paragraph (\d{1,3})\b/), let stated = Int(match.1),
            paragraphs.contains(stated)
        {
            reader.statedParagraph = stated
        }
        let sections = Self.sections(lines, paragraphs: paragraphs)
        guard !sections.isEmpty else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "no section heading cites recommendations ('… (recommendations 14–17, 161)'): "
                    + "there is nothing to read as evidence")
        }
        let weights = Self.weights(recommendations.map(\.text) + sections.flatMap { $0.paragraphs.map(\.text) })
        var result: [EvidencePlan.Section] = []
        var proposals: [EvidencePlan.Proposal] = []
        var unresolved: [String] = []
        // A recommendation cited by several sections is proposed from the one whose paragraphs
        // speak of it most.
        var candidates: [String: [(score: Double, proposal: EvidencePlan.Proposal)]] = [:]
        var order: [String] = []
        for section in sections {
            var keys: [String] = []
            for number in section.numbers {
                guard let recommendation = reader.resolve(number) else {
                    unresolved.append("\(number) (line \(section.line))")
                    continue
                }
                if !keys.contains(recommendation.key) { keys.append(recommendation.key) }
            }
            result.append(
                EvidencePlan.Section(
                    heading: section.heading, line: section.line, cited: section.cited, keys: keys,
                    paragraphs: section.paragraphs.map(\.label)))
            guard !section.paragraphs.isEmpty else { continue }
            for key in keys {
                guard let recommendation = recommendations.first(where: { $0.key == key }) else { continue }
                if candidates[key] == nil { order.append(key) }
                candidates[key, default: []].append(propose(recommendation, in: section, weights: weights))
            }
        }
        for key in order {
            if let best = candidates[key]?.max(by: { $0.score < $1.score }) { proposals.append(best.proposal) }
        }
        var warnings: [String] = []
        if !unresolved.isEmpty {
            warnings.append(
                "cited, but not recommendations of \(review.report) (\(recommendations.count)): "
                    + unresolved.prefix(12).joined(separator: ", "))
        }
        let empty = result.filter { $0.paragraphs.isEmpty }
        for section in empty {
            warnings.append("line \(section.line): “\(FieldText.excerpt(section.heading))” has no numbered paragraph")
        }
        let numbering: String
        if let stated = reader.statedParagraph {
            numbering =
                "a bare number N is recommendation \(stated).N of \(review.report), as the report says "
                + "(“numbered as in paragraph \(stated)”)"
        } else if paragraphs.count == 1, let only = paragraphs.first {
            numbering =
                "a bare number N is recommendation \(only).N of \(review.report): the report's N-th, "
                + "one paragraph holding them all"
        } else {
            numbering =
                "a bare number N is the N-th recommendation of \(review.report) in the report's order; "
                + "a number with its paragraph (122.17) is that recommendation"
        }
        return EvidencePlan(
            document: symbol, date: date, answers: review.report, review: review,
            sections: result, proposals: proposals,
            unresolved: unresolved, numbering: numbering, warnings: warnings)
    }

    /// The recommendation `number` cites (see the type's description).
    func resolve(_ number: RecommendationNumber) -> ReviewedRecommendation? {
        if let paragraph = number.paragraph ?? statedParagraph {
            return recommendations.first { $0.path == "\(paragraph).\(number.number)" }
        }
        guard number.number >= 1, number.number <= recommendations.count else { return nil }
        return recommendations[number.number - 1]
    }

    /// The proposal for one recommendation of a section.
    private func propose(_ recommendation: ReviewedRecommendation, in section: RawSection, weights: [String: Double])
        -> (score: Double, proposal: EvidencePlan.Proposal)
    {
        let wanted = Self.words(recommendation.text)
        let scored = section.paragraphs.map { paragraph -> (Double, (label: String, line: Int, text: String)) in
            let shared = wanted.intersection(Self.words(paragraph.text))
            return (shared.reduce(0) { $0 + (weights[$1] ?? 0) }, paragraph)
        }
        let best = scored.map(\.0).max() ?? 0
        // The paragraphs that share most of its words (half the best score or more), in the
        // report's order; all of them, up to three, when none shares a distinctive word.
        var chosen = best > 1.5 ? scored.filter { $0.0 >= best / 2 }.map(\.1) : Array(section.paragraphs.prefix(3))
        if chosen.count > 3 {
            chosen = Array(scored.filter { $0.0 >= best / 2 }.sorted { $0.0 > $1.0 }.prefix(3).map(\.1))
                .sorted { $0.line < $1.line }
        }
        var (status, words, sentence) = Self.status(in: chosen.map(\.text), about: wanted, weights: weights)
        if status == .implemented, Self.isOngoing(recommendation.text) {
            status = .inProgress
            // "Continue …", "Strengthen …": what was done is progress; the undertaking goes on.
            words += "; “\(ReviewReportReader.verb(of: recommendation.text) ?? "")” goes on"
        }
        let passage = sentence ?? chosen.first?.text ?? ""
        return (
            best,
            EvidencePlan.Proposal(
                key: recommendation.key, actor: review.state, status: status, words: words,
                paragraphs: chosen.map(\.label).joined(separator: ", "), section: section.heading,
                passage: String(passage.prefix(600)), line: chosen.first?.line ?? section.line)
        )
    }

    // MARK: Status

    /// Words that state how far something went, strongest first within each status.
    static let cues: [(ImplementationStatus, [String])] = [
        (
            .notImplemented,
            [
                "not planning", "does not plan", "no plans to", "has not yet been", "have not yet been",
                "is not envisaged", "are not envisaged", "does not intend",
            ]
        ),
        (
            .implemented,
            [
                "has ratified", "was ratified", "were ratified", "has been ratified", "ratified", "entered into force",
                "came into force", "has been adopted", "was adopted", "were adopted", "has adopted", "adopted",
                "has been established", "was established", "were established", "established", "was set up",
                "has been set up", "was abolished", "has been abolished", "was amended", "were amended", "amended",
                "was passed", "passed", "has been implemented", "was implemented", "acceded", "has been introduced",
                "was introduced", "introduced", "was appointed", "has been appointed", "was launched", "launched",
            ]
        ),
        (
            .inProgress,
            [
                "is being drafted", "is being prepared", "are being prepared", "is being", "are being", "under way",
                "underway", "ongoing", "in progress", "in the process of", "continues", "continued", "continuing",
                "will continue", "is carried out", "are carried out", "is implemented", "are implemented",
                "is implementing", "are implementing", "preparations", "being implemented",
            ]
        ),
        (
            .planned,
            [
                "plans to", "is planning", "are planning", "intends to", "will be", "is expected to", "envisaged",
                "foreseen", "is planned", "are planned", "will introduce", "will adopt", "will establish",
            ]
        ),
    ]

    /// The status the paragraphs state about a recommendation whose words are `wanted`: read in
    /// the sentence that shares most of its words first, then the next, and so on; within one
    /// sentence "not implemented" wins, then "implemented", "in progress", "planned". With the
    /// cue's words and its sentence; "in progress" and no words when no sentence has a cue.
    static func status(in paragraphs: [String], about wanted: Set<String>, weights: [String: Double])
        -> (ImplementationStatus, String, String?)
    {
        let sentences = paragraphs.flatMap(Self.sentences)
        let ranked = sentences.enumerated().map { index, sentence in
            (Self.words(sentence).intersection(wanted).reduce(0) { $0 + (weights[$1] ?? 0) }, index, sentence)
        }.sorted { ($0.0, -$0.1) > ($1.0, -$1.1) }
        for (_, _, sentence) in ranked {
            let lower = " " + sentence.lowercased() + " "
            for (status, phrases) in cues {
                if let phrase = phrases.first(where: {
                    lower.contains(" " + $0 + " ") || lower.contains(" " + $0 + ",")
                }) {
                    return (status, phrase, sentence)
                }
            }
        }
        return (.inProgress, "", ranked.first?.2)
    }

    /// Recommendations of an undertaking that does not end ("Continue its efforts to …",
    /// "Strengthen …", "Ensure …"): what a report says was done is progress on them, not their end.
    static let ongoingVerbs: Set<String> = [
        "continue", "strengthen", "intensify", "step", "pursue", "promote", "ensure", "enhance", "further",
        "increase", "improve", "redouble", "maintain", "keep", "combat", "fight", "raise", "undertake", "take",
        "foster", "encourage", "work", "persevere", "advance", "expand", "support", "protect", "address",
    ]

    /// Whether the recommendation's first verb is one of ``ongoingVerbs``.
    static func isOngoing(_ text: String) -> Bool {
        ReviewReportReader.verb(of: text).map { ongoingVerbs.contains($0) } ?? false
    }

    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            current.append(character)
            if character == ".", index + 1 == characters.count || characters[index + 1] == " ",
                index > 0, characters[index - 1].isLowercase || characters[index - 1] == ")"
            {
                result.append(current.trimmingWhitespace())
                current = ""
            }
        }
        if !current.trimmingWhitespace().isEmpty { result.append(current.trimmingWhitespace()) }
        return result
    }

    // MARK: Words

    /// The content words of `text`: lower case, four letters or more, not among the commonest.
    static func words(_ text: String) -> Set<String> {
        var result = Set<String>()
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 4 {
            let stem = String(word.prefix(7))
            if !stopWords.contains(stem) { result.insert(stem) }
        }
        return result
    }

    /// How telling each word is: log(N / documents containing it), over the recommendations and
    /// the paragraphs.
    static func weights(_ texts: [String]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for text in texts { for word in words(text) { counts[word, default: 0] += 1 } }
        let total = Double(max(texts.count, 1))
        return counts.mapValues { log(total / Double($0)) }
    }

    static let stopWords: Set<String> = [
        "with", "that", "this", "from", "have", "been", "were", "which", "their", "also", "such", "into", "other",
        "further", "continu", "ensure", "effecti", "measure", "necessa", "efforts", "take", "including", "includi",
        "slovenia", "governm", "nationa", "right", "rights", "human", "republi", "ministr", "adopt", "adopted",
        "implemen", "impleme", "strengt", "promote", "promoti", "protect", "protecti", "recomme", "relevan",
        "well", "about", "under", "than", "more", "most", "these", "those", "they", "them", "there", "where",
        "will", "would", "should", "shall", "between", "within", "through", "against", "particu", "special",
        "year", "years", "order", "states", "state", "country", "persons",
    ]

    // MARK: Sections

    /// The sections whose headings cite recommendations, each with its numbered paragraphs up to
    /// the next heading.
    private static func sections(_ lines: [TextCleaner.PhysicalLine], paragraphs: Set<Int>) -> [RawSection] {
        var sections: [RawSection] = []
        var current: RawSection?
        var lastParagraph = 0
        /// The heading just read, which a line of citations below it belongs to.
        var lastHeading: String?
        var index = 0
        while index < lines.count {
            let text = lines[index].text.trimmingWhitespace()
            let lower = text.lowercased()
            if lower == "notes" || lower.hasPrefix("annex") || lower == "endnotes" { break }
            // A line that only cites ("Recommendations 1–5, 14–16, 18, 43, 133") under a heading
            // ("A. International obligations"): a section of that heading.
            if let cited = citationLine(text) {
                if let current { sections.append(current) }
                current = RawSection(
                    heading: (lastHeading.map { $0 + " — " } ?? "") + ReviewText.collapsed(text),
                    line: lines[index].number, cited: cited.text, numbers: cited.numbers)
                index += 1
                continue
            }
            // A heading: a label and a few lines up to "(recommendations …)".
            if let (heading, consumed) = citingHeading(lines, from: index, lastParagraph: lastParagraph) {
                if let current { sections.append(current) }
                let cited = citation(in: heading)
                current = RawSection(
                    heading: heading, line: lines[index].number, cited: cited.text,
                    numbers: cited.numbers)
                index += consumed
                continue
            }
            if isPlainHeading(text, lastParagraph: lastParagraph) {
                if let section = current { sections.append(section) }
                current = nil
                lastHeading = text
                index += 1
                continue
            }
            if !text.isEmpty { lastHeading = nil }
            if let match = text.firstMatch(of: /^(\d{1,3})\.\s+(\S.*)$/), let number = Int(match.1),
                number == lastParagraph + 1 || (lastParagraph == 0 && number <= 3)
            {
                lastParagraph = number
                current?.paragraphs.append((String(number), lines[index].number, String(match.2)))
            } else if var section = current, !section.paragraphs.isEmpty, !text.isEmpty {
                // A wrapped line of the last paragraph; a table's row is kept too (it is evidence).
                var last = section.paragraphs.removeLast()
                TextCleaner.join(&last.text, text)
                section.paragraphs.append(last)
                current = section
            }
            index += 1
        }
        if let current { sections.append(current) }
        return sections.filter { !$0.numbers.isEmpty }
    }

    /// A heading that cites recommendations, starting at `index`: its text (up to four lines
    /// joined) and how many lines it takes.
    private static func citingHeading(
        _ lines: [TextCleaner.PhysicalLine], from index: Int, lastParagraph: Int
    ) -> (String, Int)? {
        let first = lines[index].text.trimmingWhitespace()
        guard !first.isEmpty else { return nil }
        // A numbered paragraph of the report's own sequence is not a heading.
        if let match = first.firstMatch(of: /^(\d{1,3})\.\s/), let number = Int(match.1), number == lastParagraph + 1 {
            return nil
        }
        var text = first
        var consumed = 1
        while consumed < 4, !text.contains(")") || !hasCitation(text), index + consumed < lines.count {
            let next = lines[index + consumed].text.trimmingWhitespace()
            if next.isEmpty || next.firstMatch(of: /^\d{1,3}\.\s/) != nil { break }
            text += " " + next
            consumed += 1
        }
        guard hasCitation(text), let open = text.range(of: "(", options: .backwards) else { return nil }
        let before = text[..<open.lowerBound]
        // The title before the citation is short and is not a sentence of a paragraph.
        guard before.count <= 200, !before.contains(". ") || before.firstMatch(of: /^[A-Z0-9IVX]{1,4}\.\s/) != nil,
            text.trimmingWhitespace().hasSuffix(")")
        else { return nil }
        // A range broken at the line's end ("54–" / "57") is one range again.
        return (ReviewText.collapsed(text).replacing(/([–\-]) (\d)/, with: { "\($0.1)\($0.2)" }), consumed)
    }

    /// A line that is only a citation: "Recommendations 1–5, 14–16, 18, 43, 133",
    /// "(Recommendations 115.1–115.18)".
    private static func citationLine(_ text: String) -> (text: String, numbers: [RecommendationNumber])? {
        guard let match = text.firstMatch(of: /^\(?(?i:recommendations?|recs?\.)\s*(?i:nos?\.\s*)?(\d.*?)\)?\.?$/)
        else { return nil }
        let list = String(match.1)
        let characters = Array(list)
        let (numbers, end) = RecommendationNumbers.list(in: characters, from: 0)
        // Nothing but the list on the line.
        guard !numbers.isEmpty, String(characters[end...]).trimmingWhitespace().isEmpty else { return nil }
        return (list, numbers)
    }

    /// Whether `text` cites recommendations in parentheses: "(recommendations 4, 14)", "(Rec. 12)".
    private static func hasCitation(_ text: String) -> Bool {
        text.lowercased().firstMatch(of: /\((?:see\s+)?(?:recommendations?|recs?\.)\s*(?:nos?\.\s*)?\d/) != nil
    }

    /// The numbers a heading cites, and how it writes them.
    private static func citation(in heading: String) -> (text: String, numbers: [RecommendationNumber]) {
        guard let open = heading.range(of: "(", options: .backwards) else { return ("", []) }
        let inside = String(heading[open.upperBound...].dropLast())
        let lists = RecommendationNumbers.lists(in: inside, paragraphs: [])
        return (inside.replacing(/^(?i)(?:see\s+)?(?:recommendations?|recs?\.)\s*/, with: ""), lists.flatMap(\.numbers))
    }

    /// A heading that cites nothing ("IV. Achievements …", "C. Other matters"): it ends a section.
    private static func isPlainHeading(_ text: String, lastParagraph: Int) -> Bool {
        guard let match = text.firstMatch(of: /^([A-Z]|[IVX]{1,4})\.\s+([A-Z].{2,120})$/) else { return false }
        let title = String(match.2)
        return !DocumentPatterns.endsWithPunctuation(title) || title.hasSuffix(")")
    }
}
