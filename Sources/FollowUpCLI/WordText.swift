import Foundation
import FollowUpKit

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The text of a Word `.docx` document: each paragraph of `word/document.xml` a line, with the
/// numbers Word draws itself (automatic numbering) written out as the reader sees them: `1.` at
/// the first level, `(a)` at the second, `(i)` at the third, so that the importer finds the
/// operative paragraphs as in a PDF or a text file.
enum WordText {
    /// Where to find Info-ZIP's `unzip`: `FOLLOWUP_UNZIP`, then the usual folders.
    static func unzip() -> String? { ExternalTool.find(["unzip"], override: "FOLLOWUP_UNZIP") }

    static func extract(_ data: Data, name: String) throws(FollowUpError) -> String {
        guard let tool = unzip() else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: "this is a ZIP file (a Word .docx?) and reading it needs unzip, which is not installed: "
                    + "install it (apt-get install unzip) and try again")
        }
        let (folder, input) = try ExternalTool.scratch("followup-docx", input: data, name: "document.docx")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("document.xml")
        let status = try ExternalTool.run(tool, ["-p", "-qq", input.path, "word/document.xml"], output: output)
        guard status == 0, let xml = FileManager.default.contents(atPath: output.path), !xml.isEmpty else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: status == 11
                    ? "this is a ZIP file but not a Word document (no word/document.xml): save it as .docx, PDF or plain text"
                    : "this ZIP file cannot be opened (unzip exit \(status.map(String.init) ?? "timeout")): is it damaged?"
            )
        }
        let reader = DocumentXMLReader()
        let parser = XMLParser(data: xml)
        parser.delegate = reader
        guard parser.parse() else {
            throw .invalidInput(
                source: name, line: parser.lineNumber, field: "word/document.xml",
                reason: "the document's XML is malformed: is the file damaged?")
        }
        let text = reader.paragraphs.joined(separator: "\n\n")
        guard text.contains(where: \.isLetter) else {
            throw .invalidInput(source: name, line: nil, field: nil, reason: "this Word document has no text")
        }
        return text
    }

    /// Collects paragraphs (`w:p`) from runs of text (`w:t`), tabs and breaks, and numbers the
    /// paragraphs Word numbers (`w:numPr`).
    final class DocumentXMLReader: NSObject, XMLParserDelegate {
        var paragraphs: [String] = []
        private var paragraph = ""
        private var inText = false
        private var level: Int?
        private var numberingId: String?
        /// Counters per numbering list and level.
        private var counters: [String: [Int]] = [:]

        func parser(
            _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch element {
            case "w:p":
                paragraph = ""
                level = nil
                numberingId = nil
            case "w:t": inText = true
            case "w:tab": paragraph += "\t"
            case "w:br", "w:cr": paragraph += "\n"
            case "w:ilvl": level = attributes["w:val"].flatMap(Int.init)
            case "w:numId": numberingId = attributes["w:val"]
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { paragraph += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?
        ) {
            switch element {
            case "w:t": inText = false
            case "w:p":
                var text = paragraph.trimmingCharacters(in: .whitespaces)
                // numId 0 means "no numbering".
                if let numberingId, numberingId != "0", !text.isEmpty {
                    text = label(list: numberingId, level: min(level ?? 0, 2)) + " " + text
                }
                paragraphs.append(text)
            default: break
            }
        }

        private func label(list: String, level: Int) -> String {
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
