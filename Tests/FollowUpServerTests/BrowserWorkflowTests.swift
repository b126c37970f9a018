import Foundation
import FollowUpTestSupport
import Testing
import FollowUpTestTiers

/// The whole workflow in a real browser: `Scripts/browser-workflow.py` drives headless Chromium
/// through chromedriver and Selenium against `followup serve` (the real executables). Skipped when
/// Debian's python3-selenium or chromium-driver is missing, except where
/// `FOLLOWUP_REQUIRE_BROWSER=1` (`.ci/run`), where it fails instead.
@Suite("Web server in a real browser", .tags(.browser, .process), .enabled(if: TestTier.selected.contains(.browser)))
struct BrowserWorkflowTests {
    static let python = "/usr/bin/python3"
    static let required = ProcessInfo.processInfo.environment["FOLLOWUP_REQUIRE_BROWSER"] == "1"

    static var seleniumAvailable: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
            FileManager.default.isExecutableFile(atPath: python)
        else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import selenium"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// The folder of the built executables: where the test runner is.
    static func binaries() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("followup-server").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        throw BrowserWorkflowError(description: "no followup-server beside the test runner: run 'swift build' first")
    }

    struct BrowserWorkflowError: Error, CustomStringConvertible { var description: String }

    @Test(
        "a focal point logs in, records progress, a validator accepts it, the report shows it",
        .enabled(if: required || seleniumAvailable, "needs Debian's python3-selenium and chromium-driver"))
    func workflow() throws {
        let (status, text) = try Self.script("browser-workflow.py", ["--bin", try Self.binaries().path])
        #expect(status == 0, "\(text)")
        #expect(text.contains("browser workflow: all steps passed"), "\(text)")
    }

    /// Runs `Scripts/NAME` with Debian's Python and `arguments`: its exit status and everything it
    /// printed.
    static func script(_ name: String, _ arguments: [String]) throws -> (Int32, String) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/" + name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test("a second server on a port in use says so and exits 69; a missing database 66; a bad port or host 64")
    func portInUse() throws {
        let folder = TemporaryFolder()
        let binary = try Self.binaries().appendingPathComponent("followup-server").path
        let setUp = Process()
        setUp.executableURL = try Self.binaries().appendingPathComponent("followup")
        setUp.arguments = ["init", "--no-seeds", "--database", folder.file("followup.sqlite")]
        setUp.standardOutput = FileHandle.nullDevice
        try setUp.run()
        setUp.waitUntilExit()
        func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            let output = Pipe()
            let error = Pipe()
            process.standardOutput = output
            process.standardError = error
            try process.run()
            return (process, output, error)
        }
        let (first, firstOutput, _) = try start(["--database", folder.file("followup.sqlite"), "--port", "0"])
        defer { first.terminate() }
        // The first line says where it serves.
        var announced = Data()
        while !String(decoding: announced, as: UTF8.self).contains("\n") {
            let chunk = firstOutput.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            announced += chunk
        }
        let line = String(decoding: announced, as: UTF8.self)
        let port = try #require(line.split(separator: ":").last?.split(separator: "/").first.map(String.init))
        let (second, _, secondError) = try start(["--database", folder.file("followup.sqlite"), "--port", port])
        second.waitUntilExit()
        #expect(second.terminationStatus == 69)
        let message = String(decoding: secondError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("is in use: stop what listens there, or choose another port"))
        let (missing, _, _) = try start(["--database", folder.file("missing.sqlite"), "--port", "0"])
        missing.waitUntilExit()
        #expect(missing.terminationStatus == 66)
        // Issue #23, 19: a port out of range and an address that is none are usage errors, said plainly.
        for (arguments, words) in [
            (["--port", "99999"], "--port must be a port number from 0 to 65535"),
            (["--host", "256.1.1.1", "--port", "0"], "--host '256.1.1.1' is not an address of this machine"),
        ] {
            let (refused, _, error) = try start(["--database", folder.file("followup.sqlite")] + arguments)
            refused.waitUntilExit()
            #expect(refused.terminationStatus == 64, "\(arguments)")
            let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(text.contains(words), "\(text)")
        }
    }
}
