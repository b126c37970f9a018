/// Rules for text that enters the database from outside: what is refused, and how text is made
/// harmless on the way out to a terminal.
///
/// One policy, applied by the store at every entrance (command line, files, forms, the API):
///
/// - **free text** (a note, a recommendation's text, a comment, a reason): no C0 control but tab,
///   line feed and carriage return; no DEL; no C1 control (U+0080–U+009F, which terminals read
///   as escape sequences); at most ``maxBytes``;
/// - **a name** (an account, a curator, a document symbol, a key, a label): the same, and no line
///   break or tab, and none of the bidirectional embeddings, overrides and isolates that make a
///   name read otherwise than it is stored; at most ``maxNameBytes``.
///
/// Text that was not UTF-8 never gets this far: files are refused with their line, and
/// arguments by the command line before a command runs.
public enum FieldText {
    /// The most bytes a name may hold (a key, a symbol, an account name).
    public static let maxNameBytes = 200

    /// The most bytes one field may hold (a line of a CSV or JSON Lines file is limited to the
    /// same): 4 MiB, far above any real note or paragraph, far below what would exhaust memory.
    public static let maxBytes = 4 << 20

    /// The first character that may not be stored in a field: a C0 control other than tab, line
    /// feed and carriage return, DEL, or a C1 control. `nil` when the text is clean.
    public static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
        // Printable ASCII and line ends, the usual case, checked by byte.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            return nil
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x1F, 0x7F...0x9F: return scalar
            default: continue
            }
        }
        return nil
    }

    /// Why `name` cannot be stored as a name (see the type's policy), or `nil` when it can.
    public static func problem(inName name: String) -> String? {
        if name.utf8.count > maxNameBytes {
            return "\(name.utf8.count) bytes: a name holds at most \(maxNameBytes) bytes"
        }
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029:
                return "contains the control character \(describe(scalar)): a name is one line of plain text"
            case 0x202A...0x202E, 0x2066...0x2069:
                return "contains the bidirectional control \(describe(scalar)): a name must read as it is stored"
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

    /// `text` as a message may quote it: at most 60 characters (the rest as "…"), display-safe on
    /// one line, so that an error about a 100 KB value does not repeat it.
    public static func excerpt(_ text: String, limit: Int = 60) -> String {
        let short = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return displaySafe(short, singleLine: true)
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

    package static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
