import Foundation
import FollowUpModel

/// When a clause falls due and how often it reports: "by 2030", "to its twenty-fourth session",
/// "within 30 days", 每年, a target year.
enum DeadlineReader {

    /// A due date the text states: 到2020年 / by 2030 → the year's last day, unless a quantity
    /// follows (a global target: 到 2020 年增加 15 亿 …; see ``target(in:)``); 第二十四届会议 /
    /// "at its eighty-first session" → when that session of the document's own body meets
    /// (``SessionCalendar``), up to five sessions ahead.
    static func dueDate(in text: String, ownSession: SessionCalendar?, issued: CalendarDate? = nil) -> CalendarDate? {
        // "to report … within 30 days", "within six months": counted from the document's date.
        if let issued, text.containsBytes("within "), text.contains(ImportPatterns.reportingVerb),
            let match = text.firstMatch(of: ImportPatterns.withinPeriod),
            let count = Int(match.1) ?? EnglishOrdinals.cardinals[String(match.1)]
        {
            switch match.2.prefix(3) {
            case "day": return issued.adding(days: count)
            case "wee": return issued.adding(days: 7 * count)
            case "mon": return issued.adding(months: count)
            default: return issued.adding(months: 12 * count)
            }
        }
        for match in Self.mayNameYear(text) ? text.matches(of: ImportPatterns.yearDeadline) : [] {
            if isTarget(match.range, in: text) { continue }
            if let year = Int(match.1 ?? match.2 ?? match.3 ?? "") {
                return CalendarDate(year: year, month: 12, day: 31)
            }
        }
        if let ownSession, text.containsBytes("届") || text.containsBytes(" session") {
            // Only the body's own sessions: 委员会第二十四届会议, 其第二十四届会议, at its 81st session.
            if let match = text.firstMatch(of: ImportPatterns.chineseOwnSession),
                let number = ChineseNumerals.value(String(match.1)), let due = ownSession.dueDate(of: number)
            {
                return due
            }
            // A General Assembly document names its own sessions as the Assembly's: 向大会第七十九届会议报告.
            if ownSession.opensInMonth == 9, let match = text.firstMatch(of: ImportPatterns.chineseAssemblySession),
                let number = ChineseNumerals.value(String(match.1)), let due = ownSession.dueDate(of: number)
            {
                return due
            }
            if let match = text.firstMatch(of: ImportPatterns.englishOwnSession),
                let number = EnglishOrdinals.value(String(match.1)), let due = ownSession.dueDate(of: number)
            {
                return due
            }
        }
        return nil
    }

    /// Whether `text` can hold a year deadline (``ImportPatterns/yearDeadline``): four digits
    /// together, and 年 or "by " (tried by bytes before the pattern, which most clauses fail).
    private static func mayNameYear(_ text: String) -> Bool {
        text.hasFourDigits && (text.containsBytes("年") || text.containsBytes("by ") || text.containsBytes("By "))
    }

    /// A year that sets a quantified goal for the world ("到 2020 年增加 15 亿新的在线互联网用户",
    /// "by 2030, halve …"): kept as the recommendation's target, not made its addressees' deadline.
    static func target(in text: String) -> Int? {
        guard Self.mayNameYear(text) else { return nil }
        for match in text.matches(of: ImportPatterns.yearDeadline)
        where isTarget(match.range, in: text) {
            return Int(match.1 ?? match.2 ?? match.3 ?? "")
        }
        return nil
    }

    /// A quantity after the year, or the year as the horizon of the Sustainable Development
    /// Goals ("achieving the Goals by 2030", "到2030年实现可持续发展目标").
    private static func isTarget(_ range: Range<String.Index>, in text: String) -> Bool {
        let after = text[range.upperBound...].prefix(16)
        if after.contains(where: \.isNumber) || after.contains(/亿|万|倍|一半|半数|per ?cent|%|halve|double/) {
            return true
        }
        let around = text[..<range.lowerBound].suffix(60) + text[range.upperBound...].prefix(30)
        return around.contains(/Sustainable Development Goals|2030 Agenda|可持续发展目标|2030年议程|2030 年议程/)
    }

    /// A reporting cycle the text states: 每年 / annually → annual; 每两年 / biennially → biennial.
    static func cycle(in text: String) -> ReportingCycle? {
        if text.matches(pattern: "每两年|biennial|every two years") { return .biennial }
        if text.matches(pattern: "每四年|quadrennial|every four years") {
            return .quadrennial
        }
        if text.matches(pattern: "每年|annually|each year|every year|on an annual basis|annual report") {
            return .annual
        }
        return nil
    }
}

/// English ordinal words up to ninety-nine: `twenty-fourth` → 24.
enum EnglishOrdinals {
    static let units = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
        "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
        "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    ]
    static let tens = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]

    /// Numbers written out in a period: "within six months", "within ninety days".
    static let cardinals = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60,
        "ninety": 90,
    ]

    static func value(_ text: String) -> Int? {
        if let value = units[text] { return value }
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let ten = tens[parts[0]], let unit = units[parts[1]], unit < 10 else { return nil }
        return ten + unit
    }
}
