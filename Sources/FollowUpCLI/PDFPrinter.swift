import Foundation
import FollowUpKit

/// Prints an HTML report to PDF with headless Chromium.
///
/// Chromium is the engine Debian packages (`chromium`) that implements the CSS paged media the
/// reports' print stylesheet uses (A4 landscape, the running header and page numbers in the page
/// margins, headers repeated on every page, rows kept whole); the PDF is exactly what "Print → Save
/// as PDF" in the browser gives. Nothing is fetched: the report is one self-contained file.
enum PDFPrinter {
    /// Where to find Chromium: `FOLLOWUP_CHROMIUM`, then the usual names on `PATH`.
    static func browser() -> String? {
        ExternalTool.find(
            ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"], override: "FOLLOWUP_CHROMIUM")
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
        let (folder, input) = try ExternalTool.scratch("followup-print", input: Data(html.utf8), name: "report.html")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("report.pdf")
        let status = try ExternalTool.run(
            browser,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                "--virtual-time-budget=10000", "--print-to-pdf=\(output.path)", input.absoluteString,
            ],
            environment: ["HOME": folder.path, "PATH": CLIContext.current.environment["PATH"] ?? "/usr/bin:/bin"])
        guard let status else {
            throw .outputFailed(
                path: browser, reason: "Chromium did not finish printing within 2 minutes", saved: false)
        }
        guard status == 0, let pdf = FileManager.default.contents(atPath: output.path),
            pdf.starts(with: Data("%PDF".utf8))
        else {
            throw .outputFailed(path: browser, reason: "Chromium did not print a PDF (exit \(status))", saved: false)
        }
        return pdf
    }
}
