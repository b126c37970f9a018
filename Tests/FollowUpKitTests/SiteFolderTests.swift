import Foundation
import Testing
import FollowUpModel
import FollowUpTestSupport
@testable import FollowUpPublishing

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
