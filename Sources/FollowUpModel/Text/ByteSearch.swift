/// Cheap tests over a string's UTF-8 bytes, run before a regular expression that cannot match
/// without what they look for: the importer tries a dozen patterns on every clause and line of a
/// document, and most of them fail (a year pattern on a clause with no year).
extension String {
    /// Whether `needle` occurs in the string, byte for byte.
    package func containsBytes(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard let first = wanted.first, wanted.count <= haystack.count else { return wanted.isEmpty }
                var index = 0
                let last = haystack.count - wanted.count
                while index <= last {
                    if haystack[index] == first {
                        var offset = 1
                        while offset < wanted.count, haystack[index + offset] == wanted[offset] { offset += 1 }
                        if offset == wanted.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    /// Whether four ASCII digits stand together somewhere in the string (a year, "2030").
    package var hasFourDigits: Bool {
        var run = 0
        for byte in utf8 {
            if byte >= 0x30 && byte <= 0x39 {
                run += 1
                if run == 4 { return true }
            } else {
                run = 0
            }
        }
        return false
    }
}
