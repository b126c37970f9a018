import Foundation
import Testing
import FollowUpModel
import FollowUpTestSupport
@testable import FollowUpPublishing
import FollowUpStore

/// The folder a site is published into, below the command.
@Suite("The published site's folder")
struct SiteFolderTests {
    @Test("a folder is marked as a site before anything is written: a publication cut short is resumed, not refused")
    func markedFirst() throws {
        let folder = TemporaryFolder()
        let site = folder.file("site")
        _ = try SiteFolder(path: site)
        #expect(FileManager.default.fileExists(atPath: site + "/" + SiteFolder.manifestName))
        // A page written, then the publication stops before it finishes.
        var files = SiteFiles(root: URL(fileURLWithPath: site))
        try files.write("en/index.html", "<p>half</p>")
        // The next publication accepts the folder; one into a folder of other files does not.
        _ = try SiteFolder(path: site)
        try FileManager.default.createDirectory(atPath: folder.file("other"), withIntermediateDirectories: true)
        try "mine".write(toFile: folder.file("other/notes.txt"), atomically: true, encoding: .utf8)
        #expect(throws: FollowUpError.self) { try SiteFolder(path: folder.file("other")) }
    }
}

/// What a site reads, it reads from one snapshot.
@Suite("Consistent reads")
struct ConsistentReadTests {
    @Test("inside consistentRead, another connection's write shows in no read; after it, in every read")
    func oneSnapshot() throws {
        let cli = try CLIHarness.seeded()
        let reader = try AppDatabase.open(path: cli.databasePath, access: .read)
        let writer = try AppDatabase.open(path: cli.databasePath)
        let key = "E/2020/31 DR-II (a)(v)"
        let before = try reader.history(key).count
        let seen = try reader.consistentRead { () throws(FollowUpError) in
            let first = try reader.history(key).count
            _ = try writer.recordProgress(
                ProgressUpdate(key: key, actor: "KEN", status: .implemented, asOf: testToday), clock: testClock,
                uid: "consistent-read")
            return (first, try reader.history(key).count, try reader.journalHead().lastRow)
        }
        #expect(seen.0 == before && seen.1 == before)
        #expect(try reader.history(key).count == before + 1)
        #expect(try reader.journalHead().lastRow > seen.2)
        // Writing inside it is refused, not a crash.
        #expect(throws: FollowUpError.self) {
            try writer.consistentRead { () throws(FollowUpError) in
                try writer.recordProgress(
                    ProgressUpdate(key: key, actor: "ETH", status: .planned, asOf: testToday), clock: testClock,
                    uid: "inside")
            }
        }
    }
}
