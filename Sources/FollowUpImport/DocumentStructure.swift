import Foundation
import FollowUpModel
import FollowUpStore

/// One numbered or labelled unit of an operative part, with its sub-items.
struct StructuredItem: Sendable {
    /// The labels from the top: `[.number(84), .letter("a")]`.
    var labels: [ItemLabel]
    /// The text without its label, original wording.
    var text: String
    /// The normalised text without its label.
    var normalized: String
    /// The source line.
    var line: Int
    /// The unnumbered heading the item stands under, if any (`互联网治理`).
    var heading: String?
    var children: [StructuredItem] = []
}

/// A label whose level is decided.
enum ItemLabel: Equatable, Sendable {
    case number(Int)
    case letter(String)
    case roman(Int)

    /// How it appears in a key: `¶84`, `(a)`, `(iii)`.
    var keyText: String {
        switch self {
        case .number(let value): "¶\(value)"
        case .letter(let value): "(\(value))"
        case .roman(let value): "(\(RomanNumerals.string(value)))"
        }
    }

    var kindIndex: Int {
        switch self {
        case .number: 0
        case .letter: 1
        case .roman: 2
        }
    }
}

/// A part of a document that carries recommendations.
struct DocumentRegion: Sendable {
    enum Kind: Sendable, Equatable {
        /// A draft resolution in a commission report, or a resolution.
        case resolution
        /// A draft decision: every clause is the body's decision.
        case decision
        /// A report's conclusions and recommendations.
        case conclusions
    }

    var kind: Kind
    /// The key prefix: `DR-I`, `DD`, or empty.
    var prefix: String
    /// The organ line's organ (`经济及社会理事会`), if any.
    var organ: String?
    var items: [StructuredItem]
    /// The line the region starts on.
    var line: Int
    /// The paragraphs the text numbers 1, 2, … after the organ line, with the line of each: what
    /// the items must account for.
    var numbered: [Int: Int] = [:]
    /// Numbered or lettered units of the region that are not clauses, and why.
    var setAside: [ImportCensus.SetAside] = []
}

/// Finds the parts of a document that carry recommendations and splits them into items.
enum DocumentStructure {
    /// The regions of `blocks`, or an error saying what was expected.
    static func regions(of givenBlocks: [TextBlock], source: String) throws(FollowUpError) -> [DocumentRegion] {
        // Text copied from a web page may hold a resolution on one line: split it first.
        let blocks = runOnSplit(givenBlocks) ?? givenBlocks
        let drafts = blocks.indices.filter {
            DocumentPatterns.isDraftMarker(blocks[$0].normalized) != nil || isDecisionHeading(blocks[$0].normalized)
        }
        if !drafts.isEmpty {
            return commissionReportRegions(blocks)
        }
        if let conclusions = blocks.firstIndex(where: { isConclusionsHeading($0.normalized) }) {
            let end =
                blocks[(conclusions + 1)...].firstIndex(where: { isTopLevelHeading($0.normalized) }) ?? blocks.endIndex
            let items = parseItems(Array(blocks[(conclusions + 1)..<end]), lettersAtTop: false, reportNumbering: true)
            return [
                DocumentRegion(kind: .conclusions, prefix: "", organ: nil, items: items, line: blocks[conclusions].line)
            ]
        }
        if let organ = organLine(in: blocks) {
            let end = blocks[(organ + 1)...].firstIndex(where: { isEndOfResolution($0.normalized) }) ?? blocks.endIndex
            let operative = Array(blocks[(organ + 1)..<end])
            var region = DocumentRegion(
                kind: .resolution, prefix: "", organ: organName(blocks[organ].normalized),
                items: [], line: blocks[organ].line)
            (region.items, region.setAside) = operativeItems(operative)
            region.numbered = numberedRun(operative)
            region.setAside += annexes(Array(blocks[end...]))
            return [region]
        }
        throw .invalidInput(
            source: source, line: nil, field: nil,
            reason: "found no part that carries recommendations: expected an organ line ('The General Assembly,' / "
                + "'大会，') before numbered paragraphs, draft resolutions ('Draft resolution I' / '决议草案一') "
                + "or a 'Conclusions and recommendations' section ('结论和建议')")
    }

    // MARK: Text on one line

    /// A resolution laid out as one line, as a web page's text may give it ("… 大会, 审议了…, 1.
    /// 重申…; 2. …"), split into its organ line, its preamble and its paragraphs: at the organ
    /// ("大会,", "The General Assembly,") and at each paragraph number that follows the end of a
    /// clause, in order (1., 2., 3. …). `nil` when the text has an organ line of its own, or no
    /// such run.
    static func runOnSplit(_ blocks: [TextBlock]) -> [TextBlock]? {
        guard !blocks.contains(where: { organName($0.normalized) != nil }),
            let index = blocks.firstIndex(where: { $0.text.firstMatch(of: ImportPatterns.inlineOrgan) != nil })
        else { return nil }
        let block = blocks[index]
        guard let organ = block.text.firstMatch(of: ImportPatterns.inlineOrgan) else { return nil }
        var pieces: [String] = []
        let before = block.text[..<organ.range.lowerBound].trimmingWhitespace()
        if !before.isEmpty { pieces.append(before) }
        pieces.append(String(organ.output).trimmingWhitespace())
        // The rest of this block and the blocks after it, cut before each number in turn.
        var rest = String(block.text[organ.range.upperBound...])
        for later in blocks[(index + 1)...] { rest += "\n" + later.text }
        var expected = 1
        var position = rest.startIndex
        var start = rest.startIndex
        while let cut = nextNumber(expected, in: rest, from: position) {
            let piece = rest[start..<cut].trimmingWhitespace()
            if !piece.isEmpty { pieces.append(piece) }
            start = cut
            position = rest.index(after: cut)
            expected += 1
        }
        guard expected > 1 else { return nil }
        pieces.append(rest[start...].trimmingWhitespace())
        var split = Array(blocks[..<index])
        for piece in pieces where !piece.isEmpty {
            split.append(TextBlock(text: piece, normalized: TextNormalization.normalize(piece), line: block.line))
        }
        return split
    }

    /// Where paragraph `number` starts in `text` after `start`: its digits after the end of a
    /// clause (`,` `;` `.` `:` `，` `；` `。` `：`, a line end) and before a dot and a word.
    static func nextNumber(_ number: Int, in text: String, from start: String.Index) -> String.Index? {
        let digits = String(number)
        var search = start
        while let found = text[search...].range(of: digits) {
            defer { search = found.upperBound }
            let after = text[found.upperBound...]
            guard let dot = after.first, dot == "." || dot == "．" else { continue }
            let following = after.dropFirst().first
            guard following == " " || following.map(TextNormalization.isCJK) == true else { continue }
            var before = text[..<found.lowerBound].reversed().drop { $0 == " " }.makeIterator()
            guard let previous = before.next() else { continue }
            if ",;.:，；。：\n".contains(previous) { return found.lowerBound }
        }
        return nil
    }

    // MARK: Commission reports

    static func commissionReportRegions(_ allBlocks: [TextBlock]) -> [DocumentRegion] {
        // Chapter I only: from "第一章"/"Chapter I" to "第二章"/"Chapter II".
        let start =
            allBlocks.firstIndex {
                $0.normalized == "第一章"
                    || $0.normalized.matches(pattern: "^(Chapter|CHAPTER) I$")
            } ?? allBlocks.startIndex
        let end =
            allBlocks[start...].firstIndex {
                $0.normalized == "第二章"
                    || $0.normalized.matches(pattern: "^(Chapter|CHAPTER) II$")
            } ?? allBlocks.endIndex
        let blocks = Array(allBlocks[start..<end])
        var starts: [(index: Int, kind: DraftKind, number: Int?)] = []
        for (index, block) in blocks.enumerated() {
            if let marker = DocumentPatterns.isDraftMarker(block.normalized) {
                starts.append((index, marker.kind, marker.number))
            } else if isDecisionHeading(block.normalized) {
                starts.append((index, .decision, nil))
            }
        }
        var regions: [DocumentRegion] = []
        let decisionCount = starts.filter { $0.kind == .decision }.count
        for (position, draft) in starts.enumerated() {
            let next = position + 1 < starts.count ? starts[position + 1].index : blocks.count
            var body = Array(blocks[(draft.index + 1)..<next])
            // A section heading ("B. 供理事会通过的决定草案") ends a draft resolution.
            if draft.kind == .resolution, let heading = body.firstIndex(where: { isSectionHeading($0.normalized) }) {
                body = Array(body[..<heading])
            }
            let organIndex = body.prefix(6).firstIndex { organName($0.normalized) != nil }
            let organ = organIndex.map { organName(body[$0].normalized) } ?? nil
            let operative = organIndex.map { Array(body[($0 + 1)...]) } ?? body
            let prefix: String
            switch draft.kind {
            case .resolution: prefix = "DR-" + RomanNumerals.string(draft.number ?? position + 1).uppercased()
            case .decision:
                prefix =
                    decisionCount > 1 || draft.number != nil
                    ? "DD-" + RomanNumerals.string(draft.number ?? position + 1).uppercased() : "DD"
            }
            var region = DocumentRegion(
                kind: draft.kind == .resolution ? .resolution : .decision, prefix: prefix, organ: organ,
                items: [], line: blocks[draft.index].line)
            (region.items, region.setAside) = operativeItems(operative, numbersFirst: draft.kind == .resolution)
            // A draft decision lettered (a), (b) is followed by the report's own numbered paragraphs.
            let lettered = region.items.first.map { $0.labels.first?.kindIndex == 1 } ?? false
            region.numbered = draft.kind == .decision && lettered ? [:] : numberedRun(operative)
            regions.append(region)
        }
        return regions
    }

    /// `B. 供理事会通过的决定草案`, `B. Draft decision recommended for adoption by the Council`.
    static func isDecisionHeading(_ line: String) -> Bool {
        isSectionHeading(line)
            && (line.contains("决定草案") || line.matches(pattern: "Draft decisions?"))
    }

    /// `A. …`, `B. …`: a lettered section heading.
    static func isSectionHeading(_ line: String) -> Bool {
        line.matches(pattern: "^[A-Z]\\.\\s+\\S")
    }

    static func isTopLevelHeading(_ line: String) -> Bool {
        line.matches(pattern: "^([一二三四五六七八九十]+|[IVX]+)\\.\\s*\\S")
            || line.matches(pattern: "^(附件|Annex|ANNEX)")
    }

    /// `五. 结论和建议`, `V. Conclusions and recommendations`, `VI. Recommendations`.
    static func isConclusionsHeading(_ line: String) -> Bool {
        isTopLevelHeading(line)
            && (line.contains("建议") || line.matches(pattern: "[Rr]ecommendations"))
    }

    /// The block that opens the resolution: the first organ line that ends in its comma (`人权理事会，`);
    /// failing one, the last bare organ line (`安全理事会`) before the first numbered paragraph.
    /// A masthead names its organ bare too ("大会" above "人权理事会，" in a Council resolution).
    static func organLine(in blocks: [TextBlock]) -> Int? {
        let lines = blocks.indices.filter { organName(blocks[$0].normalized) != nil }
        if let punctuated = lines.first(where: { isPunctuatedOrgan(blocks[$0].normalized) }) { return punctuated }
        let firstNumbered =
            blocks.firstIndex { $0.normalized.firstMatch(of: ImportPatterns.numberLabel) != nil } ?? blocks.endIndex
        return lines.last { $0 < firstNumbered } ?? lines.first
    }

    /// Whether an organ line ends as one: `大会，`, `The General Assembly,`.
    static func isPunctuatedOrgan(_ line: String) -> Bool {
        guard let last = line.trimmingWhitespace().last else { return false }
        return "，,：:".contains(last)
    }

    /// The organ of an organ line: `大会，` → `大会`; `The General Assembly,` → `General Assembly`.
    static func organName(_ line: String) -> String? {
        // Each pattern is anchored at the line's start: a Chinese organ line starts with an
        // ideograph, an English one with "The ".
        guard let first = line.unicodeScalars.first else { return nil }
        if first.value >= 0x2E80 {
            guard let match = line.firstMatch(of: ImportPatterns.chineseOrgan) else { return nil }
            return String(match.1 ?? match.2 ?? "")
        }
        guard line.hasPrefix("The "), let match = line.firstMatch(of: ImportPatterns.englishOrgan) else { return nil }
        return String(match.2 ?? match.1).trimmingCharacters(in: CharacterSet(charactersIn: ",:"))
    }

    static func isEndOfResolution(_ line: String) -> Bool {
        line.matches(pattern: "^(附件|Annex|ANNEX)")
    }

    // MARK: Operative parts

    /// The items of a resolution's body after its organ line, and what was set aside: the
    /// preamble (unlabelled blocks before the first label) is skipped, and so is a lettered list
    /// within it ("(a) The Voluntary Guidelines …") when numbered paragraphs follow: the operative
    /// part starts at paragraph 1.
    ///
    /// `numbersFirst` is false for a draft decision, whose lettered items (a), (b) are its
    /// operative part even when numbered paragraphs of the report follow.
    static func operativeItems(_ blocks: [TextBlock], numbersFirst: Bool = true) -> (
        items: [StructuredItem], setAside: [ImportCensus.SetAside]
    ) {
        let firstNumber =
            numbersFirst ? blocks.firstIndex { DocumentPatterns.label(of: $0.normalized)?.label == .number(1) } : nil
        guard let first = firstNumber ?? blocks.firstIndex(where: { startsOperative($0.normalized) }) else {
            return (soleParagraph(blocks).map { [$0] } ?? [], [])
        }
        var setAside: [ImportCensus.SetAside] = []
        let lists = blocks[..<first].compactMap { block -> (line: Int, label: String)? in
            guard case .latin(let letter)? = DocumentPatterns.label(of: block.normalized)?.label else { return nil }
            return (block.line, letter)
        }
        if let firstList = lists.first, let lastList = lists.last {
            setAside.append(
                ImportCensus.SetAside(
                    line: firstList.line,
                    labels: lists.count == 1 ? "(\(firstList.label))" : "(\(firstList.label))–(\(lastList.label))",
                    reason: "a list in the preamble, before paragraph 1"))
        }
        let lettersAtTop: Bool
        if case .latin? = DocumentPatterns.label(of: blocks[first].normalized)?.label {
            lettersAtTop = true
        } else {
            lettersAtTop = false
        }
        // A heading just before the first paragraph (总结：审查…) heads it.
        let heading = first > 0 && isUnnumberedHeading(blocks[first - 1].normalized) ? blocks[first - 1].text : nil
        return (
            parseItems(Array(blocks[first...]), lettersAtTop: lettersAtTop, reportNumbering: false, heading: heading),
            setAside
        )
    }

    /// The run of blocks that start with 1., 2., 3. … in order, each number with its line: the
    /// paragraphs the text numbers. The run goes on over a number or two the text does not show
    /// at a block's start (a label lost in conversion is still counted as numbered); a number out
    /// of turn (a list inside a paragraph, a cross-reference at a line's start) is not part of it.
    ///
    /// A number in a gap is given the line of a block between its neighbours that starts with its
    /// digits ("4 Reaffirms …", its dot lost), or else the line of the number before it.
    static func numberedRun(_ blocks: [TextBlock]) -> [Int: Int] {
        var run: [Int: Int] = [:]
        var last = 0
        var lastIndex = 0
        for (index, block) in blocks.enumerated() {
            guard case .number(let value)? = DocumentPatterns.label(of: block.normalized)?.label,
                value > last, value <= last + 3, last > 0 || value == 1
            else { continue }
            for gap in (last + 1)..<value {
                let digits = String(gap)
                let found = blocks[lastIndex..<index].first {
                    $0.normalized.hasPrefix(digits) && $0.normalized.dropFirst(digits.count).first?.isNumber == false
                }
                run[gap] = found?.line ?? run[last] ?? block.line
            }
            run[value] = block.line
            last = value
            lastIndex = index
        }
        return run
    }

    /// What follows the end of a resolution, an annex: each annex's numbered paragraphs, set aside.
    static func annexes(_ blocks: [TextBlock]) -> [ImportCensus.SetAside] {
        var result: [ImportCensus.SetAside] = []
        var start = 0
        while start < blocks.count {
            let end = blocks[(start + 1)...].firstIndex { isEndOfResolution($0.normalized) } ?? blocks.count
            let run = numberedRun(Array(blocks[start..<end]))
            if !run.isEmpty {
                result.append(
                    ImportCensus.SetAside(
                        line: blocks[start].line, labels: run.count == 1 ? "1." : "1.–\(run.count).",
                        reason: "numbered paragraphs of an annex, not the resolution's own"))
            }
            start = end
        }
        return result
    }

    /// `1. …` or `(a) …`: the first operative paragraph.
    /// A resolution of one operative paragraph does not number it ("Takes note of the report …"):
    /// the first block after the preamble that does not open with a participle and ends with a
    /// full stop. It is keyed ¶1.
    /// In Chinese, where preamble and operative paragraphs open with the same verbs, the preamble's
    /// end with a comma and the sole paragraph with a full stop (。).
    static func soleParagraph(_ blocks: [TextBlock]) -> StructuredItem? {
        for block in blocks {
            let text = block.normalized.trimmingWhitespace()
            if let first = text.first, TextNormalization.isCJK(first) {
                guard text.hasSuffix("。") || text.hasSuffix(".") else { continue }
                return StructuredItem(
                    labels: [.number(1)], text: block.text.trimmingWhitespace(), normalized: text,
                    line: block.line, heading: nil)
            }
            guard let first = text.split(separator: " ").first, first.first?.isUppercase == true else { continue }
            let word = first.lowercased()
            if word.hasSuffix("ing") || word == "having" || word == "bearing" || !text.hasSuffix(".") { continue }
            return StructuredItem(
                labels: [.number(1)], text: block.text.trimmingWhitespace(), normalized: text,
                line: block.line, heading: nil)
        }
        return nil
    }

    static func startsOperative(_ line: String) -> Bool {
        switch DocumentPatterns.label(of: line)?.label {
        case .number(1)?: true
        case .latin("a")?: true
        default: false
        }
    }

    /// Splits labelled blocks into a tree, deciding each label's level from its neighbours.
    ///
    /// - `lettersAtTop`: the top level is lettered (`(a)`, `(b)` …), so numbered lines inside are
    ///   content, not paragraphs.
    /// - `reportNumbering`: paragraphs are numbered across the whole report (a numbered heading
    ///   whose number does not follow the last paragraph's is a heading).
    static func parseItems(
        _ blocks: [TextBlock], lettersAtTop: Bool, reportNumbering: Bool, heading initialHeading: String? = nil
    ) -> [StructuredItem] {
        var roots: [StructuredItem] = []
        // The open path: each level's label kind and last label.
        var path: [(kind: Int, last: ItemLabel)] = []
        var heading = initialHeading
        var swallowing = false
        var swallowedAny = false
        var lastNumber: Int?

        func appendContent(_ block: TextBlock) {
            guard !path.isEmpty else { return }
            modifyLast(depth: path.count - 1) { item in
                item.text += "\n" + block.text
                item.normalized += "\n" + block.normalized
            }
        }

        func modifyLast(depth: Int, _ change: (inout StructuredItem) -> Void) {
            func descend(_ items: inout [StructuredItem], _ level: Int) {
                guard !items.isEmpty else { return }
                if level == depth {
                    change(&items[items.count - 1])
                } else {
                    descend(&items[items.count - 1].children, level + 1)
                }
            }
            descend(&roots, 0)
        }

        func insert(_ item: StructuredItem, depth: Int) {
            func descend(_ items: inout [StructuredItem], _ level: Int) {
                if level == depth {
                    items.append(item)
                } else if !items.isEmpty {
                    descend(&items[items.count - 1].children, level + 1)
                }
            }
            descend(&roots, 0)
        }

        for block in blocks {
            if swallowing {
                // "… as follows:" takes what follows, up to the next paragraph of the sequence;
                // but when what follows at once is "(a)", those are its own sub-items.
                let next = DocumentPatterns.label(of: block.normalized)?.label
                if let lastNumber, !lettersAtTop, case .number(let value)? = next, value == lastNumber + 1 {
                    swallowing = false
                } else if !swallowedAny, case .latin("a")? = next {
                    swallowing = false
                } else {
                    swallowedAny = true
                    appendContent(block)
                    continue
                }
            }
            guard let (raw, rest) = DocumentPatterns.label(of: block.normalized) else {
                if isUnnumberedHeading(block.normalized) && !path.isEmpty {
                    heading = block.text.trimmingWhitespace()
                } else if !path.isEmpty && !DocumentPatterns.isHeading(block.normalized) {
                    appendContent(block)
                }
                continue
            }
            // Decide the label's level.
            var label: ItemLabel
            switch raw {
            case .number(let value):
                if lettersAtTop {
                    appendContent(block)
                    continue
                }
                if reportNumbering, let lastNumber, value != lastNumber + 1 {
                    continue  // a numbered sub-heading, not a paragraph
                }
                label = .number(value)
            case .chinese(let value), .roman(let value):
                label = .roman(value)
            case .latin(let text):
                label = decideLatin(text, path: path)
            }
            let kind = label.kindIndex
            let depth: Int
            if let existing = path.firstIndex(where: { $0.kind == kind }) {
                depth = existing
            } else {
                depth = path.count
            }
            path = Array(path.prefix(depth))
            var labels: [ItemLabel] = []
            func collect(_ items: [StructuredItem], _ level: Int) {
                guard level < depth, let last = items.last else { return }
                labels.append(last.labels[level])
                collect(last.children, level + 1)
            }
            collect(roots, 0)
            labels.append(label)
            let original = stripLabel(block.text)
            let item = StructuredItem(
                labels: labels, text: original, normalized: String(rest), line: block.line, heading: heading)
            insert(item, depth: depth)
            path.append((kind, label))
            if case .number(let value) = label { lastNumber = value }
            if DocumentPatterns.matches(String(rest), "(如下|as follows)[：:]$") {
                swallowing = true
                swallowedAny = false
            }
        }
        return roots
    }

    /// `(i)` after `(h)` is a letter; `(i)` under a lettered item is a roman numeral.
    static func decideLatin(_ text: String, path: [(kind: Int, last: ItemLabel)]) -> ItemLabel {
        guard let roman = RomanNumerals.value(text) else { return .letter(text) }
        let isLetter = text.count == 1
        if isLetter {
            if let letters = path.first(where: { $0.kind == 1 }), case .letter(let last) = letters.last,
                let previous = last.unicodeScalars.first, let current = text.unicodeScalars.first,
                current.value == previous.value + 1
            {
                return .letter(text)
            }
            if let romans = path.first(where: { $0.kind == 2 }), case .roman(let last) = romans.last, last + 1 == roman
            {
                return .roman(roman)
            }
            if text == "i" && path.contains(where: { $0.kind == 1 }) { return .roman(1) }
            return .letter(text)
        }
        return .roman(roman)
    }

    /// A short unlabelled line between paragraphs: `互联网治理`, `Internet governance`.
    static func isUnnumberedHeading(_ line: String) -> Bool {
        DisplayWidth.of(line) <= 60 && !DocumentPatterns.endsWithPunctuation(line)
    }

    /// The original text without its leading label.
    static func stripLabel(_ text: String) -> String {
        let pattern = "^\\s*(\\d{1,4}[.．]|[(（]([a-z]{1,2}|[ivxl]{1,6}|[一二三四五六七八九十]{1,4})[)）]|[㈠-㈩])\\s*"
        return text.replacing(pattern: pattern, with: "")
    }
}
