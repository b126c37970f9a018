import Foundation

/// Reads an `application/x-www-form-urlencoded` body (what an HTML form posts) or a query string.
enum FormData {
    /// The fields by name; a repeated name keeps its last value. `+` is a space; `%XX` bytes are
    /// decoded as UTF-8 (invalid sequences become U+FFFD).
    static func parse(_ text: Substring) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            fields[name] = value
        }
        return fields
    }

    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(), let value = hex(high, low) else {
                    bytes.append(byte)
                    continue
                }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hex(_ high: UInt8, _ low: UInt8) -> UInt8? {
        func digit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        guard let h = digit(high), let l = digit(low) else { return nil }
        return h << 4 | l
    }

    /// `text` percent-encoded for a query string.
    static func encode(_ text: String) -> String {
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        allowed.remove(UInt8(ascii: "+"))
        return text.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
            .joined()
    }
}

/// Reads a `multipart/form-data` body (an HTML form with a file): each part's name and bytes.
enum MultipartForm {
    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// The parts by name (the last of a repeated name wins); `nil` when the body is not well formed.
    static func parse(_ body: [UInt8], boundary: String) -> [String: [UInt8]]? {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n\r\n".utf8)
        var parts: [String: [UInt8]] = [:]
        guard var start = find(delimiter, in: body, from: 0) else { return nil }
        while true {
            start += delimiter.count
            // "--" after a delimiter ends the body.
            if start + 2 <= body.count, body[start] == UInt8(ascii: "-"), body[start + 1] == UInt8(ascii: "-") {
                return parts
            }
            guard let headerEnd = find(separator, in: body, from: start),
                let next = find(Array("\r\n".utf8) + delimiter, in: body, from: headerEnd)
            else { return nil }
            let headers = String(decoding: body[start..<headerEnd], as: UTF8.self)
            if let name = name(in: headers) { parts[name] = Array(body[(headerEnd + separator.count)..<next]) }
            start = next + 2
        }
    }

    /// The `name="…"` of a part's Content-Disposition header.
    static func name(in headers: String) -> String? {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            guard let range = line.range(of: "name=\"") else { return nil }
            let rest = line[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
