import Foundation

/// Writing JSON by hand where a line at a time matters (exchange files, bulk inserts), and
/// seeing what `JSONSerialization` hides (a key given twice).
public enum JSONText {
    /// `text` as a JSON string literal, quoted and escaped.
    package static func string(_ text: String) -> String {
        // Most text needs no escape: a scan of its bytes (those to escape are all ASCII), then
        // one copy, instead of a copy scalar by scalar.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `values` as a JSON array of strings.
    package static func array(_ values: [String]) -> String {
        "[" + values.map(string).joined(separator: ",") + "]"
    }

    /// The raw bytes of the keys of the outermost object of a JSON line (between their quotes,
    /// escapes left as written): enough to see a key given twice, which `JSONSerialization`
    /// silently resolves to the last value.
    public static func topLevelKeys(_ line: [UInt8]) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        var depth = 0
        var index = 0
        var expectingKey = false
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectingKey = byte == UInt8(ascii: "{") && depth == 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                expectingKey = depth == 1
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < line.count && line[end] != UInt8(ascii: "\"") {
                    end += line[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                if expectingKey { keys.append(Array(line[(index + 1)..<min(end, line.count)])) }
                expectingKey = false
                index = end
            default:
                break
            }
            index += 1
        }
        return keys
    }
}
