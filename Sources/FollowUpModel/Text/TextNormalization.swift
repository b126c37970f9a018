import Foundation

/// The copy of a text that structure detection and actor matching read: NFKC (so `㈠` is `(一)`
/// and full-width `（１）` is `(1)`), traditional Chinese characters mapped to simplified, and
/// known extraction confusables repaired. The original text is kept for display.
package enum TextNormalization {
    /// Traditional → simplified, from OpenCC's table.
    package static let simplified: [Character: Character] = {
        var table: [Character: Character] = [:]
        for chunk in traditionalToSimplifiedPairs {
            var iterator = chunk.makeIterator()
            while let traditional = iterator.next(), let simple = iterator.next() {
                table[traditional] = simple
            }
        }
        // Extraction confusables: 攸 read as the archaic 攷 (seen in 利益攷關方).
        table["攷"] = "攸"
        // The hyphen and the non-breaking hyphen the UN's own files use ("non‑governmental
        // organizations") read as the hyphen-minus that names are written with.
        table["\u{2010}"] = "-"
        table["\u{2011}"] = "-"
        return table
    }()

    /// NFKC, simplified characters, single spaces, trimmed.
    package static func normalize(_ text: String) -> String {
        // Text of printable ASCII, ASCII white space and punctuation that NFKC leaves alone only
        // has its white space made single spaces and its ends trimmed: done by scalar, it is most
        // English text, and Foundation's NFKC was a third of an import's time otherwise.
        // Most lines are single-spaced and trimmed already: one pass finds whether anything is to
        // change, and only then is a copy made, by byte.
        var rewrite = false
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || (0x09...0x0D).contains(value) {
                if lastWasSpace || value != 0x20 { rewrite = true }
                lastWasSpace = true
            } else if (0x21..<0x7F).contains(value) || foldsToItself.contains(value) {
                lastWasSpace = false
            } else {
                return generalNormalize(text)
            }
        }
        if lastWasSpace && !text.isEmpty { rewrite = true }
        guard rewrite else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        lastWasSpace = true
        for byte in text.utf8 {
            // White space is ASCII here: the bytes of the other characters are all 0x80 or more.
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if !lastWasSpace { bytes.append(0x20) }
                lastWasSpace = true
            } else {
                bytes.append(byte)
                lastWasSpace = false
            }
        }
        if bytes.last == 0x20 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``normalize(_:)`` for any text, without its fast path (which tests compare with it).
    package static func generalNormalize(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        var result = ""
        result.reserveCapacity(nfkc.utf8.count)
        var lastWasSpace = false
        for character in nfkc {
            if character.isWhitespace {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(simplified[character] ?? character)
                lastWasSpace = false
            }
        }
        return result.trimmingWhitespace()
    }

    /// The form search compares: ``normalize(_:)`` (NFKC, simplified characters, single spaces),
    /// then without case, accents or width: `國際電信聯盟` and `国际电信联盟` fold alike, as do
    /// `Développement` and `developpement`.
    package static func searchFold(_ text: String) -> String {
        // Printable ASCII folds to itself lower-cased, runs of spaces made one, the ends trimmed,
        // and so do texts that add only punctuation no folding changes (a key's `¶`): done by
        // scalar, it is most texts, and the general path was a fifth of a bulk import's time.
        var folded = String.UnicodeScalarView()
        var simple = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x20 && value < 0x7F {
                if value == 0x20 && (folded.isEmpty || folded[folded.index(before: folded.endIndex)] == " ") {
                    continue
                }
                folded.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else if foldsToItself.contains(value) {
                folded.append(scalar)
            } else {
                simple = false
                break
            }
        }
        if simple {
            if folded.last == " " { folded.removeLast() }
            return String(folded)
        }
        return generalFold(text)
    }

    /// ``searchFold(_:)`` for any text, without its fast path (which tests compare with it).
    package static func generalFold(_ text: String) -> String {
        normalize(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Punctuation outside ASCII that NFKC, simplification and folding leave as it is:
    /// ¶ § – — ‘ ’ “ ”.
    private static let foldsToItself: Set<UInt32> = [0xB6, 0xA7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D]

    /// Whether `character` is a CJK ideograph or CJK punctuation (joined without a space).
    package static func isCJK(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return (0x3000...0x303F).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFF00...0xFFEF).contains(value) || (0x2E80...0x2FDF).contains(value)
            || (0x20000...0x2FFFF).contains(value) || character == "“" || character == "”"
            || character == "《" || character == "》" || character == "—"
    }
}
