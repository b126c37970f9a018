import Foundation
import FollowUpModel

/// Which document of a Universal Periodic Review a text is, told from its masthead.
public enum ReviewDocumentKind: String, Codable, Sendable {
    /// The Working Group's report, whose "Conclusions and/or recommendations" hold the recommendations.
    case report
    /// The State's views on them (the report's addendum): its positions.
    case addendum
    /// A national report (`A/HRC/WG.6/34/SVN/1`): what the State did about the previous cycle.
    case nationalReport = "national-report"
    /// OHCHR's thematic list of a review's recommendations (a Word table).
    case thematicList = "thematic-list"
    /// OHCHR's compilation of UN information (`A/HRC/WG.6/34/SVN/2`) or summary of stakeholders'
    /// submissions (`…/3`) prepared for a review: they quote what others recommended, but the
    /// review's own recommendations are in the Working Group's report.
    case compilation

    /// The kind of `text`, or `nil` for any other document.
    public static func of(_ text: String) -> ReviewDocumentKind? {
        // A national report's own symbol: A/HRC/WG.6/20/SVN/1; the compilations are …/2 and …/3,
        // and each may be corrected (…/2/Corr.1).
        let reviewSymbol = /^A\/HRC\/WG\.6\/\d{1,3}\/[A-Z]{3}\/([1-3])(?:\/(?:CORR|REV)\.\d+)?$/
        if let symbol = DocumentImporter.detectSymbol(text),
            let match = symbol.uppercased().firstMatch(of: reviewSymbol)
        {
            return match.1 == "1" ? .nationalReport : .compilation
        }
        let head = ReviewText.head(text).lowercased()
        if head.contains("full list of themes") || head.contains("source of position:") {
            return .thematicList
        }
        guard head.contains("report of the working group on the universal periodic review") else { return nil }
        if head.contains("addendum") && (head.contains("views on conclusions") || head.contains("replies presented")) {
            return .addendum
        }
        return .report
    }
}

/// What the readers of review documents share: the masthead, dates, the lines of the text.
enum ReviewText {
    /// The first 4,000 characters with every run of spaces and line breaks made one space, and
    /// the asterisks of footnote marks removed ("Periodic Review*").
    static func head(_ text: String) -> String {
        String(text.prefix(4_000)).replacingOccurrences(of: "*", with: "")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The first "4 November 2014" in `text`.
    static func date(in text: some StringProtocol) -> CalendarDate? {
        guard
            let match = String(text).firstMatch(
                of:
                    /(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December),? (\d{4})/
            ), let day = Int(match.1), let month = months.firstIndex(of: String(match.2)), let year = Int(match.3)
        else { return nil }
        return CalendarDate(year: year, month: month + 1, day: day)
    }

    /// The date the document was issued: the first date of its masthead ("Distr.: General
    /// 10 December 2014").
    static func issueDate(_ lines: [TextCleaner.PhysicalLine]) -> CalendarDate? {
        for line in lines.prefix(12) {
            if let date = date(in: line.normalized) { return date }
        }
        return nil
    }

    /// The lines of `text` with running heads, page numbers and footnotes removed, each with its
    /// line number.
    static func lines(_ text: String) -> [TextCleaner.PhysicalLine] {
        TextCleaner.physicalLines(of: text).map { line in
            // A page break (form feed) or another control character left by the PDF's text:
            // never part of a note or a passage.
            guard line.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            else { return line }
            var clean = line
            clean.text = String(
                String.UnicodeScalarView(
                    line.text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0 }))
            return clean
        }
    }

    /// The ordinal words of sessions: "twentieth" → 20.
    static func ordinal(_ word: String) -> Int? {
        let units = [
            "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        ]
        let tens = [
            "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
            "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        ]
        let word = word.lowercased()
        if let value = units[word] ?? tens[word] { return value }
        let parts = word.split(separator: "-")
        if parts.count == 2, let ten = tens[String(parts[0])], let unit = units[String(parts[1])] { return ten + unit }
        if let number = Int(word.prefix { $0.isNumber }),
            word.hasSuffix("th") || word.hasSuffix("st")
                || word.hasSuffix("nd") || word.hasSuffix("rd")
        {
            return number
        }
        return nil
    }

    /// `text` with its whitespace runs made single spaces.
    static func collapsed(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The States a review names, by their names in the reference data: "Iran (Islamic Republic of)",
/// "the United Kingdom", "Côte d’Ivoire".
struct StateNames: Sendable {
    private var codes: [String: String] = [:]

    init(_ reference: ImportReference) {
        for (name, code) in reference.byName where reference.states.contains(code) {
            codes[Self.fold(name)] = code
        }
    }

    /// The code of the State `name` names, or `nil`.
    func code(_ name: some StringProtocol) -> String? {
        codes[Self.fold(name)]
    }

    /// Lower case, one kind of apostrophe, single spaces, no leading "the", no footnote marks.
    static func fold(_ name: some StringProtocol) -> String {
        var text = ReviewText.collapsed(name).lowercased()
            .replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
        while let last = text.last, last == "*" || last.isNumber || last == " " || last == "." { text.removeLast() }
        if text.hasPrefix("the ") { text.removeFirst(4) }
        return text
    }

    /// The recommending States of a recommendation: every parenthesised group of its text whose
    /// parts are States ("(Spain, Tunisia, Portugal)", the first cycle's "(Algeria)/sign and
    /// ratify (Egypt)"), each part read whole first ("Bosnia and Herzegovina") and else split at
    /// "and". A group where most parts are States but some are not names those in `unknown`.
    func recommenders(in text: String, except reviewed: String) -> (codes: [String], unknown: [String]) {
        var codes: [String] = []
        var unknown: [String] = []
        for group in Self.groups(in: text) {
            let parts = Self.split(group)
            var found: [String] = []
            var missed: [String] = []
            for part in parts {
                if let code = code(part) {
                    found.append(code)
                } else {
                    let pieces = part.components(separatedBy: " and ").filter { !$0.isEmpty }
                    let resolved = pieces.compactMap { code($0) }
                    if pieces.count > 1 && resolved.count == pieces.count {
                        found += resolved
                    } else {
                        missed.append(part)
                    }
                }
            }
            guard !found.isEmpty, found.count >= missed.count else { continue }
            for code in found where code != reviewed && !codes.contains(code) { codes.append(code) }
            unknown += missed.filter { Self.looksLikeName($0) }
        }
        return (codes, unknown)
    }

    /// The top-level parenthesised groups of `text`, inner parentheses kept: "Iran (Islamic
    /// Republic of), Peru".
    static func groups(in text: String) -> [String] {
        var groups: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            if character == "(" {
                if depth > 0 { current.append(character) }
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
                if depth == 0 {
                    groups.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            } else if depth > 0 {
                current.append(character)
            }
        }
        return groups
    }

    /// The parts of a group, split at commas and semicolons outside inner parentheses.
    static func split(_ group: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in group {
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if (character == "," || character == ";") && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.map { ReviewText.collapsed($0) }.filter { !$0.isEmpty }
    }

    /// Whether `part` reads like a country's name (capitalised words, no digits): what is worth
    /// reporting when it matches no State.
    static func looksLikeName(_ part: String) -> Bool {
        guard let first = part.first, first.isUppercase, part.count <= 60 else { return false }
        return !part.contains(where: \.isNumber)
    }
}
