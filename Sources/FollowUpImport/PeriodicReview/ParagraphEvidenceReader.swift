import Foundation
import FollowUpModel
import FollowUpStore

/// Reads chosen paragraphs of a report that cites no recommendation by number (the
/// Secretary-General's report on a resolution's implementation) as evidence on a document's
/// recommendations, and proposes an entry for each recommendation and actor a paragraph speaks of.
///
/// For each paragraph: the recommendations whose wording it shares most (character pairs, weighted
/// by how rare they are across the document's recommendations, so that "科学、技术和创新政策审查"
/// counts and "发展" does not); the actors it names that those recommendations bind (a State,
/// UNCTAD, the Technology Bank), or, when it names none, the recommendation's own addressee when that
/// is one actor; and for each, the status its sentence states — "将 … 启动" (will launch) planned,
/// "正在" (is) in progress, "完成"/"已" (done) implemented, an undertaking that goes on ("继续",
/// "加强") in progress. Every proposal carries the words and the paragraph, for a validator.
struct ParagraphEvidenceReader {
    let document: String
    /// The document's recommendations with the actors each binds.
    let recommendations: [(key: String, text: String, actors: [String], named: [String])]
    let matcher: AddresseeMatcher
    /// The actors a paragraph may name as having acted: States, territories, UN entities and
    /// organisations (not "stakeholders" or "civil society", which name no one who reports).
    let reportingActors: Set<String>

    func plan(
        text: String, paragraphs wanted: ClosedRange<Int>, symbol: String, date: CalendarDate
    ) -> EvidencePlan {
        let blocks = TextCleaner.blocks(of: text)
        var paragraphs: [(number: Int, line: Int, text: String)] = []
        for block in blocks {
            if let match = block.normalized.firstMatch(of: /^(\d{1,3})\.\s*(\S.*)$/), let number = Int(match.1),
                wanted.contains(number)
            {
                paragraphs.append((number, block.line, String(match.2)))
            }
        }
        let weights = Self.weights(recommendations.map(\.text))
        let grams = recommendations.map { Self.grams($0.text) }
        var proposals: [EvidencePlan.Proposal] = []
        var sections: [EvidencePlan.Section] = []
        var seen = Set<String>()
        for paragraph in paragraphs {
            let own = Self.grams(paragraph.text)
            let scored = grams.enumerated().map { index, words in
                (own.intersection(words).reduce(0.0) { $0 + (weights[$1] ?? 0) }, index)
            }.sorted { $0.0 > $1.0 }
            guard let best = scored.first, best.0 >= 12 else { continue }
            let named = actors(in: paragraph.text).filter { reportingActors.contains($0.code) }
            // The recommendations closest in wording (up to three, within a fifth of the best).
            var keys: [String] = []
            for (score, index) in scored.prefix(3) where score >= best.0 * 0.8 {
                let recommendation = recommendations[index]
                var bound = named.filter { recommendation.actors.contains($0.code) }
                if bound.isEmpty, recommendation.named.count == 1, let only = recommendation.named.first,
                    recommendation.actors.contains(only), reportingActors.contains(only)
                {
                    bound = [(only, paragraph.text)]
                }
                for (actor, sentence) in bound where seen.insert("\(recommendation.key)|\(actor)").inserted {
                    let (status, words) = Self.status(of: sentence, ongoing: Self.isOngoing(recommendation.text))
                    proposals.append(
                        EvidencePlan.Proposal(
                            key: recommendation.key, actor: actor, status: status, words: words,
                            paragraphs: String(paragraph.number), section: "¶\(paragraph.number)",
                            passage: String(sentence.prefix(600)), line: paragraph.line))
                }
                if !bound.isEmpty { keys.append(recommendation.key) }
            }
            sections.append(
                EvidencePlan.Section(
                    heading: "¶\(paragraph.number)", line: paragraph.line, cited: "", keys: keys,
                    paragraphs: [String(paragraph.number)]))
        }
        return EvidencePlan(
            document: symbol, date: date, answers: document, review: nil, sections: sections, proposals: proposals,
            unresolved: [],
            numbering: "paragraphs \(wanted.lowerBound)–\(wanted.upperBound), "
                + "matched to \(document)'s recommendations by their wording",
            warnings: paragraphs.isEmpty ? ["no paragraph numbered \(wanted.lowerBound)–\(wanted.upperBound)"] : [])
    }

    /// The actors a paragraph names, each with the sentence that names it.
    func actors(in text: String) -> [(code: String, sentence: String)] {
        var result: [(String, String)] = []
        for sentence in text.split(whereSeparator: { "。；;".contains($0) }).map(String.init) {
            let characters = Array(TextNormalization.normalize(sentence).map(AddresseeMatcher.fold))
            let lowered = characters.map { Character($0.lowercased()) }
            var position = 0
            while position < characters.count {
                if let match = matcher.match(in: characters, lowered: lowered, at: position) {
                    if !result.contains(where: { $0.0 == match.code }) { result.append((match.code, sentence)) }
                    position += match.length
                } else {
                    position += 1
                }
            }
        }
        return result
    }

    /// The status a sentence states.
    static func status(of sentence: String, ongoing: Bool) -> (ImplementationStatus, String) {
        let cues: [(ImplementationStatus, [String])] = [
            (.planned, ["将在", "将于", "将启动", "将开展", "将推出", "计划", "拟"]),
            (.inProgress, ["正在", "继续", "进行中", "取得进展", "筹备"]),
            (.implemented, ["已完成", "完成了", "完成", "已经", "通过了", "设立了", "启动了", "推出了"]),
        ]
        for (status, words) in cues {
            if let word = words.first(where: { sentence.contains($0) }) {
                if status == .implemented && ongoing { return (.inProgress, word + "；建议要求持续开展") }
                return (status, word)
            }
        }
        return (.inProgress, "")
    }

    /// Recommendations of an undertaking that goes on: "继续", "加强", "鼓励 … 进行".
    static func isOngoing(_ text: String) -> Bool {
        ["继续", "加强", "进一步", "鼓励", "促进", "支持"].contains { text.contains($0) }
    }

    /// The character pairs of a text's letters (Chinese characters, Latin letters), its words for
    /// matching.
    static func grams(_ text: String) -> Set<String> {
        let letters = Array(text.filter { $0.isLetter })
        guard letters.count > 1 else { return [] }
        var result = Set<String>()
        for index in 0..<(letters.count - 1) { result.insert(String(letters[index...index + 1])) }
        return result
    }

    static func weights(_ texts: [String]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for text in texts { for gram in grams(text) { counts[gram, default: 0] += 1 } }
        let total = Double(max(texts.count, 1))
        return counts.mapValues { log(total / Double($0)) }
    }
}
