import Foundation
import FollowUpModel

/// The verbs of a clause: which one leads it, where another begins, what prefixes and clause
/// boundaries look like.
extension ClauseAnalyzer {

    func verb(at position: Int, _ clause: ClauseText) -> Lexicon.Verb? {
        let (chars, lower) = (clause.chars, clause.lower)
        guard position < chars.count else { return nil }
        if chars[position].isASCII {
            guard position == 0 || !lower[position - 1].isLetter else { return nil }
            for (verb, word) in Lexicon.englishByFirst[lower[position]] ?? [] {
                let end = position + word.count
                if end <= lower.count, lower[position..<end].elementsEqual(word),
                    end == lower.count || !lower[end].isLetter
                {
                    return verb
                }
            }
            return nil
        }
        for (verb, word) in Lexicon.chineseByFirst[chars[position]] ?? [] {
            let end = position + word.count
            if end <= chars.count, chars[position..<end].elementsEqual(word) { return verb }
        }
        return nil
    }

    /// The first verb near the start: within a dozen characters in Chinese (after adverbs such as
    /// 极为关切地), at the start or after one adverb in English.
    func leadingVerb(_ clause: ClauseText, from start: Int) -> (Lexicon.Verb, Int)? {
        let (chars, lower) = (clause.chars, clause.lower)
        guard start < chars.count else { return nil }
        if chars[start].isASCII {
            // "Should the provision prove inadequate, …" is a condition: a suggestion verb follows its addressee.
            if let verb = verb(at: start, clause) { return verb.addresseeFirst ? nil : (verb, start) }
            // One adverb: "Strongly urges", "Emphatically reaffirms".
            if let space = lower[start...].firstIndex(of: " "), lower[start..<space].suffix(2) == ["l", "y"],
                let verb = verb(at: space + 1, clause)
            {
                return (verb, space + 1)
            }
            return nil
        }
        var index = start
        while index < min(chars.count, start + 12) {
            if "，；：。,;:".contains(chars[index]) { return nil }
            if let verb = verb(at: index, clause) {
                // 关切地注意到, 表示赞赏地注意到: a verb followed by 地 is an adverb; the verb follows.
                let end = index + verb.text.count
                if end < chars.count && chars[end] == "地" {
                    index = end + 1
                    continue
                }
                return (verb, index)
            }
            index += 1
        }
        return nil
    }

    func skipPrefixes(_ clause: ClauseText, from start: Int) -> Int {
        let (chars, lower) = (clause.chars, clause.lower)
        var position = start
        var moved = true
        while moved {
            moved = false
            while position < chars.count && (chars[position] == " " || chars[position] == ",") { position += 1 }
            for prefix in Lexicon.chinesePrefixes + Lexicon.englishPrefixes {
                let word = Array(prefix)
                let end = position + word.count
                guard end <= lower.count, Array(lower[position..<end]) == word else { continue }
                if word.last?.isLetter == true && word.first?.isASCII == true && end < lower.count
                    && lower[end].isLetter
                {
                    continue
                }
                // A Chinese prefix must not be the start of a verb (又 in 又请 is a prefix; 并 in 并请 too).
                position = end
                moved = true
                break
            }
        }
        return position
    }

    func isClauseBoundary(before index: Int, _ clause: ClauseText) -> Bool {
        let (chars, lower) = (clause.chars, clause.lower)
        guard index > 0 else { return false }
        if chars[index].isASCII {
            // Lead-ins between the boundary and the verb: ", and in this regard strongly urges".
            var before = String(lower[max(0, index - 60)..<index])
            // A footnote number the PDF left before the verb: "… of People of African Descent, 16 invites".
            let spaces = before.reversed().prefix { $0 == " " }.count
            let digits = before.dropLast(spaces).reversed().prefix { $0.isNumber }.count
            if (1...3).contains(digits), before.dropLast(spaces + digits).hasSuffix(", ") {
                before = String(before.dropLast(spaces + digits))
            }
            var moved = true
            while moved {
                moved = false
                let trimmed = String(before.reversed().drop { $0 == " " || $0 == "," }.reversed())
                for word in Lexicon.englishVerbLeadIns where trimmed.hasSuffix(" " + word) {
                    before = String(trimmed.dropLast(word.count))
                    moved = true
                    break
                }
                if !moved, let last = trimmed.split(separator: " ").last, last.count > 4, last.hasSuffix("ly"),
                    last.allSatisfy(\.isLetter)
                {
                    before = String(trimmed.dropLast(last.count))
                    moved = true
                }
            }
            return before.hasSuffix(", and ") || before.hasSuffix("; and ") || before.hasSuffix("; ")
                || before.hasSuffix(", ") || before.hasSuffix(" and ")
        }
        var before = String(chars[max(0, index - 12)..<index])
        // Lead-ins between the boundary and the verb: "，并酌情促请", "；在这方面鼓励".
        while let leadIn = Lexicon.chineseVerbLeadIns.first(where: { before.hasSuffix($0) }) {
            before = String(before.dropLast(leadIn.count))
        }
        // Normalised text has ASCII punctuation: NFKC maps ，；： to ,;:
        let boundaries = [",", ";", "，", "；", "并", "还", "又", "同时", "为此", "因此", "从而", "并且"]
        return boundaries.contains { before.hasSuffix($0) }
    }
}
