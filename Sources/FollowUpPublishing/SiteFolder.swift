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
    }

    /// Removes what the previous publication wrote and this one did not (`written`), then records
    /// this one's files; returns how many were removed. Folders left empty are removed too.
    func finish(_ written: [String]) throws(FollowUpError) -> Int {
        let seen = Set(written)
        var removed = 0
        let files = FileManager.default
        for relative in previous.subtracting(seen).sorted() {
            // Only paths inside the folder: a manifest edited to name "../x" removes nothing.
            guard !relative.split(separator: "/").contains(".."), !relative.hasPrefix("/") else { continue }
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
        let exists = FileManager.default.fileExists(atPath: url.path)
        if exists, let existing = try? Data(contentsOf: url), existing == data {
            unchanged += 1
            return
        }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).publishing")
        do {
            if !FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            if exists {
                // A reader of the old site never sees half a page: the new one replaces it whole.
                try Self.save(data, to: temporary.path)
                if rename(temporary.path, url.path) != 0 { throw CocoaError(.fileWriteUnknown) }
            } else {
                try Self.save(data, to: url.path)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .outputFailed(path: url.path, reason: "cannot write: \(error.localizedDescription)", saved: false)
        }
        changed += 1
    }

    /// Writes `data` to a new or truncated file, without flushing it to the disk on the way (as
    /// `Data.write` does): a site is rewritten whole by publishing again, and tens of thousands
    /// of flushes would cost more than the writing.
    private static func save(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
