import Foundation
import FollowUpKit

#if canImport(Glibc)
    import Glibc
#endif

/// The programs FollowUp runs for the formats it does not read or write itself (poppler's
/// `pdftotext`, `unzip`, headless Chromium): where to find them, a private scratch folder, and a
/// run that cannot hang the command.
enum ExternalTool {
    /// The first of `names` that is an executable: the path in the environment variable
    /// `override` when set (even a wrong one, so that a test can hide a tool), else on `PATH` or
    /// in the usual folders.
    static func find(_ names: [String], override: String) -> String? {
        let environment = CLIContext.current.environment
        if let path = environment[override], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        let folders =
            (environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for name in names {
            if let path = folders.map({ $0 + "/" + name }).first(where: FileManager.default.isExecutableFile) {
                return path
            }
        }
        return nil
    }

    /// A new private folder under the system's temporary folder, holding `input` as `name`;
    /// the caller removes it.
    static func scratch(_ prefix: String, input: Data, name: String) throws(FollowUpError) -> (
        folder: URL, input: URL
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .fileAccess(path: folder.path, reason: "cannot create a temporary folder")
        }
        let file = folder.appendingPathComponent(name)
        do {
            try input.write(to: file)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw .fileAccess(path: file.path, reason: "cannot write a temporary copy")
        }
        return (folder, file)
    }

    /// Runs `tool` with `arguments`, its standard output into `output` (or discarded), stopping it
    /// after `timeout` seconds; returns its exit status, `nil` when it was stopped.
    static func run(
        _ tool: String, _ arguments: [String], output: URL? = nil, environment: [String: String]? = nil,
        timeout: TimeInterval = 120
    ) throws(FollowUpError) -> Int32? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var handle: FileHandle?
        if let output {
            guard FileManager.default.createFile(atPath: output.path, contents: nil),
                let opened = try? FileHandle(forWritingTo: output)
            else { throw .fileAccess(path: output.path, reason: "cannot create a temporary file") }
            handle = opened
            process.standardOutput = opened
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        defer { try? handle?.close() }
        do {
            try process.run()
        } catch {
            throw .fileAccess(path: tool, reason: "cannot run it: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return nil
        }
        return process.terminationStatus
    }
}
