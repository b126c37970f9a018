import Foundation
import FollowUpModel
import FollowUpStore

/// What the user says about a document to import; anything left `nil` is detected from the text.
public struct ImportOptions: Sendable {
    /// The UN symbol; read from the document's first lines when `nil`.
    public var symbol: String?
    /// Today: a date after it is refused. `nil` skips the check.
    public var today: CalendarDate?
    public var title: String?
    public var date: CalendarDate?
    public var language: Language?
    /// The issuing body: code, name or alias.
    public var body: String?
    /// The name used in messages: a path, or `-`.
    public var sourceName: String
    /// Import what was read even when some numbered operative paragraphs were not (the census
    /// names them); without it, such a document is refused.
    public var acceptPartial: Bool

    public init(
        symbol: String? = nil, title: String? = nil, date: CalendarDate? = nil, language: Language? = nil,
        body: String? = nil, sourceName: String, today: CalendarDate? = nil, acceptPartial: Bool = false
    ) {
        self.acceptPartial = acceptPartial
        self.today = today
        self.symbol = symbol
        self.title = title
        self.date = date
        self.language = language
        self.body = body
        self.sourceName = sourceName
    }
}

/// Extracts recommendations and their addressees from the text of a UN document.
///
/// The steps, each in its own type: `TextCleaner` removes noise and joins lines into blocks;
/// `DocumentStructure` finds the parts that carry recommendations and splits them into numbered
/// items and sub-items; `ClauseAnalyzer` reads each clause's verbs and addressees. This type
/// puts them together: keys, inheritance from lead-ins, classes, deadlines.
struct DocumentImporter {
    var analyzer: ClauseAnalyzer
    /// Resolves an organ's name (`经济及社会理事会`) to a code.
    var codeForName: (String) -> String?
    /// The commission the text is about, which "the Commission" / 委员会 means.
    var ownCommission: String?

    /// `bodyCode` is the body given (`--body`) or read from the first lines; a body read is
    /// corrected by the symbol's series: a Human Rights Council document (`A/HRC/…`) is published
    /// under the General Assembly's masthead, but the Assembly did not issue it.
    func plan(text: String, options: ImportOptions, bodyCode given: String?) throws(FollowUpError) -> ImportPlan {
        var bodyCode = given
        let source = options.sourceName
        // Looks only as far as the first character that is not a space (not a trimmed copy).
        guard text.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            throw .invalidInput(source: source, line: nil, field: nil, reason: "the file is empty")
        }
        let blocks = TextCleaner.blocks(of: text)
        let language = options.language ?? Self.detectLanguage(text)
        var warnings: [String] = []
        guard let date = options.date ?? Self.detectAdoptionDate(text) ?? Self.detectDate(blocks) else {
            throw .invalidArgument(
                field: "date", reason: "\(source) states no date of adoption or issue: give one (YYYY-MM-DD)")
        }
        if options.date == nil { warnings.append("date \(date) read from the text") }
        if let today = options.today, date > today {
            throw .invalidArgument(
                field: "date",
                reason:
                    "\(date)\(options.date == nil ? " (read from the text)" : "") is in the future: give the date the document was adopted or issued"
            )
        }
        if let given = options.symbol, given.trimmingWhitespace().isEmpty {
            throw .invalidArgument(
                field: "symbol", reason: "is empty: give the UN symbol, or leave it out to read it from the text")
        }
        if let given = options.symbol, let problem = FieldText.problem(in: given) {
            throw .invalidArgument(field: "symbol", reason: problem)
        }
        guard let symbol = options.symbol?.trimmingWhitespace() ?? Self.detectSymbol(text) else {
            throw .invalidArgument(
                field: "symbol",
                reason: "\(source) shows no UN symbol (such as A/RES/78/19) in its first lines: give one")
        }
        if options.symbol == nil { warnings.append("symbol \(symbol) read from the text") }
        if options.body == nil, let series = Self.body(ofSymbol: symbol), bodyCode == nil || bodyCode == "GA" {
            bodyCode = series
        }
        let title = options.title ?? Self.detectNumberedTitle(text) ?? Self.detectTitle(blocks) ?? symbol
        let ownSession =
            SessionCalendar.generalAssembly(symbol: symbol) ?? SessionCalendar.humanRightsCouncil(symbol: symbol)
            ?? Self.detectOwnSession(blocks).map { SessionCalendar(number: $0, year: date.year) }
        let regions = try DocumentStructure.regions(of: blocks, source: source)
        let documentNames = Self.documentNames(in: blocks.map(\.normalized), analyzer: analyzer)
        var items: [ExtractedItem] = []
        var census = ImportCensus()
        for region in regions {
            var analyzer = self.analyzer
            let ownCommissionCode =
                ownCommission ?? bodyCode.flatMap({ ["GA", "HRC", "SC", "ECOSOC"].contains($0) ? nil : $0 })
            // A commission's own report: "the Commission" is that commission, whatever else it names.
            for (phrase, code) in documentNames where !(phrase == "Commission" && ownCommissionCode != nil) {
                analyzer.matcher.add(phrase, code: code)
            }
            // "The Commission" / 委员会 is the commission the text is about (or its body); "the
            // Council" / 理事会 the organ of the organ line; "the Assembly" the General Assembly.
            // Not for an organ's own resolution: "the Commission" in a General Assembly or Council
            // resolution is a commission it named, not the Assembly or the Council.
            if let commission = ownCommissionCode {
                for phrase in ["委员会", "该委员会", "本委员会", "Commission"] { analyzer.matcher.add(phrase, code: commission) }
            }
            let organCode = region.organ.flatMap(codeForName) ?? "ECOSOC"
            // In a General Assembly resolution "the Council" is a council named before, not the Assembly.
            if organCode != "GA" {
                for phrase in ["理事会", "Council"] { analyzer.matcher.add(phrase, code: organCode) }
            }
            analyzer.matcher.add("Assembly", code: "GA")
            // "Reiterates its request to its subsidiary bodies", 请其附属机构: the deciding organ's.
            if let subsidiary = ["ECOSOC": "ECOSOC-SUBSIDIARY-BODIES", "GA": "GA-SUBSIDIARY-BODIES"][organCode] {
                for phrase in ["its subsidiary bodies", "其附属机构", "其各附属机构"] {
                    analyzer.matcher.add(phrase, code: subsidiary)
                }
            }
            var context = RegionContext(
                region: region, organCode: organCode, symbol: symbol, ownSession: ownSession, issued: date,
                analyzer: analyzer)
            for item in region.items { context.extract(item, inherited: nil, into: &items) }
            census.parts.append(Self.censusPart(region))
            census.setAside += region.setAside
            if region.items.isEmpty {
                warnings.append(
                    "line \(region.line): \(region.prefix.isEmpty ? "the operative part" : region.prefix) has no numbered paragraphs"
                )
            }
        }
        if items.isEmpty {
            throw .invalidInput(
                source: source, line: regions.first?.line, field: nil,
                reason: "no numbered operative paragraphs follow this line: a preamble alone carries no recommendations"
            )
        }
        for var part in census.parts where !part.missing.isEmpty {
            part.missingFrom = part.missingFrom.map { Self.lineOfNumber(part.missing[0], in: text, from: $0) }
            let missing = Self.ranges(part.missing)
            let message =
                "\(part.prefix.isEmpty ? "" : part.prefix + ": ")operative paragraph\(part.missing.count == 1 ? "" : "s") "
                + "\(missing) of the \(part.numbered) the text numbers \(part.missing.count == 1 ? "was" : "were") not read "
                + "as clauses (\(part.read) of \(part.numbered) read)"
            if options.acceptPartial {
                warnings.append(message + "; imported without them (--accept-partial)")
            } else {
                throw .invalidInput(
                    source: source, line: part.missingFrom, field: nil,
                    reason: message + ": the text may be laid out in a way the importer does not know. Nothing was "
                        + "imported: review the dry run, or pass --accept-partial to import the paragraphs read")
            }
        }
        let header = ImportPlan.DocumentHeader(
            symbol: symbol, title: title, date: date, language: language, body: bodyCode,
            checksum: SHA256.hex(Array(text.utf8)))
        var plan = ImportPlan(document: header, items: items, warnings: warnings)
        plan.census = census
        return plan
    }

    /// What `region` accounts for: the paragraphs its text numbers, and which of them were read.
    static func censusPart(_ region: DocumentRegion) -> ImportCensus.Part {
        var read = Set<Int>()
        var lettered = 0
        for item in region.items {
            switch item.labels.first {
            case .number(let value)?: read.insert(value)
            case .letter?: lettered += 1
            default: break
            }
        }
        // The text numbers 1 … the highest number of its run, gaps included.
        let highest = region.numbered.keys.max() ?? 0
        let missing = highest == 0 ? [] : (1...highest).filter { !read.contains($0) }
        let from = missing.first.flatMap { region.numbered[$0] }
        return ImportCensus.Part(
            prefix: region.prefix, numbered: highest, read: highest - missing.count,
            missing: missing, missingFrom: from ?? region.line,
            unnumbered: region.numbered.isEmpty && lettered == 0 && region.items.count == 1, lettered: lettered)
    }

    /// The line, from `start` on, that begins with `number` (its label broken, "4 Reaffirms"):
    /// where the paragraph the importer could not read starts; `start` if none does.
    static func lineOfNumber(_ number: Int, in text: String, from start: Int) -> Int {
        let digits = String(number)
        var line = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            guard line >= start else { continue }
            let trimmed = raw.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix(digits), trimmed.dropFirst(digits.count).first.map({ !$0.isNumber }) ?? true {
                return line
            }
            if line > start + 400 { break }
        }
        return start
    }

    /// `[3, 7, 8, 9]` as "3, 7–9".
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < numbers.count {
            var end = index
            while end + 1 < numbers.count && numbers[end + 1] == numbers[end] + 1 { end += 1 }
            parts.append(end == index ? "\(numbers[index])" : "\(numbers[index])–\(numbers[end])")
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// Names that stand for an actor in this document only, learnt from its whole text: "the
    /// administering Power" is the State the text calls so ("the United States of America as the
    /// administering Power"), and "the Special Committee" the one body the text names in full with
    /// that head, or the one it names at least three times as often as any other; otherwise it is left out.
    ///
    /// The blocks are read joined by spaces, in runs of about 256 KB: a run is held as two arrays
    /// of characters (16 bytes each), and the whole of a 10 MB document held so took 320 MB. As in
    /// Chinese, the names are learnt from the first megabyte of text: a resolution is far shorter,
    /// and in a compilation of many the first ones tell what the rest call their bodies (reading
    /// all of a 10 MB text so was a third of its import).
    static func documentNames(in blocks: [String], analyzer: ClauseAnalyzer) -> [(phrase: String, code: String)] {
        guard blocks.lazy.compactMap({ $0.first(where: \.isLetter) }).first?.isASCII == true else {
            return chineseShortForms(in: blocks, analyzer: analyzer)
        }
        var powers = Set<String>()
        var heads: [String: [String: Int]] = [:]
        var run: [String] = []
        var runBytes = 0
        var read = 0
        for (number, block) in blocks.enumerated() {
            run.append(block)
            runBytes += block.utf8.count + 1
            let last = number == blocks.count - 1 || read + runBytes >= 1 << 20
            guard runBytes >= 256 * 1024 || last else { continue }
            countNames(
                in: run.joined(separator: " "), analyzer: analyzer, powers: &powers, heads: &heads)
            read += runBytes
            run = []
            runBytes = 0
            if last { break }
        }
        var names: [(phrase: String, code: String)] = []
        if powers.count == 1, let code = powers.first { names.append(("administering Power", code)) }
        // The one body with that head, or one named at least three times as often as any other
        // ("the Special Rapporteur" of a country resolution that also cites a thematic one once).
        for (head, counts) in heads.sorted(by: { $0.key < $1.key }) {
            let ranked = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let first = ranked.first else { continue }
            guard ranked.count == 1 || first.value >= 3 * ranked[1].value else { continue }
            names.append((head, first.key))
            if head == "Territory" {
                names += [("territorial Government", first.key), ("Government of the Territory", first.key)]
            }
        }
        return names
    }

    /// The short forms a Chinese document uses for a body it names in full: 联合规划署 after
    /// 联合国艾滋病毒/艾滋病联合规划署, 特别报告员 after 人权理事会食物权特别报告员. A short form is
    /// an ending of the full name (four characters or more, or 特派团, 工作组) that the text also
    /// uses on its own, for one body only, or for one named at least three times as often as any
    /// other; a name of another actor is never one. Learnt from the first million characters.
    static func chineseShortForms(in blocks: [String], analyzer: ClauseAnalyzer) -> [(phrase: String, code: String)] {
        var text = ""
        for block in blocks {
            if text.count > 1_000_000 { break }
            text += block + "\n"
        }
        let chars = Array(text.map(AddresseeMatcher.fold))
        let lower = Array(text.lowercased().map(AddresseeMatcher.fold))
        // The full names the text uses (six characters or more), and how often each names each body.
        var fullNames: [String: [String: Int]] = [:]
        var powers = Set<String>()
        var territories: [String: Int] = [:]
        var index = 0
        while index < chars.count {
            guard !chars[index].isASCII, let match = analyzer.matcher.match(in: chars, lowered: lower, at: index) else {
                index += 1
                continue
            }
            if match.length >= 6, !analyzer.stateCodes.contains(match.code) {
                fullNames[String(chars[index..<(index + match.length)]), default: [:]][match.code, default: 0] += 1
            }
            // 管理国大不列颠及北爱尔兰联合王国, 联合王国作为管理国: the administering Power.
            if analyzer.stateCodes.contains(match.code),
                (index >= 3 && String(chars[(index - 3)..<index]) == "管理国")
                    || String(chars[(index + match.length)..<min(chars.count, index + match.length + 5)]) == "作为管理国"
            {
                powers.insert(match.code)
            }
            if analyzer.territoryCodes.contains(match.code) { territories[match.code, default: 0] += 1 }
            index += match.length
        }
        var names: [(phrase: String, code: String)] = []
        if powers.count == 1, let power = powers.first { names += [("管理国", power), ("该管理国", power)] }
        // 领土, 该领土, 领土政府: the one territory the text is about (or the one named most, three times as often).
        let territoryRanks = territories.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if let first = territoryRanks.first, territoryRanks.count == 1 || first.value >= 3 * territoryRanks[1].value {
            names += [("领土", first.key), ("该领土", first.key), ("领土政府", first.key)]
        }
        var endings: [String: [String: Int]] = [:]
        for (name, codes) in fullNames {
            let letters = Array(name)
            for length in 3...(letters.count - 2) {
                let ending = String(letters.suffix(length))
                guard length >= 4 || ["特派团", "工作组"].contains(ending),
                    let first = ending.first, !"的和及与、，,/-—(（".contains(first)
                else { continue }
                for (code, count) in codes { endings[ending, default: [:]][code, default: 0] += count }
            }
        }
        for (ending, codes) in endings.sorted(by: { $0.key < $1.key }) {
            let letters = Array(ending)
            if let own = analyzer.matcher.match(in: letters, lowered: letters, at: 0), own.length == letters.count {
                continue
            }
            let ranked = codes.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            guard let first = ranked.first, ranked.count == 1 || first.value >= 3 * ranked[1].value else { continue }
            // Used on its own: more often than inside the full names that end so.
            let inside = fullNames.reduce(0) { sum, entry in
                sum + (entry.key.hasSuffix(ending) ? entry.value.values.reduce(0, +) : 0)
            }
            guard occurrences(of: ending, in: text) > inside else { continue }
            names.append((ending, first.key))
        }
        return names
    }

    /// How often `needle` occurs in `text`, without overlaps.
    private static func occurrences(of needle: String, in text: String) -> Int {
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }

    private static func isASCIILetter(_ value: UInt8) -> Bool {
        (65...90).contains(value) || (97...122).contains(value)
    }

    /// Counts, in `text`, the States named as administering Power and the bodies named with each
    /// short-form head (for ``documentNames(in:analyzer:)``).
    private static func countNames(
        in text: String, analyzer: ClauseAnalyzer, powers: inout Set<String>, heads: inout [String: [String: Int]]
    ) {
        let chars = Array(text.map(AddresseeMatcher.fold))
        let lower = Array(text.lowercased().map(AddresseeMatcher.fold))
        var index = 0
        while index < chars.count {
            // The names a document defines are proper names: only words in capitals start one.
            // ASCII asked by value first: Character's properties look Unicode's tables up.
            let character = chars[index]
            let upper = character.asciiValue.map { (65...90).contains($0) } ?? character.isUppercase
            guard upper,
                index == 0 || !(lower[index - 1].asciiValue.map(Self.isASCIILetter) ?? lower[index - 1].isLetter),
                let match = analyzer.matcher.match(in: chars, lowered: lower, at: index)
            else {
                index += 1
                continue
            }
            let end = index + match.length
            let phrase = String(chars[index..<end])
            let following = String(lower[end..<min(lower.count, end + 32)])
            if analyzer.stateCodes.contains(match.code),
                following.hasPrefix(" as the administering power") || following.hasPrefix(", the administering power")
            {
                powers.insert(match.code)
            }
            for head in Lexicon.englishShortFormHeads where phrase.hasPrefix(head + " ") {
                heads[head, default: [:]][match.code, default: 0] += 1
            }
            // "the Mission", "the Force": the peacekeeping operation a financing resolution is about;
            // "the High Commissioner": for human rights or for refugees, whichever the text is about.
            for head in ["Mission", "Force"] where phrase.contains(" \(head) ") && phrase.hasPrefix("United Nations") {
                heads[head, default: [:]][match.code, default: 0] += 1
            }
            // "the Territory": the non-self-governing territory the resolution is about.
            if analyzer.territoryCodes.contains(match.code) {
                heads["Territory", default: [:]][match.code, default: 0] += 1
            }
            if phrase.contains("High Commissioner for ") {
                heads["High Commissioner", default: [:]][match.code, default: 0] += 1
            }
            // "the Staff College", "the Advisory Committee": the last two words of a longer name,
            // when the last names an institution.
            let words = phrase.split(separator: " ")
            // "the Institute" (United Nations Institute for Training and Research), "the
            // Commission" (the Peacebuilding Commission): the one institution noun of the name.
            // Not "the Council", which is the organ of the organ line.
            let nouns = words.filter { Lexicon.englishInstitutionNouns.contains(String($0)) && $0 != "Council" }
            if words.count >= 2, nouns.count == 1, let noun = nouns.first, !phrase.hasPrefix(noun + " ") {
                heads[String(noun), default: [:]][match.code, default: 0] += 1
            }
            if words.count >= 3, let last = words.last, Lexicon.englishInstitutionNouns.contains(String(last)),
                let before = words.dropLast().last, before.first?.isUppercase == true,
                !["Nations", "Rights", "States"].contains(before)
            {
                heads["\(before) \(last)", default: [:]][match.code, default: 0] += 1
            }
            index = end
        }
    }

    // MARK: Detection

    static func detectLanguage(_ text: String) -> Language {
        var han = 0
        var latin = 0
        for scalar in text.unicodeScalars.prefix(20_000) {
            if (0x4E00...0x9FFF).contains(scalar.value) {
                han += 1
            } else if scalar.properties.isAlphabetic && scalar.isASCII {
                latin += 1
            }
        }
        return han * 3 > latin ? .zh : .en
    }

    /// The document's symbol from its first lines: `A/RES/78/19`, `E/2020/31`, `A/HRC/55/L.12`.
    static func detectSymbol(_ text: String) -> String? {
        let head = String(text.prefix(1_500))
        let pattern =
            /(?:^|[\s(])((?:A|E|S|UNEP|TD|ST|DP|ICCD|FCCC|CRC|CEDAW|CCPR|HRC)(?:\/[A-Z0-9][A-Za-z0-9.\-]*){2,7})(?=$|[\s),;])/
            .anchorsMatchLineEndings()
        guard let match = head.firstMatch(of: pattern) else { return nil }
        return String(match.1)
    }

    /// The title of a resolution as printed under its number, wrapped lines joined:
    /// `78/19.   Prevention of an arms race` … up to the organ line or a blank line.
    static func detectNumberedTitle(_ text: String) -> String? {
        let lines = text.prefix(8_000).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.firstMatch(of: /^\s*\d{1,3}\/\d{1,4}\.\s+\S/) != nil })
        else { return nil }
        var parts = [String(lines[start].replacing(/^\s*\d{1,3}\/\d{1,4}\.\s+/, with: ""))]
        for line in lines[(start + 1)...].prefix(6) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || DocumentStructure.organName(trimmed) != nil || trimmed.hasPrefix("The ") { break }
            parts.append(trimmed)
        }
        let title = parts.map { $0.trimmingWhitespace() }.joined(separator: " ")
            .replacing(/\s{2,}/, with: " ")
        return title.isEmpty ? nil : title
    }

    /// The date of "Resolution adopted by the General Assembly on 4 December 2023" (across line
    /// breaks and layout spaces), or "2023年12月7日大会决议", "大会2023年12月4日通过的决议".
    static func detectAdoptionDate(_ text: String) -> CalendarDate? {
        let head = String(text.prefix(6_000)).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        if let match = head.firstMatch(
            of:
                /(?:[Rr]esolution|[Dd]ecision) adopted by the [A-Z][A-Za-z ,\-]{2,80}? on (\d{1,2}) ([A-Z][a-z]+) (\d{4})/
        ),
            let day = Int(match.1), let month = months.firstIndex(of: String(match.2)), let year = Int(match.3)
        {
            return CalendarDate(year: year, month: month + 1, day: day)
        }
        if let match = head.firstMatch(of: ImportPatterns.meetingAdoption), let day = Int(match.1),
            let month = months.firstIndex(of: String(match.2)), let year = Int(match.3)
        {
            return CalendarDate(year: year, month: month + 1, day: day)
        }
        let compact = head.replacingOccurrences(of: " ", with: "")
        if let match = compact.firstMatch(of: ImportPatterns.chineseAdoption),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3)
        {
            return CalendarDate(year: year, month: month, day: day)
        }
        return nil
    }

    /// The end of the first date range in the header: (2020年6月10日至12日) → 2020-06-12.
    static func detectDate(_ blocks: [TextBlock]) -> CalendarDate? {
        // "Resolution adopted by the General Assembly on 21 December 2020" beats a distribution date.
        let head = Array(blocks.prefix(40))
        let adopted = head.filter {
            $0.normalized.contains("adopted") || $0.normalized.contains("通过的决议") || $0.normalized.contains("大会决议")
        }
        for block in adopted + head {
            let text = block.normalized.replacingOccurrences(of: " ", with: "")
            if let match = text.firstMatch(of: /(\d{4})年(\d{1,2})月(\d{1,2})日(?:至(?:(\d{1,2})月)?(\d{1,2})日)?/),
                let year = Int(match.1), let month = Int(match.2), let day = Int(match.5 ?? match.3)
            {
                let endMonth = match.4.flatMap { Int($0) } ?? month
                return CalendarDate(year: year, month: endMonth, day: day)
            }
            if let match = block.normalized.firstMatch(
                of:
                    /(\d{1,2})(?:\s*[–-]\s*(\d{1,2}))? (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})/
            ) {
                let months = [
                    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December",
                ]
                if let month = months.firstIndex(of: String(match.3)), let year = Int(match.4),
                    let day = Int(match.2 ?? match.1)
                {
                    return CalendarDate(year: year, month: month + 1, day: day)
                }
            }
        }
        return nil
    }

    /// A title from the header: a line with 报告 / 决议 / Report / resolution, after its subject line.
    static func detectTitle(_ blocks: [TextBlock]) -> String? {
        let head = Array(blocks.prefix(20))
        // "75/999. Information and communications technologies for sustainable development"
        if let numbered = head.first(where: {
            $0.normalized.matches(pattern: "^\\d+/\\d+\\.\\s+\\S")
        }) {
            return numbered.text.replacing(pattern: "^\\d+/\\d+\\.\\s+", with: "")
        }
        for (index, block) in head.enumerated() {
            let text = block.text.trimmingWhitespace()
            guard DisplayWidth.of(text) <= 120,
                text.matches(pattern: "报告|决议|Report|report|[Rr]esolution")
            else { continue }
            if index > 0, text.hasPrefix("秘书长的报告") || text.hasPrefix("Report of the Secretary-General") {
                return head[index - 1].text.trimmingWhitespace() + " — " + text
            }
            // A title wrapped before 第…: "科学和技术促进发展委员会" / "第二十四届会议报告". Not a
            // masthead's date or symbol above 第2697(2023)号决议.
            if index > 0, text.hasPrefix("第"), DisplayWidth.of(head[index - 1].text) <= 60,
                !head[index - 1].text.matches(pattern: "\\d{4}|Distr|^\\s*[A-Z]+/")
            {
                return head[index - 1].text.trimmingWhitespace() + text
            }
            return text
        }
        return nil
    }

    /// The body a symbol's series names: `A/HRC/…` the Human Rights Council, `S/RES/…` the
    /// Security Council, `E/RES/…` the Economic and Social Council, `A/RES/…` the Assembly.
    static func body(ofSymbol symbol: String) -> String? {
        let series = [("A/HRC/", "HRC"), ("S/RES/", "SC"), ("E/RES/", "ECOSOC"), ("A/RES/", "GA")]
        return series.first { symbol.uppercased().hasPrefix($0.0) }?.1
    }

    /// The document's own session, for "to its twenty-fourth session": 第二十三届会议报告 → 23.
    static func detectOwnSession(_ blocks: [TextBlock]) -> Int? {
        for block in blocks.prefix(20) {
            if let match = block.normalized.firstMatch(of: /第([一二三四五六七八九十]+)届会议/) {
                return ChineseNumerals.value(String(match.1))
            }
            if let match = block.normalized.firstMatch(of: /on its ([a-z]+(?:-[a-z]+)?) session/) {
                return EnglishOrdinals.value(String(match.1))
            }
        }
        return nil
    }
}

/// Extraction within one region: keys, inheritance and classes.
struct RegionContext {
    var region: DocumentRegion
    var organCode: String
    var symbol: String
    var ownSession: SessionCalendar?
    /// The document's date, for "within 30 days".
    var issued: CalendarDate
    var analyzer: ClauseAnalyzer
    /// The last addressees named, for back-references across paragraphs.
    var recent: [Mention] = []

    /// What a lead-in passes to its sub-items.
    struct Inherited {
        var analysis: ClauseAnalysis
        var classification: Classification
        /// The lead-in is only a frame ("鼓励委员会：", "会员国不妨考虑以下建议："): its sub-items are
        /// its addressee's actions, whatever verbs they start with.
        var isFrame: Bool
    }

    mutating func extract(_ item: StructuredItem, inherited: Inherited?, into items: inout [ExtractedItem]) {
        let own = analyzer.analyze(item.normalized, previous: recent)
        var analysis = own
        var classification: Classification
        if let inherited, inherited.isFrame {
            analysis = inherited.analysis
            analysis.unresolved = []
            analysis.verbsWithoutAddressee = []
            classification = inherited.classification
        } else {
            // A sub-item without an addressee of its own inherits its lead-in's, unless its own verb
            // only states a position (赞赏地注意到 …).
            let ownVerbBinds = analysis.leadVerb.map { $0.classification != .declaratory } ?? true
            if analysis.addressees.isEmpty, ownVerbBinds, let inherited, !inherited.analysis.addressees.isEmpty {
                analysis.addressees = inherited.analysis.addressees
                analysis.hasActionableAddressee = inherited.analysis.hasActionableAddressee
                if analysis.leadVerb == nil { analysis.verbs = inherited.analysis.verbs }
                analysis.verbsWithoutAddressee = []
                analysis.unresolved = []
            }
            classification = analysis.classification ?? inherited?.classification ?? .declaratory
            if let lead = analysis.leadVerb, lead.classification == .actionable, !analysis.hasActionableAddressee,
                let inherited, inherited.classification == .actionable
            {
                classification = .actionable
            }
        }
        if region.kind == .decision { classification = .decision }
        var doubts: [String] = []
        for verb in analysis.verbsWithoutAddressee { doubts.append("no addressee after '\(verb)'") }
        for phrase in analysis.unresolved { doubts.append("'\(phrase)' matches no actor") }
        if own.addressees.isEmpty, !analysis.addressees.isEmpty, inherited != nil {
            doubts.append("addressees taken from its lead-in")
        } else if !own.addressees.isEmpty,
            own.addressees.allSatisfy({ mention in
                !item.normalized.localizedCaseInsensitiveContains(mention.phrase)
            })
        {
            doubts.append(
                "addressees read from an earlier paragraph ('\(own.addressees.map(\.phrase).joined(separator: "', '"))')"
            )
        }
        if classification == .actionable && analysis.addressees.isEmpty && analysis.verbsWithoutAddressee.isEmpty {
            doubts.append("actionable, but binds nobody the text names")
        }
        if own.leadVerb == nil && own.verbs.isEmpty && inherited == nil && region.kind != .decision {
            doubts.append("no operative verb: its class comes from its place")
        }
        if !analysis.addressees.isEmpty { recent = analysis.addressees }

        let isFrame = !item.children.isEmpty && Self.isFrameLeadIn(item.normalized, analysis: own)
        if !isFrame {
            var addressees = analysis.addressees
            if (classification == .decision && addressees.isEmpty)
                || (analysis.bindsOwnOrgan && !addressees.contains(where: { $0.code == organCode }))
            {
                addressees.append(Mention(organCode, region.organ ?? organCode))
            }
            let path = (region.prefix.isEmpty ? "" : region.prefix + " ") + item.labels.map(\.keyText).joined()
            let binding = classification != .declaratory
            var tags: [String] = []
            if let heading = item.heading { tags.append("heading:" + heading) }
            if binding, let year = DeadlineReader.target(in: item.normalized) { tags.append("target:\(year)") }
            items.append(
                ExtractedItem(
                    key: symbol + " " + path, path: path, classification: classification,
                    kind: Self.kind(classification, verbs: analysis.verbs, addressees: addressees.map(\.code)),
                    verbs: analysis.verbs, addressees: addressees.map(\.code), phrases: addressees.map(\.phrase),
                    unresolved: analysis.unresolved, verbsWithoutAddressee: analysis.verbsWithoutAddressee,
                    dueDate: binding
                        ? DeadlineReader.dueDate(in: item.normalized, ownSession: ownSession, issued: issued) : nil,
                    cycle: binding ? DeadlineReader.cycle(in: item.normalized) : nil, tags: tags,
                    text: item.text.trimmingCharacters(in: .whitespacesAndNewlines), line: item.line, doubts: doubts))
        }
        let passed = Inherited(
            analysis: analysis, classification: classification, isFrame: isFrame || (inherited?.isFrame ?? false))
        for child in item.children { extract(child, inherited: passed, into: &items) }
    }

    /// A lead-in that is only a frame: it ends with a colon and says "the following", or holds
    /// nothing but its verb and addressee.
    static func isFrameLeadIn(_ text: String, analysis: ClauseAnalysis) -> Bool {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.hasSuffix("：") || trimmed.hasSuffix(":") else { return false }
        if trimmed.matches(pattern: "以下|下列|the following|as follows") { return true }
        var rest = trimmed
        for word in analysis.verbs + analysis.addressees.map(\.phrase) + Lexicon.chinesePrefixes {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        rest = rest.replacing(pattern: "[\\s：:，,。.the]", with: "")
        return rest.count <= 2
    }

    static func kind(_ classification: Classification, verbs: [String], addressees: [String]) -> RecommendationKind {
        switch classification {
        case .decision: return .decision
        case .declaratory: return .recommendation
        case .actionable:
            let requestVerbs: Set<String> = ["请", "要求", "requests", "asks"]
            return verbs.contains(where: requestVerbs.contains) ? .request : .recommendation
        }
    }
}

/// When a body's sessions meet, to date a request "at its eighty-first session".
///
/// The Human Rights Council meets three times a year, its sessions opening in February or March,
/// June and September (the 55th on 26 February 2024, the 56th on 18 June, the 57th on 9
/// September): a report due at its session N is due by the first of that month.
///
/// The General Assembly's session N opens in September of 1945 + N (the 78th on 5 September
/// 2023, the 79th on 10 September 2024): a report due at a session is due by the first of that
/// September, the earliest the session can open. Another body's sessions are taken as yearly from
/// the document's own session and year, due by the year's end.
struct SessionCalendar: Sendable {
    /// The document's own session and the year it met.
    var number: Int
    var year: Int
    /// The month a session opens (9 for the General Assembly), or `nil`: any time in its year.
    var opensInMonth: Int?

    /// A General Assembly document's calendar, read from its symbol (A/RES/78/19, A/78/123).
    static func generalAssembly(symbol: String) -> SessionCalendar? {
        var parts = symbol.split(separator: "/")
        if parts.count > 2, parts[1] == "RES" { parts.remove(at: 1) }
        guard parts.count > 2, parts[0] == "A", (2...3).contains(parts[1].count), let number = Int(parts[1]) else {
            return nil
        }
        return SessionCalendar(number: number, year: 1945 + number, opensInMonth: 9)
    }

    /// Three sessions a year, as the Human Rights Council's.
    var thriceYearly = false

    /// A Human Rights Council resolution's calendar, read from its symbol (A/HRC/RES/55/1).
    static func humanRightsCouncil(symbol: String) -> SessionCalendar? {
        let parts = symbol.split(separator: "/")
        guard parts.count == 5, parts[0] == "A", parts[1] == "HRC", parts[2] == "RES", let number = Int(parts[3]),
            number >= 4, let opening = councilOpening(of: number)
        else { return nil }
        return SessionCalendar(number: number, year: opening.year, thriceYearly: true)
    }

    /// When the Human Rights Council's session `session` opens: from the 4th (March 2007), three a
    /// year, in February, June and September.
    static func councilOpening(of session: Int) -> CalendarDate? {
        CalendarDate(year: 2007 + (session - 4) / 3, month: [2, 6, 9][(session - 4) % 3], day: 1)
    }

    /// When session `session` is due, if it is after the document's own and at most five ahead
    /// (two years for a body that meets three times a year).
    func dueDate(of session: Int) -> CalendarDate? {
        if thriceYearly {
            guard session > number, session <= number + 6 else { return nil }
            return Self.councilOpening(of: session)
        }
        guard session > number, session <= number + 5 else { return nil }
        let year = self.year + session - number
        if let opensInMonth { return CalendarDate(year: year, month: opensInMonth, day: 1) }
        return CalendarDate(year: year, month: 12, day: 31)
    }
}
