import Foundation
import FollowUpModel
import FollowUpStore

/// A logical unit of a document after cleaning: a paragraph, a sub-item, a heading or a line.
public struct TextBlock: Sendable, Equatable {
    /// The original wording, noise removed, broken lines joined.
    public var text: String
    /// The normalised copy, for structure and matching (see `TextNormalization`).
    public var normalized: String
    /// The source line the block starts on, counting from 1.
    public var line: Int
}

/// Removes extraction noise from a UN document's text and joins its broken lines into blocks.
///
/// What it removes: running heads (a bare symbol, job numbers like `20-08012 (C)`, page counters
/// like `3/21`), footnote blocks after a `____` rule and footnote lines (`¹ …`, `^a …`), glued
/// footnote markers (`成果文件，¹`, `互联网，1`, `Society,4`), bare link lines, markdown bullets
/// and links. What it joins: lines wrapped at a page's margin and paragraphs broken across pages
/// (Chinese without a space, English with one, a hyphen at a line end removed).
///
/// Two layouts are told apart by line widths: a hard-wrapped text (most lines about as wide as
/// the widest) joins every line that does not start a new unit and does not follow a short line;
/// a text with one paragraph per line joins only a long line that ends without punctuation.
public enum TextCleaner {
    struct PhysicalLine {
        var text: String
        var normalized: String
        var number: Int
        var indented: Bool
        var width: Int
        /// A blank line stands between this line and the previous one.
        var blankBefore = false
        /// Noise (a running head, footnotes: a page break) was removed before this line.
        var noiseBefore = false
    }

    /// The blocks of `text`.
    public static func blocks(of text: String) -> [TextBlock] {
        let lines = labelsJoined(physicalLines(of: text))
        let wrapped = isHardWrapped(lines)
        let margin = wrapMargin(lines)
        // Where blank lines mostly fall in mid-sentence (a text with a blank line after every
        // wrapped line), they mean nothing; elsewhere a blank line ends a paragraph.
        var afterBlank = 0
        var midSentence = 0
        for (index, line) in lines.enumerated() where index > 0 && line.blankBefore {
            afterBlank += 1
            if !DocumentPatterns.endsWithPunctuation(lines[index - 1].normalized) { midSentence += 1 }
        }
        let blanksMeaningful = afterBlank == 0 || Double(midSentence) / Double(afterBlank) < 0.5
        var blocks: [TextBlock] = []
        var previous: PhysicalLine?
        for line in lines {
            let startsUnit =
                DocumentPatterns.startsUnit(line.normalized)
                || (previous.map { opensUnnumberedParagraph(line.normalized, after: $0.normalized) } ?? false)
            var join = false
            if let previous, !blocks.isEmpty, !startsUnit {
                if line.noiseBefore {
                    // Across a page break: a paragraph cut off mid-sentence continues.
                    join =
                        !DocumentPatterns.endsWithTerminal(previous.normalized)
                        && !(DocumentPatterns.endsWithPunctuation(previous.normalized) && !wrapped)
                } else if wrapped {
                    join = Double(previous.width) >= Double(margin) * 0.75 && !(blanksMeaningful && line.blankBefore)
                } else {
                    // A long line cut off without punctuation continues on the next line, unless
                    // that line is short and unpunctuated itself: a heading (互联网治理).
                    let looksLikeHeading = line.width <= 30 && !DocumentPatterns.endsWithPunctuation(line.normalized)
                    join =
                        !DocumentPatterns.endsWithPunctuation(previous.normalized) && previous.width >= 40
                        && !looksLikeHeading
                }
            }
            if join, var last = blocks.popLast() {
                Self.join(&last.text, line.text)
                blocks.append(last)
            } else {
                blocks.append(TextBlock(text: line.text, normalized: "", line: line.number))
            }
            previous = line
        }
        return blocks.map { block in
            let text = removeFootnoteMarkers(block.text)
            return TextBlock(text: text, normalized: TextNormalization.normalize(text), line: block.line)
        }
    }

    /// Whether `line` opens an unnumbered paragraph of a resolution's body: it starts with an
    /// operative verb, capitalised ("Decides to adopt the outcome …", "Takes note of …"), and the
    /// line before ends a preamble paragraph with a comma or a semicolon. Mid-sentence, an
    /// operative verb is not capitalised, so a hard-wrapped one-paragraph decision whose preamble
    /// ends with "…resolution 5/1," is not read as one long preamble paragraph.
    static func opensUnnumberedParagraph(_ line: String, after previous: String) -> Bool {
        guard let last = previous.last, ",;，；".contains(last), let first = line.first, first.isUppercase,
            first.isASCII
        else { return false }
        let lowered = line.prefix(40).lowercased()
        return Lexicon.englishVerbs.contains { verb in
            !verb.addresseeFirst && lowered.hasPrefix(verb.text)
                && lowered.dropFirst(verb.text.count).first.map { $0 == " " || $0 == "," } ?? true
        }
    }

    /// `lines` with each line that holds only a paragraph's label (`1.`, `(a)`, `（一）`) joined
    /// to the line after it: the layout of text copied from a PDF viewer or read by PyMuPDF,
    /// where the number stands alone on its line and the paragraph starts on the next.
    static func labelsJoined(_ lines: [PhysicalLine]) -> [PhysicalLine] {
        var result: [PhysicalLine] = []
        result.reserveCapacity(lines.count)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if index + 1 < lines.count, DocumentPatterns.isLabelOnly(line.normalized) {
                let next = lines[index + 1]
                var joined = line
                joined.text = line.text.trimmingWhitespace() + " " + next.text.trimmingWhitespace()
                joined.normalized = line.normalized.trimmingWhitespace() + " " + next.normalized.trimmingWhitespace()
                joined.width = line.width + 1 + next.width
                result.append(joined)
                index += 2
                continue
            }
            result.append(line)
            index += 1
        }
        return result
    }

    /// The lines that carry text, with noise removed.
    static func physicalLines(of text: String) -> [PhysicalLine] {
        var result: [PhysicalLine] = []
        var inFootnotes = false
        var footnoteOpen = false
        var number = 0
        var blankBefore = false
        var noiseBefore = false
        /// A footnote's number stood alone on the line before (pdftotext -layout): this line is its text.
        var markerAlone = false
        // Split by byte: splitting by Character finds grapheme boundaries in every line (and
        // would keep "\r\n", one Character, unsplit).
        let rawLines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let pageHeads = pageHeadLines(rawLines)
        // pdftotext's pages, each started by a form feed: a page's footnotes run to its foot.
        let paginated = text.utf8.contains(0x0C)
        for rawLine in rawLines {
            number += 1
            if rawLine.first == 0x0C {
                inFootnotes = false
                markerAlone = false
            }
            if pageHeads.contains(number) {
                noiseBefore = true
                continue
            }
            var original = String(Substring(rawLine))
            if original.hasSuffix("\r") { original.removeLast() }
            let trimmed = original.trimmingWhitespace()
            if trimmed.isEmpty {
                blankBefore = true
                markerAlone = false
                continue
            }
            let normalized = TextNormalization.normalize(trimmed)
            let indented = original.first?.isWhitespace ?? false
            if DocumentPatterns.isFootnoteRule(normalized) {
                inFootnotes = true
                footnoteOpen = false
                markerAlone = false
                noiseBefore = true
                continue
            }
            if inFootnotes && markerAlone {
                // The text of a footnote whose number stood alone on the line before, whatever it
                // looks like (a bare symbol, "A/77/748.", is no running head here).
                markerAlone = false
                footnoteOpen = !DocumentPatterns.endsWithTerminal(normalized)
                continue
            }
            if DocumentPatterns.isLinkLine(normalized) || DocumentPatterns.isMarkedFootnote(trimmed) {
                noiseBefore = true
                continue
            }
            if DocumentPatterns.isRunningHead(normalized) || isPageFoot(trimmed) {
                // The page ends: its footnotes with it.
                noiseBefore = true
                inFootnotes = false
                markerAlone = false
                continue
            }
            if inFootnotes {
                // A footnote's number alone on its line, its text on the next, as pdftotext
                // -layout sets them: "17", "ST/SGB/2017/2/Rev.1.".
                if normalized.utf8.count <= 3, normalized.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    markerAlone = true
                    continue
                }
                if DocumentPatterns.isNumberedFootnote(normalized) {
                    footnoteOpen = !DocumentPatterns.endsWithTerminal(normalized)
                    continue
                }
                // A footnote's sentence goes on over its next lines. In pdftotext's pages,
                // everything under the rule to the page's foot is footnotes ("and ibid., …" goes on
                // from the line before, whatever its punctuation), unless a line starts a
                // paragraph, a heading or an organ line. A text without pages (a seed's footnotes
                // amid its paragraphs) ends the block at an indented line, as before.
                if footnoteOpen && !indented || paginated && !DocumentPatterns.startsUnit(normalized) {
                    footnoteOpen = !DocumentPatterns.endsWithTerminal(normalized)
                    continue
                }
                inFootnotes = false
            }
            let cleaned = DocumentPatterns.stripMarkup(trimmed)
            // stripMarkup only removes: the same length is the same line, normalized already.
            let same = cleaned.utf8.count == trimmed.utf8.count
            result.append(
                PhysicalLine(
                    text: cleaned, normalized: same ? normalized : TextNormalization.normalize(cleaned), number: number,
                    indented: indented, width: DisplayWidth.of(cleaned), blankBefore: blankBefore,
                    noiseBefore: noiseBefore))
            blankBefore = false
            noiseBefore = false
        }
        return result
    }

    /// The numbers (from 1) of the lines that head a page of pdftotext's output: from a form feed
    /// to the first blank line (four lines at most), when one of them holds a running head among
    /// wider gaps ("A/RES/78/102        on mission"): the document's title and symbol, repeated
    /// on every page, which had been read into paragraphs and taken for headings.
    static func pageHeadLines(_ lines: [Substring.UTF8View]) -> Set<Int> {
        var result = Set<Int>()
        var index = 0
        while index < lines.count {
            guard lines[index].first == 0x0C else {
                index += 1
                continue
            }
            var end = index
            while end < lines.count, end - index < 4,
                !String(Substring(lines[end])).trimmingWhitespace().isEmpty
            {
                end += 1
            }
            if (index..<end).contains(where: { holdsRunningHead(String(Substring(lines[$0]))) }) {
                result.formUnion((index + 1)...end)
            }
            index = max(end, index + 1)
        }
        return result
    }

    /// The pieces of a line that pdftotext -layout set apart by two spaces or more.
    static func pieces(_ line: String) -> [String] {
        line.components(separatedBy: "  ").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Whether one of the line's pieces is a running head: a symbol, a job number, a page counter.
    static func holdsRunningHead(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.containsBytes("  ") || DocumentPatterns.isRunningHead(TextNormalization.normalize(trimmed))
        else { return false }
        return pieces(trimmed).contains { DocumentPatterns.isRunningHead(TextNormalization.normalize($0)) }
    }

    /// A page's foot as pdftotext -layout gives it: running heads only, apart on one line
    /// ("23-24976        7/8", "2/8        23-24976").
    static func isPageFoot(_ trimmed: String) -> Bool {
        guard trimmed.containsBytes("  ") else { return false }
        let parts = pieces(trimmed)
        return parts.count >= 2 && parts.allSatisfy { DocumentPatterns.isRunningHead(TextNormalization.normalize($0)) }
    }

    /// The width most lines are wrapped at: the 90th percentile of line widths.
    static func wrapMargin(_ lines: [PhysicalLine]) -> Int {
        guard !lines.isEmpty else { return 0 }
        let widths = lines.map(\.width).sorted()
        return widths[min(widths.count - 1, widths.count * 9 / 10)]
    }

    /// Whether most lines are about as wide as the margin: a text wrapped at a fixed width.
    static func isHardWrapped(_ lines: [PhysicalLine]) -> Bool {
        guard lines.count >= 20 else { return false }
        let margin = Double(wrapMargin(lines))
        let near = lines.filter { Double($0.width) >= margin * 0.8 && Double($0.width) <= margin * 1.1 }.count
        return Double(near) / Double(lines.count) >= 0.4
    }

    /// Appends `next`, the next line of the same block, to `text` in place: a block of many
    /// thousand lines is built in time proportional to its length (joining copies, one per line,
    /// made a 10 MB document take minutes).
    static func join(_ text: inout String, _ next: String) {
        guard let last = text.last, let following = next.first else {
            text += next
            return
        }
        if last == "-", following.isLowercase, text.dropLast().last?.isLetter == true {
            // develop-|ment joins into one word; seventy-|seventh and multi-|stakeholder keep their hyphen.
            let suffixes = [
                "ment", "tion", "sion", "ing", "ity", "ness", "ance", "ence", "ous", "ive", "able", "ible", "ally",
                "ure", "ies", "ism", "ist", "ise", "ize", "ated", "ation",
            ]
            let fragment = next.prefix { $0.isLetter }.lowercased()
            if suffixes.contains(where: { fragment.hasPrefix($0) }) { text.removeLast() }
            text += next
            return
        }
        if TextNormalization.isCJK(last) || TextNormalization.isCJK(following) {
            // Chinese wrapped lines join without a space; so does CJK next to Latin at a break.
            text += next
            return
        }
        text += " "
        text += next
    }

    /// Removes footnote markers glued to words or punctuation.
    static func removeFootnoteMarkers(_ text: String) -> String {
        // Each pattern runs only where it can match, judged in one pass over the text: most
        // blocks of an English document need two or three of the eight (a regular expression
        // over a whole block goes through NSString's UTF-16: a sixth of reading a long document).
        var result = text
        var superscript = false
        var caret = false
        var digit = false
        var wide = false  // Han or CJK punctuation (all from U+2E80), or the closing quote ”
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5E: caret = true
            case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079: superscript = true
            case 0x201D, 0x2E80...: wide = true
            default: break
            }
            if !digit, DocumentPatterns.isDigit(scalar) { digit = true }
        }
        /// Whether `first` is followed by `second` somewhere in the text as it is now (a removal
        /// above can bring a hyphen and a space together).
        func adjacent(_ first: UInt8, _ second: UInt8) -> Bool {
            var last: UInt8 = 0
            for byte in result.utf8 {
                if last == first && byte == second { return true }
                last = byte
            }
            return false
        }
        // Superscript digits and caret markers anywhere: 文件，¹  ·  会议^a上
        if superscript { result = result.replacing(pattern: "\\s?[¹²³⁴⁵⁶⁷⁸⁹⁰]+", with: "") }
        if caret { result = result.replacing(pattern: "\\^[a-z](?![a-z])", with: "") }
        // Chinese: digits right after CJK punctuation or a closing mark, before a space or the end:
        // 互联网，1 数字鸿沟  ·  报告》2 中  ·  美元。3
        if wide && digit {
            result = result.replacing(pattern: "(?<=[，。；：、）》”])\\s?\\d{1,3}(?=\\s|$)", with: "")
            // Chinese: digits glued to an ideograph, then a space and an ideograph: 方案16 通过
            result = result.replacing(pattern: "(?<=[\\p{Han}])\\d{1,3}(?= [\\p{Han}])", with: "")
        }
        // English: digits glued to a lower-case word or punctuation, then a space or the end:
        // Society,4  ·  Agenda.12  — but not a symbol's addendum or revision: A/HRC/28/15/Add.1.
        // A marker after a paragraph's full stop, spaced, at the block's end: "… Working Group. 2".
        if digit {
            result = result.replacing(
                pattern: "(?<!/[A-Za-z]{2,5}\\.)(?<=[a-z][,.;:)”\"]|[a-z]{3})\\d{1,3}(?=\\s|$)", with: "")
            if result.utf8.last.map({ $0 >= 0x30 && $0 <= 0x39 }) == true {
                result = result.replacing(pattern: "(?<=[a-z)]\\.) \\d{1,3}$", with: "")
            }
        }
        // A space that justified PDF text leaves beside a hyphen: "non -governmental", "system -wide",
        // "Secretary- General". A dash between words has a space on both sides and stays.
        // "Secretary -General", "non- governmental"; "pre- and post-conflict" keeps its space.
        if adjacent(0x20, 0x2D) { result = result.replacing(pattern: "(?<=[A-Za-z]) -(?=[A-Za-z])", with: "-") }
        if adjacent(0x2D, 0x20) {
            result = result.replacing(pattern: "(?<=[A-Za-z]{2})- (?!and |or |to )(?=[A-Za-z])", with: "-")
        }
        // Spaces left between two Chinese characters or around Chinese punctuation.
        if wide {
            result = result.replacing(
                pattern: "(?<=[\\p{Han}，。；：、）》”])\\s+(?=[\\p{Han}，。；：、（《“）》”])", with: "")
        }
        return result.trimmingWhitespace()
    }
}
