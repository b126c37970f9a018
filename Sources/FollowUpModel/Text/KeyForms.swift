/// The ways people write a paragraph in a recommendation key.
///
/// Keys are stored as `SYMBOL [REGION ]¶N[(x)…]`: `E/2020/31 DR-I ¶49`, `A/RES/78/19 ¶3(a)`. People
/// type `49`, `para 49`, `para. 49`, `paragraph 49`, `§49` or `p. 49` for `¶49`:
///
/// ```swift
/// KeyForms.canonical("E/2020/31 DR-I para. 49") // "E/2020/31 DR-I ¶49"
/// KeyForms.canonical("A/RES/78/19 3(a)")        // "A/RES/78/19 ¶3(a)"
/// ```
public enum KeyForms {
    /// `key` with its paragraph written `¶N`; unchanged when it names none.
    public static func canonical(_ key: String) -> String {
        let trimmed = key.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let spelled = trimmed.replacing(
            /(?i)(?:\bparagraph|\bpara\.?|\bpar\.|\bp\.|§|¶)\s*(\d+)/, with: { "¶" + $0.output.1 })
        if spelled != trimmed { return spelled }
        // A bare number as the last part, after the symbol: "E/2020/31 DR-I 49".
        var parts = trimmed.split(separator: " ").map(String.init)
        guard parts.count >= 2, let last = parts.last, last.wholeMatch(of: /\d+(\([a-z]+\))*/) != nil else {
            return trimmed
        }
        parts[parts.count - 1] = "¶" + last
        return parts.joined(separator: " ")
    }

    /// The paragraph part of `key` (`¶49`, `¶3(a)`), if it has one.
    public static func paragraph(of key: String) -> String? {
        canonical(key).firstMatch(of: /¶\d+(\([a-z]+\))*/).map { String($0.output.0) }
    }
}
