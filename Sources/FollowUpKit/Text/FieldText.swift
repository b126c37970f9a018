/// Rules for text that enters the database from outside: what is refused, and how text is made
/// harmless on the way out to a terminal.
public enum FieldText {
    /// The most bytes one field may hold (a line of a CSV or JSON Lines file is limited to the
    /// same): 4 MiB, far above any real note or paragraph, far below what would exhaust memory.
    public static let maxBytes = 4 << 20

    /// The first character that may not be stored in a field: a C0 control other than tab, line
    /// feed and carriage return, or DEL. `nil` when the text is clean.
    public static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0x7F: return scalar
            default: continue
            }
        }
        return nil
    }

    /// Why `text` cannot be stored, or `nil` when it can.
    public static func problem(in text: String) -> String? {
        if text.utf8.count > maxBytes {
            return "\(text.utf8.count) bytes: a field holds at most \(maxBytes) bytes"
        }
        if let scalar = forbiddenCharacter(in: text) {
            return "contains the control character \(describe(scalar)): remove it"
        }
        return nil
    }

    /// `U+001B`, the way a user can search for it.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether `scalar` would change what a terminal or a text viewer shows around it: C0 and C1
    /// controls (escape sequences start with them) and the bidirectional embeddings, overrides and
    /// isolates that can make text read backwards.
    public static func isUnsafeForDisplay(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x08, 0x0B...0x0C, 0x0E...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with every display-unsafe character written as a visible `<U+XXXX>`, so that a
    /// note cannot move the cursor, retitle a window, clear a screen or reverse a line. Line ends
    /// are kept (a lone carriage return, which would overwrite the line, becomes a line feed);
    /// `singleLine` turns line ends and tabs into spaces (for table cells).
    public static func displaySafe(_ text: String, singleLine: Bool = false) -> String {
        // Printable ASCII is safe, and most cells are nothing else: checked by byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard
            text.unicodeScalars.contains(where: {
                isUnsafeForDisplay($0) || $0 == "\r" || (singleLine && isLineBreak($0))
            })
        else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\r" {
                if index + 1 < scalars.count && scalars[index + 1] == "\n" { continue }
                result.append(singleLine ? " " : "\n")
            } else if singleLine && isLineBreak(scalar) {
                result.append(" ")
            } else if isUnsafeForDisplay(scalar) {
                result.append(contentsOf: "<\(describe(scalar))>".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
