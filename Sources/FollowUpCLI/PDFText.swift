import Foundation
import FollowUpKit

/// The text of a PDF, by poppler's `pdftotext -layout`.
///
/// Poppler is the extractor Debian and most Linux distributions ship (`poppler-utils`); its
/// layout mode keeps each printed line a line and paragraph indents as spaces, which is what the
/// importer's cleaner reads (running heads, job numbers, footnote blocks, page breaks as form feeds).
enum PDFText {
    /// Where to look for `pdftotext`: `FOLLOWUP_PDFTOTEXT`, then the usual folders.
    static func extractor() -> String? { ExternalTool.find(["pdftotext"], override: "FOLLOWUP_PDFTOTEXT") }

    static func extract(_ data: Data, name: String) throws(FollowUpError) -> String {
        guard let tool = extractor() else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: "this is a PDF and reading it needs poppler's pdftotext, which is not installed: "
                    + "install it (apt-get install poppler-utils, or brew install poppler) and try again")
        }
        let (folder, input) = try ExternalTool.scratch("followup-pdf", input: data, name: "in.pdf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.txt")
        let status = try ExternalTool.run(tool, ["-layout", "-enc", "UTF-8", "-q", input.path, output.path])
        guard status == 0, let bytes = FileManager.default.contents(atPath: output.path) else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: status == nil
                    ? "pdftotext did not finish reading this PDF within 2 minutes"
                    : "pdftotext could not read this PDF (exit \(status ?? 0)): is it damaged or encrypted?")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains(where: { $0.isLetter }) else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: "this PDF has no text layer (a scan?): run it through OCR first")
        }
        return text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}
