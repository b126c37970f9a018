import Foundation
import FollowUpTestTiers
import Testing

/// The published site in a real browser, audited for accessibility: `Scripts/browser-site.py`
/// publishes the demo database and a Universal Periodic Review, serves the folder as a static host
/// would, and drives headless Chromium through Selenium (index, a document to a recommendation,
/// search in Chinese and English, the language switch, a CSV download, the folder opened as files),
/// running axe-core on every page. axe-core comes from `Scripts/fetch-axe.sh` (or
/// `FOLLOWUP_AXE_JS`); `.ci/run` fetches it and requires the test to run.
@Suite(
    "Published site in a real browser", .tags(.browser, .process), .enabled(if: TestTier.selected.contains(.browser)))
struct BrowserSiteTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// axe-core's script: `FOLLOWUP_AXE_JS`, else where `Scripts/fetch-axe.sh` unpacks it.
    static var axe: String? {
        let path =
            ProcessInfo.processInfo.environment["FOLLOWUP_AXE_JS"]
            ?? root.appendingPathComponent(".build/axe/axe_selenium_python/node_modules/axe-core/axe.min.js").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    @Test(
        "index → document → recommendation, search in Chinese and English, Arabic, a CSV; axe finds nothing",
        .enabled(
            if: BrowserWorkflowTests.required || (BrowserWorkflowTests.seleniumAvailable && axe != nil),
            "needs python3-selenium, chromium-driver and axe-core (Scripts/fetch-axe.sh)"))
    func site() throws {
        let axe = try #require(Self.axe, "no axe-core: run Scripts/fetch-axe.sh")
        let (status, text) = try BrowserWorkflowTests.script(
            "browser-site.py", ["--bin", try BrowserWorkflowTests.binaries().path, "--axe", axe])
        #expect(status == 0, "\(text)")
        #expect(text.contains("browser site: all steps passed"), "\(text)")
    }
}
