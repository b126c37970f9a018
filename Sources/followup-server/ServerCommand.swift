import ArgumentParser
import FollowUpKit
import FollowUpServer
import Foundation

/// `followup-server` (what `followup serve` runs): serves the web application over one database.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup serve",
        abstract: "Serve the web application: focal points, validators, the secretariat and readers on one database.",
        discussion: """
            Create accounts first with 'followup users add'. Listens on 127.0.0.1 by default: put a \
            TLS proxy in front of it to serve others, and pass --secure-cookies there. See docs/server.md.
            """)

    @Option(help: "The database file (default: $FOLLOWUP_DATABASE, else ./followup.sqlite).")
    var database: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on, 1 to 65535 (0: any free port, printed at start).")
    var port = 8080

    @Flag(help: "Mark the session cookie Secure (when served over HTTPS behind a proxy).")
    var secureCookies = false

    func validate() throws {
        do {
            try UserNumber.validate(port, in: 0...65_535, name: "--port", what: "a port number")
        } catch {
            guard case .invalidArgument(let option, let reason) = error else { throw error }
            throw ValidationError("\(option) \(reason)")
        }
        guard Self.resolves(host) else {
            throw ValidationError(
                "--host '\(host)' is not an address of this machine: give an IP address such as 127.0.0.1 or 0.0.0.0, or a host name"
            )
        }
    }

    /// Whether `host` is an IP address or a name the system resolves.
    static func resolves(_ host: String) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        defer { if let result { freeaddrinfo(result) } }
        return !host.isEmpty && getaddrinfo(host, nil, &hints, &result) == 0
    }

    func run() async throws {
        let path = database ?? ProcessInfo.processInfo.environment["FOLLOWUP_DATABASE"] ?? "followup.sqlite"
        do {
            let server = try FollowUpServer(
                options: .init(databasePath: path, host: host, port: port, secureCookies: secureCookies))
            try await server.run()
        } catch let error as FollowUpError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(error.isMissingDatabase ? 66 : 65)
        } catch  where "\(error)".contains("Address already in use") {
            FileHandle.standardError.write(
                Data(
                    "error: \(host):\(port) is in use: stop what listens there, or choose another port with --port\n"
                        .utf8))
            throw ExitCode(69)
        } catch  where !(error is ExitCode) {
            FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): \(error)\n".utf8))
            throw ExitCode(69)
        }
    }
}

extension FollowUpError {
    var isMissingDatabase: Bool {
        switch self {
        case .databaseMissing, .databaseUnreadable, .databaseTooNew, .databaseNeedsUpgrade, .fileAccess: true
        default: false
        }
    }
}
