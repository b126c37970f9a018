import Foundation
import FollowUpKit

/// The text of a PDF, by poppler's `pdftotext -layout`.
///
/// Poppler is the extractor Debian and most Linux distributions ship (`poppler-utils`); its
/// layout mode keeps each printed line a line and paragraph indents as spaces, which is what the
/// importer's cleaner reads (running heads, job numbers, footnote blocks, page breaks as form feeds).
enum PDFText {
    /// Where to look for `pdftotext`: `FOLLOWUP_PDFTOTEXT`, then the usual folders.
    static func extractor() -> String? {
        let environment = CLIContext.current.environment
        if let path = environment["FOLLOWUP_PDFTOTEXT"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let folders =
            (environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { $0 + "/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func extract(_ data: Data, name: String) throws(FollowUpError) -> String {
        guard let tool = extractor() else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason: "this is a PDF and reading it needs poppler's pdftotext, which is not installed: "
                    + "install it (apt-get install poppler-utils, or brew install poppler) and try again")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "followup-pdf-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .fileAccess(path: folder.path, reason: "cannot create a temporary folder")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        let output = folder.appendingPathComponent("out.txt")
        do {
            try data.write(to: input)
        } catch {
            throw .fileAccess(path: input.path, reason: "cannot write a temporary copy")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-q", input.path, output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .fileAccess(path: tool, reason: "cannot run it: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let bytes = FileManager.default.contents(atPath: output.path) else {
            throw .invalidInput(
                source: name, line: nil, field: nil,
                reason:
                    "pdftotext could not read this PDF (exit \(process.terminationStatus)): is it damaged or encrypted?"
            )
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
