import ArgumentParser
import FollowUpKit
import Foundation

/// `followup serve`: runs the web application, `followup-server`, built beside this binary.
///
/// The server lives in its own executable so that the command-line tool neither builds nor
/// loads Hummingbird and SwiftNIO.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application: focal points, validators, the secretariat and readers on one database.",
        discussion: """
            Create accounts first ('followup users add'). Listens on 127.0.0.1:8080 by default; put a \
            TLS proxy in front of it to serve others, with --secure-cookies. See docs/server.md.

            Example:
              followup serve --database followup.sqlite --port 8080
            """)

    @Option(help: "The database file (default: $FOLLOWUP_DATABASE, else ./followup.sqlite).")
    var database: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on, 1 to 65535 (0: any free port, printed at start).")
    var port = 8080

    func validate() throws {
        try requireRange(port, 0...65_535, "--port", what: "a port number")
    }

    @Flag(help: "Mark the session cookie Secure (when served over HTTPS behind a proxy).")
    var secureCookies = false

    func run() throws {
        let server = try Self.serverBinary()
        var arguments = [server, "--host", host, "--port", String(port)]
        if let database { arguments += ["--database", database] }
        if secureCookies { arguments.append("--secure-cookies") }
        let pointers = arguments.map { strdup($0) } + [nil]
        execv(server, pointers)
        throw FollowUpError.fileAccess(path: server, reason: String(cString: strerror(errno)))
    }

    /// `followup-server` beside this executable, or `$FOLLOWUP_SERVER`.
    static func serverBinary() throws(FollowUpError) -> String {
        if let given = ProcessInfo.processInfo.environment["FOLLOWUP_SERVER"], !given.isEmpty { return given }
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let path = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(
            "followup-server"
        )
        .path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw .fileAccess(
                path: path,
                reason:
                    "the web server is not built beside followup: run 'swift build' (or 'swift build --product followup-server'), or set FOLLOWUP_SERVER"
            )
        }
        return path
    }
}
