import Foundation
import GRDB
import Hummingbird
import NIOPosix

/// `followup-floor-server PORT DATABASE`: the floor the server's submit route is measured against
/// (Scripts/load-test.py, issue #27): a minimal Hummingbird route that inserts one row into SQLite
/// per request, through GRDB on the thread pool for blocking work, and answers 303 as the real
/// route does. No session, no form token, no checks: what any web application over SQLite pays.
let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: followup-floor-server PORT DATABASE\n".utf8))
    exit(64)
}
var configuration = Configuration()
configuration.busyMode = .timeout(30)
let database = try DatabasePool(path: arguments[2], configuration: configuration)
try database.write { db in
    try db.execute(
        sql: "CREATE TABLE IF NOT EXISTS floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)")
}

let router = Router()
router.post("/submit") { request, _ -> Response in
    let body = String(buffer: try await request.body.collect(upTo: 64 * 1024))
    let at = Date().formatted(.iso8601)
    try await NIOThreadPool.singleton.runIfActive {
        try database.write { db in
            try db.execute(sql: "INSERT INTO floor (body, at) VALUES (?, ?)", arguments: [body, at])
        }
    }
    var headers = HTTPFields()
    headers[.location] = "/done"
    return Response(status: .seeOther, headers: headers)
}
let application = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "floor"))
try await application.runService()
