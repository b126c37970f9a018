/// Writing one CSV field (RFC 4180), for reports and exchange files alike.
public enum CSVField {
    /// `value` neutralised and quoted where needed: a leading `=`, `+`, `-`, `@`, tab or carriage
    /// return that is not a number gets an apostrophe (a spreadsheet would run it as a formula);
    /// a field with a comma, quote or line break is quoted, its quotes doubled.
    public static func escape(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
            Double(text) == nil
        {
            text = "'" + text
        }
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }
}
