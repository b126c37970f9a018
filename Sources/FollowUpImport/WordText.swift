import Foundation
import FollowUpModel
import ZIPFoundation

/// The text of a Word `.docx` document: each paragraph of `word/document.xml` a line, with the
/// numbers Word draws itself (automatic numbering) written out as the reader sees them: `1.` at
/// the first level, `(a)` at the second, `(i)` at the third, so that the importer finds the
/// operative paragraphs as in a PDF or a text file.
public enum WordText {
    /// The text of the `.docx` in `data`. `maximumBytes` bounds what is inflated: the archive's
    /// `word/document.xml` may hold at most twice that many bytes of XML (a decompression bomb,
    /// a few KB that inflate to gigabytes, is refused after reading no more than the limit).
    public static func extract(_ data: Data, name: String, maximumBytes: Int) throws(FollowUpError) -> String {
        let reader = try read(data, name: name, maximumBytes: maximumBytes)
        let text = reader.paragraphs.joined(separator: "\n\n")
        guard text.contains(where: \.isLetter) else {
            throw .invalidInput(source: name, line: nil, field: nil, reason: "this Word document has no text")
        }
        return text
    }

    /// `word/document.xml` of the archive in `data`, read.
    private static func read(_ data: Data, name: String, maximumBytes: Int) throws(FollowUpError) -> DocumentXMLReader {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .invalidInput(
                source: name, line: nil, field: nil, reason: "this ZIP file cannot be opened: is it damaged?")
        }
        guard let entry = archive["word/document.xml"], entry.type == .file else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: "this is a ZIP file but not a Word document (no word/document.xml): "
                    + "save it as .docx, PDF or plain text")
        }
        let limit = maximumBytes.multipliedReportingOverflow(by: 2)
        let xmlLimit = limit.overflow ? Int.max : limit.partialValue
        let tooLarge = FollowUpError.invalidInput(
            source: name, line: nil, field: "word/document.xml",
            reason: "the document's XML inflates to more than \(xmlLimit / 1_048_576) MB "
                + "(\(entry.compressedSize / 1024) KB compressed): a damaged file or a decompression bomb; "
                + "if it is a real document, pass a larger --max-size")
        if entry.uncompressedSize > UInt64(xmlLimit) { throw tooLarge }
        var xml = [UInt8]()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16) { chunk in
                guard xml.count + chunk.count <= xmlLimit else { throw InflatedTooFar() }
                xml.append(contentsOf: chunk)
            }
        } catch is InflatedTooFar {
            throw tooLarge
        } catch {
            throw .invalidInput(
                source: name, line: nil, field: "word/document.xml",
                reason: "it cannot be decompressed (\(error)): is the file damaged?")
        }
        guard !xml.isEmpty else {
            throw .invalidInput(source: name, line: nil, field: nil, reason: "this Word document has no text")
        }
        var reader = DocumentXMLReader()
        if let line = reader.read(xml) {
            throw .invalidInput(
                source: name, line: line, field: "word/document.xml",
                reason: "the document's XML is malformed: is the file damaged?")
        }
        return reader
    }

    /// The tables of the `.docx` in `data`: each a list of rows, each row its cells' text (a
    /// cell's paragraphs joined by line breaks). The same limits and errors as ``extract(_:name:maximumBytes:)``.
    public static func tables(_ data: Data, name: String, maximumBytes: Int) throws(FollowUpError) -> [[[String]]] {
        try read(data, name: name, maximumBytes: maximumBytes).tables
    }

    /// Thrown from the inflating loop once the limit is passed.
    private struct InflatedTooFar: Error {}

    /// Collects paragraphs (`w:p`) from runs of text (`w:t`), tabs and breaks, and numbers the
    /// paragraphs Word numbers (`w:numPr`).
    ///
    /// Reads the bytes of `word/document.xml` itself rather than through Foundation's XMLParser:
    /// the elements it needs are few and flat, and linking FoundationXML (libxml2, and through it
    /// ICU's 30 MB of data) cost every `followup` command a millisecond at start-up.
    struct DocumentXMLReader {
        var paragraphs: [String] = []
        /// The tables (`w:tbl`): rows of cells, each cell its paragraphs joined by line breaks. A
        /// table inside a cell is read as the cell's text.
        var tables: [[[String]]] = []
        private var tableDepth = 0
        private var rows: [[String]] = []
        private var cells: [String] = []
        private var cellParagraphs: [String] = []
        private var paragraph: [UInt8] = []
        private var inText = false
        private var level: Int?
        private var numberingId: String?
        /// Counters per numbering list and level.
        private var counters: [String: [Int]] = [:]

        /// Reads `xml`; returns the line of the first malformed markup, or nil.
        mutating func read(_ xml: [UInt8]) -> Int? {
            var open: [ArraySlice<UInt8>] = []
            var index = 0
            var sawRoot = false
            func line(at position: Int) -> Int { 1 + xml[..<min(position, xml.count)].count(where: { $0 == 0x0A }) }
            while index < xml.count {
                guard xml[index] == UInt8(ascii: "<") else {
                    let end = xml[index...].firstIndex(of: UInt8(ascii: "<")) ?? xml.count
                    if inText {
                        guard Self.appendDecoded(xml[index..<end], to: &paragraph) else { return line(at: index) }
                    } else if open.isEmpty, xml[index..<end].contains(where: { !Self.isSpace($0) }) {
                        return line(at: index)  // text outside the root element
                    }
                    index = end
                    continue
                }
                // Comments, processing instructions, the DOCTYPE and CDATA sections.
                if let (opening, closing) = Self.specialMarkup.first(where: { xml[index...].starts(with: $0.0) }) {
                    guard let end = Self.find(closing, in: xml, from: index + opening.count) else {
                        return line(at: index)
                    }
                    if opening == Self.cdataStart, inText { paragraph += xml[(index + opening.count)..<end] }
                    index = end + closing.count
                    continue
                }
                guard let close = Self.tagEnd(in: xml, from: index + 1) else { return line(at: index) }
                let closing = xml[index + 1] == UInt8(ascii: "/")
                let selfClosing = !closing && xml[close - 1] == UInt8(ascii: "/")
                let body = xml[(index + (closing ? 2 : 1))..<(selfClosing ? close - 1 : close)]
                let name = body.prefix { !Self.isSpace($0) }
                guard !name.isEmpty else { return line(at: index) }
                if closing {
                    guard let last = open.popLast(), last.elementsEqual(name) else { return line(at: index) }
                    end(name)
                } else {
                    if open.isEmpty {
                        if sawRoot { return line(at: index) }  // a second root element
                        sawRoot = true
                    }
                    start(name, attributes: body.dropFirst(name.count))
                    if selfClosing { end(name) } else { open.append(name) }
                }
                index = close + 1
            }
            return open.isEmpty && sawRoot ? nil : line(at: xml.count)
        }

        private mutating func start(_ name: ArraySlice<UInt8>, attributes: ArraySlice<UInt8>) {
            switch String(decoding: name, as: UTF8.self) {
            case "w:p":
                paragraph = []
                level = nil
                numberingId = nil
            case "w:t": inText = true
            case "w:tbl":
                tableDepth += 1
                if tableDepth == 1 { rows = [] }
            case "w:tr" where tableDepth == 1: cells = []
            case "w:tc" where tableDepth == 1: cellParagraphs = []
            case "w:tab": paragraph.append(0x09)
            case "w:br", "w:cr": paragraph.append(0x0A)
            case "w:ilvl": level = Self.value(of: "w:val", in: attributes).flatMap { Int($0) }
            case "w:numId": numberingId = Self.value(of: "w:val", in: attributes)
            default: break
            }
        }

        private mutating func end(_ name: ArraySlice<UInt8>) {
            switch String(decoding: name, as: UTF8.self) {
            case "w:t": inText = false
            case "w:p":
                var text = String(decoding: paragraph, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                // numId 0 means "no numbering".
                if let numberingId, numberingId != "0", !text.isEmpty {
                    text = label(list: numberingId, level: min(level ?? 0, 2)) + " " + text
                }
                paragraphs.append(text)
                if tableDepth > 0 { cellParagraphs.append(text) }
            case "w:tc" where tableDepth == 1:
                cells.append(cellParagraphs.joined(separator: "\n"))
            case "w:tr" where tableDepth == 1: rows.append(cells)
            case "w:tbl":
                if tableDepth == 1 { tables.append(rows) }
                tableDepth = max(0, tableDepth - 1)
            default: break
            }
        }

        private static let cdataStart = Array("<![CDATA[".utf8)
        private static let specialMarkup: [([UInt8], [UInt8])] = [
            (Array("<!--".utf8), Array("-->".utf8)), (cdataStart, Array("]]>".utf8)),
            (Array("<?".utf8), Array("?>".utf8)), (Array("<!DOCTYPE".utf8), Array(">".utf8)),
        ]

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private static func find(_ needle: [UInt8], in xml: [UInt8], from start: Int) -> Int? {
            var index = start
            while index + needle.count <= xml.count {
                if xml[index..<(index + needle.count)].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }

        /// The `>` that ends the tag begun before `start`, skipping quoted attribute values.
        private static func tagEnd(in xml: [UInt8], from start: Int) -> Int? {
            var quote: UInt8?
            var index = start
            while index < xml.count {
                let byte = xml[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == 0x22 || byte == 0x27 {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index
                } else if byte == UInt8(ascii: "<") {
                    return nil
                }
                index += 1
            }
            return nil
        }

        /// The value of attribute `name`, entities decoded.
        private static func value(of name: String, in attributes: ArraySlice<UInt8>) -> String? {
            let key = Array(name.utf8)
            var index = attributes.startIndex
            while index < attributes.endIndex {
                while index < attributes.endIndex, isSpace(attributes[index]) { index += 1 }
                let nameEnd = attributes[index...].firstIndex { $0 == UInt8(ascii: "=") || isSpace($0) }
                guard let nameEnd, let quoteAt = attributes[nameEnd...].firstIndex(where: { $0 == 0x22 || $0 == 0x27 }),
                    let valueEnd = attributes[(quoteAt + 1)...].firstIndex(of: attributes[quoteAt])
                else { return nil }
                if attributes[index..<nameEnd].elementsEqual(key) {
                    var value: [UInt8] = []
                    guard appendDecoded(attributes[(quoteAt + 1)..<valueEnd], to: &value) else { return nil }
                    return String(decoding: value, as: UTF8.self)
                }
                index = valueEnd + 1
            }
            return nil
        }

        /// Appends `text` with XML's entities and character references decoded; false on one
        /// that is not well formed.
        private static func appendDecoded(_ text: ArraySlice<UInt8>, to output: inout [UInt8]) -> Bool {
            var index = text.startIndex
            while index < text.endIndex {
                let ampersand = text[index...].firstIndex(of: UInt8(ascii: "&")) ?? text.endIndex
                output += text[index..<ampersand]
                guard ampersand < text.endIndex else { break }
                guard let semicolon = text[ampersand...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                    return false
                }
                let entity = String(decoding: text[(ampersand + 1)..<semicolon], as: UTF8.self)
                let scalar: Unicode.Scalar?
                switch entity {
                case "amp": scalar = "&"
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                        scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if entity.hasPrefix("#") {
                        scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                    } else {
                        scalar = nil
                    }
                }
                guard let scalar else { return false }
                output += Array(String(Character(scalar)).utf8)
                index = semicolon + 1
            }
            return true
        }

        private mutating func label(list: String, level: Int) -> String {
            var counts = counters[list] ?? [0, 0, 0]
            counts[level] += 1
            for deeper in (level + 1)..<counts.count { counts[deeper] = 0 }
            counters[list] = counts
            let number = counts[level]
            switch level {
            case 0: return "\(number)."
            case 1: return "(\(letters(number)))"
            default: return "(\(RomanNumerals.string(number)))"
            }
        }

        private func letters(_ number: Int) -> String {
            let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
            return number <= 26
                ? String(alphabet[number - 1]) : String(repeating: alphabet[(number - 1) % 26], count: 2)
        }
    }
}
