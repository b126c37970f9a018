import Foundation
import FollowUpModel
import FollowUpStore

/// The shapes of lines in UN documents, on normalised text.
enum DocumentPatterns {
    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.matches(pattern: pattern)
    }

    /// `____________` (the rule above a page's footnotes).
    static func isFootnoteRule(_ line: String) -> Bool {
        starts(line, with: { $0 == "_" || $0 == "＿" }) && matches(line, "^[_＿]{5,}$")
    }

    /// A line that is only a link: `https://undocs.org/…`, `www.unctad.org/…`.
    static func isLinkLine(_ line: String) -> Bool {
        starts(line, with: { $0 == "h" || $0 == "w" }) && matches(line, "^(https?://|www\\.)\\S+$")
    }

    /// A running head or foot: a bare symbol (`A/76/64`, `S/RES/2719 (2023)`), a job number
    /// (`20-08012 (C)`), a page counter (`3/21`), a bar code (`*2008012*`).
    static func isRunningHead(_ line: String) -> Bool {
        // Each is a short line: a symbol, a job number, a counter (most paragraphs start with a capital).
        // None ends with a full stop: "A/77/237." is a footnote's text, citing a document.
        guard line.utf8.count <= 48, line.utf8.last != UInt8(ascii: "."),
            starts(line, with: { isDigit($0) || ("A"..."Z").contains($0) || $0 == "*" })
        else { return false }
        return matches(line, "^\\d{2}-\\d{5}\\s*(\\([A-Z]\\))?(\\s+\\d{6})?(\\s+\\d{6})?$")
            || matches(line, "^\\d{1,3}/\\d{1,3}$")
            || matches(line, "^[A-Z]{1,6}(/[A-Z0-9.]+)+(/(Rev|Add|Corr)\\.\\d+)*( \\(\\d{4}\\))?$")
            || matches(line, "^\\*\\d{6,}\\*$")
    }

    /// A footnote line marked with a superscript or caret: `¹ 见 A/60/687。`, `^a 由于…`.
    static func isMarkedFootnote(_ line: String) -> Bool {
        starts(line, with: { $0 == "^" || "¹²³⁴⁵⁶⁷⁸⁹⁰".unicodeScalars.contains($0) })
            && matches(line, "^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\\^[a-z])\\s")
    }

    /// A numbered footnote line inside a footnote block: `1 国际电信联盟…`, `12 See …`.
    static func isNumberedFootnote(_ line: String) -> Bool {
        starts(line, with: isDigit) && matches(line, "^\\d{1,3}\\s+\\S")
    }

    // The patterns above and `isHeading` are anchored at the start of the line: a look at its
    // first character spares most lines (a wrapped line starts in lower case) the regular
    // expressions, which ran on every line of a document.

    /// Whether the line's first Unicode scalar passes `test`.
    private static func starts(_ line: String, with test: (Unicode.Scalar) -> Bool) -> Bool {
        line.unicodeScalars.first.map(test) ?? false
    }

    /// A decimal digit as a regular expression's `\d` reads it: any script's.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("0"..."9").contains(scalar) : scalar.properties.generalCategory == .decimalNumber
    }

    /// Removes markdown bullets before labels and link syntax: `- (三)` → `(三)`, `[X](#)` → `X`.
    static func stripMarkup(_ line: String) -> String {
        var result = line
        if result.hasPrefix("- (") || result.hasPrefix("- （") || result.hasPrefix("* (") {
            result.removeFirst(2)
        }
        // A Markdown link's text kept, its target dropped (the pattern only runs where one can be).
        if result.containsBytes("](") {
            result = result.replacing(pattern: "\\[([^\\]]+)\\]\\([^)]*\\)", with: "$1")
        }
        return result
    }

    /// Whether a line ends with sentence-final punctuation (a footnote marker after it aside).
    static func endsWithTerminal(_ line: String) -> Bool {
        guard let last = lastBeforeMarker(line) else { return false }
        return "。．.;；!！?？)）".contains(last)
    }

    /// Whether a line ends with any punctuation (a paragraph-per-line text's lines do), a
    /// footnote marker after it aside.
    static func endsWithPunctuation(_ line: String) -> Bool {
        guard let last = lastBeforeMarker(line) else { return false }
        return "。．.;；:：,，、!！?？)）”\"…》".contains(last)
    }

    /// The line's last character, or, where the line ends with a footnote marker glued to
    /// punctuation after a word ("… the Credentials Committee.1", "…的报告。3"), the punctuation
    /// before it. A symbol's addendum or revision ("A/79/613/Add.1") is not a marker.
    static func lastBeforeMarker(_ line: String) -> Character? {
        guard let last = line.last else { return nil }
        guard last.isASCII, last.isNumber else { return last }
        let digits = line.reversed().prefix { $0.isASCII && $0.isNumber }.count
        guard digits <= 3 else { return last }
        let before = line.dropLast(digits)
        guard let mark = before.last, ".;,:。；，：)）”\"".contains(mark) else { return last }
        let word = before.dropLast().reversed().prefix { $0.isLetter }
        guard let letter = word.first, letter.isLowercase || !letter.isASCII else { return last }
        if word.count <= 5, before.dropLast(word.count + 1).last == "/" { return last }
        return mark
    }

    /// Whether a line starts a structural unit: a numbered paragraph, a labelled sub-item, a
    /// heading, a chapter, a draft's title.
    static func startsUnit(_ line: String) -> Bool {
        label(of: line) != nil || isHeading(line) || isDraftMarker(line) != nil
            || DocumentStructure.organName(line) != nil || isMeetingLine(line)
    }

    /// The line after a resolution's last paragraph that names the meeting which adopted it:
    /// "9th plenary meeting", "41st meeting", "第53次全体会议". It is never the paragraph's
    /// continuation, however long the paragraph's last line.
    static func isMeetingLine(_ line: String) -> Bool {
        guard let first = line.utf8.first, (first >= 0x30 && first <= 0x39) || line.hasPrefix("第") else { return false }
        return line.firstMatch(of: ImportPatterns.meetingLine) != nil
    }

    static let chineseNumerals = "一二三四五六七八九十"

    /// A section heading: `一. 导言`, `A. 供理事会通过的决议草案`, `第二章`, `IV. Conclusions`, `附件一`.
    static func isHeading(_ line: String) -> Bool {
        guard starts(line, with: { ("A"..."Z").contains($0) || "第附\(chineseNumerals)".unicodeScalars.contains($0) })
        else { return false }
        return matches(line, "^[\(chineseNumerals)]+\\.\\s*\\S")
            || matches(line, "^[A-Z]\\.\\s+\\S")
            || matches(line, "^[IVX]+\\.\\s+\\S")
            || matches(line, "^第[\(chineseNumerals)]+章")
            || matches(line, "^(附件|Annex|ANNEX|Chapter|CHAPTER)\\b")
            || matches(line, "^附件[\(chineseNumerals)]*$")
    }

    /// A draft's title line: `决议草案一`, `Draft resolution II`, `决定草案`, `Draft decision I`.
    static func isDraftMarker(_ line: String) -> (kind: DraftKind, number: Int?)? {
        guard line.hasPrefix("决") || line.hasPrefix("Draft ") else { return nil }
        if let match = line.firstMatch(of: ImportPatterns.chineseDraftResolution) {
            return (.resolution, ChineseNumerals.value(String(match.1)))
        }
        if let match = line.firstMatch(of: ImportPatterns.chineseDraftDecision) {
            return (.decision, match.1.isEmpty ? nil : ChineseNumerals.value(String(match.1)))
        }
        if let match = line.firstMatch(of: ImportPatterns.draftResolution) {
            return (.resolution, RomanNumerals.value(String(match.1).lowercased()))
        }
        if let match = line.firstMatch(of: ImportPatterns.draftDecision) {
            return (.decision, match.1.map { RomanNumerals.value(String($0.dropFirst()).lowercased()) } ?? nil)
        }
        return nil
    }

    /// A label at the start of a line: `12.`, `(a)`, `(iv)`, `(二十八)`.
    /// Whether `line` is a paragraph's label and nothing else: `1.`, `12.`, `(a)`, `(iv)`, `(一)`
    /// (normalised from `（一）` and `㈠`).
    static func isLabelOnly(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 16 else { return false }
        return trimmed.wholeMatch(of: ImportPatterns.labelOnly) != nil
    }

    static func label(of line: String) -> (label: RawLabel, rest: Substring)? {
        // Every label starts with a digit, a parenthesis or a roman numeral's i, v or x: most
        // lines are tried no further.
        guard let first = line.utf8.first else { return nil }
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "v") || first == UInt8(ascii: "x"),
            let match = line.firstMatch(of: ImportPatterns.romanDotLabel)
        {
            return RomanNumerals.value(String(match.1)).map { (.roman($0), line[match.range.upperBound...]) }
        }
        guard (first >= 0x30 && first <= 0x39) || first == 0x28 else { return nil }
        if let match = line.firstMatch(of: ImportPatterns.numberLabel), let number = Int(match.1) {
            return (.number(number), line[match.range.upperBound...])
        }
        if let match = line.firstMatch(of: ImportPatterns.letterLabel) {
            return (.latin(String(match.1)), line[match.range.upperBound...])
        }
        if let match = line.firstMatch(of: ImportPatterns.chineseLabel),
            let value = ChineseNumerals.value(String(match.1))
        {
            return (.chinese(value), line[match.range.upperBound...])
        }
        return nil
    }
}

/// What kind of draft a region of a commission report holds.
enum DraftKind: Sendable {
    case resolution, decision
}

/// A paragraph label as written, before its level is decided.
enum RawLabel: Equatable, Sendable {
    case number(Int)
    /// `(a)` … `(z)`, `(aa)`, or a roman numeral `(iv)`: which one depends on its neighbours.
    case latin(String)
    /// `(一)` … `(二十八)`.
    case chinese(Int)
    /// `i.`, `ii.` … : a roman numeral with a full stop, which is never a letter.
    case roman(Int)
}

/// Chinese numerals up to ninety-nine: 一 … 十, 十一 … 二十八 … 九十九.
enum ChineseNumerals {
    static let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    static func value(_ text: String) -> Int? {
        let characters = Array(text)
        switch characters.count {
        case 1:
            return characters[0] == "十" ? 10 : digits[characters[0]]
        case 2:
            if characters[0] == "十" { return digits[characters[1]].map { 10 + $0 } }
            if characters[1] == "十" { return digits[characters[0]].map { $0 * 10 } }
            return nil
        case 3:
            guard characters[1] == "十", let tens = digits[characters[0]], let ones = digits[characters[2]] else {
                return nil
            }
            return tens * 10 + ones
        default:
            return nil
        }
    }
}

/// Lower-case roman numerals.
public enum RomanNumerals {
    static func value(_ text: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100]
        var total = 0
        var previous = 0
        for character in text.reversed() {
            guard let value = values[character] else { return nil }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 && string(total) == text ? total : nil
    }

    /// `value` as lower-case roman numerals: 4 is `iv`.
    public static func string(_ value: Int) -> String {
        let table: [(Int, String)] = [
            (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var remaining = value
        var result = ""
        for (number, numeral) in table {
            while remaining >= number {
                result += numeral
                remaining -= number
            }
        }
        return result
    }

}
