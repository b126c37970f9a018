import Foundation
/// A recommendation as a review document cites it: `122.17` (paragraph and number), or `17`
/// alone, in a numbering of the State's own.
struct RecommendationNumber: Hashable, Sendable, CustomStringConvertible {
    var paragraph: Int?
    var number: Int

    var description: String { paragraph.map { "\($0).\(number)" } ?? "\(number)" }
}

/// Reads lists of recommendation numbers exactly as addenda and national reports write them:
/// "1–5, 14–16, 20–23", "150 – 152", "122.1, 122.12, 122.17-18, 122.30-33", "6–13 and 17",
/// "122.17 to 122.20".
enum RecommendationNumbers {
    /// The list that starts at `start` in `text` (spaces before it skipped): its numbers, and
    /// where it ends. Empty when no number starts there.
    static func list(in text: [Character], from start: Int) -> (numbers: [RecommendationNumber], end: Int) {
        var numbers: [RecommendationNumber] = []
        var index = skipSpaces(text, start)
        var end = start
        while let (first, afterFirst) = reference(text, index) {
            var last = first
            var next = afterFirst
            // A range: "-", "–", "—" or "to", spaces around it allowed.
            let dash = skipSpaces(text, afterFirst)
            var afterDash: Int?
            if dash < text.count, "-–—‑".contains(text[dash]) {
                afterDash = dash + 1
            } else if dash + 2 < text.count, text[dash] == "t", text[dash + 1] == "o", text[dash + 2] == " " {
                afterDash = dash + 2
            }
            if let afterDash, let (second, afterSecond) = reference(text, skipSpaces(text, afterDash)) {
                // "122.17-18" is 122.17 to 122.18; "122.17-122.20" names the paragraph again.
                let paragraph = second.paragraph ?? first.paragraph
                if paragraph == first.paragraph, second.number >= first.number, second.number - first.number <= 500 {
                    last = RecommendationNumber(paragraph: paragraph, number: second.number)
                    next = afterSecond
                }
            }
            for value in first.number...last.number {
                numbers.append(RecommendationNumber(paragraph: first.paragraph, number: value))
            }
            end = next
            // A separator: ",", ";", "and", ", and", "&".
            let spaced = skipSpaces(text, next)
            var after = spaced
            if after < text.count, text[after] == "," || text[after] == ";" || text[after] == "&" {
                after = skipSpaces(text, after + 1)
            }
            if after + 3 < text.count, String(text[after..<(after + 4)]) == "and " {
                after = skipSpaces(text, after + 4)
            }
            guard after != spaced, reference(text, after) != nil else { break }
            index = after
        }
        return (numbers, end)
    }

    /// `122.17` or `17` at `index` (not the start of a longer number, and not a decimal of a
    /// larger text such as a year).
    static func reference(_ text: [Character], _ index: Int) -> (RecommendationNumber, Int)? {
        guard let (first, afterFirst) = integer(text, index) else { return nil }
        if afterFirst + 1 < text.count, text[afterFirst] == ".",
            let (second, afterSecond) = integer(text, afterFirst + 1)
        {
            return (RecommendationNumber(paragraph: first, number: second), afterSecond)
        }
        return (RecommendationNumber(paragraph: nil, number: first), afterFirst)
    }

    /// A number of one to three digits at `index`.
    private static func integer(_ text: [Character], _ index: Int) -> (Int, Int)? {
        guard index < text.count, text[index].isASCII, text[index].isNumber,
            index == 0 || !(text[index - 1].isNumber)
        else { return nil }
        var end = index
        var value = 0
        while end < text.count, text[end].isASCII, let digit = text[end].wholeNumberValue {
            value = value * 10 + digit
            end += 1
            if end - index > 3 { return nil }
        }
        return value > 0 ? (value, end) : nil
    }

    private static func skipSpaces(_ text: [Character], _ index: Int) -> Int {
        var index = index
        while index < text.count, text[index] == " " || text[index] == "\u{00A0}" { index += 1 }
        return index
    }

    /// Every list in `text` that follows "recommendation(s)" or "Rec(s)." (and "Nos.") — and every
    /// run of numbers qualified by one of the report's `paragraphs` ("122.17"), wherever it
    /// stands. Each with the offset where its list starts.
    static func lists(in text: String, paragraphs: Set<Int>) -> [(offset: Int, numbers: [RecommendationNumber])] {
        let characters = Array(text)
        let lower = Array(text.lowercased())
        var result: [(Int, [RecommendationNumber])] = []
        var index = 0
        let cues = ["recommendations", "recommendation", "recs.", "rec."].map { Array($0) }
        while index < characters.count {
            var listStart: Int?
            for cue in cues where lower[index...].starts(with: cue) && (index == 0 || !lower[index - 1].isLetter) {
                var after = index + cue.count
                while after < characters.count, characters[after] == " " || characters[after] == ":" { after += 1 }
                if lower[after...].starts(with: Array("nos.")) { after += 4 }
                listStart = after
                break
            }
            if listStart == nil, characters[index].isNumber, index == 0 || !characters[index - 1].isNumber,
                let (reference, _) = reference(characters, index), let paragraph = reference.paragraph,
                paragraphs.contains(paragraph)
            {
                listStart = index
            }
            if let start = listStart {
                let (numbers, end) = list(in: characters, from: start)
                if !numbers.isEmpty {
                    result.append((start, numbers))
                    index = max(end, index + 1)
                    continue
                }
            }
            index += 1
        }
        return result
    }
}
