/// How many terminal columns text takes: two for a Chinese character, none for a combining mark.
///
/// Tables align by this width rather than by character count, so a column of Chinese names
/// lines up with a column of English ones in a terminal.
///
/// ```swift
/// DisplayWidth.of("中国 China") // 10
/// ```
public enum DisplayWidth {
    /// The width of `text` in terminal columns.
    ///
    /// From the Unicode data, not a hand-picked list: a scalar whose East Asian Width is Wide or
    /// Fullwidth (UAX #11: Chinese, Japanese, Korean, full-width forms) takes two columns, and so
    /// does an emoji shown as an emoji (Emoji_Presentation, or a text symbol followed by U+FE0F);
    /// a combining mark, a format character, a skin-tone modifier, whatever follows a zero-width
    /// joiner in an emoji sequence and the second of a pair of regional indicators (a flag) take
    /// none. Printable ASCII, most of what tables hold, is counted by byte.
    public static func of(_ text: some StringProtocol) -> Int { measure(text) }

    /// The same for a `String`, what tables hold, and a `Substring` (a line of a cell): the
    /// generic form, called from another module, ran unspecialized (a protocol witness per byte,
    /// 5% of an audit's time); called from here with a concrete type, `measure` is specialized.
    public static func of(_ text: String) -> Int { measure(text) }

    public static func of(_ text: Substring) -> Int { measure(text) }

    @inline(__always)
    private static func measure(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return width(of: text.unicodeScalars)
    }

    /// The width of one character (grapheme cluster).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        return width(of: character.unicodeScalars)
    }

    private static func width(of scalars: some Sequence<Unicode.Scalar>) -> Int {
        var width = 0
        var afterJoiner = false
        var regionalIndicators = 0
        var previous: Unicode.Scalar?
        for scalar in scalars {
            let value = scalar.value
            defer { previous = scalar }
            if value >= 0x20 && value < 0x7F {
                width += 1
                afterJoiner = false
                regionalIndicators = 0
                continue
            }
            if afterJoiner {
                afterJoiner = false
                continue
            }
            switch value {
            case 0x200D:
                afterJoiner = true
                continue
            case 0xFE0F:
                // An emoji variation selector makes a one-column symbol (❤ U+2764) an emoji.
                if let previous, of(previous) == 1, previous.properties.isEmoji { width += 1 }
                continue
            case 0x1F1E6...0x1F1FF:
                regionalIndicators += 1
                if regionalIndicators % 2 == 0 { continue }
            default:
                regionalIndicators = 0
            }
            width += of(scalar)
        }
        return width
    }

    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiModifier { return 0 }
        if EastAsianWidth.isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// `text` cut to at most `width` columns, ending in `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        // Short strings cannot be too wide: each character takes at most two columns.
        if text.utf8.count <= width / 2 || of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right or, for numbers, the left.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - of(text)))
        return alignRight ? padding + text : text + padding
    }

    /// `text` broken into lines of at most `width` columns: at spaces, between Chinese characters
    /// (which need no space to break), and inside a word only when it is longer than a line.
    /// Line breaks in `text` are kept.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        let width = max(width, 2)
        if !text.contains("\n") && of(text) <= width { return [text] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Character] = []
            var used = 0
            /// Where `line` may be broken: after a space or a wide character.
            func lastBreak() -> Int? {
                line.indices.last { line[$0] == " " || of(line[$0]) == 2 }.map { $0 + 1 }
            }
            for character in paragraph {
                let w = of(character)
                while used + w > width && !line.isEmpty {
                    if let point = lastBreak() {
                        lines.append(String(line[..<point]).trimmingTrailingSpaces)
                        line = Array(line[point...].drop { $0 == " " })
                    } else {
                        lines.append(String(line))
                        line = []
                    }
                    used = of(String(line))
                }
                if character == " " && line.isEmpty { continue }
                line.append(character)
                used += w
            }
            lines.append(String(line).trimmingTrailingSpaces)
        }
        return lines
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
