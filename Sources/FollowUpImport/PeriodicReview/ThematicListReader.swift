import Foundation
import FollowUpModel
import FollowUpStore

/// Reads the thematic list OHCHR publishes for a review (a Word table: Recommendation | Position |
/// Full list of themes | Assessment) and checks it against what the report and the addendum said.
///
/// Each row restates a recommendation ("115.1 Take further steps … (Croatia); Source of
/// position: A/HRC/28/15/Add.1 - Para. 3"), its position, and in its themes cell the themes
/// ("A12 Acceptance of international norms"), the persons concerned ("Affected persons:" then
/// "- children") and, where the list gives them, the Sustainable Development Goals ("SDG 5",
/// "Goal 16"). Rows that only head a theme ("Theme: A12 …") are skipped. Every difference with the
/// imported review — wording, recommending States, position, a recommendation one names and the
/// other does not — is reported; a line of a cell the reader does not recognise is reported too.
struct ThematicListReader {
    let review: PeriodicReview
    let recommendations: [ReviewedRecommendation]
    let names: StateNames

    func plan(tables: [[[String]]], source: String) throws(FollowUpError) -> ThemesPlan {
        guard
            let (table, columns) = tables.lazy.compactMap({ table in Self.columns(of: table).map { (table, $0) } })
                .first
        else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "no table with the columns Recommendation, Position and themes: is this a thematic list "
                    + "of a Universal Periodic Review?")
        }
        let byPath = Dictionary(recommendations.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var topics: [RecommendationTopics] = []
        var disagreements: [String] = []
        var unread: [String] = []
        var seen = Set<String>()
        for (index, row) in table.enumerated().dropFirst() {
            let rowNumber = index + 1
            guard columns.recommendation < row.count else { continue }
            let cell = row[columns.recommendation].trimmingWhitespace()
            if cell.isEmpty || cell.hasPrefix("Theme:") || Set(row).count == 1 { continue }
            guard let match = cell.firstMatch(of: /^(\d{1,3})\.(\d{1,3})\.?\s+/) else {
                unread.append("row \(rowNumber): “\(FieldText.excerpt(cell))” starts with no recommendation number")
                continue
            }
            let path = "\(match.1).\(match.2)"
            guard let recommendation = byPath[path] else {
                disagreements.append("\(path): in the list, not in \(review.report)")
                continue
            }
            if !seen.insert(path).inserted { continue }
            // The wording, without the "Source of position" line.
            let wording = String(cell[match.range.upperBound...]).components(separatedBy: "\n")
                .filter { !$0.lowercased().hasPrefix("source of position") }.joined(separator: " ")
            if Self.comparable(wording) != Self.comparable(recommendation.text) {
                let (listed, reported) = Self.difference(wording, recommendation.text)
                disagreements.append("\(path): the list words it “\(listed)”, the report “\(reported)”")
            }
            let states = names.recommenders(in: wording, except: review.state).codes.sorted()
            if states != recommendation.recommenders.sorted() {
                disagreements.append(
                    "\(path): recommended by \(states.joined(separator: ", ")) in the list, "
                        + "\(recommendation.recommenders.sorted().joined(separator: ", ")) in the report")
            }
            if let column = columns.position, column < row.count {
                let stated = row[column].trimmingWhitespace()
                let listed = Self.response(stated)
                let recorded = recommendation.response
                let agrees =
                    switch (listed, recorded) {
                    case (.supported?, .supported?), (.supported?, .supportedImplemented?), (.noted?, .noted?),
                        (.supportedInPart?, .supportedInPart?):
                        true
                    default: false
                    }
                if !agrees {
                    disagreements.append(
                        "\(path): “\(FieldText.excerpt(stated))” in the list, "
                            + "\(recorded.map { $0.words } ?? "no position") recorded")
                }
            }
            var found = RecommendationTopics(key: recommendation.key, themes: [], persons: [], goals: [])
            for column in columns.topics where column < row.count {
                read(row[column], into: &found, unread: &unread, path: path)
            }
            topics.append(found)
        }
        for recommendation in recommendations where !seen.contains(recommendation.path) {
            disagreements.append("\(recommendation.path): in \(review.report), not in the list")
        }
        guard !topics.isEmpty else {
            throw .invalidInput(
                source: source, line: nil, field: nil,
                reason: "its table names no recommendation of \(review.report): is it the list of another review?")
        }
        return ThemesPlan(
            source: source, review: review, topics: topics, disagreements: disagreements, unread: unread)
    }

    /// The columns of a thematic list's table, from its header row.
    static func columns(of table: [[String]]) -> (recommendation: Int, position: Int?, topics: [Int])? {
        guard let header = table.first?.map({ $0.lowercased() }),
            let recommendation = header.firstIndex(where: { $0.contains("recommendation") })
        else { return nil }
        let position = header.firstIndex { $0.contains("position") }
        let topics = header.indices.filter {
            header[$0].contains("theme") || header[$0].contains("sdg") || header[$0].contains("persons")
                || header[$0].contains("sustainable development")
        }
        guard !topics.isEmpty else { return nil }
        return (recommendation, position, topics)
    }

    /// The lines of a themes cell: themes, then "Affected persons:" with "- …" items, and goals.
    func read(_ cell: String, into topics: inout RecommendationTopics, unread: inout [String], path: String) {
        enum Part { case themes, persons, goals }
        var part = Part.themes
        for raw in cell.components(separatedBy: "\n") {
            let line = raw.trimmingWhitespace()
            guard !line.isEmpty else { continue }
            let lower = line.lowercased()
            if lower.hasPrefix("affected persons") || lower.hasPrefix("groups of persons") {
                part = .persons
                continue
            }
            if lower.hasPrefix("sdg") || lower.hasPrefix("sustainable development goal") || lower.hasPrefix("goal") {
                let goals = Self.goals(in: line)
                if goals.isEmpty {
                    part = .goals
                } else {
                    topics.goals += goals.filter { !topics.goals.contains($0) }
                }
                continue
            }
            let item = line.hasPrefix("-") || line.hasPrefix("•") ? String(line.dropFirst()).trimmingWhitespace() : line
            switch part {
            case .persons:
                if !topics.persons.contains(item) { topics.persons.append(item) }
            case .goals:
                let goals = Self.goals(in: item)
                if goals.isEmpty {
                    unread.append("\(path): “\(FieldText.excerpt(line))” under the goals is no goal number")
                }
                topics.goals += goals.filter { !topics.goals.contains($0) }
            case .themes:
                // "A12 Acceptance of international norms" (the second cycle's lists), or the name alone.
                if !topics.themes.contains(item) { topics.themes.append(item) }
            }
        }
        topics.goals.sort()
    }

    /// The goals a line names: "SDG 5", "Goals 5 and 16", "- 16 Peace, justice …".
    static func goals(in line: String) -> [Int] {
        var goals: [Int] = []
        for match in line.matches(of: /(?:^|\b(?:SDGs?|[Gg]oals?)\s*|,\s*|and\s+|-\s*)(\d{1,2})\b/) {
            if let goal = Int(match.1), (1...17).contains(goal), !goals.contains(goal) { goals.append(goal) }
        }
        return goals
    }

    /// "Supported", "Noted", "Supported/Noted".
    static func response(_ text: String) -> Response? {
        let lower = text.lowercased()
        if lower.contains("supported") && lower.contains("noted") { return .supportedInPart }
        if lower.contains("noted") { return .noted }
        if lower.contains("supported") || lower.contains("accepted") { return .supported }
        return nil
    }

    /// Where two wordings part: a few words either side of the first word that differs.
    static func difference(_ one: String, _ other: String) -> (String, String) {
        let first = ReviewText.collapsed(one).split(separator: " ")
        let second = ReviewText.collapsed(other).split(separator: " ")
        var index = 0
        while index < min(first.count, second.count),
            comparable(String(first[index])) == comparable(String(second[index]))
        {
            index += 1
        }
        func excerpt(_ words: [Substring]) -> String {
            let start = max(0, index - 3)
            let end = min(words.count, index + 6)
            guard start < end else { return "(ends here)" }
            return (start > 0 ? "… " : "") + words[start..<end].joined(separator: " ") + (end < words.count ? " …" : "")
        }
        return (excerpt(first), excerpt(second))
    }

    /// A wording for comparison: letters and digits only, in lower case (the lists lose spaces
    /// between Word's runs, "toarticle8", and differ in quotes and dashes).
    static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
