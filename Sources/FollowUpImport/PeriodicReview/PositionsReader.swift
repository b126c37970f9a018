import Foundation
import FollowUpModel
import FollowUpStore

/// Reads the State's views on its review (the Working Group report's addendum): the position it
/// takes on each recommendation.
///
/// Two layouts are known. Most addenda sort the recommendations into categories, each a heading
/// ("I. Accepted recommendations", "II. … already implemented or in process of implementation",
/// "III. Noted recommendations") over a sentence that lists them ("accepts the recommendations
/// 1–5, 14–16, …", "122.1, 122.12, 122.17-18"), often followed by a comment per recommendation
/// ("Rec. 18  We consider …"), kept as the position's note. The first cycle's answered each
/// recommendation in a paragraph numbered as it ("5., 6., 7.  The Slovenian Government accepts
/// these recommendations"), read by the words that state a position ("accepts", "does not
/// accept", "cannot … make a definitive statement"). A recommendation named twice with different
/// positions, or answered in words the reader cannot tell, is reported and left without one:
/// a position is never guessed.
struct PositionsReader {
    let review: PeriodicReview
    /// The report's recommendations, in its order.
    let recommendations: [ReviewedRecommendation]

    /// One statement as read, before it is checked against the report.
    private struct Statement {
        var numbers: [RecommendationNumber]
        var response: Response
        var paragraph: String?
        var line: Int
    }

    /// A paragraph of the addendum: its label(s), first line and text.
    private struct Paragraph {
        var labels: [Int]
        var line: Int
        var text: String
        /// The category heading it stands under.
        var category: Response?
    }

    func plan(text: String, options: ImportOptions) throws(FollowUpError) -> PositionsPlan {
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
        let paragraphs = Self.paragraphs(lines)
        var statements: [Statement] = []
        var unclear: [String] = []
        var notes: [RecommendationNumber: (line: Int, text: String)] = [:]
        let reportParagraphs = Set(recommendations.compactMap { Int($0.path.split(separator: ".").first ?? "") })
        // Comments per recommendation: "Rec. 18  We consider …", "Recs. 6–13  The Government …".
        for paragraph in paragraphs {
            if let match = paragraph.text.firstMatch(of: /^Recs?\.\s*/) {
                let characters = Array(paragraph.text)
                let (numbers, end) = RecommendationNumbers.list(
                    in: characters,
                    from: paragraph.text.distance(from: paragraph.text.startIndex, to: match.range.upperBound))
                let note = String(characters[end...]).trimmingWhitespace()
                for number in numbers where !note.isEmpty { notes[number] = (paragraph.line, note) }
            }
        }
        let eachAnswered = answersEach(paragraphs)
        // Category lists.
        for paragraph in paragraphs where !eachAnswered && !paragraph.text.hasPrefix("Rec") {
            for (offset, numbers) in RecommendationNumbers.lists(in: paragraph.text, paragraphs: reportParagraphs) {
                let sentence = Self.sentence(in: paragraph.text, around: offset)
                guard let response = Self.position(sentence: sentence, category: paragraph.category) else {
                    if paragraph.category != nil || Self.statesPosition(sentence) {
                        unclear.append(
                            "line \(paragraph.line): \(Self.cited(numbers)) — no position could be told from "
                                + "“\(FieldText.excerpt(sentence))”")
                    }
                    continue
                }
                statements.append(
                    Statement(
                        numbers: numbers, response: response, paragraph: paragraph.labels.first.map(String.init),
                        line: paragraph.line))
            }
        }
        // The first cycle's layout: a paragraph per recommendation, numbered as it.
        if eachAnswered {
            for paragraph in paragraphs
            where !paragraph.labels.isEmpty
                && paragraph.labels.allSatisfy({
                    $0 <= recommendations.count
                })
            {
                let numbers = paragraph.labels.map { RecommendationNumber(paragraph: nil, number: $0) }
                guard let response = Self.position(answer: paragraph.text) else {
                    unclear.append(
                        "line \(paragraph.line): \(Self.cited(numbers)) — no position could be told from "
                            + "“\(FieldText.excerpt(paragraph.text))”")
                    continue
                }
                statements.append(
                    Statement(
                        numbers: numbers, response: response,
                        paragraph: paragraph.labels.map(String.init)
                            .joined(separator: ", "), line: paragraph.line))
                for number in numbers { notes[number] = (paragraph.line, paragraph.text) }
            }
        }
        // Each number resolved against the report; every one that is not there named.
        var unknown: [String] = []
        var byKey: [String: (response: Response, statement: Statement)] = [:]
        var conflicting: [String: Set<Response>] = [:]
        var order: [String] = []
        for statement in statements {
            for number in statement.numbers {
                guard let recommendation = resolve(number) else {
                    unknown.append("\(number) (line \(statement.line))")
                    continue
                }
                if let earlier = byKey[recommendation.key] {
                    if earlier.response != statement.response {
                        conflicting[recommendation.key, default: [earlier.response]].insert(statement.response)
                    }
                    continue
                }
                byKey[recommendation.key] = (statement.response, statement)
                order.append(recommendation.key)
            }
        }
        if !unknown.isEmpty {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "it names recommendation\(unknown.count == 1 ? "" : "s") that \(review.report) does not hold "
                    + "(\(recommendations.count) recommendations): " + unknown.prefix(20).joined(separator: ", ")
                    + (unknown.count > 20 ? " and \(unknown.count - 20) more" : "") + ". Nothing was recorded")
        }
        for (key, responses) in conflicting.sorted(by: { $0.key < $1.key }) {
            unclear.append(
                "\(key) is given \(responses.map(\.words).sorted().joined(separator: " and ")): left without a position"
            )
            byKey[key] = nil
        }
        let byPath = Dictionary(uniqueKeysWithValues: recommendations.map { ($0.key, $0) })
        var positions: [PositionStatement] = []
        for key in order {
            guard let (response, statement) = byKey[key], let recommendation = byPath[key] else { continue }
            let note = notes.first { resolve($0.key)?.key == key }?.value.text
            positions.append(
                PositionStatement(
                    key: key, actor: review.state, response: response, document: symbol, paragraph: statement.paragraph,
                    asOf: date, note: note.map { String($0.prefix(2_000)) }, line: statement.line))
            _ = recommendation
        }
        let stated = Set(positions.map(\.key))
        let withoutPosition = recommendations.filter {
            !stated.contains($0.key) && ($0.response == nil || $0.response == .pending)
        }.map(\.key)
        var warnings: [String] = []
        if positions.isEmpty {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "no position on any recommendation of \(review.report) could be read"
                    + (unclear.isEmpty ? "" : ": " + unclear.prefix(3).joined(separator: "; ")))
        }
        if !withoutPosition.isEmpty {
            warnings.append(
                "\(withoutPosition.count) recommendation\(withoutPosition.count == 1 ? " has" : "s have") no position "
                    + "from any document: "
                    + withoutPosition.prefix(12).map { $0.split(separator: "¶").last.map(String.init) ?? $0 }
                    .joined(separator: ", ") + (withoutPosition.count > 12 ? ", …" : ""))
        }
        return PositionsPlan(
            document: symbol, date: date, review: review, positions: positions, withoutPosition: withoutPosition,
            unclear: unclear, warnings: warnings)
    }

    /// The recommendation `number` cites: `122.17` by its path; a bare `17` as the report's
    /// seventeenth, which is `115.17` where one paragraph holds them all (the States number them
    /// so in their addenda and national reports).
    func resolve(_ number: RecommendationNumber) -> ReviewedRecommendation? {
        if let paragraph = number.paragraph {
            let path = "\(paragraph).\(number.number)"
            return recommendations.first { $0.path == path }
        }
        guard number.number >= 1, number.number <= recommendations.count else { return nil }
        return recommendations[number.number - 1]
    }

    /// "1–5, 14" for messages.
    private static func cited(_ numbers: [RecommendationNumber]) -> String {
        let shown = numbers.prefix(6).map(\.description).joined(separator: ", ")
        return "recommendation\(numbers.count == 1 ? "" : "s") " + shown + (numbers.count > 6 ? ", …" : "")
    }

    /// The paragraphs of the text: a numbered paragraph ("3.", "5., 6., 7."), a comment
    /// ("Rec. 18"), or a heading ("II. Accepted recommendations that …"), which sets the category
    /// of what follows.
    private static func paragraphs(_ lines: [TextCleaner.PhysicalLine]) -> [Paragraph] {
        var result: [Paragraph] = []
        var category: Response?
        var heading: String?
        var labelsOpen = false
        for line in lines {
            let text = line.text.trimmingWhitespace()
            // A page number; the notes at the end ("Notes", "1 The serial numbers …").
            guard !text.isEmpty, !(text.count <= 3 && text.allSatisfy(\.isNumber)) else { continue }
            if text == "Notes" || text == "Endnotes" || text.hasPrefix("Annex") && text.count < 12 { break }
            if let match = text.firstMatch(of: /^[IVX]{1,4}\.\s+(\S.*)$/) {
                heading = String(match.1)
                category = Self.category(String(match.1))
                continue
            }
            // A heading's second line ("implemented or in process of implementation").
            if let open = heading, !DocumentPatterns.endsWithPunctuation(open), text.count < 90,
                text.firstMatch(of: /^\d/) == nil, !text.hasPrefix("Rec")
            {
                heading = open + " " + text
                category = Self.category(open + " " + text)
                continue
            }
            heading = nil
            // A heading without a number ("Accepted recommendations") after a finished paragraph.
            if text.count < 100, !DocumentPatterns.endsWithPunctuation(text), text.first?.isUppercase == true,
                text.lowercased().contains("recommendation"), let named = Self.category(text),
                result.last.map({ DocumentPatterns.endsWithPunctuation($0.text) || $0.text.isEmpty }) ?? true
            {
                heading = text
                category = named
                labelsOpen = false
                continue
            }
            // A comment headed by the numbers alone ("122.14– 15", then its text on the next
            // lines), after a finished paragraph: not the wrapped line of a list ("122.22, 122.27,").
            if text.first?.isNumber == true, text.firstMatch(of: /^\d{1,3}\.\d{1,3}/) != nil,
                result.last.map({ DocumentPatterns.endsWithTerminal($0.text) || $0.text.hasPrefix("Rec") }) ?? true
            {
                let characters = Array(text)
                let (numbers, end) = RecommendationNumbers.list(in: characters, from: 0)
                let rest = String(characters[end...]).trimmingWhitespace()
                if !numbers.isEmpty, rest.isEmpty || rest.first?.isUppercase == true {
                    result.append(
                        Paragraph(
                            labels: [], line: line.number, text: "Rec. " + String(characters[..<end]) + " " + rest,
                            category: category))
                    labelsOpen = false
                    continue
                }
            }
            // Labels that go on from the line before ("40., 41., 42.," then "43., 44.").
            if labelsOpen, var last = result.popLast(),
                let more = text.firstMatch(of: /^((?:\d{1,3}\.,?\s*)+)(?:\s(\S.*))?$/)
            {
                last.labels += String(more.1).split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                if let rest = more.2 { TextCleaner.join(&last.text, String(rest)) }
                labelsOpen = String(more.1).trimmingWhitespace().hasSuffix(",")
                result.append(last)
                continue
            }
            labelsOpen = false
            if let labelled = text.firstMatch(of: /^((?:\d{1,3}\.,?\s*)+)\s(\S.*)$/) {
                let labels = String(labelled.1).split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                labelsOpen = String(labelled.1).trimmingWhitespace().hasSuffix(",")
                result.append(
                    Paragraph(labels: labels, line: line.number, text: String(labelled.2), category: category))
            } else if text.firstMatch(of: /^Recs?\.\s*\d/) != nil {
                result.append(Paragraph(labels: [], line: line.number, text: text, category: category))
            } else if var last = result.popLast() {
                TextCleaner.join(&last.text, text)
                result.append(last)
            } else {
                result.append(Paragraph(labels: [], line: line.number, text: text, category: category))
            }
        }
        return result
    }

    /// Whether the labelled paragraphs are the recommendations themselves (the first cycle's
    /// layout): their labels run 1, 2, 3 … over at least half the report's recommendations.
    private func answersEach(_ paragraphs: [Paragraph]) -> Bool {
        let labels = paragraphs.flatMap(\.labels)
        guard let highest = labels.max(), highest <= recommendations.count else { return false }
        return Set(labels).count * 2 >= recommendations.count && Set(labels).count * 10 >= highest * 9
    }

    /// The category a heading names.
    static func category(_ heading: String) -> Response? {
        let text = heading.lowercased()
        if text.contains("not accepted") || text.contains("not supported") || text.contains("noted")
            || text.contains("rejected")
        {
            return .noted
        }
        if text.contains("implemented") || text.contains("implementation") || text.contains("in progress") {
            return text.contains("accept") || text.contains("support") ? .supportedImplemented : nil
        }
        if text.contains("accepted") || text.contains("supported") { return .supported }
        return nil
    }

    /// The sentence of `text` around `offset`, with what follows a list that ends one ("… 158,
    /// 162. Slovenia considers that they are already implemented").
    static func sentence(in text: String, around offset: Int) -> String {
        let characters = Array(text)
        // A full stop after a word in lower case ends a sentence; after a number ("162.") or an
        // abbreviation ("Rec.", "No.") it does not.
        func ends(_ index: Int) -> Bool {
            guard characters[index] == ".", index + 1 == characters.count || characters[index + 1] == " ",
                index >= 3, characters[index - 1].isLowercase
            else { return false }
            let word = String(characters[max(0, index - 4)..<index]).split(separator: " ").last ?? ""
            return !["Rec", "Recs", "No", "Nos", "para", "paras"].contains(String(word))
        }
        var start = min(offset, characters.count)
        while start > 0, !ends(start - 1) { start -= 1 }
        var end = min(offset, characters.count - 1)
        while end < characters.count - 1, !ends(end) { end += 1 }
        guard start <= end else { return "" }
        return String(characters[start...end]).trimmingWhitespace()
    }

    /// The position a sentence that lists recommendations states, under a heading's category.
    static func position(sentence: String, category: Response?) -> Response? {
        let text = sentence.lowercased()
        let refuses = [
            "not accept", "does not support", "not support", "rejects", "cannot accept", "notes", "noted",
            "takes note", "take note",
        ].contains { text.contains($0) }
        let accepts = ["accepts", "accepted", "supports", "supported", "agrees to"].contains { text.contains($0) }
        let implemented = [
            "already implemented", "process of implementation", "being implemented",
            "in progress", "already been implemented",
        ].contains { text.contains($0) }
        if refuses && !accepts { return .noted }
        if accepts && !refuses {
            if implemented || category == .supportedImplemented { return .supportedImplemented }
            return .supported
        }
        if accepts && refuses { return category }
        return category
    }

    /// Whether a sentence says anything about a position at all (for what to report as unclear).
    private static func statesPosition(_ sentence: String) -> Bool {
        let text = sentence.lowercased()
        return ["accept", "support", "note", "reject"].contains { text.contains($0) }
    }

    /// The position a paragraph answering one recommendation states (the first cycle's layout).
    static func position(answer: String) -> Response? {
        let text = ReviewText.collapsed(answer).lowercased()
        let refuses = [
            "does not accept", "cannot accept", "not accept", "rejects", "does not support", "cannot support",
            "make a definitive statement", "not in a position to accept", "does not agree",
        ].contains { text.contains($0) }
        let accepts = ["accepts", "accepted", "supports the recommendation", "agrees with the recommendation"]
            .contains { text.contains($0) }
        let implemented = [
            "already implemented", "already been implemented", "already acted", "has already implemented",
            "implemented to a great extent", "already acts accordingly", "always acted accordingly",
        ].contains { text.contains($0) }
        switch (accepts, refuses) {
        case (true, true): return .supportedInPart
        case (true, false): return implemented ? .supportedImplemented : .supported
        case (false, true): return .noted
        case (false, false): return nil
        }
    }
}
