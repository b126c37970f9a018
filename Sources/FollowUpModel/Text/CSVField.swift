/// Writing one CSV field (RFC 4180), for reports and exchange files alike.
public enum CSVField {
    /// `value` neutralised and quoted where needed: a leading `=`, `+`, `-`, `@`, tab or carriage
    /// return that is not a number gets an apostrophe (a spreadsheet would run it as a formula);
    /// a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func escape(_ value: String) -> String {
        // Bytes, not characters: every character that matters here is ASCII.
        let bytes = value.utf8
        var text = value
        if let first = bytes.first,
            [UInt8(ascii: "="), .init(ascii: "+"), .init(ascii: "-"), .init(ascii: "@"), 9, 13]
                .contains(first), Double(value) == nil
        {
            text = "'" + value
        }
        if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            return "\"" + text.replacingASCII("\"", with: "\"\"") + "\""
        }
        return text
    }
}
