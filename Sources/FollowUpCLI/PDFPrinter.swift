import Foundation
import FollowUpKit

#if canImport(Glibc)
    import Glibc
#endif

/// Prints an HTML report to PDF with headless Chromium.
///
/// Chromium is the engine Debian packages (`chromium`) that implements the CSS paged media the
/// reports' print stylesheet uses (A4 landscape, the running header and page numbers in the page
/// margins, headers repeated on every page, rows kept whole); the PDF is exactly what "Print → Save
/// as PDF" in the browser gives. Nothing is fetched: the report is one self-contained file.
enum PDFPrinter {
    /// Where to find Chromium: `FOLLOWUP_CHROMIUM`, then the usual names on `PATH`.
    static func browser() -> String? {
        let environment = CLIContext.current.environment
        if let path = environment["FOLLOWUP_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let folders =
            (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            if let path = folders.map({ $0 + "/" + name }).first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            }) {
                return path
            }
        }
        return nil
    }

    /// Chromium's path, or an error that says how to install it.
    @discardableResult
    static func requireBrowser() throws(FollowUpError) -> String {
        guard let browser = browser() else {
            throw .invalidArgument(
                field: "format pdf",
                reason:
                    "printing to PDF needs Chromium, which is not installed: install it (apt-get install chromium) "
                    + "or name it with FOLLOWUP_CHROMIUM, or write --format html and print that from a browser")
        }
        return browser
    }

    /// The PDF of `html`.
    static func print(_ html: String) throws(FollowUpError) -> Data {
        let browser = try requireBrowser()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "followup-print-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .fileAccess(path: folder.path, reason: "cannot create a temporary folder")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        do {
            try Data(html.utf8).write(to: input)
        } catch {
            throw .fileAccess(path: input.path, reason: "cannot write a temporary copy")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
            "--virtual-time-budget=10000", "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.environment = ["HOME": folder.path, "PATH": CLIContext.current.environment["PATH"] ?? "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .fileAccess(path: browser, reason: "cannot run it: \(error.localizedDescription)")
        }
        // A browser that hangs is stopped after two minutes rather than holding the command.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw .outputFailed(
                path: browser, reason: "Chromium did not finish printing within 2 minutes", saved: false)
        }
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path),
            pdf.starts(with: Data("%PDF".utf8))
        else {
            throw .outputFailed(
                path: browser, reason: "Chromium did not print a PDF (exit \(process.terminationStatus))", saved: false)
        }
        return pdf
    }
}
