extension String {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation's round trip through NSString and
    /// UTF-16 (an eighth of reading a long document): tabs and Unicode's spaces (category Zs: the
    /// space, the no-break space, U+2000–U+200A, the ideographic space …) and the zero-width space
    /// (as swift-corelibs-foundation counts it) cut from both ends.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isBlank($0) }),
            let last = scalars.lastIndex(where: { !Self.isBlank($0) })
        else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// Whether `scalar` is one that ``trimmingWhitespace()`` cuts.
    package static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? scalar == " " || scalar == "\t"
            : scalar.properties.generalCategory == .spaceSeparator || scalar == "\u{200B}"
    }
}

extension Substring {
    /// ``Swift/String/trimmingWhitespace()`` of this part of a string.
    package func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
