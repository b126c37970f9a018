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
    /// Counts by Unicode scalar (a combining mark adds nothing), with a fast path for printable
    /// ASCII, which is most of what tables hold.
    public static func of(_ text: some StringProtocol) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x20 && value < 0x7F {
                width += 1
            } else {
                width += of(scalar)
            }
        }
        return width
    }

    /// The width of one character (grapheme cluster): that of its first scalar.
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    package static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x2FFFD).contains(v) || (0x30000...0x3FFFD).contains(v)
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
