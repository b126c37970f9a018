import FollowUpModel
import Foundation

/// The folder a site is published into: each file written only when its bytes change, each write
/// atomic (a hidden file beside it, then a rename), and the files of an earlier publication that
/// are no longer part of the site removed. A manifest (`.followup-site`) lists what FollowUp
/// wrote, so that nothing else in the folder is ever touched, and a folder that holds files but
/// no manifest is refused before anything is written.
struct SiteFolder {
    static let manifestName = ".followup-site"
    static let manifestHeader =
        "# Files published by followup publish; the next publish removes those it no longer writes."

    let root: URL
    /// What the previous publication wrote, relative to `root`.
    private let previous: Set<String>

    /// Opens `path` for publishing: creates it when missing; refuses a file, or a folder holding
    /// anything but an earlier publication.
    init(path: String) throws(FollowUpError) {
        root = URL(fileURLWithPath: path).standardizedFileURL
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: root.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw .outputExists(path: path, reason: "it is a file; publish into a folder")
            }
            let manifest = root.appendingPathComponent(Self.manifestName)
            if let text = try? String(contentsOf: manifest, encoding: .utf8) {
                previous = Set(
                    text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
            } else {
                let entries = (try? files.contentsOfDirectory(atPath: root.path)) ?? []
                guard entries.isEmpty else {
                    throw .outputExists(
                        path: path,
                        reason:
                            "the folder holds \(entries.count) file\(entries.count == 1 ? "" : "s") that followup publish did not write; publish into a new or empty folder"
                    )
                }
                previous = []
            }
        } else {
            do {
                try files.createDirectory(at: root, withIntermediateDirectories: true)
            } catch {
                throw .outputFailed(
                    path: path, reason: "cannot create the folder: \(error.localizedDescription)", saved: false)
            }
            previous = []
        }
        // The folder is a site from now on: a publication that fails halfway leaves a folder the
        // next one accepts (and completes), not one it refuses as someone else's.
        let manifest = root.appendingPathComponent(Self.manifestName)
        if !files.fileExists(atPath: manifest.path) {
            do {
                try Data((Self.manifestHeader + "\n").utf8).write(to: manifest, options: .atomic)
            } catch {
                throw .outputFailed(
                    path: manifest.path, reason: "cannot write: \(error.localizedDescription)", saved: false)
            }
        }
    }

    /// Removes what the previous publication wrote and this one did not (`written`), then records
    /// this one's files; returns how many were removed. Folders left empty are removed too.
    func finish(_ written: [String]) throws(FollowUpError) -> Int {
        let seen = Set(written)
        var removed = 0
        let files = FileManager.default
        for relative in previous.subtracting(seen).sorted() {
            // Only paths inside the folder: a manifest edited to name "../x" removes nothing.
            guard !relative.split(separator: "/").contains(".."), !relative.hasPrefix("/"),
                Self.isInside(root, folderOf: relative)
            else { continue }
            let url = root.appendingPathComponent(relative)
            if (try? files.removeItem(at: url)) != nil { removed += 1 }
            var folder = url.deletingLastPathComponent()
            while folder.path.count > root.path.count,
                (try? files.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
            {
                try? files.removeItem(at: folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        let manifest = ([Self.manifestHeader] + written.sorted()).joined(separator: "\n") + "\n"
        let url = root.appendingPathComponent(Self.manifestName)
        if (try? Data(contentsOf: url)) != Data(manifest.utf8) {
            do {
                try Data(manifest.utf8).write(to: url, options: .atomic)
            } catch {
                throw .outputFailed(path: url.path, reason: "cannot write: \(error.localizedDescription)", saved: false)
            }
        }
        return removed
    }

    /// Whether every folder on the way from `root` to `relative` is a folder (not a link to one
    /// elsewhere), so that what is written or removed there stays inside the site.
    static func isInside(_ root: URL, folderOf relative: String) -> Bool {
        var path = root.path
        for component in relative.split(separator: "/").dropLast() {
            path += "/" + component
            guard kind(path) == .folder else { return false }
        }
        return true
    }

    enum Kind { case missing, file, folder, other }

    /// What is at `path`, links not followed.
    static func kind(_ path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }
}

/// The files one part of a publication writes (the shared files, or one language's pages), each
/// only when its bytes change, each atomically; parts run side by side, each with its own.
struct SiteFiles {
    let root: URL
    /// What this part wrote, relative to `root`.
    private(set) var written: [String] = []
    private(set) var changed = 0
    private(set) var unchanged = 0
    /// The pages written, with their titles, for the site map.
    var pages: [(path: String, title: String)] = []
    private var seen: Set<String> = []
    /// The folders found to be folders (not links), by path.
    private var folders: Set<String> = []

    init(root: URL) { self.root = root }

    /// Writes `text` at `relative` (folders created as needed), unless the file holds it already.
    mutating func write(_ relative: String, _ text: String) throws(FollowUpError) {
        try write(relative, Data(text.utf8))
    }

    mutating func write(_ relative: String, _ data: Data) throws(FollowUpError) {
        guard seen.insert(relative).inserted else {
            throw .internalError("the site writes \(relative) twice")
        }
        written.append(relative)
        let url = root.appendingPathComponent(relative)
        let kind = SiteFolder.kind(url.path)
        if kind == .file, let existing = try? Data(contentsOf: url), existing == data {
            unchanged += 1
            return
        }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).publishing")
        do {
            try makeFolders(for: relative)
            if kind == .missing {
                try Self.save(data, to: url.path)
            } else {
                // A reader of the old site never sees half a page: the new one replaces it whole.
                // A link put in a page's place is replaced, never followed.
                unlink(temporary.path)
                try Self.save(data, to: temporary.path)
                if rename(temporary.path, url.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            }
        } catch {
            unlink(temporary.path)
            throw .outputFailed(path: url.path, reason: "cannot write: \(error.localizedDescription)", saved: false)
        }
        changed += 1
    }

    /// The folders on the way to `relative`, created where missing; a link or a file where a
    /// folder should be is refused, so that nothing is written outside the site.
    private mutating func makeFolders(for relative: String) throws {
        var path = root.path
        for component in relative.split(separator: "/").dropLast() {
            path += "/" + component
            if folders.contains(path) { continue }
            switch SiteFolder.kind(path) {
            case .folder: break
            case .missing:
                if mkdir(path, 0o755) != 0 && errno != EEXIST {
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                guard SiteFolder.kind(path) == .folder else { throw POSIXError(.ENOTDIR) }
            case .file, .other:
                throw CocoaError(
                    .fileWriteUnknown,
                    userInfo: [NSLocalizedDescriptionKey: "\(path) is not a folder (a file or a link): remove it"])
            }
            folders.insert(path)
        }
    }

    /// Writes `data` to a new file, without flushing it to the disk on the way (as
    /// `Data.write` does): a site is rewritten whole by publishing again, and tens of thousands
    /// of flushes would cost more than the writing.
    private static func save(_ data: Data, to path: String) throws {
        // A new file only, never through a link: O_EXCL | O_NOFOLLOW.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += count
            }
        }
    }

    /// Takes in what `other` wrote (another part of the same publication).
    mutating func merge(_ other: SiteFiles) {
        written += other.written
        changed += other.changed
        unchanged += other.unchanged
    }
}
